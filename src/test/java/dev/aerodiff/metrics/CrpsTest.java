package dev.aerodiff.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CrpsTest {

    /** The definitions, O(M^2). */
    private static double bruteForce(double[] x, double y, boolean fair) {
        int m = x.length;
        double first = 0;
        double pairs = 0;
        for (int i = 0; i < m; i++) {
            first += Math.abs(x[i] - y) / m;
            for (int j = 0; j < m; j++) {
                pairs += Math.abs(x[i] - x[j]);
            }
        }
        return first - pairs / (fair ? 2.0 * m * (m - 1) : 2.0 * m * m);
    }

    @Test
    void sortedFormulaEqualsTheDefinition() {
        Random random = new Random(1);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = Wasserstein1D.sorted(new double[] {random.nextGaussian(), random.nextGaussian(),
                random.nextGaussian(), random.nextGaussian(), random.nextGaussian()});
            double[] ys = Wasserstein1D.sorted(new double[] {random.nextGaussian(), 3, -3});
            double meanFair = 0;
            for (double y : ys) {
                assertEquals(bruteForce(x, y, false), Crps.ensemble(x, y, Crps.Estimator.STANDARD), 1e-12);
                assertEquals(bruteForce(x, y, true), Crps.ensemble(x, y, Crps.Estimator.FAIR), 1e-12);
                meanFair += bruteForce(x, y, true) / ys.length;
            }
            assertEquals(meanFair, Crps.meanOverObservations(x, ys, Crps.Estimator.FAIR), 1e-12);
        }
    }

    @Test
    void aSingleMemberScoresTheAbsoluteError() {
        assertEquals(2.5, Crps.ensemble(new double[] {1}, 3.5, Crps.Estimator.STANDARD), 0);
        assertThrows(IllegalArgumentException.class, () -> Crps.ensemble(new double[] {1}, 3.5, Crps.Estimator.FAIR));
    }

    @Test
    void largeGaussianEnsembleMatchesTheNormalClosedForm() {
        Random random = new Random(2);
        int members = 20_000;
        double[] x = new double[members];
        for (int k = 0; k < members; k++) {
            x[k] = 0.5 + 2 * random.nextGaussian();
        }
        x = Wasserstein1D.sorted(x);
        for (double y : new double[] {0.5, -1, 4}) {
            double closed = Crps.normal(0.5, 2, y);
            assertEquals(closed, Crps.ensemble(x, y, Crps.Estimator.FAIR), 0.02 * closed);
            assertEquals(closed, Crps.ensemble(x, y, Crps.Estimator.STANDARD), 0.02 * closed);
        }
        // known value: CRPS of N(0, 1) at its mean = 2 phi(0) - 1/sqrt(pi) = (sqrt 2 - 1)/sqrt pi
        assertEquals((Math.sqrt(2) - 1) / Math.sqrt(Math.PI), Crps.normal(0, 1, 0), 1e-14);
    }

    @Test
    void fairIsUnbiasedForSmallEnsembles() {
        // average over many 3-member ensembles from N(0,1): fair -> closed form, standard -> higher
        Random random = new Random(3);
        double fair = 0;
        double standard = 0;
        double closed = 0;
        int trials = 40_000;
        for (int t = 0; t < trials; t++) {
            double[] x = Wasserstein1D.sorted(new double[] {random.nextGaussian(), random.nextGaussian(),
                random.nextGaussian()});
            double y = random.nextGaussian();
            fair += Crps.ensemble(x, y, Crps.Estimator.FAIR) / trials;
            standard += Crps.ensemble(x, y, Crps.Estimator.STANDARD) / trials;
            closed += Crps.normal(0, 1, y) / trials;
        }
        assertEquals(closed, fair, 0.01);
        assertEquals(closed + 2 / Math.sqrt(Math.PI) / 6, standard, 0.01,
                "standard estimator is biased up by E|X-X'| / (2M) = (2/sqrt(pi)) / 6");
    }
}
