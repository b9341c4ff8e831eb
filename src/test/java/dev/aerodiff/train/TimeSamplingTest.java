package dev.aerodiff.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Training times: logit-normal, low-noise and high-noise against their quantiles, uniform as before. */
class TimeSamplingTest {
    private static final int N = 200_000;
    /** Four standard errors of a fraction near 1/2 over N draws. */
    private static final double TOLERANCE = 4 * Math.sqrt(0.25 / N);

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void logitNormalTimesHaveTheQuantilesOfTheLogisticOfANormal() {
        SplittableRandom random = new SplittableRandom(5);
        int middleHalf = 0;
        int belowOneSigma = 0;
        for (int i = 0; i < N; i++) {
            double t = TimeSampling.LOGIT_NORMAL.sample(TrainingObjective.FLOW, random);
            assertTrue(t > 0 && t < 1, "t = " + t);
            if (t > sigmoid(-0.6744898) && t < sigmoid(0.6744898)) {
                middleHalf++;
            }
            if (t < sigmoid(1)) {
                belowOneSigma++;
            }
        }
        assertEquals(0.5, middleHalf / (double) N, TOLERANCE, "between the logistic of the normal's quartiles");
        assertEquals(0.8413447, belowOneSigma / (double) N, TOLERANCE, "below the logistic of one sigma");
    }

    @Test
    void discreteLogitNormalTimesAreStepsOfTheSchedule() {
        SplittableRandom random = new SplittableRandom(6);
        int steps = TrainingObjective.DDPM.discreteSteps();
        int firstHalf = 0;
        for (int i = 0; i < N; i++) {
            double t = TimeSampling.LOGIT_NORMAL.sample(TrainingObjective.DDPM, random);
            double k = t * steps;
            assertEquals(Math.rint(k), k, 1e-9, "t = k/T");
            assertTrue(k >= 1 && k <= steps, "k = " + k);
            if (k <= steps / 2) {
                firstHalf++;
            }
        }
        assertEquals(0.5, firstHalf / (double) N, TOLERANCE, "k <= T/2 when the logistic is at most 1/2");
    }

    /** @return the fraction of N draws of {@code sampling} at or below {@code t} */
    private static double fractionAtOrBelow(TimeSampling sampling, TrainingObjective objective, double t, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int below = 0;
        for (int i = 0; i < N; i++) {
            double drawn = sampling.sample(objective, random);
            assertTrue(drawn > 0 && drawn <= 1, "t = " + drawn);
            if (drawn <= t) {
                below++;
            }
        }
        return below / (double) N;
    }

    @Test
    void lowNoiseTimesAreSquaresOfUniformTimes() {
        // P(u^2 <= t) = sqrt(t)
        assertEquals(0.5, fractionAtOrBelow(TimeSampling.LOW_NOISE, TrainingObjective.FLOW, 0.25, 8), TOLERANCE);
        assertEquals(0.25, fractionAtOrBelow(TimeSampling.LOW_NOISE, TrainingObjective.FLOW, 0.0625, 9), TOLERANCE);
        assertEquals(0.9, fractionAtOrBelow(TimeSampling.LOW_NOISE, TrainingObjective.FLOW, 0.81, 10), TOLERANCE);
        // k/T <= 1/4 exactly when u^2 <= 1/4
        assertEquals(0.5, fractionAtOrBelow(TimeSampling.LOW_NOISE, TrainingObjective.DDPM, 0.25, 11), TOLERANCE);
    }

    @Test
    void highNoiseTimesMirrorLowNoiseTimes() {
        // P(1 - u^2 <= t) = 1 - sqrt(1 - t)
        assertEquals(0.5, fractionAtOrBelow(TimeSampling.HIGH_NOISE, TrainingObjective.FLOW, 0.75, 12), TOLERANCE);
        assertEquals(0.1, fractionAtOrBelow(TimeSampling.HIGH_NOISE, TrainingObjective.FLOW, 0.19, 13), TOLERANCE);
        assertEquals(0.5, fractionAtOrBelow(TimeSampling.HIGH_NOISE, TrainingObjective.DDPM, 0.75, 14), TOLERANCE);
    }

    @Test
    void uniformTimesDrawWhatTheObjectiveAlwaysDrew() {
        for (TrainingObjective objective : TrainingObjective.values()) {
            SplittableRandom a = new SplittableRandom(7);
            SplittableRandom b = new SplittableRandom(7);
            for (int i = 0; i < 100; i++) {
                assertEquals(objective.sampleTime(a), TimeSampling.UNIFORM.sample(objective, b));
            }
        }
    }

    @Test
    void namesAreTheSettingsValues() {
        assertEquals(TimeSampling.LOGIT_NORMAL, TimeSampling.of("logit-normal"));
        assertEquals(TimeSampling.LOW_NOISE, TimeSampling.of("low-noise"));
        assertEquals(TimeSampling.HIGH_NOISE, TimeSampling.of("high-noise"));
        assertEquals("uniform", TimeSampling.UNIFORM.id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeSampling.of("normal"));
        assertTrue(e.getMessage().contains("'normal'") && e.getMessage().contains("low-noise"), e.getMessage());
    }
}
