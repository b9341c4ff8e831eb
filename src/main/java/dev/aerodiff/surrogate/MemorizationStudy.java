package dev.aerodiff.surrogate;

import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.metrics.MemorizationAudit;
import dev.aerodiff.sampling.EnsembleRun;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.sampling.SamplingListener;
import dev.aerodiff.sampling.SeededNoise;
import dev.aerodiff.theory.EmpiricalOptimalDenoiser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Memorization audit of a trained surrogate on its own training conditions, beside the same audit of
 * the empirical-optimal model of the same data (seed paper 003). For each chosen training condition,
 * samples are drawn from the trained network and from the exact denoiser of that condition's
 * training snapshots (same schedule, sampler and seeds); every sample is compared, in dimensionless
 * units over the whole grid, with all training samples of all conditions.
 *
 * @param cases            the training cases audited (indices into the data set)
 * @param trained          the audit of the trained network's samples
 * @param empiricalOptimal the audit of the empirical-optimal model's samples
 * @param nfe              network evaluations per sample of the trained network
 */
public record MemorizationStudy(int[] cases, MemorizationAudit trained, MemorizationAudit empiricalOptimal, int nfe) {
    private static final int BATCH = 16;

    /**
     * @param surrogate the trained model
     * @param training  its training data set
     * @param cases     which training cases to generate for
     * @param samples   samples per case and model
     * @param sampler   the sampler of both models
     * @param seed      seed of case {@code cases[0]}; the k-th audited case uses seed + k
     * @param progress  called with k once the network's ensemble of the k-th case is drawn (they are drawn
     *                  together), then with K + k once its empirical-optimal ensemble is, K cases in all
     * @return the study
     */
    public static MemorizationStudy run(Surrogate surrogate, FieldDataset training, int[] cases, int samples,
                                        SamplerSpec sampler, long seed, IntConsumer progress) {
        if (!surrogate.grid().equals(training.grid())) {
            throw new IllegalArgumentException("the model's grid " + surrogate.grid() + " differs from the training"
                    + " data's " + training.grid());
        }
        List<float[]> all = new ArrayList<>();
        for (int c = 0; c < training.caseCount(); c++) {
            FlowCase fc = DimensionlessNormalizer.normalize(training.readCase(c));
            all.addAll(sampleValues(fc));
        }
        // the exact denoiser works on the fields themselves, scaled as the network's targets (when those
        // are relative to the nearest reference, the fields are scaled alone)
        FieldScaling scaling = new FieldScaling(surrogate.manifest().scaling().channelScale(),
                surrogate.manifest().scaling().referenceSpeed());
        NoiseSchedule schedule = surrogate.objective().schedule();
        Parameterization parameterization = surrogate.objective().parameterization();
        List<float[]> fromNetwork = new ArrayList<>();
        List<float[]> fromEmpirical = new ArrayList<>();
        int nfe = 0;
        List<FlowCase> references = new ArrayList<>();
        List<Surrogate.Request> requests = new ArrayList<>();
        for (int k = 0; k < cases.length; k++) {
            FlowCase reference = DimensionlessNormalizer.normalize(training.readCase(cases[k]));
            references.add(reference);
            requests.add(new Surrogate.Request(reference.condition(), reference.mask(), samples, seed + k));
        }
        List<Ensemble> ensembles = surrogate.predict(requests, sampler, Surrogate.perRequest(requests, progress));
        for (int k = 0; k < cases.length; k++) {
            FlowCase reference = references.get(k);
            Ensemble e = ensembles.get(k);
            nfe = Math.max(nfe, e.nfe());
            FlowCase predicted = DimensionlessNormalizer.normalize(e.samples());
            fromNetwork.addAll(sampleValues(predicted));
            fromEmpirical.addAll(empiricalOptimalSamples(reference, scaling, schedule, parameterization, samples,
                    sampler, seed + k));
            progress.accept(cases.length + k);
        }
        return new MemorizationStudy(cases.clone(), MemorizationAudit.of(fromNetwork, all),
                MemorizationAudit.of(fromEmpirical, all), nfe);
    }

    private static List<float[]> empiricalOptimalSamples(FlowCase reference, FieldScaling scaling,
                                                         NoiseSchedule schedule, Parameterization parameterization,
                                                         int samples, SamplerSpec sampler, long seed) {
        int size = 3 * reference.cellCount();
        double[][] points = new double[reference.samples()][];
        float[] encoded = new float[size];
        for (int s = 0; s < points.length; s++) {
            scaling.encodeTarget(reference, s, encoded, 0);
            points[s] = new double[size];
            for (int k = 0; k < size; k++) {
                points[s][k] = encoded[k];
            }
        }
        EmpiricalOptimalDenoiser exact = new EmpiricalOptimalDenoiser(points, schedule, parameterization);
        EnsembleRun run = new EnsembleRun(sampler.sampler(), exact, schedule, sampler.grid(schedule), BATCH,
                DataType.DOUBLE);
        float[] flat = run.run(samples, new long[] {size}, null, SeededNoise.of(seed), SamplingListener.NONE,
                i -> { }).x().castTo(DataType.FLOAT).dup('c').data().asFloat();
        List<float[]> out = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            out.add(scaling.decodeTarget(Arrays.copyOfRange(flat, s * size, (s + 1) * size), reference.mask()));
        }
        return out;
    }

    /** @return each sample's values, [channel][y][x] flat, copying the case's values once */
    private static List<float[]> sampleValues(FlowCase fc) {
        int size = 3 * fc.cellCount();
        float[] values = fc.values();
        List<float[]> out = new ArrayList<>();
        for (int s = 0; s < fc.samples(); s++) {
            out.add(Arrays.copyOfRange(values, s * size, (s + 1) * size));
        }
        return out;
    }
}
