package dev.aerodiff.sampling;

import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.TimeGrid;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Carries a batch of initial noise to data. Stateless: everything a run needs comes in as an
 * argument, so one instance serves any number of runs and threads.
 */
public interface Sampler {

    /** @return the sampler's name, as {@link SamplerSpec} writes it */
    String name();

    /**
     * @param denoiser  the model
     * @param schedule  the noise schedule the model was trained with
     * @param grid      times t_0 &gt; ... &gt; t_n to visit (adaptive ODE samplers use t_0 and t_n only;
     *                  fixed-step ones take n equal steps)
     * @param xInit     initial noise at t_0 [B, ...]; not modified
     * @param condition conditioning [B, ...] or null
     * @param noise     source of the noise injected by stochastic samplers, bound to this batch
     * @param listener  progress callbacks
     * @return the samples at t_n and the number of network evaluations used
     * @throws SamplingException if values stop being finite
     * @throws IllegalArgumentException if the grid or schedule does not suit the sampler
     */
    Samples sample(Denoiser denoiser, NoiseSchedule schedule, TimeGrid grid, INDArray xInit, INDArray condition,
            NoiseSource noise, SamplingListener listener);
}
