package dev.aerodiff.surrogate;

import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.Grid;
import dev.aerodiff.metrics.Crps;
import dev.aerodiff.metrics.FieldUncertainty;
import dev.aerodiff.metrics.MemberDisagreement;
import dev.aerodiff.metrics.PressureForces;
import dev.aerodiff.metrics.SnapshotFloor;
import dev.aerodiff.sampling.SamplerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs a surrogate on the conditions of a simulated data set and compares each predicted ensemble
 * with the simulation's snapshots: the field uncertainty metrics of {@link FieldUncertainty} (fair
 * CRPS), the pressure force coefficients of both ensembles, and the {@link SnapshotFloor} of the
 * simulation (its splits seeded by the case index, so it is the same for every model). Each case is predicted on the data
 * set's own mask, so prediction and simulation share the fluid cells. Case {@code c} uses the seed
 * {@code seed + c}, so one case can be reproduced alone. The cases are predicted together, in
 * chunks of up to {@link #CHUNK_SAMPLES} samples, so that a network evaluation serves several of
 * them.
 */
public final class SurrogateEvaluation {
    /**
     * Samples predicted together at most (unless one case has more): the cases of a chunk share
     * network evaluations ({@link Surrogate#predict(List, SamplerSpec, IntConsumer)}).
     */
    public static final int CHUNK_SAMPLES = 4 * Surrogate.BATCH;

    private SurrogateEvaluation() {
    }

    /**
     * As {@link #run} for all cases, timed and labelled.
     *
     * @param name      short name of the model (e.g. the bundle's file name without extension)
     * @return the model's evaluation
     */
    public static ModelEvaluation evaluate(String name, EnsemblePredictor surrogate, FieldDataset data, int samples,
                                           SamplerSpec sampler, long seed, IntConsumer progress) {
        long start = System.nanoTime();
        List<CaseEvaluation> cases = run(surrogate, data, samples, sampler, seed, progress);
        return new ModelEvaluation(name, surrogate.objective().id(), cases.get(0).sampler(), cases.get(0).nfe(),
                cases, (System.nanoTime() - start) / 1e9);
    }

    /**
     * @param surrogate the model: one bundle or a mixture of several
     * @param data      the simulations (same grid as the model)
     * @param samples   ensemble size per condition (at least 2)
     * @param sampler   the sampler
     * @param seed      seed of case 0
     * @param progress  called with the index of each case once its ensemble is drawn
     * @return one evaluation per case of {@code data}, in order
     * @throws IllegalArgumentException if the grids differ or {@code samples < 2}
     */
    public static List<CaseEvaluation> run(EnsemblePredictor surrogate, FieldDataset data, int samples,
                                           SamplerSpec sampler, long seed, IntConsumer progress) {
        checkArguments("the model's grid", surrogate.grid(), data, samples);
        List<CaseEvaluation> out = new ArrayList<>();
        int perChunk = Math.max(1, CHUNK_SAMPLES / samples);
        for (int first = 0; first < data.caseCount(); first += perChunk) {
            out.addAll(chunk(surrogate, data, first, Math.min(data.caseCount(), first + perChunk), samples, sampler,
                    seed, progress));
        }
        return out;
    }

    /** As {@link #run} for cases [first, end), predicted together. */
    private static List<CaseEvaluation> chunk(EnsemblePredictor surrogate, FieldDataset data, int first, int end,
                                              int samples, SamplerSpec sampler, long seed, IntConsumer progress) {
        List<FlowCase> references = new ArrayList<>();
        List<Surrogate.Request> requests = new ArrayList<>();
        for (int c = first; c < end; c++) {
            FlowCase reference = DimensionlessNormalizer.normalize(data.readCase(c));
            references.add(reference);
            requests.add(new Surrogate.Request(reference.condition(), reference.mask(), samples, seed + c));
        }
        long start = System.nanoTime();
        List<Ensemble> ensembles = surrogate.predict(requests, sampler,
                Surrogate.perRequest(requests, k -> progress.accept(first + k)));
        double seconds = (System.nanoTime() - start) / 1e9 / requests.size();
        List<CaseEvaluation> out = new ArrayList<>();
        for (int k = 0; k < requests.size(); k++) {
            FlowCase reference = references.get(k);
            out.add(compare(reference, ensembles.get(k), data.grid(), first + k, seconds,
                    surrogate.extrapolation(reference.condition()).orElse(null)));
        }
        return out;
    }

    /**
     * The nearest-simulation baseline on every condition of a simulated data set, compared as
     * {@link #run} compares a surrogate: case {@code c} shuffles the snapshots with seed {@code seed + c}.
     *
     * @param name     short name of the baseline
     * @param baseline the training simulations it copies
     * @param data     the simulations to compare with (same grid)
     * @param samples  ensemble size per condition (at least 2)
     * @param seed     seed of case 0
     * @return the baseline's evaluation, method "nearest"
     * @throws IllegalArgumentException if the grids differ or {@code samples < 2}
     */
    public static ModelEvaluation evaluate(String name, NearestSimulation baseline, FieldDataset data, int samples,
                                           long seed) {
        checkArguments("the training simulations' grid", baseline.grid(), data, samples);
        long start = System.nanoTime();
        List<CaseEvaluation> cases = new ArrayList<>();
        for (int c = 0; c < data.caseCount(); c++) {
            FlowCase reference = DimensionlessNormalizer.normalize(data.readCase(c));
            long caseStart = System.nanoTime();
            Ensemble ensemble = baseline.predict(new Surrogate.Request(reference.condition(), reference.mask(), samples,
                    seed + c));
            cases.add(compare(reference, ensemble, data.grid(), c, (System.nanoTime() - caseStart) / 1e9, null));
        }
        return new ModelEvaluation(name, NearestSimulation.METHOD, cases.get(0).sampler(), 0, cases,
                (System.nanoTime() - start) / 1e9);
    }

    private static void checkArguments(String whose, Grid modelGrid, FieldDataset data, int samples) {
        if (samples < 2) {
            throw new IllegalArgumentException("an ensemble needs at least 2 samples to compare spreads, got "
                    + samples);
        }
        if (!modelGrid.equals(data.grid())) {
            throw new IllegalArgumentException(whose + " " + modelGrid + " differs from the data's "
                    + data.grid());
        }
    }

    /** One predicted ensemble against the simulation's snapshots of case {@code index}. */
    private static CaseEvaluation compare(FlowCase reference, Ensemble ensemble, Grid grid, int index, double seconds,
                                          List<String> extrapolation) {
        FlowCase predicted = DimensionlessNormalizer.normalize(ensemble.samples());
        return new CaseEvaluation(predicted, reference,
                FieldUncertainty.compare(predicted, reference, Crps.Estimator.FAIR),
                PressureForces.of(predicted, grid), PressureForces.of(reference, grid),
                ensemble.sampler(), ensemble.nfe(), seconds,
                reference.samples() >= 4 ? SnapshotFloor.of(reference, index) : null,
                extrapolation, MemberDisagreement.of(predicted, ensemble.memberStarts()));
    }
}
