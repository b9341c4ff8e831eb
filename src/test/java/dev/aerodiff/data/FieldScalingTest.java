package dev.aerodiff.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Mask;
import dev.aerodiff.io.NetcdfFieldDataset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldScalingTest {
    @Test
    void fitOnTheShippedTrainingSetAgreesWithNumPy() {
        // NumPy on datasets/airfoil-rans/train.nc: per-channel RMS of the dimensionless fields over fluid
        // cells, and the extreme scaled values (p: min, ux and uy: max).
        FieldScaling s;
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(Path.of("datasets", "airfoil-rans", "train.nc"))) {
            s = FieldScaling.fit(ds);
        }
        assertArrayEquals(new double[] {0.1140984786, 0.9994976130, 0.1601003859}, s.channelScale(), 1e-8);
        assertTrue(s.hasTargetRange());
        assertEquals(-22.32217500, s.targetMin()[0], 1e-5);
        assertEquals(2.05300379, s.targetMax()[1], 1e-5);
        assertEquals(11.14606980, s.targetMax()[2], 1e-5);
        assertEquals(100.0, s.referenceSpeed(), 1e-9);
    }

    @Test
    void manifestsWrittenBeforeTheRangeWasRecordedStillLoad() throws Exception {
        FieldScaling old = new ObjectMapper().readValue(
                "{\"channelScale\": [0.1, 1.0, 0.2], \"referenceSpeed\": 50.0}", FieldScaling.class);
        assertFalse(old.hasTargetRange());
        assertFalse(old.hasWallDistance(), "manifests before the distance channel have three condition channels");
        assertEquals(3, old.conditionChannels());
        assertEquals(new FieldScaling(new double[] {0.1, 1.0, 0.2}, 50.0), old);
        FieldScaling withRange = new FieldScaling(new double[] {0.1, 1.0, 0.2}, 50.0, new double[] {-3, 0, -1},
                new double[] {1, 2, 1});
        ObjectMapper m = new ObjectMapper();
        assertEquals(withRange, m.readValue(m.writeValueAsString(withRange), FieldScaling.class));
        FieldScaling withDistance = withRange.withWallDistance(0.25);
        assertEquals(withDistance, m.readValue(m.writeValueAsString(withDistance), FieldScaling.class));
        assertFalse(withDistance.equals(withRange));
    }

    @Test
    void theWallDistanceChannelIsTheScaledClippedDistanceAfterTheMask() {
        // 2 x 2 cells, the first solid; freestream at 0 degrees, 40 m/s against a reference of 80 m/s
        FieldScaling s = new FieldScaling(new double[] {1, 1, 1}, 80.0).withWallDistance(0.25);
        assertEquals(4, s.conditionChannels());
        FlowCondition c = new FlowCondition("naca0012", 0, 1e6, 40);
        Mask mask = new Mask(2, 2, new boolean[] {true, false, false, false});
        float[] encoded = s.encodeCondition(c, mask, new float[] {-0.05f, 0.1f, 0.25f, 3f});
        assertArrayEquals(new float[] {0, 0.5f, 0.5f, 0.5f, 0, 0, 0, 0, 1, 0, 0, 0, -0.2f, 0.4f, 1, 1}, encoded,
                1e-6f);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.encodeCondition(c, mask));
        assertTrue(e.getMessage().contains("wall-distance") && e.getMessage().contains("naca0012"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.withWallDistance(-1));
    }

    @Test
    void theNearestReferenceChannelsComeLastEachDividedByItsFieldsScale() throws Exception {
        // 2 x 1 cells, the first solid; mean p, ux, uy and their std are 1 to 6 on both cells
        FieldScaling s = new FieldScaling(new double[] {2, 4, 0.5}, 80.0).withWallDistance(0.25)
                .withNearestReference(true);
        assertEquals(10, s.conditionChannels());
        assertEquals(List.of("freestream_ux", "freestream_uy", "mask", "wall_distance", "nearest_mean_p",
                "nearest_mean_ux", "nearest_mean_uy", "nearest_std_p", "nearest_std_ux", "nearest_std_uy"),
                s.conditionChannelNames());
        FlowCondition c = new FlowCondition("naca0012", 0, 1e6, 40);
        Mask mask = new Mask(2, 1, new boolean[] {true, false});
        float[] reference = {1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6};
        float[] encoded = s.encodeCondition(c, mask, new float[] {-0.05f, 0.1f}, reference);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f, 6, 6, 2, 2, 1.25f, 1.25f, 12, 12},
                Arrays.copyOfRange(encoded, 8, 20), 1e-6f);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> s.encodeCondition(c, mask, new float[] {-0.05f, 0.1f}));
        assertTrue(e.getMessage().contains("nearest-reference") && e.getMessage().contains("12"), e.getMessage());
        ObjectMapper m = new ObjectMapper();
        assertEquals(s, m.readValue(m.writeValueAsString(s), FieldScaling.class));
        assertFalse(s.equals(s.withNearestReference(false)));
        assertFalse(m.readValue("{\"channelScale\": [0.1, 1.0, 0.2], \"referenceSpeed\": 50.0}", FieldScaling.class)
                .nearestReference(), "manifests before the reference have none");
    }

    @Test
    void residualTargetsAreTheFieldsMinusTheReferenceMeanScaled() throws Exception {
        // 2 x 1 cells, the first solid; one sample with p, ux, uy = (0, 3), (0, 5), (0, 1)
        FieldScaling s = new FieldScaling(new double[] {2, 4, 0.5}, 80.0, new double[] {-1, -1, -1},
                new double[] {1, 1, 1}).withNearestResidual();
        assertTrue(s.nearestResidual() && s.nearestReference());
        assertFalse(s.hasTargetRange(), "the range of the fields is not that of their differences");
        Mask mask = new Mask(2, 1, new boolean[] {true, false});
        FlowCase fc = new FlowCase(new FlowCondition("naca0012", 0, 1e6, 40), mask, FieldUnits.DIMENSIONLESS, 1,
                new float[] {0, 3, 0, 5, 0, 1}, null);
        float[] reference = {0, 1, 0, 1, 0, 2, 9, 9, 9, 9, 9, 9};
        float[] encoded = new float[6];
        s.encodeTarget(fc, 0, reference, encoded, 0);
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, -2}, encoded, 1e-6f);
        assertArrayEquals(new float[] {0, 3, 0, 5, 0, 1}, s.decodeTarget(encoded, mask, reference), 1e-6f);
        assertThrows(IllegalStateException.class, () -> s.encodeTarget(fc, 0, encoded, 0));
        assertThrows(IllegalStateException.class, () -> s.decodeTarget(encoded, mask));
        ObjectMapper m = new ObjectMapper();
        assertEquals(s, m.readValue(m.writeValueAsString(s), FieldScaling.class));
        assertThrows(IllegalArgumentException.class, () -> new FieldScaling(new double[] {1, 1, 1}, 1, null, null, 0,
                false, true));
    }
}
