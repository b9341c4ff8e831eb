package dev.aerodiff.cli;

import java.util.Locale;

/** Refuses, before any work, exact transport problems whose dense cost matrix would not fit the heap. */
final class CostMatrixMemory {
    private CostMatrixMemory() {
    }

    /**
     * @param n    points of the first cloud
     * @param m    points of the second cloud
     * @param what what asks for it, for the message (an option or a file)
     * @throws IllegalArgumentException if 8 n m bytes exceed 80% of the maximum heap
     */
    static void require(long n, long m, String what) {
        long bytes = 8L * n * m;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > 0.8 * heap || n * m > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %d x %d points need a %.0f MB cost "
                    + "matrix, more than the Java heap allows (%.0f MB); raise it with java -Xmx", what, n, m,
                    bytes / 1e6, heap / 1e6));
        }
    }
}
