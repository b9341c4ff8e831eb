package dev.aerodiff.surrogate;

import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.diffusion.AveragedDenoiser;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.sampling.SamplerSpec;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Several bundles trained on one data set (other seeds of one recipe) sampled as one model: at every
 * sampler step each network is asked and their predictions are averaged ({@link AveragedDenoiser}).
 * Where a {@link SurrogateMixture} lets each network draw its own share of the ensemble, so that what
 * the networks get wrong by chance stays in the samples as extra spread, the average draws every
 * sample with all of them, so that what they get wrong independently partly cancels; what they share
 * (on the stall data, most of the spread they invent where the simulations settle) stays. Costs every
 * network's evaluation per step: the ensembles' nfe counts them all. The first bundle's scaling, and
 * nearest-reference table where it has one, encode the conditions and decode the samples. The noise of
 * sample i derives from the seed and i as for one bundle, so an average of one bundle with itself
 * draws what the bundle draws alone. {@link #guided} weighs two bundles w and 1 - w instead
 * (autoguidance, {@link AveragedDenoiser#guided}).
 */
public final class AveragedSurrogate extends BundleCombination {
    /** w of {@link #guided}, or NaN for the equal average. */
    private final double guidance;

    private AveragedSurrogate(List<Surrogate> members, double guidance) {
        super(members, Double.isNaN(guidance) ? "an average" : "guidance");
        this.guidance = guidance;
        Surrogate first = members.get(0);
        for (Surrogate other : members.subList(1, members.size())) {
            String p = other.manifest().parameterization();
            if (!p.equals(first.manifest().parameterization())) {
                throw new IllegalArgumentException("model bundle " + other.path() + " predicts " + p + ", "
                        + first.path() + " " + first.manifest().parameterization()
                        + ": " + what() + " needs networks that predict the same quantity");
            }
            if (!sameScaling(other.manifest().scaling(), first.manifest().scaling())) {
                throw new IllegalArgumentException("model bundle " + other.path() + " scales its fields or conditions"
                        + " otherwise than " + first.path() + " (trained on other data or with other condition"
                        + " channels?): " + what() + " needs networks that take and give the same scaled arrays");
            }
        }
    }

    /**
     * @param members the surrogates, at least one, on one grid, trained with one method to predict one
     *                quantity, with one scaling of fields and conditions (trained on one data set)
     * @return their average
     * @throws IllegalArgumentException if there are none, or they do not fit together
     */
    public static AveragedSurrogate of(List<Surrogate> members) {
        return new AveragedSurrogate(members, Double.NaN);
    }

    /**
     * @param main     the bundle that is guided
     * @param guide    a weaker version of it, trained on the same data (fewer steps, smaller widths), that
     *                 fits it as an average's member would
     * @param guidance w &gt;= 1: every step predicts w main - (w - 1) guide; 1 is {@code main} alone
     * @return the guided model
     * @throws IllegalArgumentException if w is below 1, or the two do not fit together
     */
    public static AveragedSurrogate guided(Surrogate main, Surrogate guide, double guidance) {
        return new AveragedSurrogate(List.of(main, guide), AveragedDenoiser.checkGuidance(guidance));
    }

    private static boolean sameScaling(FieldScaling a, FieldScaling b) {
        return Arrays.equals(a.channelScale(), b.channelScale()) && a.referenceSpeed() == b.referenceSpeed()
                && Arrays.equals(a.targetMin(), b.targetMin()) && Arrays.equals(a.targetMax(), b.targetMax())
                && a.wallDistanceScale() == b.wallDistanceScale() && a.nearestReference() == b.nearestReference()
                && a.nearestResidual() == b.nearestResidual();
    }

    /** @return the ensembles; the nfe of each counts the evaluations of every network */
    @Override
    public List<Ensemble> predict(List<Surrogate.Request> requests, SamplerSpec spec, IntConsumer progress) {
        List<Denoiser> networks = members().stream().map(Surrogate::networkDenoiser).toList();
        AveragedDenoiser denoiser = Double.isNaN(guidance) ? new AveragedDenoiser(networks)
                : AveragedDenoiser.guided(networks.get(0), networks.get(1), guidance);
        return members().get(0).predictWith(denoiser, requests, spec, progress).stream()
                .map(e -> new Ensemble(e.samples(), e.sampler(), e.nfe() * networks.size(), e.seed()))
                .toList();
    }
}
