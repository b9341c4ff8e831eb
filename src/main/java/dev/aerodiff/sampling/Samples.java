package dev.aerodiff.sampling;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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

    /**
     * @param batches runs of consecutive batches, at least one
     * @return their samples in order; nfe the largest of any batch, denoiserCalls the total
     */
    public static Samples stack(List<Samples> batches) {
        int nfe = 0;
        long calls = 0;
        for (Samples s : batches) {
            nfe = Math.max(nfe, s.nfe());
            calls += s.denoiserCalls();
        }
        INDArray x = batches.size() == 1 ? batches.get(0).x()
                : Nd4j.concat(0, batches.stream().map(Samples::x).toArray(INDArray[]::new));
        return new Samples(x, nfe, calls);
    }
}
