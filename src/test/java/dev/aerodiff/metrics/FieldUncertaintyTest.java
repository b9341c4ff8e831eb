package dev.aerodiff.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Mask;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FieldUncertaintyTest {
    private static final int NX = 16;
    private static final int NY = 12;
    private static final FlowCondition CONDITION = new FlowCondition("test", 5, 1e6, 2.0);

    /** A block of solid cells in the middle. */
    private static Mask mask() {
        boolean[] solid = new boolean[NX * NY];
        for (int j = 5; j < 7; j++) {
            for (int i = 6; i < 10; i++) {
                solid[j * NX + i] = true;
            }
        }
        return new Mask(NX, NY, solid);
    }

    /** Samples N(mu(cell, channel) + shift, (spread * sigma(cell, channel))^2); solid cells hold 99. */
    private static FlowCase ensemble(Random random, int samples, double shift, double spread, FieldUnits units) {
        Mask mask = mask();
        int cells = NX * NY;
        float[] v = new float[samples * Channel.count() * cells];
        for (int s = 0; s < samples; s++) {
            for (int ch = 0; ch < Channel.count(); ch++) {
                for (int cell = 0; cell < cells; cell++) {
                    double mu = 0.1 * ch + 0.01 * cell;
                    double sigma = 0.02 + 0.001 * (cell % 7) + 0.01 * ch;
                    v[(s * Channel.count() + ch) * cells + cell] = mask.isSolid(cell) ? 99f
                            : (float) (mu + shift + spread * sigma * random.nextGaussian());
                }
            }
        }
        return new FlowCase(CONDITION, mask, units, samples, v, null);
    }

    @Test
    void calibratedEnsemblesCoverTheirIntervalsAndHaveSpreadSkillOne() {
        Random random = new Random(1);
        List<ChannelUncertainty> result = FieldUncertainty.compare(ensemble(random, 200, 0, 1, FieldUnits.DIMENSIONLESS),
                ensemble(random, 60, 0, 1, FieldUnits.DIMENSIONLESS), Crps.Estimator.FAIR);
        assertEquals(3, result.size());
        for (ChannelUncertainty u : result) {
            // type-7 interval of M members covers (M-1) level / (M+1) of new draws on average
            assertEquals(0.5 * 199 / 201, u.coverage50(), 0.02, u.channel() + " 50%");
            assertEquals(0.9 * 199 / 201, u.coverage90(), 0.015, u.channel() + " 90%");
            assertEquals(1.0, u.spreadSkill(), 0.03, u.channel() + " spread-skill");
            assertEquals(u.referenceMeanStd(), u.predictedMeanStd(), 0.05 * u.referenceMeanStd());
            assertTrue(u.errorOfMean() < 0.3 * u.referenceMeanStd());
            // CRPS of a calibrated Gaussian forecast: E CRPS = sigma / sqrt(pi), averaged over cells
            assertEquals(u.predictedMeanStd() / Math.sqrt(Math.PI), u.crps(), 0.05 * u.crps());
            assertEquals(0, u.crpsMap()[6 * NX + 7], 0, "solid cell");
        }
    }

    @Test
    void smallEnsembleCorrectionRestoresSpreadSkillOne() {
        Random random = new Random(2);
        ChannelUncertainty u = FieldUncertainty.compare(ensemble(random, 4, 0, 1, FieldUnits.DIMENSIONLESS),
                ensemble(random, 400, 0, 1, FieldUnits.DIMENSIONLESS), Crps.Estimator.FAIR).get(1);
        assertEquals(1.0, u.spreadSkill(), 0.05);
        // without the correction the same ensemble would read sqrt(M/(M+1)) = 0.894
        assertEquals(1 / Math.sqrt(1.25), SpreadSkill.ratio(1, 1.25, 4, false), 1e-12);
        assertEquals(1.0, SpreadSkill.ratio(1, 1.25, 4, true), 1e-12);
    }

    @Test
    void underDispersedEnsemblesUnderCover() {
        Random random = new Random(3);
        ChannelUncertainty u = FieldUncertainty.compare(ensemble(random, 200, 0, 0.5, FieldUnits.DIMENSIONLESS),
                ensemble(random, 60, 0, 1, FieldUnits.DIMENSIONLESS), Crps.Estimator.STANDARD).get(0);
        assertEquals(0.26, u.coverage50(), 0.03, "P(|Z| < 0.674/2)");
        assertEquals(0.5, u.spreadSkill(), 0.05);
        assertEquals(0.5, u.predictedMeanStd() / u.referenceMeanStd(), 0.03);
    }

    @Test
    void aShiftedCopyHasErrorOfMeanAndW1EqualToTheShift() {
        FlowCase reference = ensemble(new Random(4), 30, 0, 1, FieldUnits.DIMENSIONLESS);
        FlowCase shifted = ensemble(new Random(4), 30, 0.125, 1, FieldUnits.DIMENSIONLESS);
        for (ChannelUncertainty u : FieldUncertainty.compare(shifted, reference, Crps.Estimator.FAIR)) {
            assertEquals(0.125, u.errorOfMean(), 1e-6);
            assertEquals(0, u.errorOfStd(), 1e-6);
            assertEquals(0.125, u.marginalW1(), 1e-6);
            assertEquals(u.marginalW1(), MarginalW1Map.of(shifted, reference, u.channel()).fluidMean(), 0);
        }
    }

    @Test
    void physicalUnitsAreNormalizedFirst() {
        FlowCase predicted = ensemble(new Random(5), 8, 0, 1, FieldUnits.PHYSICAL);
        FlowCase reference = ensemble(new Random(6), 8, 0.1, 1, FieldUnits.PHYSICAL);
        List<ChannelUncertainty> physical = FieldUncertainty.compare(predicted, reference, Crps.Estimator.FAIR);
        List<ChannelUncertainty> normalized = FieldUncertainty.compare(DimensionlessNormalizer.normalize(predicted),
                DimensionlessNormalizer.normalize(reference), Crps.Estimator.FAIR);
        for (int ch = 0; ch < 3; ch++) {
            assertEquals(normalized.get(ch).crps(), physical.get(ch).crps(), 0);
            assertEquals(normalized.get(ch).errorOfMean(), physical.get(ch).errorOfMean(), 0);
        }
        // u/U with U = 2: a physical shift of 0.1 in ux reads 0.05
        assertEquals(0.05, physical.get(1).errorOfMean(), 0.02);
    }

    @Test
    void rejectsDifferentMasksAndSingleMemberPredictions() {
        Random random = new Random(7);
        FlowCase good = ensemble(random, 5, 0, 1, FieldUnits.DIMENSIONLESS);
        FlowCase otherMask = new FlowCase(CONDITION, Mask.allFluid(NX, NY), FieldUnits.DIMENSIONLESS, 5,
                good.values(), null);
        assertThrows(IllegalArgumentException.class,
                () -> FieldUncertainty.compare(good, otherMask, Crps.Estimator.FAIR));
        FlowCase single = ensemble(random, 1, 0, 1, FieldUnits.DIMENSIONLESS);
        assertThrows(IllegalArgumentException.class, () -> FieldUncertainty.compare(single, good, Crps.Estimator.FAIR));
    }
}
