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
}
