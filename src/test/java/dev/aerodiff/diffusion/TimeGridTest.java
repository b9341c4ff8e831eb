package dev.aerodiff.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeGridTest {

    @Test
    void oneStepGridsHoldBothEnds() {
        assertArrayEquals(new double[] {0.9, 0.0}, TimeGrid.uniform(1, 0.9, 0.0).times());
        assertArrayEquals(new double[] {1.0, 0.0}, TimeGrid.discrete(1).times());
        assertEquals(1, TimeGrid.forSchedule(new LinearSchedule(), 1).steps());
    }

    @Test
    void uniformGridEndsExactlyAtItsEnd() {
        TimeGrid g = TimeGrid.uniform(7, 0.9997, 0.001);
        assertEquals(7, g.steps());
        assertEquals(0.9997, g.start());
        assertEquals(0.001, g.end());
        for (int i = 1; i <= 7; i++) {
            assertEquals((0.001 - 0.9997) / 7, g.time(i) - g.time(i - 1), 1e-15);
        }
    }

    @Test
    void powerGridCrowdsItsStepsNearTheData() {
        assertArrayEquals(TimeGrid.uniform(5, 0.8, 0.0).times(), TimeGrid.power(5, 0.8, 1.0).times(), 1e-15);
        TimeGrid g = TimeGrid.power(4, 1.0, 2.0);
        assertArrayEquals(new double[] {1.0, 0.5625, 0.25, 0.0625, 0.0}, g.times(), 1e-15);
        assertEquals(0.05 * 0.05 * 0.05, TimeGrid.power(20, 1.0, 3.0).time(19), 1e-15);
        assertArrayEquals(new double[] {1.0, Math.sqrt(0.5), 0.0}, TimeGrid.power(2, 1.0, 0.5).times(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.power(5, 1.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.power(5, 1.0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.power(0, 1.0, 2.0));
    }

    @Test
    void discreteGridIsKOverT() {
        TimeGrid g = TimeGrid.discrete(200);
        assertEquals(200, g.steps());
        assertEquals(1.0, g.start());
        assertEquals(199 / 200.0, g.time(1));
        assertEquals(0.0, g.end());
        assertEquals(g, TimeGrid.discrete(200));
        assertEquals(g.hashCode(), TimeGrid.discrete(200).hashCode());
    }

    @Test
    void invalidGridsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.uniform(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.discrete(0));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(0.5));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(0.2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(0.5, 0.5, 0.0));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(1.5, 0.0));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(Double.NaN, 0.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(0.9, 0.95, 0));
        assertTrue(e.getMessage().contains("decrease"), e.getMessage());
    }

    @Test
    void timesAreCopied() {
        double[] t = {1.0, 0.5, 0.0};
        TimeGrid g = TimeGrid.of(t);
        t[1] = 0.7;
        g.times()[1] = 0.9;
        assertEquals(0.5, g.time(1));
    }
}
