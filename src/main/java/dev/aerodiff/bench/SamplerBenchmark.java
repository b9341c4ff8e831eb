package dev.aerodiff.bench;

import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Mask;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.Surrogate;
import java.util.function.IntConsumer;

/**
 * Time of drawing an ensemble with a trained surrogate and one sampler: the whole
 * {@link Surrogate#predict} call (noise, network evaluations, sampler arithmetic, decoding), after
 * warm-up, as the median of repeats with the same seed.
 *
 * @param sampler       the sampler
 * @param samples       ensemble size
 * @param nfe           network evaluations per sample (for adaptive solvers, of the last repeat)
 * @param timings       wall times of whole ensembles
 */
public record SamplerBenchmark(SamplerSpec sampler, int samples, int nfe, Timings timings) {

    /**
     * @param surrogate the model
     * @param condition operating point
     * @param mask      solid cells
     * @param sampler   sampler
     * @param samples   ensemble size
     * @param seed      seed of every repeat
     * @param warmup    untimed ensembles first, at least ({@link Repeats}: more while the JIT
     *                  compiler is busy)
     * @param repeats   timed ensembles
     * @param progress  called after each timed ensemble
     * @return the timings
     */
    public static SamplerBenchmark run(Surrogate surrogate, FlowCondition condition, Mask mask, SamplerSpec sampler,
                                       int samples, long seed, int warmup, int repeats, IntConsumer progress) {
        if (samples < 1 || repeats < 1 || warmup < 0) {
            throw new IllegalArgumentException("need samples >= 1, repeats >= 1, warm-up >= 0; got " + samples + ", "
                    + repeats + ", " + warmup);
        }
        int[] nfe = new int[1];
        Timings timings = Repeats.time(() -> nfe[0] = surrogate.predict(condition, mask, samples, sampler, seed,
                k -> { }).nfe(), warmup, repeats, progress, 0);
        return new SamplerBenchmark(sampler, samples, nfe[0], timings);
    }

    /** @return median wall time of one ensemble */
    public double medianMs() {
        return timings.median();
    }

    /** @return median wall time per sample */
    public double msPerSample() {
        return medianMs() / samples;
    }

    /**
     * @return median wall time per network evaluation of one sample, sampler arithmetic included
     *         (samplers that evaluate {@link Surrogate#BATCH} samples at once pay less per sample
     *         than the adaptive ODE solvers, which integrate each sample alone)
     */
    public double msPerEvaluation() {
        return medianMs() / ((double) nfe * samples);
    }
}
