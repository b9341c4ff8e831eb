package dev.aerodiff.metrics;

/**
 * Spread-skill ratio of an ensemble forecast (Fortin et al., J. Hydrometeor. 15, 2014):
 * <pre>
 *   ratio = sqrt(c) * sqrt(mean s^2) / sqrt(mean (xbar - y)^2),   c = (M + 1) / M  or 1
 * </pre>
 * with s^2 the unbiased (ddof 1) ensemble variance, xbar the ensemble mean and y an observation
 * drawn independently of the M members, both means taken over cells (and observations). For a
 * calibrated ensemble {@code E (xbar - y)^2 = (1 + 1/M) sigma^2}, so with the small-ensemble
 * correction c = (M+1)/M the ratio is 1 in expectation; below 1 means under-dispersed.
 */
public final class SpreadSkill {
    private SpreadSkill() {
    }

    /**
     * @param meanVariance              mean unbiased ensemble variance
     * @param meanSquaredErrorOfMean    mean squared difference between ensemble mean and observation
     * @param members                   ensemble size M, at least 2
     * @param finiteEnsembleCorrection  whether to apply the factor sqrt((M+1)/M)
     * @return the ratio (NaN if the error is zero)
     */
    public static double ratio(double meanVariance, double meanSquaredErrorOfMean, int members,
                               boolean finiteEnsembleCorrection) {
        if (members < 2) {
            throw new IllegalArgumentException("spread-skill needs at least 2 members, got " + members);
        }
        double correction = finiteEnsembleCorrection ? Math.sqrt((members + 1.0) / members) : 1.0;
        return meanSquaredErrorOfMean > 0 ? correction * Math.sqrt(meanVariance / meanSquaredErrorOfMean) : Double.NaN;
    }
}
