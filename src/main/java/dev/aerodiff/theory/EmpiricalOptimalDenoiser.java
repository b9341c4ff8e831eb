package dev.aerodiff.theory;

import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import java.util.Arrays;

/**
 * The exact denoiser of the empirical distribution of a finite training set x_1..x_N: the noised
 * distribution is the mixture p_t(x) = (1/N) sum_i N(x; alpha x_i, sigma^2 I), whose posterior
 * means are softmax-weighted averages,
 * <pre>
 *   E[x_0 | x_t = x] = sum_i w_i x_i,   w = softmax(-|x - alpha x_i|^2 / (2 sigma^2))
 *   E[eps | x_t = x] = (x - alpha E[x_0 | x]) / sigma,     score = -E[eps | x] / sigma
 * </pre>
 * the weights computed with the log-sum-exp shift so that no exponent overflows or all underflow.
 * This is the minimizer of the denoising loss on the training set; sampling with it reproduces the
 * training points (Cao et al., 2025, section 5; Yi et al., 2023).
 */
public final class EmpiricalOptimalDenoiser extends ClosedFormDenoiser {
    private final double[][] points;

    /**
     * @param points           training points, N x D, N &gt;= 1, all finite
     * @param schedule         the path x_t = alpha x_0 + sigma eps
     * @param parameterization what to return
     * @throws IllegalArgumentException for an empty set, ragged rows or non-finite values
     */
    public EmpiricalOptimalDenoiser(double[][] points, NoiseSchedule schedule, Parameterization parameterization) {
        super(schedule, parameterization, checkedDimension(points));
        this.points = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            this.points[i] = points[i].clone();
        }
    }

    private static int checkedDimension(double[][] points) {
        if (points.length == 0 || points[0].length == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        int d = points[0].length;
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != d) {
                throw new IllegalArgumentException("training point " + i + " has " + points[i].length
                        + " values, expected " + d);
            }
            for (double v : points[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("training point " + i + " has a non-finite value");
                }
            }
        }
        return d;
    }

    /** @return N */
    public int size() {
        return points.length;
    }

    /**
     * @param x     a state, length D
     * @param level its noise level (sigma &gt; 0)
     * @return the mixture weights w_i of the training points given x, summing to 1
     */
    public double[] weights(double[] x, NoiseLevel level) {
        double[] w = logits(x, level);
        double max = max(w);
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(w[i] - max);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /**
     * @param x     a state, length D
     * @param level its noise level (sigma &gt; 0)
     * @return log p_t(x) of the noised empirical distribution
     */
    public double logDensity(double[] x, NoiseLevel level) {
        double[] logits = logits(x, level);
        double max = max(logits);
        double sum = 0;
        for (double l : logits) {
            sum += Math.exp(l - max);
        }
        double var = level.sigma() * level.sigma();
        return max + Math.log(sum / points.length) - 0.5 * x.length * Math.log(2 * Math.PI * var);
    }

    /** -|x - alpha x_i|^2 / (2 sigma^2) for every training point */
    private double[] logits(double[] x, NoiseLevel level) {
        double[] logits = new double[points.length];
        double scale = -0.5 / (level.sigma() * level.sigma());
        for (int i = 0; i < points.length; i++) {
            double d2 = 0;
            for (int k = 0; k < x.length; k++) {
                double diff = x[k] - level.alpha() * points[i][k];
                d2 += diff * diff;
            }
            logits[i] = scale * d2;
        }
        return logits;
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    @Override
    void posteriorMeans(double[] x, NoiseLevel level, double[] x0, double[] eps) {
        double[] w = weights(x, level);
        Arrays.fill(x0, 0);
        for (int i = 0; i < points.length; i++) {
            if (w[i] == 0) {
                continue;
            }
            for (int k = 0; k < x0.length; k++) {
                x0[k] += w[i] * points[i][k];
            }
        }
        for (int k = 0; k < x0.length; k++) {
            eps[k] = (x[k] - level.alpha() * x0[k]) / level.sigma();
        }
    }
}
