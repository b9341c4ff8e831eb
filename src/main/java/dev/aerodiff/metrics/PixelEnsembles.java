package dev.aerodiff.metrics;

import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import java.util.Arrays;

/**
 * The samples of one channel of a case regrouped by cell: for each cell, the values the samples
 * take there, ascending. Layout {@code [cell][sample]} flat; solid cells hold zeros. Values are in
 * the dimensionless units of {@link DimensionlessNormalizer}.
 *
 * @param samples number of samples per cell
 * @param sorted  {@code cells * samples} values, ascending within each cell
 */
record PixelEnsembles(int samples, double[] sorted) {

    /**
     * @param flowCase a case in physical or dimensionless units
     * @param channel  which channel
     * @return its per-cell sorted samples in dimensionless units
     */
    static PixelEnsembles of(FlowCase flowCase, Channel channel) {
        FlowCase c = dimensionless(flowCase);
        int samples = c.samples();
        int cells = c.cellCount();
        float[] values = c.values();
        double[] out = new double[cells * samples];
        for (int s = 0; s < samples; s++) {
            int base = (s * Channel.count() + channel.ordinal()) * cells;
            for (int cell = 0; cell < cells; cell++) {
                out[cell * samples + s] = values[base + cell];
            }
        }
        for (int cell = 0; cell < cells; cell++) {
            Arrays.sort(out, cell * samples, (cell + 1) * samples);
        }
        return new PixelEnsembles(samples, out);
    }

    /** @return a copy of the sorted samples at one cell */
    double[] at(int cell) {
        return Arrays.copyOfRange(sorted, cell * samples, (cell + 1) * samples);
    }

    /** @return the case in dimensionless units (normalized if it is in physical units) */
    static FlowCase dimensionless(FlowCase c) {
        return c.units() == FieldUnits.DIMENSIONLESS ? c : DimensionlessNormalizer.normalize(c);
    }

    /** @throws IllegalArgumentException unless both cases lie on the same cells with the same mask */
    static void requireSameMask(FlowCase predicted, FlowCase reference) {
        if (!predicted.mask().equals(reference.mask())) {
            throw new IllegalArgumentException("predicted and reference cases differ in grid size or mask: "
                    + predicted.mask().nx() + "x" + predicted.mask().ny() + " with " + predicted.mask().solidCount()
                    + " solid cells against " + reference.mask().nx() + "x" + reference.mask().ny() + " with "
                    + reference.mask().solidCount());
        }
    }
}
