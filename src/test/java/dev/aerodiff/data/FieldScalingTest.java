package dev.aerodiff.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.io.NetcdfFieldDataset;
import java.nio.file.Path;
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
        assertEquals(new FieldScaling(new double[] {0.1, 1.0, 0.2}, 50.0), old);
        FieldScaling withRange = new FieldScaling(new double[] {0.1, 1.0, 0.2}, 50.0, new double[] {-3, 0, -1},
                new double[] {1, 2, 1});
        ObjectMapper m = new ObjectMapper();
        assertEquals(withRange, m.readValue(m.writeValueAsString(withRange), FieldScaling.class));
    }
}
