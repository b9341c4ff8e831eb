package dev.aerodiff.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussianRateExperimentTest {
    private static final int[] SIZES = {64, 128, 256, 512, 1024};

    private static GaussianRateExperiment.Result run(int dim, int[] sizes, int repeats, long seed, int k) {
        return GaussianRateExperiment.run(new GaussianRateExperiment.Config(dim, sizes, repeats, seed, k), i -> { });
    }

    @Test
    void oneDimensionRecoversMinusOneHalf() {
        GaussianRateExperiment.Result r = run(1, new int[] {64, 128, 256, 512, 1024, 2048, 4096}, 8, 3, 1);
        assertEquals(-0.5, r.fit().slope(), 0.06);
        assertTrue(r.fit().slopeCiLow() < -0.5 && -0.5 < r.fit().slopeCiHigh(), "interval covers -1/2");
        // E W1(mu_n, N(0,1)) ~ sqrt(2/pi) int sqrt(Phi (1 - Phi)) dx / sqrt(n) = 1.288 / sqrt(n); sqrt(n) W1
        // scatters by about 0.4, so its mean over the 56 points is within 0.2 of 1.288
        double scaled = r.points().stream().flatMapToDouble(p -> java.util.Arrays.stream(p.w1())
                .map(w -> w * Math.sqrt(p.n()))).average().orElseThrow();
        assertEquals(1.288, scaled, 0.2);
    }

    @Test
    void threeDimensionsRecoverMinusOneThird() {
        GaussianRateExperiment.Result r = run(3, SIZES, 4, 7, 1);
        assertEquals(-1.0 / 3, r.theoreticalSlope(), 0);
        assertEquals(-1.0 / 3, r.fit().slope(), 0.05);
        assertTrue(r.fit().slopeCiHigh() - r.fit().slopeCiLow() < 0.1, "interval is informative");
    }

    @Test
    void fourDimensionsRecoverMinusOneQuarter() {
        GaussianRateExperiment.Result r = run(4, SIZES, 4, 11, 1);
        assertEquals(-0.25, r.fit().slope(), 0.05);
    }

    @Test
    void sameSeedSameNumbersAndPointsDoNotDependOnOtherSizes() {
        GaussianRateExperiment.Result a = run(2, new int[] {32, 64, 128}, 2, 5, 2);
        GaussianRateExperiment.Result b = run(2, new int[] {32, 64, 128}, 2, 5, 2);
        GaussianRateExperiment.Result c = run(2, new int[] {64, 200}, 2, 5, 2);
        assertArrayEquals(a.points().get(1).w1(), b.points().get(1).w1(), 0);
        assertEquals(a.fit().slope(), b.fit().slope(), 0);
        assertArrayEquals(a.points().get(1).w1(), c.points().get(0).w1(), 0);
        assertEquals(128, a.points().get(1).referenceSize());
        assertTrue(a.estimator().contains("network simplex"));
    }

    @Test
    void rejectsConfigurationsThatCannotBeFitted() {
        assertThrows(IllegalArgumentException.class, () -> new GaussianRateExperiment.Config(1, new int[] {64}, 5, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new GaussianRateExperiment.Config(0, new int[] {64, 128}, 2, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new GaussianRateExperiment.Config(1, new int[] {1, 128}, 2, 0, 1));
    }
}
