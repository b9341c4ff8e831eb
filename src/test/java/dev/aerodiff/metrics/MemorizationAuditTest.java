package dev.aerodiff.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemorizationAuditTest {
    private static final List<float[]> TRAINING = List.of(new float[] {0, 0}, new float[] {4, 0}, new float[] {0, 9});

    @Test
    void ratiosAreNearestOverSecondNearestDistance() {
        MemorizationAudit a = MemorizationAudit.of(List.of(
                new float[] {0, 0},      // a copy: d1 = 0
                new float[] {2, 0},      // midway between two: 2 / 2
                new float[] {1, 0},      // 1 / 3: on the threshold, not below it
                new float[] {0.5f, 0}),  // 0.5 / 3.5
                TRAINING);
        assertArrayEquals(new double[] {0, 1, 1.0 / 3, 0.5 / 3.5}, a.ratios(), 1e-12);
        assertEquals(0.5, a.copyFraction(), 1e-12);
        assertEquals(0.5 * (1.0 / 7 + 1.0 / 3), a.medianRatio(), 1e-12);
    }

    @Test
    void needsTwoTrainingSamplesOfTheSameLength() {
        assertThrows(IllegalArgumentException.class,
                () -> MemorizationAudit.of(List.of(new float[] {1}), List.of(new float[] {1})));
        assertThrows(IllegalArgumentException.class,
                () -> MemorizationAudit.of(List.of(new float[] {1}), TRAINING));
    }
}
