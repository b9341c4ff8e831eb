package dev.aerodiff.data;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Mask;

/**
 * The dimensionless form of Liu & Thuerey's airfoil surrogates, applied to each sample alone:
 * <pre>
 *   p'  = (p - mean_fluid(p)) / U^2
 *   ux' = ux / U,   uy' = uy / U
 * </pre>
 * with U the freestream speed of the case, and every solid cell set to zero. Subtracting the
 * fluid mean removes the arbitrary pressure level of incompressible solvers.
 */
public final class DimensionlessNormalizer {

    private DimensionlessNormalizer() {
    }

    /**
     * @param raw a case in physical units
     * @return the same samples in dimensionless units
     * @throws IllegalArgumentException if the case is not in physical units or has no fluid cell
     */
    public static FlowCase normalize(FlowCase raw) {
        if (raw.units() != FieldUnits.PHYSICAL) {
            throw new IllegalArgumentException("case " + raw.condition().label() + " is already " + raw.units());
        }
        Mask mask = raw.mask();
        if (mask.fluidCount() == 0) {
            throw new IllegalArgumentException("case " + raw.condition().label() + " has no fluid cell");
        }
        double speed = raw.condition().freestreamSpeed();
        int cells = raw.cellCount();
        float[] out = new float[raw.samples() * Channel.count() * cells];
        for (int s = 0; s < raw.samples(); s++) {
            double pMean = fluidMean(raw, s, Channel.P);
            for (Channel ch : Channel.ALL) {
                double shift = ch == Channel.P ? pMean : 0.0;
                double scale = ch == Channel.P ? speed * speed : speed;
                int base = (s * Channel.count() + ch.ordinal()) * cells;
                for (int cell = 0; cell < cells; cell++) {
                    out[base + cell] = mask.isSolid(cell) ? 0f
                            : (float) ((raw.value(s, ch, cell) - shift) / scale);
                }
            }
        }
        return raw.withValues(FieldUnits.DIMENSIONLESS, out);
    }

    /**
     * The inverse of {@link #normalize} up to the pressure level: dimensionless fields scaled by a
     * condition's freestream speed (p' U^2, u' U), solid cells zero.
     *
     * @param condition     the operating point whose freestream speed sets the units
     * @param mask          the solid cells
     * @param samples       number of samples
     * @param dimensionless {@code samples * channels * cells} values, layout [sample][channel][y][x]
     * @return the samples in physical units
     */
    public static FlowCase toPhysical(FlowCondition condition, Mask mask, int samples, float[] dimensionless) {
        double speed = condition.freestreamSpeed();
        int cells = mask.nx() * mask.ny();
        float[] physical = new float[dimensionless.length];
        for (int s = 0; s < samples; s++) {
            for (Channel ch : Channel.ALL) {
                double unit = ch == Channel.P ? speed * speed : speed;
                int base = (s * Channel.count() + ch.ordinal()) * cells;
                for (int cell = 0; cell < cells; cell++) {
                    physical[base + cell] = mask.isSolid(cell) ? 0f : (float) (dimensionless[base + cell] * unit);
                }
            }
        }
        return new FlowCase(condition, mask, FieldUnits.PHYSICAL, samples, physical, null);
    }

    private static double fluidMean(FlowCase c, int sample, Channel ch) {
        double sum = 0;
        for (int cell = 0; cell < c.cellCount(); cell++) {
            if (!c.mask().isSolid(cell)) {
                sum += c.value(sample, ch, cell);
            }
        }
        return sum / c.mask().fluidCount();
    }
}
