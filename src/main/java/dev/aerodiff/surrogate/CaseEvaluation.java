package dev.aerodiff.surrogate;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.ForceCoefficients;
import dev.aerodiff.metrics.ChannelUncertainty;
import dev.aerodiff.metrics.SnapshotFloor;
import dev.aerodiff.metrics.Wasserstein1D;
import java.util.List;

/**
 * A surrogate's ensemble for one condition against the simulation's snapshots of it.
 *
 * @param predicted       the predicted ensemble, dimensionless ((p - fluid mean)/U^2, u/U)
 * @param reference       the simulation's snapshots, dimensionless, same mask
 * @param channels        uncertainty metrics per channel, in {@link Channel#ALL} order
 * @param predictedForces pressure lift and drag per predicted sample, from the fields
 * @param referenceForces pressure lift and drag per simulated snapshot, from the fields
 * @param sampler         the sampler specification
 * @param nfe             network evaluations per sample
 * @param seconds         wall time of the prediction (of a chunk of cases predicted together, its
 *                        share per case)
 * @param floor           the errors of one half of the snapshots against the other, or null if the
 *                        simulation has fewer than 4 snapshots
 * @param extrapolation   where the condition lies outside the model's training conditions (empty
 *                        within them), or null if the model does not record them
 * @param memberDisagreement how much the bundles of a mixture disagree about the mean field
 *                        ({@link Ensemble#memberDisagreement()}), NaN for one bundle
 */
public record CaseEvaluation(FlowCase predicted, FlowCase reference, List<ChannelUncertainty> channels,
                             ForceCoefficients predictedForces, ForceCoefficients referenceForces, String sampler,
                             int nfe, double seconds, SnapshotFloor floor, List<String> extrapolation,
                             double memberDisagreement) {

    /** @return the metrics of one channel */
    public ChannelUncertainty channel(Channel channel) {
        return channels.get(channel.ordinal());
    }

    /** @return error of the mean averaged over the channels */
    public double errorOfMean() {
        return channels.stream().mapToDouble(ChannelUncertainty::errorOfMean).average().orElseThrow();
    }

    /** @return error of the std averaged over the channels */
    public double errorOfStd() {
        return channels.stream().mapToDouble(ChannelUncertainty::errorOfStd).average().orElseThrow();
    }

    /** @return the simulation's spatially averaged std, averaged over the channels */
    public double referenceMeanStd() {
        return channels.stream().mapToDouble(ChannelUncertainty::referenceMeanStd).average().orElseThrow();
    }

    /** @return the ensemble's spatially averaged std, averaged over the channels */
    public double predictedMeanStd() {
        return channels.stream().mapToDouble(ChannelUncertainty::predictedMeanStd).average().orElseThrow();
    }

    /** @return exact W1 between the predicted and the simulated pressure drag coefficients */
    public double dragW1() {
        return Wasserstein1D.w1(predictedForces.drag(), referenceForces.drag());
    }

    /** @return exact W1 between the predicted and the simulated pressure lift coefficients */
    public double liftW1() {
        return Wasserstein1D.w1(predictedForces.lift(), referenceForces.lift());
    }
}
