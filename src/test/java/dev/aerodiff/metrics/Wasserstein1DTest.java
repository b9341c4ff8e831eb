package dev.aerodiff.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Wasserstein1DTest {

    private static double[] gaussian(Random random, int n, double mean, double sd) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = mean + sd * random.nextGaussian();
        }
        return x;
    }

    @Test
    void w1BetweenShiftedSamplesIsTheShift() {
        double[] a = gaussian(new Random(1), 200, 0, 1);
        double[] b = a.clone();
        for (int k = 0; k < b.length; k++) {
            b[k] += 0.37;
        }
        assertEquals(0.37, Wasserstein1D.w1(a, b), 1e-12);
        assertEquals(0.37, Wasserstein1D.w2(a, b), 1e-12);
        assertEquals(0.37 * 0.37, Wasserstein1D.w2Squared(a, b), 1e-12);
    }

    @Test
    void unequalSizesEqualTheReplicatedEqualSizeSum() {
        Random random = new Random(2);
        double[] a = Wasserstein1D.sorted(gaussian(random, 6, 0, 1));
        double[] b = Wasserstein1D.sorted(gaussian(random, 4, 0.5, 2));
        // lcm 12: each a value 2 times, each b value 3 times, then (1/12) sum |a_k - b_k|^p
        double[] ra = new double[12];
        double[] rb = new double[12];
        for (int k = 0; k < 12; k++) {
            ra[k] = a[k / 2];
            rb[k] = b[k / 3];
        }
        for (double p : new double[] {1, 2, 1.5}) {
            double expected = 0;
            for (int k = 0; k < 12; k++) {
                expected += Math.pow(Math.abs(ra[k] - rb[k]), p) / 12;
            }
            assertEquals(expected, Wasserstein1D.wpPowPSorted(a, b, p), 1e-12, "p = " + p);
        }
    }

    @Test
    void smallKnownAnswer() {
        // mass 1/2 at 0 and 1/2 at 1 against all mass at 0: W1 = 1/2, W2^2 = 1/2
        assertEquals(0.5, Wasserstein1D.w1(new double[] {0, 1}, new double[] {0}), 0);
        assertEquals(0.5, Wasserstein1D.w2Squared(new double[] {1, 0}, new double[] {0, 0, 0}), 1e-15);
        assertEquals(Math.sqrt(0.5), Wasserstein1D.wp(new double[] {0, 1}, new double[] {0}, 2), 1e-15);
    }

    @Test
    void w2BetweenGaussianSamplesApproachesTheClosedForm() {
        // W2^2(N(m1, s1^2), N(m2, s2^2)) = (m1 - m2)^2 + (s1 - s2)^2 = 1 + 0.25
        Random random = new Random(3);
        double w2Squared = Wasserstein1D.w2Squared(gaussian(random, 200_000, 0, 1), gaussian(random, 150_000, 1, 1.5));
        assertEquals(1.25, w2Squared, 0.02);
    }

    @Test
    void w1ToNormalMatchesNumericalQuadratureOfTheQuantileGap() {
        Random random = new Random(4);
        for (int n : new int[] {1, 2, 7, 50}) {
            double[] sample = Wasserstein1D.sorted(gaussian(random, n, 0.3, 1.4));
            double mean = 0.1;
            double sd = 1.2;
            // midpoint rule on u in (0, 1) with Phi^-1 from Hipparchus
            org.hipparchus.distribution.continuous.NormalDistribution normal =
                    new org.hipparchus.distribution.continuous.NormalDistribution(mean, sd);
            int steps = 400_000;
            double integral = 0;
            for (int s = 0; s < steps; s++) {
                double u = (s + 0.5) / steps;
                int k = Math.min(n - 1, (int) Math.floor(u * n));
                integral += Math.abs(sample[k] - normal.inverseCumulativeProbability(u)) / steps;
            }
            assertEquals(integral, Wasserstein1D.w1ToNormalSorted(sample, mean, sd), 2e-4, "n = " + n);
        }
    }

    @Test
    void w1ToNormalOfASinglePointAtTheMeanIsTheMeanAbsoluteDeviation() {
        assertEquals(2 * Math.sqrt(2 / Math.PI), Wasserstein1D.w1ToNormalSorted(new double[] {1}, 1, 2), 1e-12);
    }

    @Test
    void rejectsUnsortedEmptyOrNonFiniteSamples() {
        assertThrows(IllegalArgumentException.class, () -> Wasserstein1D.w1Sorted(new double[] {2, 1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Wasserstein1D.w1(new double[0], new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Wasserstein1D.w1(new double[] {Double.NaN}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Wasserstein1D.wp(new double[] {0}, new double[] {0}, 0.9));
    }
}
