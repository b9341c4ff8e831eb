package dev.aerodiff.diffusion;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A denoiser whose clean-data estimate is clipped, channel by channel, to the range of the training
 * data ("clip_denoised" of Ho et al., 2020). With noise prediction the estimate
 * x0 = (x_t - sigma eps)/alpha multiplies the network's error by 1/alpha, which reaches thousands
 * at the start of the clipped cosine schedule; clipping keeps that error inside the data range,
 * where the next steps damp it. Returns x0 ({@link Parameterization#X0}), so every sampler derives
 * its noise estimate from the clipped x0 consistently: eps = (x_t - alpha x0)/sigma.
 */
public final class ClippedDenoiser implements Denoiser {
    private final Denoiser inner;
    private final NoiseSchedule schedule;
    private final double[] lower;
    private final double[] upper;

    /**
     * @param inner    the model; its states are [B, C, ...] with channels on axis 1
     * @param schedule the schedule the model was trained on
     * @param lower    per-channel lower bound of x0
     * @param upper    per-channel upper bound, each at least its lower bound
     */
    public ClippedDenoiser(Denoiser inner, NoiseSchedule schedule, double[] lower, double[] upper) {
        if (lower.length != upper.length || lower.length == 0) {
            throw new IllegalArgumentException("need as many lower as upper bounds, got " + lower.length + " and "
                    + upper.length);
        }
        for (int c = 0; c < lower.length; c++) {
            if (!(upper[c] >= lower[c])) {
                throw new IllegalArgumentException("channel " + c + ": upper bound " + upper[c] + " below lower "
                        + lower[c]);
            }
        }
        this.inner = inner;
        this.schedule = schedule;
        this.lower = lower.clone();
        this.upper = upper.clone();
    }

    @Override
    public Parameterization parameterization() {
        return Parameterization.X0;
    }

    @Override
    public INDArray evaluate(INDArray xt, double[] t, INDArray condition) {
        if (xt.rank() < 2 || xt.size(1) != lower.length) {
            throw new IllegalArgumentException("expected states [B, " + lower.length + ", ...], got "
                    + java.util.Arrays.toString(xt.shape()));
        }
        NoiseLevel[] levels = new NoiseLevel[t.length];
        for (int b = 0; b < t.length; b++) {
            levels[b] = schedule.level(t[b]);
        }
        INDArray x0 = Conversions.convert(inner.evaluate(xt, t, condition), inner.parameterization(),
                Parameterization.X0, xt, levels).dup();
        for (int c = 0; c < lower.length; c++) {
            INDArray channel = x0.get(NDArrayIndex.all(), NDArrayIndex.point(c));
            org.nd4j.linalg.ops.transforms.Transforms.max(channel, lower[c], false);
            org.nd4j.linalg.ops.transforms.Transforms.min(channel, upper[c], false);
        }
        return x0;
    }
}
