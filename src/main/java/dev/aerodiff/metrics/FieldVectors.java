package dev.aerodiff.metrics;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.Mask;

/**
 * The samples of a case as points of R^d for distances between whole fields: each sample becomes
 * one vector of its dimensionless values (p/U^2 with the fluid mean removed, u/U) at the fluid
 * cells, channels one after another, so d = 3 x (number of fluid cells).
 */
public final class FieldVectors {
    private FieldVectors() {
    }

    /**
     * @param flowCase a case in physical or dimensionless units, with at least one fluid cell
     * @return one point per sample
     */
    public static PointCloud of(FlowCase flowCase) {
        FlowCase c = PixelEnsembles.dimensionless(flowCase);
        Mask mask = c.mask();
        int cells = c.cellCount();
        int dim = Channel.count() * mask.fluidCount();
        float[] values = c.values();
        double[] x = new double[c.samples() * dim];
        int k = 0;
        for (int s = 0; s < c.samples(); s++) {
            for (int ch = 0; ch < Channel.count(); ch++) {
                int base = (s * Channel.count() + ch) * cells;
                for (int cell = 0; cell < cells; cell++) {
                    if (!mask.isSolid(cell)) {
                        x[k++] = values[base + cell];
                    }
                }
            }
        }
        return new PointCloud(c.samples(), dim, x);
    }
}
