package dev.aerodiff.metrics;

import org.hipparchus.stat.regression.SimpleRegression;

/**
 * Power-law fit {@code W ~ C n^slope} by ordinary least squares of log W against log n (natural
 * logarithms), with the 95% confidence interval of the slope from the t distribution with
 * (points - 2) degrees of freedom (Hipparchus {@link SimpleRegression}).
 *
 * @param slope       fitted exponent
 * @param intercept   fitted log C
 * @param slopeCiLow  lower end of the 95% interval of the slope
 * @param slopeCiHigh upper end of the 95% interval of the slope
 * @param rSquared    coefficient of determination of the log-log fit
 * @param points      number of (n, W) points fitted
 */
public record RateFit(double slope, double intercept, double slopeCiLow, double slopeCiHigh, double rSquared,
                      int points) {

    /**
     * @param sizes  sample sizes n, positive, at least two distinct
     * @param values measured W at each size, positive; as many as sizes, at least 3 points
     * @return the fit
     * @throws IllegalArgumentException if there are fewer than 3 points, fewer than 2 distinct
     *                                  sizes, or a non-positive value
     */
    public static RateFit fit(double[] sizes, double[] values) {
        if (sizes.length != values.length || sizes.length < 3) {
            throw new IllegalArgumentException("a rate fit needs at least 3 (n, W) points, got " + sizes.length
                    + " sizes and " + values.length + " values");
        }
        SimpleRegression regression = new SimpleRegression();
        double first = sizes[0];
        boolean distinct = false;
        for (int k = 0; k < sizes.length; k++) {
            if (!(sizes[k] > 0) || !(values[k] > 0) || !Double.isFinite(sizes[k]) || !Double.isFinite(values[k])) {
                throw new IllegalArgumentException("rate fit needs positive finite n and W, got n = " + sizes[k]
                        + ", W = " + values[k]);
            }
            distinct |= sizes[k] != first;
            regression.addData(Math.log(sizes[k]), Math.log(values[k]));
        }
        if (!distinct) {
            throw new IllegalArgumentException("a rate fit needs at least 2 distinct sample sizes");
        }
        double slope = regression.getSlope();
        double half = sizes.length > 2 ? regression.getSlopeConfidenceInterval(0.05) : Double.NaN;
        return new RateFit(slope, regression.getIntercept(), slope - half, slope + half, regression.getRSquare(),
                sizes.length);
    }

    /** @return the fitted W at sample size n, {@code exp(intercept) n^slope} */
    public double predict(double n) {
        return Math.exp(intercept + slope * Math.log(n));
    }

    /**
     * @param target the W to reach, positive
     * @return the n at which the fitted power law reaches {@code target}; NaN unless the slope is
     *         negative
     */
    public double sizeForTarget(double target) {
        return sizeForTarget(target, slope);
    }

    /**
     * The same extrapolation with the ends of the slope's interval, keeping the intercept: a
     * rough range; both NaN unless both ends are negative.
     *
     * @param target the W to reach
     * @return {lower n, upper n}
     */
    public double[] sizeForTargetRange(double target) {
        double a = sizeForTarget(target, slopeCiLow);
        double b = sizeForTarget(target, slopeCiHigh);
        return new double[] {Math.min(a, b), Math.max(a, b)};
    }

    private double sizeForTarget(double target, double exponent) {
        if (!(target > 0)) {
            throw new IllegalArgumentException("target W must be positive, got " + target);
        }
        return exponent < 0 ? Math.exp((Math.log(target) - intercept) / exponent) : Double.NaN;
    }
}
