package dev.aerodiff.surrogate;

import dev.aerodiff.sampling.SamplerSpec;

/**
 * The sampler a bundle is best sampled with, recorded in its manifest once a validation chose it
 * ({@code aerodiff model set-sampler}). Commands that are given no sampler use it; a bundle without
 * one falls back to its method's default ({@link Surrogate#defaultSampler(dev.aerodiff.train.TrainingObjective)}).
 *
 * @param spec            the sampler, as {@link SamplerSpec#parse} reads it
 * @param reason          why, in a sentence: what was measured and where
 * @param command         the command that recorded it
 * @param aerodiffVersion the version that recorded it
 * @param written         when (ISO-8601)
 */
public record RecommendedSampler(String spec, String reason, String command, String aerodiffVersion,
                                 String written) {
    /** @return the sampler */
    public SamplerSpec sampler() {
        return SamplerSpec.parse(spec);
    }
}
