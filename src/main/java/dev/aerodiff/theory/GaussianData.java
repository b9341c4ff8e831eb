package dev.aerodiff.theory;

import dev.aerodiff.diffusion.NoiseLevel;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Gaussian data N(mu, Sigma) in d dimensions and everything about it that has a closed form
 * along a path x_t = alpha x_0 + sigma eps. With Sigma = Q diag(lambda) Q^T and w = Q^T (x - alpha mu):
 * <pre>
 *   E[x_0 | x_t] = mu + Q diag(alpha lambda / (alpha^2 lambda + sigma^2)) w
 *   E[eps | x_t] =      Q diag(sigma / (alpha^2 lambda + sigma^2)) w
 *   flow t -&gt; t':  x_t' = alpha' mu + Q diag(sqrt((alpha'^2 lambda + sigma'^2) / (alpha^2 lambda + sigma^2))) w
 * </pre>
 * the last being the exact solution of the probability-flow ODE. Immutable.
 */
public final class GaussianData {
    private final double[] mean;
    private final double[][] covariance;
    private final double[] lambda;
    private final double[][] q;

    /**
     * @param mean       mu, length d
     * @param covariance Sigma, d x d, symmetric positive semi-definite
     * @throws IllegalArgumentException if shapes disagree, Sigma is not symmetric or has a
     *                                  negative eigenvalue, or a value is not finite
     */
    public GaussianData(double[] mean, double[][] covariance) {
        int d = mean.length;
        if (d == 0 || covariance.length != d) {
            throw new IllegalArgumentException("covariance must be " + d + " x " + d + " for a mean of length " + d
                    + ", got " + covariance.length + " rows");
        }
        double scale = 0;
        for (int i = 0; i < d; i++) {
            if (covariance[i].length != d) {
                throw new IllegalArgumentException("covariance row " + i + " has " + covariance[i].length
                        + " values, expected " + d);
            }
            if (!Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("mean[" + i + "] is " + mean[i] + ", expected a finite value");
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(covariance[i][j])) {
                    throw new IllegalArgumentException("covariance[" + i + "][" + j + "] is not finite");
                }
                scale = Math.max(scale, Math.abs(covariance[i][j]));
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(covariance[i][j] - covariance[j][i]) > 1e-9 * scale) {
                    throw new IllegalArgumentException("covariance is not symmetric: [" + i + "][" + j + "] = "
                            + covariance[i][j] + " but [" + j + "][" + i + "] = " + covariance[j][i]);
                }
            }
        }
        RealMatrix sigma = MatrixUtils.createRealMatrix(covariance);
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(sigma.add(sigma.transpose())
                .scalarMultiply(0.5));
        this.lambda = eigen.getEigenvalues();
        for (int k = 0; k < d; k++) {
            if (lambda[k] < -1e-10 * Math.max(scale, Double.MIN_NORMAL)) {
                throw new IllegalArgumentException("covariance is not positive semi-definite: eigenvalue "
                        + lambda[k]);
            }
            lambda[k] = Math.max(lambda[k], 0);
        }
        this.q = eigen.getV().getData();
        this.mean = mean.clone();
        this.covariance = sigma.getData();
    }

    /** @return d */
    public int dimension() {
        return mean.length;
    }

    /** @return a copy of mu */
    public double[] mean() {
        return mean.clone();
    }

    /** @return a copy of Sigma */
    public double[][] covariance() {
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = covariance[i].clone();
        }
        return c;
    }

    /** @return the eigenvalues of Sigma */
    public double[] eigenvalues() {
        return lambda.clone();
    }

    /**
     * Writes E[x_0 | x_t = x] and E[eps | x_t = x].
     *
     * @param x     a state, length d
     * @param level the noise level of x
     * @param x0    receives E[x_0 | x]
     * @param eps   receives E[eps | x]
     */
    public void posteriorMeans(double[] x, NoiseLevel level, double[] x0, double[] eps) {
        double a = level.alpha();
        double s = level.sigma();
        double[] w = project(x, a);
        double[] wx = new double[w.length];
        double[] we = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            double var = a * a * lambda[k] + s * s;
            wx[k] = a * lambda[k] / var * w[k];
            we[k] = s / var * w[k];
        }
        back(wx, x0);
        back(we, eps);
        for (int i = 0; i < x0.length; i++) {
            x0[i] += mean[i];
        }
    }

    /**
     * The exact probability-flow map from one noise level to another.
     *
     * @param x    a state at {@code from}, length d
     * @param from its level
     * @param to   the target level
     * @return the state at {@code to} on the same ODE trajectory
     */
    public double[] flow(double[] x, NoiseLevel from, NoiseLevel to) {
        double[] w = project(x, from.alpha());
        for (int k = 0; k < w.length; k++) {
            double v0 = from.alpha() * from.alpha() * lambda[k] + from.sigma() * from.sigma();
            double v1 = to.alpha() * to.alpha() * lambda[k] + to.sigma() * to.sigma();
            w[k] *= Math.sqrt(v1 / v0);
        }
        double[] out = new double[w.length];
        back(w, out);
        for (int i = 0; i < out.length; i++) {
            out[i] += to.alpha() * mean[i];
        }
        return out;
    }

    /**
     * @param z standard normal values, length d
     * @return mu + Q diag(sqrt(lambda)) z, a draw from N(mu, Sigma)
     */
    public double[] draw(double[] z) {
        double[] w = new double[z.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = Math.sqrt(lambda[k]) * z[k];
        }
        double[] out = new double[w.length];
        back(w, out);
        for (int i = 0; i < out.length; i++) {
            out[i] += mean[i];
        }
        return out;
    }

    /** w = Q^T (x - alpha mu) */
    private double[] project(double[] x, double alpha) {
        int d = mean.length;
        if (x.length != d) {
            throw new IllegalArgumentException("expected a state of dimension " + d + ", got " + x.length);
        }
        double[] w = new double[d];
        for (int k = 0; k < d; k++) {
            double sum = 0;
            for (int i = 0; i < d; i++) {
                sum += q[i][k] * (x[i] - alpha * mean[i]);
            }
            w[k] = sum;
        }
        return w;
    }

    /** out = Q w */
    private void back(double[] w, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (int k = 0; k < w.length; k++) {
                sum += q[i][k] * w[k];
            }
            out[i] = sum;
        }
    }
}
