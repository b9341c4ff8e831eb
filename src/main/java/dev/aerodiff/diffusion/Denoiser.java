package dev.aerodiff.diffusion;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One batched model evaluation: given noisy states x_t and their times, the conditional mean
 * E[q | x_t] of the quantity q named by {@link #parameterization()} (noise, clean data, v, flow
 * velocity or score; see {@link Conversions}). This is the middle of three levels: a raw network
 * sits below it, and samplers build ODE or SDE right-hand sides on top of it.
 *
 * <p>Shapes: {@code xt} is [B, ...] with any trailing shape, e.g. [B, 3, H, W] for flow fields
 * or [B, d] for vectors; {@code t} has length B; {@code condition} is [B, ...] or null. The
 * result has xt's shape and data type. Implementations must treat rows independently (the
 * result of row b depends only on row b of the inputs), so that results do not depend on how
 * samples are grouped into batches, and must not modify their inputs.
 */
public interface Denoiser {

    /** @return what {@link #evaluate} returns */
    Parameterization parameterization();

    /**
     * @param xt        noisy states [B, ...]
     * @param t         time of each row, length B, in [0, 1]
     * @param condition conditioning [B, ...], or null for an unconditional model
     * @return the prediction, shape of xt, in {@link #parameterization()}
     */
    INDArray evaluate(INDArray xt, double[] t, INDArray condition);
}
