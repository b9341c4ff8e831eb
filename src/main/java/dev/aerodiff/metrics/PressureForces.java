package dev.aerodiff.metrics;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.ForceCoefficients;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;

/**
 * Lift and drag coefficients of the pressure force on the body, integrated from the sampled
 * fields around the mask. The body is the union of the solid cells; its surface is the staircase
 * of faces between a fluid and a solid cell, each carrying the pressure of its fluid cell. On a
 * closed staircase the outward normals sum to zero, so a constant pressure offset (the fluid mean
 * removed by {@link dev.aerodiff.data.DimensionlessNormalizer}) gives no force.
 *
 * <p>The skin friction is not included, and the staircase at grid resolution smooths the suction
 * peak, so these coefficients differ from the solver's {@code forceCoeffs}; they are meant for
 * comparing ensembles on the same grid (prediction against simulation), where both sides carry the
 * same discretization error.
 */
public final class PressureForces {
    private PressureForces() {
    }

    /**
     * @param flowCase a case in dimensionless units (p / U^2), grid in chords
     * @param grid     the grid of the case (uniform spacing assumed per axis)
     * @return pressure lift and drag coefficients per sample, reference length one chord
     * @throws IllegalArgumentException if the case is not dimensionless or the grid does not match
     */
    public static ForceCoefficients of(FlowCase flowCase, Grid grid) {
        if (flowCase.units() != FieldUnits.DIMENSIONLESS) {
            throw new IllegalArgumentException("pressure forces need dimensionless fields (p/U^2), got "
                    + flowCase.units());
        }
        Mask mask = flowCase.mask();
        if (mask.nx() != grid.nx() || mask.ny() != grid.ny()) {
            throw new IllegalArgumentException("case is " + mask.nx() + "x" + mask.ny() + " but the grid is "
                    + grid.nx() + "x" + grid.ny());
        }
        double dx = grid.nx() > 1 ? grid.x(1) - grid.x(0) : 1;
        double dy = grid.ny() > 1 ? grid.y(1) - grid.y(0) : 1;
        double alpha = Math.toRadians(flowCase.condition().angleOfAttackDeg());
        int n = flowCase.samples();
        double[] lift = new double[n];
        double[] drag = new double[n];
        for (int s = 0; s < n; s++) {
            float[] p = flowCase.field(s, Channel.P);
            double fx = 0;
            double fy = 0;
            for (int j = 0; j < mask.ny(); j++) {
                for (int i = 0; i < mask.nx(); i++) {
                    int cell = j * mask.nx() + i;
                    if (mask.isSolid(cell)) {
                        continue;
                    }
                    // A solid neighbour at +x is pushed towards +x by the pressure of this fluid cell.
                    fx += p[cell] * dy * (solid(mask, i + 1, j) - solid(mask, i - 1, j));
                    fy += p[cell] * dx * (solid(mask, i, j + 1) - solid(mask, i, j - 1));
                }
            }
            // Coefficient = force / (0.5 U^2 c) with p already divided by U^2 and c = 1 chord.
            drag[s] = 2 * (fx * Math.cos(alpha) + fy * Math.sin(alpha));
            lift[s] = 2 * (-fx * Math.sin(alpha) + fy * Math.cos(alpha));
        }
        return new ForceCoefficients(lift, drag);
    }

    private static int solid(Mask mask, int i, int j) {
        if (i < 0 || j < 0 || i >= mask.nx() || j >= mask.ny()) {
            return 0;
        }
        return mask.isSolid(j * mask.nx() + i) ? 1 : 0;
    }
}
