package dev.aerodiff.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RateFitTest {

    @Test
    void recoversAnExactPowerLaw() {
        double[] n = {64, 128, 256, 512, 1024};
        double[] w = new double[n.length];
        for (int k = 0; k < n.length; k++) {
            w[k] = 3.0 * Math.pow(n[k], -1.0 / 3);
        }
        RateFit fit = RateFit.fit(n, w);
        assertEquals(-1.0 / 3, fit.slope(), 1e-12);
        assertEquals(Math.log(3), fit.intercept(), 1e-12);
        assertEquals(1.0, fit.rSquared(), 1e-12);
        assertEquals(fit.slope(), fit.slopeCiLow(), 1e-9);
        assertEquals(fit.slope(), fit.slopeCiHigh(), 1e-9);
        // 3 n^(-1/3) = 0.03  <=>  n = 100^3
        assertEquals(1e6, fit.sizeForTarget(0.03), 1e-3);
        assertEquals(3.0 * Math.pow(2000, -1.0 / 3), fit.predict(2000), 1e-12);
    }

    @Test
    void confidenceIntervalCoversTheTrueSlopeAboutNineteenTimesInTwenty() {
        Random random = new Random(9);
        double[] n = {50, 100, 200, 400, 800, 1600};
        int covered = 0;
        int trials = 400;
        for (int t = 0; t < trials; t++) {
            double[] w = new double[n.length];
            for (int k = 0; k < n.length; k++) {
                w[k] = Math.exp(0.5 - 0.5 * Math.log(n[k]) + 0.1 * random.nextGaussian());
            }
            RateFit fit = RateFit.fit(n, w);
            assertTrue(fit.slopeCiLow() < fit.slope() && fit.slope() < fit.slopeCiHigh());
            covered += fit.slopeCiLow() <= -0.5 && -0.5 <= fit.slopeCiHigh() ? 1 : 0;
        }
        assertEquals(0.95, covered / (double) trials, 0.03);
    }

    @Test
    void extrapolationIsUndefinedForNonDecreasingFits() {
        RateFit fit = RateFit.fit(new double[] {1, 2, 4}, new double[] {1, 2, 4});
        assertTrue(Double.isNaN(fit.sizeForTarget(0.5)));
    }

    @Test
    void rejectsTooFewOrBadPoints() {
        assertThrows(IllegalArgumentException.class, () -> RateFit.fit(new double[] {1, 2}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> RateFit.fit(new double[] {4, 4, 4}, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class,
                () -> RateFit.fit(new double[] {1, 2, 4}, new double[] {1, 0, 3}));
    }
}
