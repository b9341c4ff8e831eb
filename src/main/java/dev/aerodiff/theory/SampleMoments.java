package dev.aerodiff.theory;

/**
 * Mean and covariance of n samples in d dimensions (covariance with divisor n - 1), and their
 * errors against a target N(mu, Sigma): the largest mean error in standard errors,
 * max_j |m_j - mu_j| / sqrt(Sigma_jj / n), and the relative Frobenius error
 * ||C - Sigma||_F / ||Sigma||_F.
 *
 * @param mean       m, length d
 * @param covariance C, d x d
 * @param count      n
 */
public record SampleMoments(double[] mean, double[][] covariance, int count) {

    /**
     * @param rows n samples of d values, n &gt;= 2
     * @return their moments
     * @throws IllegalArgumentException for fewer than 2 samples or ragged rows
     */
    public static SampleMoments of(double[][] rows) {
        if (rows.length < 2) {
            throw new IllegalArgumentException("moments need at least 2 samples, got " + rows.length);
        }
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] r : rows) {
            if (r.length != d) {
                throw new IllegalArgumentException("samples have " + r.length + " and " + d + " values");
            }
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / rows.length;
            }
        }
        double[][] cov = new double[d][d];
        for (double[] r : rows) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    cov[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]) / (rows.length - 1);
                }
            }
        }
        return new SampleMoments(mean, cov, rows.length);
    }

    /**
     * @param target the distribution the samples should follow
     * @return max_j |m_j - mu_j| / sqrt(Sigma_jj / n)
     */
    public double meanErrorInStandardErrors(GaussianData target) {
        double[] mu = target.mean();
        double[][] sigma = target.covariance();
        double worst = 0;
        for (int j = 0; j < mean.length; j++) {
            worst = Math.max(worst, Math.abs(mean[j] - mu[j]) / Math.sqrt(sigma[j][j] / count));
        }
        return worst;
    }

    /**
     * @param target the distribution the samples should follow
     * @return ||C - Sigma||_F / ||Sigma||_F
     */
    public double covarianceRelativeError(GaussianData target) {
        double[][] sigma = target.covariance();
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < mean.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                diff += Math.pow(covariance[i][j] - sigma[i][j], 2);
                norm += sigma[i][j] * sigma[i][j];
            }
        }
        return Math.sqrt(diff / norm);
    }
}
