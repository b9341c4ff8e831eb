package dev.aerodiff.surrogate;

import dev.aerodiff.cfd.AirfoilShape;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.train.TrainingObjective;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * What predicts ensembles of flow fields for airfoil conditions: one trained bundle
 * ({@link Surrogate}), an equal mixture of several ({@link SurrogateMixture}), their network-by-network
 * average or one guided by another ({@link AveragedSurrogate}). Thread-safe, and the
 * result of a call depends only on its arguments.
 */
public interface EnsemblePredictor {

    /**
     * @param bundles model bundle files: one gives that bundle's {@link Surrogate}, several their
     *                {@link SurrogateMixture}
     * @param shapes  airfoil name to contour (for the mask of a condition)
     * @return the predictor
     * @throws IllegalArgumentException if no bundle is named, or the bundles do not fit together
     */
    static EnsemblePredictor load(List<Path> bundles, Function<String, AirfoilShape> shapes) {
        return load(bundles, shapes, false);
    }

    /**
     * @param bundles model bundle files: one gives that bundle's {@link Surrogate}, several their
     *                {@link SurrogateMixture} or, with {@code average}, their {@link AveragedSurrogate}
     * @param shapes  airfoil name to contour (for the mask of a condition)
     * @param average whether several bundles are averaged network by network rather than mixed
     * @return the predictor
     * @throws IllegalArgumentException if no bundle is named, or the bundles do not fit together
     */
    static EnsemblePredictor load(List<Path> bundles, Function<String, AirfoilShape> shapes, boolean average) {
        if (bundles.isEmpty()) {
            throw new IllegalArgumentException("no model bundle named");
        }
        if (bundles.size() == 1) {
            return Surrogate.load(bundles.get(0), shapes);
        }
        List<Surrogate> members = bundles.stream().map(b -> Surrogate.load(b, shapes)).toList();
        return average ? AveragedSurrogate.of(members) : SurrogateMixture.of(members);
    }

    /** @return the trained bundles it samples, in order (one for a single surrogate) */
    List<Surrogate> members();

    /** @return the grid of the predicted fields */
    Grid grid();

    /** @return how the networks were trained */
    TrainingObjective objective();

    /**
     * @return the sampler its bundles record as the one to sample them with ({@link RecommendedSampler}):
     *         the one every member records, else nothing (none recorded, or members that disagree)
     */
    default Optional<SamplerSpec> recommendedSampler() {
        List<SamplerSpec> specs = members().stream().map(m -> m.manifest().sampler())
                .map(r -> r == null ? null : r.sampler()).distinct().toList();
        return specs.size() == 1 ? Optional.ofNullable(specs.get(0)) : Optional.empty();
    }

    /**
     * @return the sampler used when none is named: the {@link #recommendedSampler()}, else the method's
     *         default ({@link Surrogate#defaultSampler(TrainingObjective)})
     */
    default SamplerSpec defaultSampler() {
        return recommendedSampler().orElseGet(() -> Surrogate.defaultSampler(objective()));
    }

    /** @return the solid cells of an airfoil on the grid */
    Mask mask(String airfoil);

    /**
     * @param condition an operating point
     * @return where it lies outside the conditions the model was trained on, one sentence each
     *         (empty within them), or nothing where no bundle records them
     */
    Optional<List<String>> extrapolation(FlowCondition condition);

    /**
     * Predicts several ensembles at once.
     *
     * @param requests the ensembles, at least one
     * @param spec     sampler
     * @param progress called as the draw goes on with an index i, in the stacked order of all requests'
     *                 samples, once the work of i + 1 samples is done: for one surrogate the samples up
     *                 to i are drawn; a mixture, whose members draw one after the other, counts what all
     *                 of them have drawn
     * @return the ensembles in physical units, in the order of the requests
     */
    List<Ensemble> predict(List<Surrogate.Request> requests, SamplerSpec spec, IntConsumer progress);
}
