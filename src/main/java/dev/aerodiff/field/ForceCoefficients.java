package dev.aerodiff.field;

/**
 * Lift and drag coefficients of each sample of a case, as the solver integrated them over the
 * airfoil surface (reference length: chord; reference area: chord times span).
 *
 * @param lift lift coefficient per sample (perpendicular to the freestream)
 * @param drag drag coefficient per sample (along the freestream)
 */
public record ForceCoefficients(double[] lift, double[] drag) {

    /** Copies the arrays and checks they have one value per sample each. */
    public ForceCoefficients {
        if (lift.length != drag.length) {
            throw new IllegalArgumentException("got " + lift.length + " lift but " + drag.length
                    + " drag coefficients");
        }
        lift = lift.clone();
        drag = drag.clone();
    }

    @Override
    public double[] lift() {
        return lift.clone();
    }

    @Override
    public double[] drag() {
        return drag.clone();
    }

    /** @return mean lift coefficient over the samples */
    public double meanLift() {
        return mean(lift);
    }

    /** @return mean drag coefficient over the samples */
    public double meanDrag() {
        return mean(drag);
    }

    /** @return standard deviation (ddof 0) of the lift coefficient over the samples */
    public double stdLift() {
        return std(lift);
    }

    /** @return standard deviation (ddof 0) of the drag coefficient over the samples */
    public double stdDrag() {
        return std(drag);
    }

    /** @return the coefficients of the given samples, in that order */
    public ForceCoefficients select(int[] sampleIndices) {
        double[] l = new double[sampleIndices.length];
        double[] d = new double[sampleIndices.length];
        for (int k = 0; k < sampleIndices.length; k++) {
            l[k] = lift[sampleIndices[k]];
            d[k] = drag[sampleIndices[k]];
        }
        return new ForceCoefficients(l, d);
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double std(double[] v) {
        double m = mean(v);
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).average().orElse(Double.NaN));
    }
}
