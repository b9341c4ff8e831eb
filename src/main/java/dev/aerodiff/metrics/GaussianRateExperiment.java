package dev.aerodiff.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.hipparchus.random.RandomGenerator;

/**
 * How fast the empirical measure of n draws from the standard Gaussian N(0, I_D) approaches the
 * distribution in W_1, and the fitted exponent of {@code E W_1 ~ n^slope} ({@link RateFit}).
 * Theory (Fournier and Guillin, PTRF 162, 2015; Ajtai, Komlos and Tusnady for D = 2): the exponent
 * is -1/2 for D = 1, -1/2 up to a log factor for D = 2, and -1/D for D >= 3.
 *
 * <p>How W_1 is measured, exactly in every case (no entropic regularisation):
 * <ul>
 *   <li>D = 1: W_1 between the empirical measure and N(0, 1) itself, in closed form
 *       ({@link Wasserstein1D#w1ToNormalSorted}); no reference sample.</li>
 *   <li>D >= 2: W_1 between the n draws and an independent reference sample of k n draws
 *       ({@code referenceFactor} k), by {@link ExactWasserstein} (assignment for k = 1, network
 *       simplex otherwise). By convexity of W_1 and the triangle inequality,
 *       {@code E W_1(mu_n, mu) <= E W_1(mu_n, nu_kn) <= E W_1(mu_n, mu) + E W_1(nu_kn, mu)}, so the
 *       two-sample value decays with the same exponent (asymptotically within a factor
 *       1 + k^(-1/D) for D >= 3, 1 + k^(-1/2) below).</li>
 * </ul>
 * Randomness: the draws of size n and repeat r come from their own stream of {@code seed}, so a
 * point does not change when sizes or repeats are added.
 */
public final class GaussianRateExperiment {

    /**
     * @param dim             dimension D, at least 1
     * @param sizes           sample sizes n, each at least 2, at least 2 distinct
     * @param repeats         independent repeats per size, at least 1 (3 or more points in all)
     * @param seed            seed of all draws
     * @param referenceFactor k: the reference sample has k n points (D >= 2 only), at least 1
     */
    public record Config(int dim, int[] sizes, int repeats, long seed, int referenceFactor) {
        /** @throws IllegalArgumentException if a parameter is out of range */
        public Config {
            if (dim < 1) {
                throw new IllegalArgumentException("dimension must be >= 1, got " + dim);
            }
            if (repeats < 1 || referenceFactor < 1) {
                throw new IllegalArgumentException("repeats and reference factor must be >= 1, got " + repeats
                        + " and " + referenceFactor);
            }
            if (sizes.length * repeats < 3 || Arrays.stream(sizes).distinct().count() < 2) {
                throw new IllegalArgumentException("a rate fit needs at least 2 distinct sizes and 3 points in all, got "
                        + sizes.length + " sizes x " + repeats + " repeats");
            }
            for (int n : sizes) {
                if (n < 2) {
                    throw new IllegalArgumentException("sample sizes must be >= 2, got " + n);
                }
            }
            sizes = sizes.clone();
        }
    }

    /**
     * @param n             sample size
     * @param referenceSize size of the reference sample, 0 for the exact 1-D comparison
     * @param w1            W_1 of each repeat
     */
    public record Point(int n, int referenceSize, double[] w1) {
        /** @return the mean of {@link #w1} */
        public double meanW1() {
            return Arrays.stream(w1).average().orElse(Double.NaN);
        }
    }

    /**
     * @param config           what was run
     * @param points           one per size, in the order given
     * @param fit              log-log fit over all (n, W_1) pairs, every repeat a point
     * @param theoreticalSlope -1/2 for D = 1 and 2, -1/D for D >= 3
     * @param estimator        how W_1 was computed, in words
     */
    public record Result(Config config, List<Point> points, RateFit fit, double theoreticalSlope, String estimator) {
    }

    private GaussianRateExperiment() {
    }

    /** @return the theoretical exponent of E W_1 for dimension D: -1/2 for D <= 2 (D = 2 up to a log factor), -1/D above */
    public static double theoreticalSlope(int dim) {
        return dim <= 2 ? -0.5 : -1.0 / dim;
    }

    /**
     * @param config   sizes, repeats, seed
     * @param progress called with the index of each finished (size, repeat) pair
     * @return the measured points and their fit
     */
    public static Result run(Config config, IntConsumer progress) {
        List<Point> points = new ArrayList<>();
        int pairs = config.sizes().length * config.repeats();
        double[] allN = new double[pairs];
        double[] allW = new double[pairs];
        int done = 0;
        for (int n : config.sizes()) {
            double[] w = new double[config.repeats()];
            for (int r = 0; r < config.repeats(); r++) {
                w[r] = measure(config, n, r);
                allN[done] = n;
                allW[done] = w[r];
                progress.accept(done++);
            }
            points.add(new Point(n, config.dim() == 1 ? 0 : config.referenceFactor() * n, w));
        }
        return new Result(config, List.copyOf(points), RateFit.fit(allN, allW), theoreticalSlope(config.dim()),
                estimator(config));
    }

    /** @return a sentence saying how W_1 was computed for this configuration */
    public static String estimator(Config config) {
        if (config.dim() == 1) {
            return "exact W1 between the empirical measure of n draws and N(0,1), closed-form quantile integral";
        }
        return "exact W1 (" + (config.referenceFactor() == 1 ? ExactWasserstein.ASSIGNMENT : ExactWasserstein.TRANSPORT)
                + ") between n draws and an independent reference sample of " + config.referenceFactor()
                + " x n draws from N(0, I_" + config.dim() + ")";
    }

    private static double measure(Config config, int n, int repeat) {
        int dim = config.dim();
        double[] sample = gaussian(SeedStreams.stream(config.seed(), n, repeat, 0), n * dim);
        if (dim == 1) {
            Arrays.sort(sample);
            return Wasserstein1D.w1ToNormalSorted(sample, 0, 1);
        }
        int m = config.referenceFactor() * n;
        double[] reference = gaussian(SeedStreams.stream(config.seed(), n, repeat, 1), m * dim);
        return ExactWasserstein.w1(new PointCloud(n, dim, sample), new PointCloud(m, dim, reference));
    }

    private static double[] gaussian(RandomGenerator random, int count) {
        double[] x = new double[count];
        for (int k = 0; k < count; k++) {
            x[k] = random.nextGaussian();
        }
        return x;
    }
}
