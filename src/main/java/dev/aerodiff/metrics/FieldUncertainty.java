package dev.aerodiff.metrics;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.Mask;
import dev.aerodiff.field.PixelMoments;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a predicted ensemble of flow fields with a reference ensemble (held-out simulation
 * snapshots) of the same condition, channel by channel, in the dimensionless units of
 * {@link dev.aerodiff.data.DimensionlessNormalizer} and over fluid cells (mask = 0) only. With M
 * predicted and K reference samples at each cell:
 *
 * <ul>
 *   <li>error of mean / of std: fluid mean of |mean_pred - mean_ref| and of |std_pred - std_ref|,
 *       per-cell moments from {@link PixelMoments} (std with ddof 0); spatially averaged std of
 *       each ensemble;</li>
 *   <li>CRPS: per cell, the mean over the K reference values of the {@link Crps} of the M
 *       predicted values (estimator chosen by the caller), then the fluid mean;</li>
 *   <li>coverage: fraction of all (cell, reference sample) pairs whose value lies in the predicted
 *       central 50% / 90% interval, quantiles by {@link EnsembleQuantile} (type 7);</li>
 *   <li>spread-skill: {@link SpreadSkill} with the correction sqrt((M+1)/M), from the fluid mean
 *       of the ddof-1 predicted variance and the mean over cells and reference samples of
 *       (mean_pred - y)^2;</li>
 *   <li>marginal W_1: {@link MarginalW1Map}.</li>
 * </ul>
 */
public final class FieldUncertainty {
    private FieldUncertainty() {
    }

    /**
     * @param predicted predicted ensemble, at least 2 samples (physical or dimensionless units)
     * @param reference reference ensemble on the same grid and mask (physical or dimensionless)
     * @param estimator CRPS estimator
     * @return one result per channel, in {@link Channel#ALL} order
     * @throws IllegalArgumentException if the masks differ, the prediction has fewer than 2
     *                                  samples or there is no fluid cell
     */
    public static List<ChannelUncertainty> compare(FlowCase predicted, FlowCase reference, Crps.Estimator estimator) {
        PixelEnsembles.requireSameMask(predicted, reference);
        if (predicted.samples() < 2) {
            throw new IllegalArgumentException("the predicted ensemble needs at least 2 samples, got "
                    + predicted.samples());
        }
        FlowCase pred = PixelEnsembles.dimensionless(predicted);
        FlowCase ref = PixelEnsembles.dimensionless(reference);
        List<ChannelUncertainty> out = new ArrayList<>();
        for (Channel channel : Channel.ALL) {
            out.add(channel(pred, ref, channel, estimator));
        }
        return out;
    }

    private static ChannelUncertainty channel(FlowCase pred, FlowCase ref, Channel channel, Crps.Estimator estimator) {
        Mask mask = pred.mask();
        int members = pred.samples();
        int observations = ref.samples();
        PixelMoments predMoments = PixelMoments.of(pred, channel);
        PixelMoments refMoments = PixelMoments.of(ref, channel);
        PixelEnsembles predCells = PixelEnsembles.of(pred, channel);
        PixelEnsembles refCells = PixelEnsembles.of(ref, channel);
        int cells = mask.nx() * mask.ny();
        double[] meanError = new double[cells];
        double[] stdError = new double[cells];
        double[] crpsMap = new double[cells];
        long inside50 = 0;
        long inside90 = 0;
        double variance = 0;
        double squaredError = 0;
        for (int cell = 0; cell < cells; cell++) {
            if (mask.isSolid(cell)) {
                continue;
            }
            double predMean = predMoments.mean()[cell];
            double predStd = predMoments.std()[cell];
            meanError[cell] = Math.abs(predMean - refMoments.mean()[cell]);
            stdError[cell] = Math.abs(predStd - refMoments.std()[cell]);
            double[] members1 = predCells.at(cell);
            double[] obs = refCells.at(cell);
            crpsMap[cell] = Crps.meanOverObservations(members1, obs, estimator);
            inside50 += EnsembleQuantile.countInCentralInterval(members1, obs, 0.5);
            inside90 += EnsembleQuantile.countInCentralInterval(members1, obs, 0.9);
            variance += predStd * predStd * members / (members - 1.0);
            for (double y : obs) {
                squaredError += (predMean - y) * (predMean - y);
            }
        }
        int fluid = mask.fluidCount();
        if (fluid == 0) {
            throw new IllegalArgumentException("case " + pred.condition().label() + " has no fluid cell");
        }
        double pairs = (double) fluid * observations;
        MarginalW1Map w1 = MarginalW1Map.of(predCells, refCells, mask, channel);
        return new ChannelUncertainty(channel,
                PixelMoments.fluidAverage(meanError, mask),
                PixelMoments.fluidAverage(stdError, mask),
                PixelMoments.fluidAverage(predMoments.std(), mask),
                PixelMoments.fluidAverage(refMoments.std(), mask),
                PixelMoments.fluidAverage(crpsMap, mask), estimator,
                inside50 / pairs, inside90 / pairs,
                SpreadSkill.ratio(variance / fluid, squaredError / pairs, members, true),
                w1.fluidMean(), crpsMap, w1.map());
    }
}
