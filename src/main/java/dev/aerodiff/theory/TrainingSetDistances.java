package dev.aerodiff.theory;

import java.util.Arrays;

/**
 * Euclidean distances from samples to a training set x_1..x_N: the nearest and second-nearest
 * training point of a sample, and the typical spacing of the set (the median over training points
 * of the distance to their nearest other training point). A sample with d1/d2 &lt; 1/3 counts as a
 * copy of its nearest training point (DESIGN.md, section 8).
 */
public final class TrainingSetDistances {
    /** d1/d2 below which a sample counts as a copy. */
    public static final double COPY_RATIO = 1.0 / 3;

    private final double[][] points;

    /**
     * A sample's nearest training points.
     *
     * @param index    index of the nearest training point
     * @param distance d1, distance to it
     * @param second   d2, distance to the second-nearest (infinite for N = 1)
     */
    public record Nearest(int index, double distance, double second) {
        /** @return d1/d2, 0 for a sample on a training point */
        public double ratio() {
            return distance == 0 ? 0 : distance / second;
        }

        /** @return whether d1/d2 &lt; 1/3 */
        public boolean isCopy() {
            return ratio() < COPY_RATIO;
        }
    }

    /**
     * @param points the training set, N x D, N &gt;= 1
     * @throws IllegalArgumentException for an empty set or ragged rows
     */
    public TrainingSetDistances(double[][] points) {
        if (points.length == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        for (double[] p : points) {
            if (p.length != points[0].length) {
                throw new IllegalArgumentException("training points have " + p.length + " and " + points[0].length
                        + " values");
            }
        }
        this.points = points.clone();
    }

    /**
     * @param x a sample, D values
     * @return its nearest and second-nearest training points
     */
    public Nearest nearest(double[] x) {
        int best = -1;
        double d1 = Double.POSITIVE_INFINITY;
        double d2 = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.length; i++) {
            double d = distance(x, points[i]);
            if (d < d1) {
                d2 = d1;
                d1 = d;
                best = i;
            } else if (d < d2) {
                d2 = d;
            }
        }
        return new Nearest(best, d1, d2);
    }

    /** @return the median distance of a training point to its nearest other training point (0 for N = 1) */
    public double typicalSpacing() {
        if (points.length < 2) {
            return 0;
        }
        double[] nn = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            nn[i] = Double.POSITIVE_INFINITY;
            for (int j = 0; j < points.length; j++) {
                if (j != i) {
                    nn[i] = Math.min(nn[i], distance(points[i], points[j]));
                }
            }
        }
        Arrays.sort(nn);
        int n = nn.length;
        return n % 2 == 1 ? nn[n / 2] : 0.5 * (nn[n / 2 - 1] + nn[n / 2]);
    }

    private static double distance(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("expected " + b.length + " values, got " + a.length);
        }
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(s);
    }
}
