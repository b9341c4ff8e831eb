package dev.aerodiff.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossHistoryTest {
    @Test
    void eachBlockOfStepsBecomesItsMeanAndTheBlockInProgressIsTheRecentMean() {
        LossHistory h = new LossHistory(3, 0);
        assertTrue(Double.isNaN(h.recentMean()));
        assertEquals(0, h.recentSteps());
        for (double loss : new double[] {1, 2, 3, 4, 5}) {
            h.add(loss);
        }
        assertEquals(List.of(2.0), h.blockMeans());
        assertEquals(4.5, h.recentMean(), 1e-15);
        assertEquals(2, h.recentSteps());
        h.add(6);
        assertEquals(List.of(2.0, 5.0), h.blockMeans());
        assertEquals(5.0, h.recentMean(), 1e-15, "a block that has just ended is the recent mean");
        assertEquals(3, h.recentSteps());
    }

    @Test
    void aSavedRecordContinuesAsTheUninterruptedOne() {
        LossHistory straight = new LossHistory(4, 10);
        LossHistory first = new LossHistory(4, 10);
        for (int k = 0; k < 6; k++) {
            straight.add(k * 0.5);
            first.add(k * 0.5);
        }
        LossHistory resumed = new LossHistory(first.saved());
        for (int k = 6; k < 11; k++) {
            straight.add(k * 0.5);
            resumed.add(k * 0.5);
        }
        assertEquals(straight.saved(), resumed.saved());
        assertEquals(List.of(0.75, 2.75), resumed.blockMeans());
        assertEquals(10, resumed.firstStep());
    }

    @Test
    void anInconsistentRecordIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LossHistory(new LossHistory.Saved(3, 0, List.of(), 1, 3)));
        assertThrows(IllegalArgumentException.class, () -> new LossHistory(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LossHistory(5, -1));
    }
}
