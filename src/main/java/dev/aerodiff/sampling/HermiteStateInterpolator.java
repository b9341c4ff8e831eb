package dev.aerodiff.sampling;

import org.hipparchus.ode.EquationsMapper;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.interpolators.RungeKuttaStateInterpolator;

/**
 * Dense output of a step from its two end points alone: the cubic Hermite polynomial through the
 * states and derivatives at the start and the end of the step (third order, enough for the
 * low-order pairs of {@link LowOrderPairIntegrator}).
 */
final class HermiteStateInterpolator extends RungeKuttaStateInterpolator {

    private static final long serialVersionUID = 1L;

    HermiteStateInterpolator(boolean forward, double[][] yDotK, ODEStateAndDerivative globalPreviousState,
            ODEStateAndDerivative globalCurrentState, ODEStateAndDerivative softPreviousState,
            ODEStateAndDerivative softCurrentState, EquationsMapper mapper) {
        super(forward, yDotK, globalPreviousState, globalCurrentState, softPreviousState, softCurrentState, mapper);
    }

    @Override
    protected HermiteStateInterpolator create(boolean forward, double[][] yDotK,
            ODEStateAndDerivative globalPreviousState, ODEStateAndDerivative globalCurrentState,
            ODEStateAndDerivative softPreviousState, ODEStateAndDerivative softCurrentState,
            EquationsMapper mapper) {
        return new HermiteStateInterpolator(forward, yDotK, globalPreviousState, globalCurrentState,
                softPreviousState, softCurrentState, mapper);
    }

    @Override
    protected ODEStateAndDerivative computeInterpolatedStateAndDerivatives(EquationsMapper mapper, double time,
            double theta, double thetaH, double oneMinusThetaH) {
        ODEStateAndDerivative start = getGlobalPreviousState();
        ODEStateAndDerivative end = getGlobalCurrentState();
        double h = end.getTime() - start.getTime();
        double[] y0 = start.getCompleteState();
        double[] f0 = start.getCompleteDerivative();
        double[] y1 = end.getCompleteState();
        double[] f1 = end.getCompleteDerivative();
        double s = theta;
        // Hermite basis on [0, 1] and its derivative (divided by h for d/dt)
        double h00 = (1 + 2 * s) * (1 - s) * (1 - s);
        double h10 = s * (1 - s) * (1 - s);
        double h01 = s * s * (3 - 2 * s);
        double h11 = s * s * (s - 1);
        double d00 = 6 * s * (s - 1);
        double d10 = (1 - s) * (1 - 3 * s);
        double d01 = -d00;
        double d11 = s * (3 * s - 2);
        double[] y = new double[y0.length];
        double[] yDot = new double[y0.length];
        for (int j = 0; j < y.length; j++) {
            y[j] = h00 * y0[j] + h * h10 * f0[j] + h01 * y1[j] + h * h11 * f1[j];
            yDot[j] = (d00 * y0[j] + d01 * y1[j]) / h + d10 * f0[j] + d11 * f1[j];
        }
        return mapper.mapStateAndDerivative(time, y, yDot);
    }
}
