package dev.aerodiff.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Mask;
import dev.aerodiff.field.PixelMoments;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fitting and applying the spread correction on ensembles whose per-pixel std is known exactly. */
class SpreadCalibrationTest {
    private static final int NX = 12;
    private static final int NY = 10;
    private static final double FLOOR = 0.01;
    private static final double GAIN = 1.3;

    /** A mask with a few solid cells in the middle. */
    private static Mask mask() {
        boolean[] solid = new boolean[NX * NY];
        for (int i = 4; i < 8; i++) {
            solid[5 * NX + i] = true;
        }
        return new Mask(NX, NY, solid);
    }

    /**
     * Two samples mean + std and mean - std per fluid cell, the signs alternating from cell to cell so
     * that the samples' fluid means hardly differ: their per-pixel std (ddof 0) is exactly {@code std}.
     */
    private static FlowCase pair(FlowCondition condition, FieldUnits units, double[][] mean, double[][] std) {
        Mask mask = mask();
        int cells = NX * NY;
        float[] v = new float[2 * Channel.count() * cells];
        for (int s = 0; s < 2; s++) {
            for (Channel ch : Channel.ALL) {
                for (int cell = 0; cell < cells; cell++) {
                    if (!mask.isSolid(cell)) {
                        double sign = (s == 0 ? 1 : -1) * (cell % 2 == 0 ? 1 : -1);
                        v[(s * Channel.count() + ch.ordinal()) * cells + cell] =
                                (float) (mean[ch.ordinal()][cell] + sign * std[ch.ordinal()][cell]);
                    }
                }
            }
        }
        return new FlowCase(condition, mask, units, 2, v, null);
    }

    /**
     * Conditions whose flow settles (std 0) at half the cells and scatters elsewhere, each predicted
     * with the fit error FLOOR added in quadrature and 1/GAIN of the flow's variance.
     */
    private static List<CaseEvaluation> cases() {
        return cases(GAIN);
    }

