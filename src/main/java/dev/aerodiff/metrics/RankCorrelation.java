package dev.aerodiff.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Spearman's rank correlation: the Pearson correlation of the ranks, tied values sharing their
 * average rank. Used to ask whether a surrogate knows which conditions scatter more than others,
 * whatever the size of its scatter.
 */
public final class RankCorrelation {
    private RankCorrelation() {
    }

    /**
     * @param a values
     * @param b values paired with {@code a}
     * @return the rank correlation in [-1, 1], or NaN if either side has all its values equal
     * @throws IllegalArgumentException if the lengths differ or there are fewer than 3 pairs
     */
    public static double spearman(double[] a, double[] b) {
        if (a.length != b.length || a.length < 3) {
            throw new IllegalArgumentException("rank correlation needs at least 3 pairs, got " + a.length + " and "
                    + b.length + " values");
        }
        return pearson(ranks(a), ranks(b));
    }

    /** @return ranks from 1, ties given the mean of the ranks they span */
    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        Arrays.setAll(order, k -> k);
        Arrays.sort(order, Comparator.comparingDouble(k -> v[k]));
        double[] rank = new double[v.length];
        for (int start = 0; start < v.length; ) {
            int end = start;
            while (end + 1 < v.length && v[order[end + 1]] == v[order[start]]) {
                end++;
            }
            double shared = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                rank[order[k]] = shared;
            }
            start = end + 1;
        }
        return rank;
    }

    private static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int k = 0; k < x.length; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
            syy += (y[k] - my) * (y[k] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }
}
