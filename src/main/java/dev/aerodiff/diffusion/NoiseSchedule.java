package dev.aerodiff.diffusion;

/**
 * An immutable continuous-time Gaussian path x_t = alpha(t) x_0 + sigma(t) eps on t in [0, 1],
 * t = 0 data, t = 1 noise. Implementations give alpha, sigma and their analytic time derivatives.
 *
 * <p>Continuous-time samplers start at {@link #tMax()} and never evaluate a model below
 * {@link #tMin()}: where sigma(0) = 0 the conversions between parameterizations divide by zero and
 * (for variance-preserving paths, where sigma ~ sqrt(t)) the ODE drift is singular, so the last
 * step to t = 0 is a denoising step x_0 = E[x_0 | x_t] taken at the last positive time.
 */
public interface NoiseSchedule {

    /** Smallest time at which samplers evaluate a model when sigma(0) = 0. */
    double DEFAULT_T_MIN = 1e-3;

    /** @return a short name such as "cosine" */
    String name();

    /**
     * @param t time in [0, 1]
     * @return alpha(t)
     */
    double alpha(double t);

    /**
     * @param t time in [0, 1]
     * @return sigma(t)
     */
    double sigma(double t);

    /**
     * @param t time in [0, 1]
     * @return d alpha / dt
     */
    double alphaDot(double t);

    /**
     * @param t time in [0, 1]
     * @return d sigma / dt (infinite where sigma behaves like sqrt(t) at t = 0)
     */
    double sigmaDot(double t);

    /**
     * Inverse of the noise ratio s(t) = sigma(t)/alpha(t), which increases strictly with t.
     *
     * @param ratio s &gt;= s(0)
     * @return the time t with sigma(t)/alpha(t) = ratio
     */
    double timeAtRatio(double ratio);

    /** @return whether alpha^2 + sigma^2 = 1 at every t */
    boolean variancePreserving();

    /** @return the time at which continuous-time samplers start from noise */
    default double tMax() {
        return 1.0;
    }

    /** @return the smallest time at which continuous-time samplers evaluate a model */
    default double tMin() {
        return sigma(0) > 0 ? 0.0 : DEFAULT_T_MIN;
    }

    /**
     * @param t time in [0, 1]
     * @return alpha, sigma and their derivatives at t
     */
    default NoiseLevel level(double t) {
        return new NoiseLevel(t, alpha(t), sigma(t), alphaDot(t), sigmaDot(t));
    }

    /**
     * The discrete T-step view used by ancestral DDPM: alpha-bar at k/T, clipped for
     * variance-preserving schedules so that no beta exceeds {@link #maxBeta()}.
     *
     * @param steps T &gt;= 1
     * @return the discrete view
     */
    default DiscreteSchedule discrete(int steps) {
        return new DiscreteSchedule(this, steps);
    }

    /** @return the largest beta_k of the discrete view (Nichol and Dhariwal clip at 0.999) */
    default double maxBeta() {
        return 0.999;
    }
}
