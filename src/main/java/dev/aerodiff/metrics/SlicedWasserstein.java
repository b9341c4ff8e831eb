package dev.aerodiff.metrics;

import org.hipparchus.random.RandomGenerator;

/**
 * Sliced Wasserstein distance between two equal-weight point clouds in R^d, for high-dimensional
 * samples such as whole flow fields:
 * <pre>
 *   SW_p^p(mu, nu) = E_theta [ W_p^p(theta#mu, theta#nu) ],   theta uniform on the unit sphere
 * </pre>
 * estimated by Monte Carlo over {@code directions} random unit vectors (normalised Gaussian
 * vectors drawn from {@code seed}); each projected pair is compared exactly in 1-D
 * ({@link Wasserstein1D}). The estimate is random: the same seed gives the same value, and the
 * method names say that the result is sliced. SW_p <= W_p.
 */
public final class SlicedWasserstein {

    private SlicedWasserstein() {
    }

    /**
     * @param a          first cloud
     * @param b          second cloud, same dimension
     * @param p          exponent, at least 1
     * @param directions number of random directions, at least 1
     * @param seed       seed of the directions
     * @return the Monte-Carlo estimate of {@code SW_p^p}
     * @throws IllegalArgumentException if the dimensions differ, p < 1 or directions < 1
     */
    public static double slicedWpPowP(PointCloud a, PointCloud b, double p, int directions, long seed) {
        if (a.dim() != b.dim()) {
            throw new IllegalArgumentException("point clouds of different dimensions: " + a.dim() + " and " + b.dim());
        }
        if (directions < 1) {
            throw new IllegalArgumentException("sliced Wasserstein needs at least one direction, got " + directions);
        }
        CostMatrix.checkExponent(p);
        int dim = a.dim();
        double[] theta = new double[dim];
        double[] projA = new double[a.size()];
        double[] projB = new double[b.size()];
        double sum = 0;
        for (int k = 0; k < directions; k++) {
            randomUnitVector(SeedStreams.stream(seed, k), theta);
            project(a, theta, projA);
            project(b, theta, projB);
            java.util.Arrays.sort(projA);
            java.util.Arrays.sort(projB);
            sum += Wasserstein1D.wpPowPSorted(projA, projB, p);
        }
        return sum / directions;
    }

    /** @return the Monte-Carlo estimate of the sliced W_1 distance */
    public static double slicedW1(PointCloud a, PointCloud b, int directions, long seed) {
        return slicedWpPowP(a, b, 1, directions, seed);
    }

    /** @return the Monte-Carlo estimate of the sliced W_2 distance (not squared) */
    public static double slicedW2(PointCloud a, PointCloud b, int directions, long seed) {
        return Math.sqrt(slicedWpPowP(a, b, 2, directions, seed));
    }

    private static void randomUnitVector(RandomGenerator random, double[] theta) {
        double norm;
        do {
            norm = 0;
            for (int k = 0; k < theta.length; k++) {
                theta[k] = random.nextGaussian();
                norm += theta[k] * theta[k];
            }
        } while (norm == 0);
        double scale = 1 / Math.sqrt(norm);
        for (int k = 0; k < theta.length; k++) {
            theta[k] *= scale;
        }
    }

    private static void project(PointCloud cloud, double[] theta, double[] out) {
        double[] x = cloud.coordsView();
        int dim = cloud.dim();
        for (int i = 0; i < out.length; i++) {
            double dot = 0;
            int base = i * dim;
            for (int k = 0; k < dim; k++) {
                dot += x[base + k] * theta[k];
            }
            out[i] = dot;
        }
    }
}
