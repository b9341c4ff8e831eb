package dev.aerodiff.diffusion;

/**
 * The coefficients of the Gaussian path at one time: x_t = alpha x_0 + sigma eps, with the time
 * derivatives of alpha and sigma.
 *
 * @param t        time in [0, 1], 0 = data
 * @param alpha    signal coefficient alpha(t)
 * @param sigma    noise coefficient sigma(t)
 * @param alphaDot d alpha / dt
 * @param sigmaDot d sigma / dt
 */
public record NoiseLevel(double t, double alpha, double sigma, double alphaDot, double sigmaDot) {

    /** @return the ratio s = sigma/alpha, the noise level of the scaled variable y = x/alpha */
    public double ratio() {
        return sigma / alpha;
    }

    /** @return alpha'/alpha, the drift coefficient f(t) of the forward SDE dx = f x dt + g dW */
    public double driftCoefficient() {
        return alphaDot / alpha;
    }

    /**
     * The squared diffusion coefficient of the forward SDE dx = f x dt + g dW whose marginals are
     * this path: g^2 = d(sigma^2)/dt - 2 f sigma^2 = 2 sigma (sigma' - sigma alpha'/alpha).
     *
     * @return g(t)^2
     */
    public double diffusionSquared() {
        return 2 * sigma * (sigmaDot - sigma * alphaDot / alpha);
    }

    /**
     * The variance sigma_(t|s)^2 = sigma_t^2 - (alpha_t/alpha_s)^2 sigma_s^2 of the forward
     * transition q(x_t | x_s) = N((alpha_t/alpha_s) x_s, sigma_(t|s)^2 I), this level being t.
     *
     * @param earlier the level s of an earlier time
     * @return sigma_(t|s)^2, not below 0
     */
    public double transitionVariance(NoiseLevel earlier) {
        double ratio = alpha / earlier.alpha();
        return Math.max(0, sigma * sigma - ratio * ratio * earlier.sigma() * earlier.sigma());
    }

    /**
     * The standard deviation of the posterior q(x_s | x_t, x_0), this level being t:
     * sigma~ = sigma_(t|s) sigma_s / sigma_t.
     *
     * @param earlier the level s of an earlier time
     * @return sigma~
     */
    public double posteriorStd(NoiseLevel earlier) {
        return Math.sqrt(transitionVariance(earlier)) * earlier.sigma() / sigma;
    }

    /** @return whether sigma = 0: the path holds clean data here */
    public boolean isClean() {
        return sigma == 0;
    }
}
