package dev.aerodiff.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Mask;
import org.junit.jupiter.api.Test;

class DimensionlessNormalizerTest {
    private static final FlowCondition CONDITION = new FlowCondition("naca0012", 0, 1e6, 10.0);
    /** 2 x 2 grid, cell 3 solid. */
    private static final Mask MASK = new Mask(2, 2, new boolean[] {false, false, false, true});

    /** Two samples; values per channel over 4 cells. */
    static FlowCase twoSamples() {
        float[] v = {
            // sample 0: p, ux, uy
            100, 130, 160, 999, 10, 20, 30, 999, 1, 2, 3, 999,
            // sample 1
            200, 200, 200, 999, 30, 20, 10, 999, -1, -2, -3, 999};
        return new FlowCase(CONDITION, MASK, FieldUnits.PHYSICAL, 2, v, null);
    }

    @Test
    void subtractsTheFluidMeanPressureAndScalesByTheFreestream() {
        FlowCase n = DimensionlessNormalizer.normalize(twoSamples());
        assertEquals(FieldUnits.DIMENSIONLESS, n.units());
        // sample 0: fluid mean p = 130, U^2 = 100
        assertEquals(-0.3, n.value(0, Channel.P, 0), 1e-6);
        assertEquals(0.0, n.value(0, Channel.P, 1), 1e-6);
        assertEquals(0.3, n.value(0, Channel.P, 2), 1e-6);
        assertEquals(0.0, n.value(1, Channel.P, 2), 1e-6);
        assertEquals(2.0, n.value(0, Channel.UX, 1), 1e-6);
        assertEquals(-0.3, n.value(1, Channel.UY, 2), 1e-6);
        for (Channel ch : Channel.ALL) {
            assertEquals(0f, n.value(0, ch, 3), "solid cell is zeroed");
        }
    }

    @Test
    void refusesToNormalizeTwice() {
        FlowCase n = DimensionlessNormalizer.normalize(twoSamples());
        assertThrows(IllegalArgumentException.class, () -> DimensionlessNormalizer.normalize(n));
    }

    @Test
    void statisticsAreFluidAveragesOfPopulationMoments() {
        CaseStatistics s = CaseStatistics.of(DimensionlessNormalizer.normalize(twoSamples()));
        // p': sample 0 (-0.3, 0, 0.3), sample 1 (0, 0, 0): per-pixel std 0.15, 0, 0.15
        assertEquals(0.1, s.meanStd()[Channel.P.ordinal()], 1e-7);
        // ux': (1,2,3) and (3,2,1): std 1, 0, 1 -> 2/3; mean 2, 2, 2
        assertEquals(2.0 / 3.0, s.meanStd()[Channel.UX.ordinal()], 1e-7);
        assertEquals(2.0, s.meanMean()[Channel.UX.ordinal()], 1e-7);
        // uy': (0.1,0.2,0.3) and (-0.1,-0.2,-0.3): std 0.1, 0.2, 0.3 -> 0.2; mean 0
        assertEquals(0.2, s.meanStd()[Channel.UY.ordinal()], 1e-7);
        assertEquals(0.0, s.meanMean()[Channel.UY.ordinal()], 1e-7);
    }

    @Test
    void datasetStatisticsAverageOverCases() {
        FlowCase a = twoSamples();
        float[] flat = new float[a.values().length]; // second case: no spread at all
        java.util.Arrays.fill(flat, 5f);
        FlowCase b = new FlowCase(new FlowCondition("naca2412", 4, 2e6, 10.0), MASK, FieldUnits.PHYSICAL, 2, flat,
                null);
        var ds = new InMemoryFieldDataset(dev.aerodiff.field.Grid.uniform(2, 2, 0, 1, 0, 1),
                java.util.List.of(a, b), new DatasetMetadata("t", "s", ""));
        DatasetStatistics st = DatasetStatistics.compute(ds, i -> { });
        assertEquals(2, st.cases());
        assertEquals(2, st.samplesPerCase());
        assertEquals(1.0 / 3.0, st.meanStd()[Channel.UX.ordinal()], 1e-7);
        assertEquals((2.0 + 0.5) / 2, st.meanMean()[Channel.UX.ordinal()], 1e-7);
    }
}
