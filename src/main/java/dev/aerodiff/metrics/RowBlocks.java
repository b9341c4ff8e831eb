package dev.aerodiff.metrics;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Runs independent work on blocks of rows in the common fork-join pool. Every row is computed by
 * the same code whatever the block it falls in, so results do not depend on the number of threads.
 * Small jobs run on the calling thread.
 */
final class RowBlocks {
    /** Below this many cells (rows x columns) a job runs on the calling thread. */
    private static final long PARALLEL_FROM = 1 << 17;

    /** Work on rows {@code [from, to)}. */
    interface Body {
        void run(int from, int to);
    }

    private RowBlocks() {
    }

    /**
     * @param rows    number of rows
     * @param columns cost of one row, in cells, to decide whether threads pay
     * @param body    the work for a block of rows
     */
    static void forEach(int rows, int columns, Body body) {
        int threads = ForkJoinPool.getCommonPoolParallelism() + 1;
        if ((long) rows * columns < PARALLEL_FROM || threads < 2 || rows < 2) {
            body.run(0, rows);
            return;
        }
        int blocks = Math.min(rows, 4 * threads);
        IntStream.range(0, blocks).parallel().forEach(b -> body.run(
                (int) ((long) rows * b / blocks), (int) ((long) rows * (b + 1) / blocks)));
    }
}
