package dev.aerodiff.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactWassersteinTest {

    @Test
    void identicalCloudsAreAtDistanceZero() {
        PointCloud a = Clouds.gaussian(new Random(1), 50, 3, 0, 1);
        assertEquals(0, ExactWasserstein.w1(a, a), 1e-12);
        assertEquals(0, ExactWasserstein.w2Squared(a, a), 1e-12);
        // the same points in another order, and each point twice (n != m)
        PointCloud doubled = Clouds.replicated(a, 2);
        assertEquals(0, ExactWasserstein.w1(a, doubled), 1e-12);
    }

    @Test
    void aTranslatedCloudIsAtTheLengthOfTheTranslation() {
        PointCloud a = Clouds.gaussian(new Random(2), 80, 3, 0, 1);
        double[] t = {0.3, -0.4, 1.2};
        double length = Math.sqrt(0.09 + 0.16 + 1.44);
        PointCloud b = Clouds.translated(a, t);
        assertEquals(length, ExactWasserstein.w1(a, b), 1e-12);
        assertEquals(length, ExactWasserstein.w2(a, b), 1e-12);
        assertEquals(length * length, ExactWasserstein.w2Squared(a, b), 1e-12);
    }

    @Test
    void isSymmetricAndObeysTheTriangleInequality() {
        Random random = new Random(3);
        for (int trial = 0; trial < 10; trial++) {
            int dim = 1 + trial % 4;
            PointCloud a = Clouds.gaussian(random, 30 + trial, dim, 0, 1);
            PointCloud b = Clouds.gaussian(random, 25 + 2 * trial, dim, 0.5, 2);
            PointCloud c = Clouds.gaussian(random, 40, dim, -1, 0.5);
            for (double p : new double[] {1, 2}) {
                double ab = ExactWasserstein.compute(a, b, p).distance();
                double ba = ExactWasserstein.compute(b, a, p).distance();
                double ac = ExactWasserstein.compute(a, c, p).distance();
                double cb = ExactWasserstein.compute(c, b, p).distance();
                assertEquals(ab, ba, 1e-10 * ab, "symmetry");
                assertTrue(ab <= ac + cb + 1e-10, "triangle inequality p=" + p);
            }
        }
    }

    @Test
    void inOneDimensionEqualsTheQuantileFormula() {
        Random random = new Random(4);
        for (int[] sizes : new int[][] {{40, 40}, {30, 45}, {17, 50}}) {
            PointCloud a = Clouds.gaussian(random, sizes[0], 1, 0, 1);
            PointCloud b = Clouds.gaussian(random, sizes[1], 1, 0.7, 1.3);
            for (double p : new double[] {1, 2, 3}) {
                double exact = ExactWasserstein.compute(a, b, p).distancePowP();
                double quantile = Wasserstein1D.wpPowPSorted(Wasserstein1D.sorted(a.coords()),
                        Wasserstein1D.sorted(b.coords()), p);
                assertEquals(quantile, exact, 1e-10 * quantile, sizes[0] + " vs " + sizes[1] + ", p = " + p);
            }
        }
    }

    @Test
    void w2BetweenGaussianSamplesApproachesTheClosedForm() {
        // W2^2(N(m1, s1^2 I), N(m2, s2^2 I)) = |m1 - m2|^2 + d (s1 - s2)^2 = 2 * 0.25 + 2 * 0.25 = 1 in 2-D;
        // the empirical bias at n = 1500 is a few percent
        Random random = new Random(5);
        PointCloud a = Clouds.gaussian(random, 1500, 2, 0, 1);
        PointCloud b = Clouds.gaussian(random, 1500, 2, 0.5, 1.5);
        assertEquals(1.0, ExactWasserstein.w2Squared(a, b), 0.1);
    }

    @Test
    void reportsTheSolver() {
        Random random = new Random(6);
        PointCloud a = Clouds.gaussian(random, 5, 2, 0, 1);
        assertEquals(ExactWasserstein.ASSIGNMENT, ExactWasserstein.compute(a, a, 1).solver());
        assertEquals(ExactWasserstein.TRANSPORT,
                ExactWasserstein.compute(a, Clouds.gaussian(random, 7, 2, 0, 1), 1).solver());
    }

    @Test
    void rejectsMismatchedDimensionsAndSmallExponents() {
        Random random = new Random(7);
        PointCloud a = Clouds.gaussian(random, 5, 2, 0, 1);
        PointCloud b = Clouds.gaussian(random, 5, 3, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> ExactWasserstein.w1(a, b));
        assertThrows(IllegalArgumentException.class, () -> ExactWasserstein.compute(a, a, 0.5));
    }
}
