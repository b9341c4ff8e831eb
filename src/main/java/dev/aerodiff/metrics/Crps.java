package dev.aerodiff.metrics;

/**
 * Continuous ranked probability score of an ensemble forecast {x_1..x_M} for an observation y
 * (Gneiting and Raftery, JASA 102, 2007), in the units of the values; lower is better.
 * <pre>
 *   STANDARD:  CRPS = (1/M) sum_i |x_i - y| - 1/(2 M^2)      sum_ij |x_i - x_j|
 *   FAIR:      CRPS = (1/M) sum_i |x_i - y| - 1/(2 M (M-1))  sum_ij |x_i - x_j|
 * </pre>
 * STANDARD is the CRPS of the ensemble's empirical distribution. FAIR (Ferro, QJRMS 140, 2014)
 * is unbiased for the CRPS of the distribution the members are drawn from, whatever M; it needs
 * M >= 2. On sorted members {@code sum_ij |x_i - x_j| = 2 sum_i (2i - M + 1) x_(i)} (0-based), so
 * each score costs O(M), and a mean over K sorted observations O(M + K).
 */
public final class Crps {
    private static final double INV_SQRT_PI = 1 / Math.sqrt(Math.PI);

    /** Which ensemble estimator. */
    public enum Estimator {
        /** Unbiased for the members' parent distribution (Ferro 2014). */
        FAIR,
        /** The CRPS of the ensemble's empirical distribution. */
        STANDARD
    }

    private Crps() {
    }

    /**
     * @param sortedMembers ensemble members, ascending (at least 2 for FAIR)
     * @param observation   the observed value
     * @param estimator     which estimator
     * @return the CRPS
     */
    public static double ensemble(double[] sortedMembers, double observation, Estimator estimator) {
        return meanOverObservations(sortedMembers, new double[] {observation}, estimator);
    }

    /**
     * @param sortedMembers      ensemble members, ascending (at least 2 for FAIR)
     * @param sortedObservations observations, ascending, at least one
     * @param estimator          which estimator
     * @return the mean CRPS of the ensemble over the observations
     * @throws IllegalArgumentException if an array is empty or FAIR gets a single member
     */
    public static double meanOverObservations(double[] sortedMembers, double[] sortedObservations,
                                              Estimator estimator) {
        int members = sortedMembers.length;
        int observations = sortedObservations.length;
        if (members == 0 || observations == 0) {
            throw new IllegalArgumentException("CRPS needs members and observations, got " + members + " and "
                    + observations);
        }
        if (estimator == Estimator.FAIR && members < 2) {
            throw new IllegalArgumentException("the fair CRPS needs at least 2 members, got 1");
        }
        double total = 0;
        for (double x : sortedMembers) {
            total += x;
        }
        // sum over observations of sum_i |x_i - y|, by a merge: below = members <= y
        double cross = 0;
        int below = 0;
        double sumBelow = 0;
        for (double y : sortedObservations) {
            while (below < members && sortedMembers[below] <= y) {
                sumBelow += sortedMembers[below++];
            }
            cross += y * below - sumBelow + (total - sumBelow) - y * (members - below);
        }
        double pairs = 0;
        for (int i = 0; i < members; i++) {
            pairs += (2.0 * i - members + 1) * sortedMembers[i];
        }
        pairs *= 2;
        double spreadWeight = estimator == Estimator.FAIR ? 0.5 / ((double) members * (members - 1))
                : 0.5 / ((double) members * members);
        return cross / ((double) members * observations) - spreadWeight * pairs;
    }

    /**
     * Closed form for a normal forecast N(mean, sd^2):
     * {@code sd [ z (2 Phi(z) - 1) + 2 phi(z) - 1/sqrt(pi) ]} with {@code z = (y - mean)/sd}.
     *
     * @param mean        forecast mean
     * @param sd          forecast standard deviation, positive
     * @param observation observed value
     * @return the CRPS
     */
    public static double normal(double mean, double sd, double observation) {
        double z = (observation - mean) / sd;
        return sd * (z * (2 * NormalFunctions.cdf(z) - 1) + 2 * NormalFunctions.density(z) - INV_SQRT_PI);
    }
}
