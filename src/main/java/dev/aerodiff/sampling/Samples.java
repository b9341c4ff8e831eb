package dev.aerodiff.sampling;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The result of a sampler run.
 *
 * @param x              the samples [B, ...]
 * @param nfe            network evaluations along one sample's trajectory: the number of batched
 *                       calls when the batch moves together; when each sample is integrated on
 *                       its own (adaptive ODE, per-sample mode), the largest count in the batch
 * @param denoiserCalls  calls to {@link dev.aerodiff.diffusion.Denoiser#evaluate} actually made
 */
public record Samples(INDArray x, int nfe, long denoiserCalls) {
}
