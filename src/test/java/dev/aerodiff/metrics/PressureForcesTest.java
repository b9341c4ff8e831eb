package dev.aerodiff.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.ForceCoefficients;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;
import dev.aerodiff.io.NetcdfFieldDataset;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PressureForcesTest {
    private static final Grid GRID = Grid.uniform(16, 12, 0, 2, -1, 0.5);

    /** A 4 x 3 cell block with its lower-left solid cell at (6, 5). */
    private static Mask block() {
        boolean[] solid = new boolean[GRID.cellCount()];
        for (int j = 5; j < 8; j++) {
            for (int i = 6; i < 10; i++) {
                solid[j * GRID.nx() + i] = true;
            }
        }
        return new Mask(GRID.nx(), GRID.ny(), solid);
    }

    private static FlowCase pressureCase(double aoaDeg, java.util.function.IntToDoubleFunction p) {
        int cells = GRID.cellCount();
        float[] v = new float[3 * cells];
        for (int cell = 0; cell < cells; cell++) {
            v[Channel.P.ordinal() * cells + cell] = (float) p.applyAsDouble(cell);
        }
        return new FlowCase(new FlowCondition("block", aoaDeg, 1e6, 10), block(), FieldUnits.DIMENSIONLESS, 1, v, null);
    }

    @Test
    void constantPressureGivesNoForce() {
        ForceCoefficients f = PressureForces.of(pressureCase(7, cell -> 0.3), GRID);
        assertEquals(0, f.lift()[0], 1e-7);
        assertEquals(0, f.drag()[0], 1e-7);
    }

    @Test
    void pressureFallingAlongXPushesTheBlockDownstreamByItsWidthPlusOneCell() {
        double dx = GRID.x(1) - GRID.x(0);
        double dy = GRID.y(1) - GRID.y(0);
        double g = 0.2;
        // p = -g x at the cell centres: the faces see the pressure of the fluid cells half a cell
        // outside the block, so the effective width is (4 + 1) cells; height 3 cells. No incidence.
        ForceCoefficients f = PressureForces.of(pressureCase(0, cell -> -g * GRID.x(cell % GRID.nx())), GRID);
        assertEquals(2 * g * 3 * dy * 5 * dx, f.drag()[0], 1e-6);
        assertEquals(0, f.lift()[0], 1e-6);
        // At 90 degrees the freestream points along +y; lift points along -x, so the +x force is negative lift.
        ForceCoefficients rotated = PressureForces.of(pressureCase(90, cell -> -g * GRID.x(cell % GRID.nx())), GRID);
        assertEquals(-2 * g * 3 * dy * 5 * dx, rotated.lift()[0], 1e-6);
        assertEquals(0, rotated.drag()[0], 1e-6);
    }

    @Test
    void refusesPhysicalUnits() {
        FlowCase c = pressureCase(0, cell -> 1);
        FlowCase physical = c.withValues(FieldUnits.PHYSICAL, c.values());
        assertThrows(IllegalArgumentException.class, () -> PressureForces.of(physical, GRID));
    }

    @Test
    void pressureLiftOfTheShippedTestSplitIsWithinSevenPercentOfOpenFoamsForceCoefficients() throws Exception {
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(Path.of("datasets", "airfoil-rans", "test.nc"))) {
            for (int c = 0; c < ds.caseCount(); c++) {
                FlowCase raw = ds.readCase(c);
                ForceCoefficients fields = PressureForces.of(DimensionlessNormalizer.normalize(raw), ds.grid());
                ForceCoefficients solver = raw.coefficients();
                // Measured: 2-6% below the solver (no skin friction, staircase surface at 64x64).
                // The pressure drag of the staircase is 3-25 times the solver's and is not checked.
                assertEquals(mean(solver.lift()), mean(fields.lift()), 0.07 * mean(solver.lift()),
                        raw.condition().label());
            }
        }
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }
}
