package dev.aerodiff.theory;

import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;

/**
 * The explicit solution of the reverse dynamics when the forward process starts from one fixed
 * point p (Cao et al., 2025): a one-point training set, whose exact denoiser is
 * {@link EmpiricalOptimalDenoiser} with N = 1. Then x_t ~ N(alpha_t p, sigma_t^2 I), the score
 * -(x - alpha_t p)/sigma_t^2 is linear in x, and both reverse dynamics solve in closed form. From
 * time s down to time t &lt; s, with alpha_(s|t) = alpha_s/alpha_t and
 * sigma_(s|t)^2 = sigma_s^2 - alpha_(s|t)^2 sigma_t^2:
 * <pre>
 *   probability-flow ODE:  x_t = alpha_t p + (sigma_t/sigma_s) (x_s - alpha_s p)
 *   reverse SDE:           x_t | x_s ~ N(m, v I),
 *                          m = (alpha_(s|t) sigma_t^2 / sigma_s^2) x_s + (alpha_t sigma_(s|t)^2 / sigma_s^2) p
 *                          v = sigma_(s|t)^2 sigma_t^2 / sigma_s^2
 * </pre>
 * the reverse SDE being the forward process's bridge to p. Both reach p exactly at sigma_t = 0:
 * the dynamics collapse onto the data point.
 */
public final class SinglePointSolution {
    private final double[] point;
    private final NoiseSchedule schedule;

    /**
     * @param point    p
     * @param schedule the path
     */
    public SinglePointSolution(double[] point, NoiseSchedule schedule) {
        this.point = point.clone();
        this.schedule = schedule;
    }

    /**
     * @param parameterization what the denoiser returns
     * @return the denoiser of the one-point training set {p}
     */
    public EmpiricalOptimalDenoiser denoiser(Parameterization parameterization) {
        return new EmpiricalOptimalDenoiser(new double[][] {point}, schedule, parameterization);
    }

    /**
     * @param x a state at time s
     * @param s its time
     * @param t an earlier time
     * @return the probability-flow ODE solution at t through (s, x)
     */
    public double[] flow(double[] x, double s, double t) {
        NoiseLevel from = schedule.level(s);
        NoiseLevel to = schedule.level(t);
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = to.alpha() * point[k] + to.sigma() / from.sigma() * (x[k] - from.alpha() * point[k]);
        }
        return out;
    }

    /**
     * @param x a state at time s
     * @param s its time
     * @param t an earlier time
     * @return the mean of x_t given x_s under the reverse SDE
     */
    public double[] reverseMean(double[] x, double s, double t) {
        NoiseLevel from = schedule.level(s);
        NoiseLevel to = schedule.level(t);
        double ratio = from.alpha() / to.alpha();
        double transition = from.transitionVariance(to);
        double vs = from.sigma() * from.sigma();
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = ratio * to.sigma() * to.sigma() / vs * x[k] + to.alpha() * transition / vs * point[k];
        }
        return out;
    }

    /**
     * @param s the later time
     * @param t an earlier time
     * @return the standard deviation (per coordinate) of x_t given x_s under the reverse SDE
     */
    public double reverseStd(double s, double t) {
        NoiseLevel from = schedule.level(s);
        NoiseLevel to = schedule.level(t);
        return from.posteriorStd(to);
    }
}
