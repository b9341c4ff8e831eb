package dev.aerodiff.nn;

import dev.aerodiff.field.FlowCondition;
import java.util.Arrays;
import java.util.Collection;

/**
 * How finely the U-Net's condition embedding resolves the operating point: the angle of attack and
 * the log of the freestream speed are each expanded into sinusoids whose periods run geometrically
 * from the fastest period given here towards {@value #SPAN} times as long (see {@link UNet}).
 *
 * <p>The fastest period should follow the spacing of the training conditions. Much faster
 * sinusoids alias: between two training angles they take values the network never saw, and the
 * mean field predicted there drifts (a fastest period of 0.6 degrees, against training angles 1 to 5
 * degrees apart, gave four times the embedding-free network's error of the mean on the test split of
 * {@code airfoil-rans}). Much slower ones barely tell neighbouring conditions apart (18 and 20
 * degrees differ by 0.03 in cos and sin of the angle). {@link #fit} takes
 * {@value #SAMPLES_PER_PERIOD} times the smallest spacing, so neighbouring training conditions lie
 * a quarter turn apart on the fastest sinusoid.
 *
 * @param anglePeriodDeg fastest period of the angle-of-attack sinusoids, in degrees
 * @param logSpeedPeriod fastest period of the sinusoids of ln(U / U_ref), the log freestream speed
 *                       (a speed ratio of e^period)
 */
public record ConditionEmbedding(double anglePeriodDeg, double logSpeedPeriod) {
    /** Period ratio of the sinusoids: the k-th of n has the fastest period times SPAN^(k / n). */
    public static final double SPAN = 100.0;
    /** Fastest period in units of the smallest spacing of the training conditions. */
    public static final double SAMPLES_PER_PERIOD = 4.0;
    /** Fastest angle period when the training data hold a single angle, in degrees. */
    static final double DEFAULT_ANGLE_PERIOD_DEG = 8.0;
    /** Fastest log-speed period when the training data hold a single speed (a factor of e^4 = 55). */
    static final double DEFAULT_LOG_SPEED_PERIOD = 4.0;
    /** Angles or log speeds closer than this count as one value. */
    private static final double SAME = 1e-3;

    /** Checks that both periods are positive. */
    public ConditionEmbedding {
        if (!(anglePeriodDeg > 0) || !Double.isFinite(anglePeriodDeg) || !(logSpeedPeriod > 0)
                || !Double.isFinite(logSpeedPeriod)) {
            throw new IllegalArgumentException("condition embedding periods must be positive and finite, got angle "
                    + anglePeriodDeg + " degrees and log speed " + logSpeedPeriod);
        }
    }

    /**
     * @param training the conditions of the training cases
     * @return periods of {@value #SAMPLES_PER_PERIOD} times the smallest spacing of the distinct
     *         angles and of the distinct log speeds (a default where there is only one value)
     */
    public static ConditionEmbedding fit(Collection<FlowCondition> training) {
        double angleGap = smallestGap(training.stream().mapToDouble(FlowCondition::angleOfAttackDeg).toArray());
        double speedGap = smallestGap(training.stream().mapToDouble(c -> Math.log(c.freestreamSpeed())).toArray());
        return new ConditionEmbedding(
                Double.isNaN(angleGap) ? DEFAULT_ANGLE_PERIOD_DEG : SAMPLES_PER_PERIOD * angleGap,
                Double.isNaN(speedGap) ? DEFAULT_LOG_SPEED_PERIOD : SAMPLES_PER_PERIOD * speedGap);
    }

    /** @return the smallest gap between distinct values, or NaN if there are fewer than two */
    private static double smallestGap(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double gap = Double.NaN;
        for (int k = 1; k < sorted.length; k++) {
            double d = sorted[k] - sorted[k - 1];
            if (d > SAME && !(d >= gap)) {
                gap = d;
            }
        }
        return gap;
    }
}
