package dev.aerodiff.cfd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aerodiff.field.Grid;
import org.junit.jupiter.api.Test;

class AirfoilShapeTest {

    @Test
    void signedDistanceToASquareIsExact() {
        AirfoilShape square = new AirfoilShape("square", new double[] {0, 0.5, 1, 1, 1, 0.5, 0, 0},
                new double[] {0, 0, 0, 0.5, 1, 1, 1, 0.5});
        assertEquals(-0.5, square.signedDistance(0.5, 0.5), 1e-12);
        assertEquals(-0.25, square.signedDistance(0.5, 0.25), 1e-12);
        assertEquals(1.0, square.signedDistance(2, 0.5), 1e-12);
        assertEquals(0.1, square.signedDistance(0.5, -0.1), 1e-12);
        assertEquals(Math.sqrt(2), square.signedDistance(2, 2), 1e-12, "nearest is the corner");
    }

    @Test
    void insideANacaSectionTheDistanceIsHalfItsThickness() {
        // at 30% chord a symmetric 4-digit section is as thick as its last two digits say, and flat
        assertEquals(-0.060, NacaAirfoils.create("naca0012", 120).signedDistance(0.3, 0), 5e-4);
        assertEquals(-0.075, NacaAirfoils.create("naca0015", 120).signedDistance(0.3, 0), 5e-4);
        assertEquals(0.100, NacaAirfoils.create("naca0012", 120).signedDistance(0.3, 0.16), 1e-3);
    }

    @Test
    void onAGridEachCellGetsItsCentresDistance() {
        AirfoilShape naca = NacaAirfoils.create("naca2412", 60);
        Grid grid = Grid.uniform(16, 12, -0.7, 1.7, -1.2, 1.2);
        float[] d = naca.signedDistanceOn(grid);
        assertEquals(grid.cellCount(), d.length);
        for (int cell = 0; cell < d.length; cell++) {
            double x = grid.x(cell % grid.nx());
            double y = grid.y(cell / grid.nx());
            assertEquals(naca.signedDistance(x, y), d[cell], 1e-6);
            assertEquals(naca.contains(x, y), d[cell] < 0, "cell " + cell);
        }
    }
}