    /** As {@link #cases()} with another gain. */
    private static List<CaseEvaluation> cases(double gain) {
        Random random = new Random(3);
        List<CaseEvaluation> out = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            FlowCondition condition = new FlowCondition("naca0012", 16 + c, 1e6, 10);
            double[][] mean = new double[3][NX * NY];
            double[][] truth = new double[3][NX * NY];
            double[][] predicted = new double[3][NX * NY];
            for (int ch = 0; ch < 3; ch++) {
                for (int cell = 0; cell < NX * NY; cell++) {
                    mean[ch][cell] = random.nextGaussian();
                    truth[ch][cell] = (cell + c) % 2 == 0 ? 0 : 0.005 + 0.1 * random.nextDouble();
                    predicted[ch][cell] = Math.sqrt(truth[ch][cell] * truth[ch][cell] / gain + FLOOR * FLOOR);
                }
            }
            FlowCase reference = pair(condition, FieldUnits.DIMENSIONLESS, mean, truth);
            FlowCase prediction = pair(condition, FieldUnits.DIMENSIONLESS, mean, predicted);
            out.add(new CaseEvaluation(prediction, reference, List.of(), null, null, "test", 1, 0, null, null,
                    Double.NaN));
        }
        return out;
    }

    @Test
    void fitFindsTheFloorAndGainThatMadeTheSpread() {
        List<CaseEvaluation> cases = cases();
        SpreadCalibration fitted = SpreadCalibration.fit(cases, true);
        for (Channel ch : Channel.ALL) {
            // the floor's grid steps by 0.1/200 at most here; the gain is then exact up to that step
            assertEquals(FLOOR, fitted.noiseFloor()[ch.ordinal()], 6e-4, ch.variableName());
            assertEquals(GAIN, fitted.gain()[ch.ordinal()], 0.02, ch.variableName());
        }
        double before = SpreadCalibration.IDENTITY.errorOfStd(cases);
        double after = fitted.errorOfStd(cases);
        assertTrue(before > 0.005, "the uncalibrated ensembles err by the floor where the flow settles: " + before);
        assertTrue(after < 0.05 * before, before + " -> " + after);
        double exact = new SpreadCalibration(new double[] {FLOOR, FLOOR, FLOOR}, new double[] {GAIN, GAIN, GAIN})
                .errorOfStd(cases);
        assertEquals(0, exact, 1e-5, "the true floor and gain give the simulations' std");
    }

    @Test
    void theFloorAloneKeepsTheGainAtOne() {
        SpreadCalibration fitted = SpreadCalibration.fit(cases(1), false);
        for (Channel ch : Channel.ALL) {
            assertEquals(FLOOR, fitted.noiseFloor()[ch.ordinal()], 6e-4, ch.variableName());
            assertEquals(1, fitted.gain()[ch.ordinal()], 0, ch.variableName());
        }
        assertEquals(0, fitted.errorOfStd(cases(1)), 2e-4);
        SpreadCalibration floorAlone = SpreadCalibration.fit(cases(), false);
        assertEquals(1, floorAlone.gain()[0], 0);
        assertTrue(floorAlone.errorOfStd(cases()) > SpreadCalibration.fit(cases(), true).errorOfStd(cases()),
                "where the spread is short by a gain, the floor alone cannot make it up");
    }

    @Test
    void applyKeepsTheMeanAndGivesTheCalibratedStd() {
        FlowCondition condition = new FlowCondition("naca2412", 18, 2e6, 20);
        Random random = new Random(8);
        double[][] mean = new double[3][NX * NY];
        double[][] std = new double[3][NX * NY];
        for (int ch = 0; ch < 3; ch++) {
            for (int cell = 0; cell < NX * NY; cell++) {
                mean[ch][cell] = 20 * random.nextGaussian();
                std[ch][cell] = 0.3 * random.nextDouble();
            }
        }
        Ensemble ensemble = new Ensemble(pair(condition, FieldUnits.PHYSICAL, mean, std), "ddim:20:1.0", 20, 7, 2);
        SpreadCalibration calibration = new SpreadCalibration(new double[] {0.002, 0.004, 0.001},
                new double[] {1.2, 0.8, 1.5});
        Ensemble calibrated = calibration.apply(ensemble);
        assertEquals(7, calibrated.seed());
        assertEquals(2, calibrated.members());
        assertEquals("ddim:20:1.0", calibrated.sampler());
        FlowCase before = DimensionlessNormalizer.normalize(ensemble.samples());
        FlowCase after = DimensionlessNormalizer.normalize(calibrated.samples());
        Mask mask = before.mask();
        // the velocities exactly; the pressure's level is taken out sample by sample again, which moves it a little
        for (Channel ch : List.of(Channel.UX, Channel.UY)) {
            PixelMoments b = PixelMoments.of(before, ch);
            PixelMoments a = PixelMoments.of(after, ch);
            for (int cell = 0; cell < NX * NY; cell++) {
                if (!mask.isSolid(cell)) {
                    assertEquals(b.mean()[cell], a.mean()[cell], 1e-5, ch + " mean at " + cell);
                    assertEquals(calibration.calibratedStd(ch, b.std()[cell]), a.std()[cell], 1e-5,
                            ch + " std at " + cell);
                }
            }
        }
        PixelMoments bp = PixelMoments.of(before, Channel.P);
        PixelMoments ap = PixelMoments.of(after, Channel.P);
        double worst = 0;
        for (int cell = 0; cell < NX * NY; cell++) {
            if (!mask.isSolid(cell)) {
                double expected = calibration.calibratedStd(Channel.P, bp.std()[cell]);
                worst = Math.max(worst, Math.abs(expected - ap.std()[cell]));
            }
        }
        assertTrue(worst < 0.1 * PixelMoments.fluidAverage(bp.std(), mask), "pressure std off by " + worst);
    }

    @Test
    void identityLeavesTheSamplesAlone() {
        FlowCondition condition = new FlowCondition("naca0012", 4, 1e6, 10);
        double[][] mean = new double[3][NX * NY];
        double[][] std = new double[3][NX * NY];
        for (int ch = 0; ch < 3; ch++) {
            java.util.Arrays.fill(std[ch], 0.5);
        }
        Ensemble ensemble = new Ensemble(pair(condition, FieldUnits.PHYSICAL, mean, std), "euler:4", 4, 1);
        float[] before = DimensionlessNormalizer.normalize(ensemble.samples()).values();
        float[] after = DimensionlessNormalizer.normalize(SpreadCalibration.IDENTITY.apply(ensemble).samples())
                .values();
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i], after[i], 1e-6, "value " + i);
        }
    }

    @Test
    void refusesNegativeFloorsAndGainsAndNoConditions() {
        assertThrows(IllegalArgumentException.class,
                () -> new SpreadCalibration(new double[] {-0.1, 0, 0}, new double[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> new SpreadCalibration(new double[] {0, 0, 0}, new double[] {1, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> new SpreadCalibration(new double[] {0, 0},
                new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> SpreadCalibration.fit(List.of(), false));
    }
}
