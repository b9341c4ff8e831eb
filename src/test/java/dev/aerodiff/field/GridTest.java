package dev.aerodiff.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GridTest {

    @Test
    void uniformGridMatchesThePublishedAirfoilLayout() {
        Grid g = Grid.uniform(128, 128, -0.5, 1.5, -1, 1);
        assertEquals(-0.5, g.x(0));
        assertEquals(-0.5 + 2.0 * 127 / 128, g.x(127), 1e-12);
        assertEquals(-1.0 + 2.0 * 64 / 128, g.y(64), 1e-12);
        assertEquals(128 * 128, g.cellCount());
    }

    @Test
    void rejectsAxesThatAreNotStrictlyIncreasing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Grid(new double[] {0, 1, 1}, new double[] {0}));
        assertTrue(e.getMessage().contains("x[2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Grid(new double[] {0, Double.NaN}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new Grid(new double[0], new double[] {0}));
    }

    @Test
    void accessorsCopy() {
        double[] x = {0, 1};
        Grid g = new Grid(x, new double[] {0});
        x[0] = 5;
        g.x()[1] = 7;
        assertArrayEquals(new double[] {0, 1}, g.x());
    }

    @Test
    void conditionFromFreestreamRecoversAngleSpeedAndReynolds() {
        FlowCondition c = FlowCondition.fromFreestream("raf30", 98.6677, 35.9121, 1.0, 1e-5);
        assertEquals(20.0, c.angleOfAttackDeg(), 1e-3);
        assertEquals(105.0, c.freestreamSpeed(), 1e-3);
        assertEquals(1.05e7, c.reynolds(), 1e3);
        assertEquals(98.6677, c.freestreamUx(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new FlowCondition("x", 5, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new FlowCondition(" ", 5, 1e6, 1));
    }
}
