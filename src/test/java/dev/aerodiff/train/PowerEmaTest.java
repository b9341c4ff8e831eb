package dev.aerodiff.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PowerEmaTest {
    @Test
    void theExponentIsTheOneOfThePaperForItsWidths() {
        // Karras et al. 2024 pair sigma_rel 0.05 with gamma 16.97 and 0.10 with 6.94
        assertEquals(16.97, new PowerEma(0.05).gamma(), 0.01);
        assertEquals(6.94, new PowerEma(0.10).gamma(), 0.01);
        assertEquals(0.10, PowerEma.relativeStd(new PowerEma(0.10).gamma()), 1e-9);
    }

    /**
     * The recursion with decay (1 - 1/t)^(gamma + 1) weighs step s by
     * (s^(gamma+1) - (s-1)^(gamma+1)) / T^(gamma+1): the first step's weights are forgotten only as
     * the run grows, and the profile's standard deviation is the asked fraction of the run.
     */
    @Test
    void afterTStepsTheAverageWeighsEachStepAsThePowerProfile() {
        PowerEma ema = new PowerEma(0.10);
        double g1 = ema.gamma() + 1;
        int steps = 2000;
        double average = 0;
        for (int t = 1; t <= steps; t++) {
            double decay = ema.decayAt(t);
            average = decay * average + (1 - decay) * Math.sin(t);
        }
        double expected = 0;
        double meanStep = 0;
        double meanSquare = 0;
        for (int s = 1; s <= steps; s++) {
            double weight = (Math.pow(s, g1) - Math.pow(s - 1, g1)) / Math.pow(steps, g1);
            expected += weight * Math.sin(s);
            meanStep += weight * s;
            meanSquare += weight * s * s;
        }
        assertEquals(expected, average, 1e-12);
        double std = Math.sqrt(meanSquare - meanStep * meanStep) / steps;
        assertEquals(0.10, std, 0.001);
        assertEquals(0.0, ema.decayAt(1), "the first step's average is its weights");
    }

    @Test
    void widthsOutsideTheRangeAreRefused() {
        for (double bad : new double[] {0, -0.1, 0.29, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PowerEma(bad));
            assertTrue(e.getMessage().contains("relative std"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new PowerEma(0.1).decayAt(0));
    }
}
