package dev.aerodiff.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NoiseScheduleTest {
    private static final double[] TIMES = {0.01, 0.05, 0.2, 0.5, 0.8, 0.95, 0.99};

    static Stream<NoiseSchedule> schedules() {
        return Stream.of(new CosineSchedule(), new LinearSchedule(), new FlowMatchingPath(),
                new FlowMatchingPath(0.01), new CosineSchedule(0.02, 50, 0.99), new LinearSchedule(1e-4, 0.04, 1000));
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void derivativesMatchCentralDifferences(NoiseSchedule s) {
        double h = 1e-6;
        for (double t : TIMES) {
            double fdAlpha = (s.alpha(t + h) - s.alpha(t - h)) / (2 * h);
            double fdSigma = (s.sigma(t + h) - s.sigma(t - h)) / (2 * h);
            assertEquals(fdAlpha, s.alphaDot(t), 1e-6 * Math.max(1, Math.abs(fdAlpha)), s + " alpha' at " + t);
            assertEquals(fdSigma, s.sigmaDot(t), 1e-6 * Math.max(1, Math.abs(fdSigma)), s + " sigma' at " + t);
        }
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void timeAtRatioInvertsSigmaOverAlpha(NoiseSchedule s) {
        for (double t : TIMES) {
            assertEquals(t, s.timeAtRatio(s.sigma(t) / s.alpha(t)), 1e-9, s.toString());
        }
        assertEquals(0.0, s.timeAtRatio(s.sigma(0) / s.alpha(0)), 1e-12);
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void levelsRunFromDataToNoise(NoiseSchedule s) {
        assertEquals(1.0, s.alpha(0), 1e-12);
        assertTrue(s.sigma(s.tMax()) > 0.99, s + ": sigma at tMax " + s.sigma(s.tMax()));
        assertTrue(s.alpha(s.tMax()) < 0.01, s + ": alpha at tMax " + s.alpha(s.tMax()));
        for (int i = 1; i < TIMES.length; i++) {
            assertTrue(s.level(TIMES[i]).ratio() > s.level(TIMES[i - 1]).ratio(), "sigma/alpha increases");
        }
        if (s.variancePreserving()) {
            for (double t : TIMES) {
                assertEquals(1.0, s.alpha(t) * s.alpha(t) + s.sigma(t) * s.sigma(t), 1e-13);
            }
        }
        assertTrue(s.tMin() >= 0 && s.tMin() < 0.01);
        assertEquals(s.sigma(0) > 0, s.tMin() == 0.0, "tMin is 0 exactly when sigma(0) > 0");
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void diffusionSquaredIsAlphaSquaredTimesTheRateOfTheNoiseRatioSquared(NoiseSchedule s) {
        double h = 1e-6;
        for (double t : new double[] {0.1, 0.5, 0.9}) {
            double ratio2 = (Math.pow(s.level(t + h).ratio(), 2) - Math.pow(s.level(t - h).ratio(), 2)) / (2 * h);
            double expected = s.alpha(t) * s.alpha(t) * ratio2;
            assertEquals(expected, s.level(t).diffusionSquared(), 1e-6 * Math.max(1, expected), s + " at " + t);
        }
    }

    @Test
    void cosineMatchesNicholAndDhariwal() {
        CosineSchedule s = new CosineSchedule();
        double off = 0.008;
        for (double t : TIMES) {
            double f = Math.pow(Math.cos((t + off) / (1 + off) * Math.PI / 2), 2);
            double f0 = Math.pow(Math.cos(off / (1 + off) * Math.PI / 2), 2);
            assertEquals(f / f0, s.alpha(t) * s.alpha(t), 1e-14);
        }
        assertEquals(0.0, s.alpha(1.0), 1e-15);
    }

    @Test
    void cosineDiscreteViewClipsTheLastBetaAndFixesTMax() {
        CosineSchedule s = new CosineSchedule();
        DiscreteSchedule view = s.discrete(200);
        double[] betas = view.betas();
        assertEquals(200, betas.length);
        double off = 0.008;
        for (int k = 1; k < 200; k++) {
            double f = Math.pow(Math.cos((k / 200.0 + off) / (1 + off) * Math.PI / 2), 2);
            double fPrev = Math.pow(Math.cos(((k - 1) / 200.0 + off) / (1 + off) * Math.PI / 2), 2);
            assertEquals(1 - f / fPrev, betas[k - 1], 1e-12, "beta_" + k);
            assertTrue(betas[k - 1] < 0.999);
        }
        assertEquals(0.999, betas[199], 1e-12, "the last beta is clipped");
        double alphaT = view.level(200).alpha();
        assertTrue(alphaT > 0);
        assertTrue(s.tMax() < 1 && s.tMax() > 0.999);
        assertEquals(alphaT, s.alpha(s.tMax()), 1e-9);
        assertEquals(1.0, view.level(200).t());
        assertEquals(s.sigma(0.5), view.level(100).sigma(), 1e-15);
    }

    @Test
    void linearDiscreteViewReproducesTheDdpmBetas() {
        DiscreteSchedule view = new LinearSchedule().discrete(1000);
        double[] betas = view.betas();
        double logBarDdpm = 0;
        for (int k = 1; k <= 1000; k++) {
            double ddpm = 1e-4 + (0.02 - 1e-4) * (k - 1) / 999.0;
            assertEquals(ddpm, betas[k - 1], 2.5e-4, "beta_" + k);
            logBarDdpm += Math.log1p(-ddpm);
        }
        double[] bars = view.alphaBars();
        assertEquals(logBarDdpm, Math.log(bars[1000]), 0.1);
    }

    @Test
    void flowMatchingPathIsLinear() {
        FlowMatchingPath p = new FlowMatchingPath(0.01);
        assertEquals(0.7, p.alpha(0.3), 1e-15);
        assertEquals(0.01 + 0.99 * 0.3, p.sigma(0.3), 1e-15);
        assertEquals(0.01, p.sigma(0), 0);
        assertThrows(IllegalStateException.class, () -> p.discrete(10).betas());
    }

    @Test
    void badParametersAreRejectedWithTheirValue() {
        for (Runnable r : List.<Runnable>of(() -> new CosineSchedule(0, 200, 0.999),
                () -> new CosineSchedule(0.008, 0, 0.999), () -> new LinearSchedule(0.02, 1e-4, 1000),
                () -> new FlowMatchingPath(1.0), () -> new DiscreteSchedule(new LinearSchedule(), 0))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
            assertTrue(e.getMessage().matches(".*(got|must).*"), e.getMessage());
        }
    }
}
