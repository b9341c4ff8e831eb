package dev.aerodiff.metrics;

import java.util.Arrays;

/**
 * Exact Wasserstein distances between one-dimensional samples, through their quantile functions:
 * <pre>
 *   W_p^p(mu, nu) = int_0^1 |F^-1(u) - G^-1(u)|^p du
 * </pre>
 * For equal-weight samples of sizes n and m the quantile functions are step functions with steps
 * at k/n and l/m; the integral is a finite sum over the merged steps, computed in integer units of
 * 1/(n m) so the step lengths are exact. For n = m it is {@code (1/n) sum_k |a_(k) - b_(k)|^p}.
 *
 * <p>Method names say what they return: {@code w2} is W_2, {@code w2Squared} is W_2^2. The
 * {@code ...Sorted} methods expect ascending input and check it; the others sort copies.
 */
public final class Wasserstein1D {
    private Wasserstein1D() {
    }

    /**
     * @param sortedA ascending sample, at least one finite value
     * @param sortedB ascending sample, at least one finite value
     * @param p       exponent, at least 1
     * @return {@code W_p^p} between the two empirical measures
     * @throws IllegalArgumentException if a sample is empty, not ascending or not finite, or p < 1
     */
    public static double wpPowPSorted(double[] sortedA, double[] sortedB, double p) {
        CostMatrix.checkExponent(p);
        checkSorted("first", sortedA);
        checkSorted("second", sortedB);
        long n = sortedA.length;
        long m = sortedB.length;
        double sum = 0;
        int i = 0;
        int j = 0;
        long position = 0;   // in units of 1/(n m)
        while (i < n && j < m) {
            long nextA = (i + 1) * m;
            long nextB = (j + 1) * n;
            long next = Math.min(nextA, nextB);
            double gap = Math.abs(sortedA[i] - sortedB[j]);
            sum += (next - position) * (p == 1 ? gap : p == 2 ? gap * gap : Math.pow(gap, p));
            position = next;
            if (nextA == next) {
                i++;
            }
            if (nextB == next) {
                j++;
            }
        }
        return sum / ((double) n * m);
    }

    /** @return exact W_1 between two ascending samples */
    public static double w1Sorted(double[] sortedA, double[] sortedB) {
        return wpPowPSorted(sortedA, sortedB, 1);
    }

    /** @return exact W_2^2 (squared) between two ascending samples */
    public static double w2SquaredSorted(double[] sortedA, double[] sortedB) {
        return wpPowPSorted(sortedA, sortedB, 2);
    }

    /** @return exact W_1 between two samples in any order */
    public static double w1(double[] a, double[] b) {
        return w1Sorted(sorted(a), sorted(b));
    }

    /** @return exact W_2 (not squared) between two samples in any order */
    public static double w2(double[] a, double[] b) {
        return Math.sqrt(w2Squared(a, b));
    }

    /** @return exact W_2^2 between two samples in any order */
    public static double w2Squared(double[] a, double[] b) {
        return w2SquaredSorted(sorted(a), sorted(b));
    }

    /** @return exact W_p (the distance, not its p-th power) between two samples in any order */
    public static double wp(double[] a, double[] b, double p) {
        return Math.pow(wpPowPSorted(sorted(a), sorted(b), p), 1 / p);
    }

    /**
     * Exact W_1 between an empirical measure and the normal distribution N(mean, sd^2), in closed
     * form: with z_k the standardised k-th order statistic, q the normal cdf of z_k clipped to
     * [k/n, (k+1)/n], and psi(u) = phi(Phi^-1(u)),
     * <pre>
     *   W_1 = sd * sum_k [ z_k (2q - k/n - (k+1)/n) + 2 psi(q) - psi(k/n) - psi((k+1)/n) ]
     * </pre>
     * which is {@code int_0^1 |F_n^-1(u) - Phi^-1(u)| du} split at the crossing point.
     *
     * @param sorted ascending sample
     * @param mean   mean of the normal distribution
     * @param sd     its standard deviation, positive
     * @return W_1 between the sample's empirical measure and N(mean, sd^2)
     */
    public static double w1ToNormalSorted(double[] sorted, double mean, double sd) {
        checkSorted("sample", sorted);
        if (!(sd > 0) || !Double.isFinite(sd) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("normal distribution needs a finite mean and a positive sd, got "
                    + mean + ", " + sd);
        }
        int n = sorted.length;
        double sum = 0;
        double psiLow = 0;   // psi(0) = 0
        for (int k = 0; k < n; k++) {
            double lo = (double) k / n;
            double hi = (double) (k + 1) / n;
            double psiHigh = NormalFunctions.densityAtQuantile(hi);
            double z = (sorted[k] - mean) / sd;
            double cdf = NormalFunctions.cdf(z);
            double q;
            double psiQ;
            if (cdf <= lo) {
                q = lo;
                psiQ = psiLow;
            } else if (cdf >= hi) {
                q = hi;
                psiQ = psiHigh;
            } else {
                q = cdf;
                psiQ = NormalFunctions.density(z);
            }
            sum += z * (2 * q - lo - hi) + 2 * psiQ - psiLow - psiHigh;
            psiLow = psiHigh;
        }
        return sd * sum;
    }

    /** @return an ascending copy */
    public static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static void checkSorted(String name, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the " + name + " sample is empty");
        }
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("the " + name + " sample holds " + values[k] + " at index " + k);
            }
            if (k > 0 && values[k] < values[k - 1]) {
                throw new IllegalArgumentException("the " + name + " sample is not ascending at index " + k);
            }
        }
    }
}
