package dev.aerodiff.metrics;

import dev.aerodiff.field.Channel;

/**
 * Uncertainty metrics of a predicted ensemble against a reference ensemble for one channel, in
 * dimensionless units (p/U^2 with the fluid mean removed, u/U), over fluid cells only. Definitions
 * in {@link FieldUncertainty}.
 *
 * @param channel          the channel
 * @param errorOfMean      fluid mean of |mean_pred - mean_ref| per cell
 * @param errorOfStd       fluid mean of |std_pred - std_ref| per cell (population std, ddof 0)
 * @param predictedMeanStd fluid mean of the predicted per-cell std (the spatially averaged std)
 * @param referenceMeanStd fluid mean of the reference per-cell std
 * @param crps             fluid mean of {@code crpsMap}
 * @param crpsEstimator    which ensemble CRPS estimator
 * @param coverage50       fraction of reference values inside the predicted central 50% interval
 * @param coverage90       fraction of reference values inside the predicted central 90% interval
 * @param spreadSkill      spread-skill ratio with the small-ensemble correction sqrt((M+1)/M)
 * @param marginalW1       fluid mean of the per-cell marginal W_1
 * @param crpsMap          {@code [y][x]} flat: per cell, the mean CRPS of the predicted ensemble
 *                         over the reference samples; solid cells 0
 * @param marginalW1Map    {@code [y][x]} flat per-cell marginal W_1; solid cells 0
 */
public record ChannelUncertainty(Channel channel, double errorOfMean, double errorOfStd, double predictedMeanStd,
                                 double referenceMeanStd, double crps, Crps.Estimator crpsEstimator,
                                 double coverage50, double coverage90, double spreadSkill, double marginalW1,
                                 double[] crpsMap, double[] marginalW1Map) {
}
