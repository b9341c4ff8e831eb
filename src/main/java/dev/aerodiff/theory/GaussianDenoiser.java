package dev.aerodiff.theory;

import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;

/**
 * The exact denoiser of Gaussian data N(mu, Sigma) at every t, in any parameterization
 * (formulas in {@link GaussianData}). Inputs are [B, d] or any [B, ...] with d values per row.
 */
public final class GaussianDenoiser extends ClosedFormDenoiser {
    private final GaussianData data;

    /**
     * @param data             the data distribution
     * @param schedule         the path x_t = alpha x_0 + sigma eps
     * @param parameterization what to return
     */
    public GaussianDenoiser(GaussianData data, NoiseSchedule schedule, Parameterization parameterization) {
        super(schedule, parameterization, data.dimension());
        this.data = data;
    }

    /** @return the data distribution */
    public GaussianData data() {
        return data;
    }

    @Override
    void posteriorMeans(double[] x, NoiseLevel level, double[] x0, double[] eps) {
        data.posteriorMeans(x, level, x0, eps);
    }
}
