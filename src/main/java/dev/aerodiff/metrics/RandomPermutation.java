package dev.aerodiff.metrics;

import java.util.SplittableRandom;

/** A uniformly random order of n items (Fisher-Yates), for splitting and resampling ensembles. */
public final class RandomPermutation {
    private RandomPermutation() {
    }

    /**
     * @param n      number of items
     * @param random the source of randomness (advanced by n - 1 draws)
     * @return 0 .. n - 1 in random order
     */
    public static int[] of(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
