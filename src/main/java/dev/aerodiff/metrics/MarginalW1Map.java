package dev.aerodiff.metrics;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.Mask;
import dev.aerodiff.field.PixelMoments;

/**
 * Per-pixel marginal W_1 between two ensembles of fields: at every fluid cell, the exact 1-D W_1
 * ({@link Wasserstein1D}) between the values the predicted samples take there and the values the
 * reference samples take, in dimensionless units (p/U^2, u/U). It compares one-point marginals
 * only; joint structure across cells is what {@link SlicedWasserstein} looks at.
 *
 * @param channel    the channel
 * @param map        {@code [y][x]} flat W_1 per cell; solid cells 0
 * @param fluidMean  average of the map over fluid cells
 */
public record MarginalW1Map(Channel channel, double[] map, double fluidMean) {

    /**
     * @param predicted ensemble to judge (physical or dimensionless units)
     * @param reference reference ensemble on the same grid and mask; sample counts may differ
     * @param channel   which channel
     * @return the map
     * @throws IllegalArgumentException if the masks differ
     */
    public static MarginalW1Map of(FlowCase predicted, FlowCase reference, Channel channel) {
        PixelEnsembles.requireSameMask(predicted, reference);
        return of(PixelEnsembles.of(predicted, channel), PixelEnsembles.of(reference, channel), predicted.mask(),
                channel);
    }

    static MarginalW1Map of(PixelEnsembles predicted, PixelEnsembles reference, Mask mask, Channel channel) {
        double[] map = new double[mask.nx() * mask.ny()];
        for (int cell = 0; cell < map.length; cell++) {
            if (!mask.isSolid(cell)) {
                map[cell] = Wasserstein1D.w1Sorted(predicted.at(cell), reference.at(cell));
            }
        }
        return new MarginalW1Map(channel, map, PixelMoments.fluidAverage(map, mask));
    }
}
