package dev.aerodiff.metrics;

/**
 * Quantiles of an ensemble by linear interpolation between order statistics (Hyndman and Fan
 * type 7, NumPy's default): {@code Q(q) = x_(h0) + (h - h0) (x_(h0+1) - x_(h0))}, h = (M - 1) q,
 * h0 = floor(h), on 0-based sorted members.
 */
public final class EnsembleQuantile {
    private EnsembleQuantile() {
    }

    /**
     * @param sortedMembers ascending members, at least one
     * @param q             probability in [0, 1]
     * @return the type-7 quantile
     */
    public static double of(double[] sortedMembers, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile probability must lie in [0, 1], got " + q);
        }
        double h = (sortedMembers.length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo + 1 >= sortedMembers.length) {
            return sortedMembers[sortedMembers.length - 1];
        }
        return sortedMembers[lo] + (h - lo) * (sortedMembers[lo + 1] - sortedMembers[lo]);
    }

    /**
     * @param sortedMembers      the forecast ensemble, ascending
     * @param sortedObservations observations, ascending
     * @param level              central probability of the interval, in (0, 1), e.g. 0.9
     * @return how many observations lie in the central interval [Q((1-level)/2), Q((1+level)/2)]
     */
    public static int countInCentralInterval(double[] sortedMembers, double[] sortedObservations, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("interval level must lie in (0, 1), got " + level);
        }
        double lo = of(sortedMembers, (1 - level) / 2);
        double hi = of(sortedMembers, (1 + level) / 2);
        int count = 0;
        for (double y : sortedObservations) {
            if (y >= lo && y <= hi) {
                count++;
            }
        }
        return count;
    }
}
