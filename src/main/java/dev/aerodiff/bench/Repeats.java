package dev.aerodiff.bench;

import dev.aerodiff.metrics.EnsembleQuantile;
import java.util.Arrays;
import java.util.function.IntConsumer;

/** Timed repeats of a piece of work after untimed warm-up runs. */
final class Repeats {
    private Repeats() {
    }

    /**
     * @param work     the work
     * @param warmup   untimed runs first
     * @param repeats  timed runs
     * @param progress called after each timed run with {@code offset} plus its index
     * @param offset   added to the index passed to {@code progress}
     * @return wall time of each timed run in ms
     */
    static double[] time(Runnable work, int warmup, int repeats, IntConsumer progress, int offset) {
        for (int k = 0; k < warmup; k++) {
            work.run();
        }
        double[] ms = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            long start = System.nanoTime();
            work.run();
            ms[k] = (System.nanoTime() - start) / 1e6;
            progress.accept(offset + k);
        }
        return ms;
    }

    /** @return the median */
    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return EnsembleQuantile.of(s, 0.5);
    }
}
