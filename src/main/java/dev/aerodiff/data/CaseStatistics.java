package dev.aerodiff.data;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.PixelMoments;

/**
 * Spread and level of one case in dimensionless units, per channel (indexed by
 * {@link Channel#ordinal()}).
 *
 * @param condition the case's operating point
 * @param meanStd   fluid average of the per-pixel standard deviation across samples
 * @param meanMean  fluid average of the per-pixel mean across samples
 */
public record CaseStatistics(FlowCondition condition, double[] meanStd, double[] meanMean) {

    /**
     * @param dimensionless a case already in {@link dev.aerodiff.field.FieldUnits#DIMENSIONLESS} units
     * @return its statistics
     */
    public static CaseStatistics of(FlowCase dimensionless) {
        double[] std = new double[Channel.count()];
        double[] mean = new double[Channel.count()];
        for (Channel ch : Channel.ALL) {
            PixelMoments m = PixelMoments.of(dimensionless, ch);
            std[ch.ordinal()] = PixelMoments.fluidAverage(m.std(), dimensionless.mask());
            mean[ch.ordinal()] = PixelMoments.fluidAverage(m.mean(), dimensionless.mask());
        }
        return new CaseStatistics(dimensionless.condition(), std, mean);
    }
}
