package dev.aerodiff.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.sampling.LowOrderPairIntegrator.Pair;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The low-order pairs on a problem with a closed form: the logistic equation y' = y (1 - y),
 * y(0) = 0.1, whose solution is 1 / (1 + 9 e^-t).
 */
class LowOrderPairIntegratorTest {

    private static final OrdinaryDifferentialEquation LOGISTIC = new OrdinaryDifferentialEquation() {
        @Override
        public int getDimension() {
            return 1;
        }

        @Override
        public double[] computeDerivatives(double t, double[] y) {
            return new double[] {y[0] * (1 - y[0])};
        }
    };

    private static double exact(double t) {
        return 1 / (1 + 9 * Math.exp(-t));
    }

    private static int order(Pair pair) {
        return pair == Pair.BOGACKI_SHAMPINE_32 ? 3 : 2;
    }

    private static LowOrderPairIntegrator integrator(Pair pair, double tolerance) {
        return new LowOrderPairIntegrator(pair, 1e-12, 10, tolerance);
    }

    @ParameterizedTest
    @EnumSource(Pair.class)
    void oneStepHasTheLocalErrorOfItsOrder(Pair pair) {
        LowOrderPairIntegrator rk = integrator(pair, 1e-6);
        double[] h = {0.4, 0.2, 0.1, 0.05};
        double[] logError = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            double[] y = rk.singleStep(LOGISTIC, 0, new double[] {exact(0)}, h[i]);
            logError[i] = Math.log(Math.abs(y[0] - exact(h[i])));
        }
        // local error O(h^(p+1)): each halving of h divides it by 2^(p+1)
        double slope = (logError[h.length - 1] - logError[0]) / Math.log(h[h.length - 1] / h[0]);
        assertEquals(order(pair) + 1, slope, 0.25, pair + ": local error slope " + slope);
    }

    @ParameterizedTest
    @EnumSource(Pair.class)
    void theGlobalErrorFollowsTheTolerance(Pair pair) {
        double previous = Double.POSITIVE_INFINITY;
        int previousEvaluations = 0;
        for (double tolerance : new double[] {1e-3, 1e-5, 1e-7}) {
            LowOrderPairIntegrator rk = integrator(pair, tolerance);
            ODEStateAndDerivative end = rk.integrate(LOGISTIC, new ODEState(0, new double[] {exact(0)}), 6);
            double error = Math.abs(end.getPrimaryState()[0] - exact(6));
            assertTrue(error < 20 * tolerance, pair + " at " + tolerance + ": global error " + error);
            assertTrue(error < previous, pair + ": error shrinks with the tolerance");
            assertTrue(rk.getEvaluations() > previousEvaluations, pair + ": more evaluations at a tighter tolerance");
            previous = error;
            previousEvaluations = rk.getEvaluations();
        }
    }

    @ParameterizedTest
    @EnumSource(Pair.class)
    void stepsCostTheirStageCountAndTheDenseOutputIsThirdOrder(Pair pair) {
        LowOrderPairIntegrator rk = integrator(pair, 1e-8);
        List<double[]> midpoints = new ArrayList<>();
        int[] steps = {0};
        rk.addStepHandler((ODEStateInterpolator interpolator) -> {
            steps[0]++;
            double t0 = interpolator.getPreviousState().getTime();
            double t1 = interpolator.getCurrentState().getTime();
            double mid = (t0 + t1) / 2;
            double[] y = interpolator.getInterpolatedState(mid).getPrimaryState();
            double endError = Math.max(Math.abs(interpolator.getPreviousState().getPrimaryState()[0] - exact(t0)),
                    Math.abs(interpolator.getCurrentState().getPrimaryState()[0] - exact(t1)));
            midpoints.add(new double[] {t1 - t0, Math.abs(y[0] - exact(mid)), endError});
        });
        rk.integrate(LOGISTIC, new ODEState(0, new double[] {exact(0)}), 6);
        int perStep = pair == Pair.BOGACKI_SHAMPINE_32 ? 3 : 2;
        // one evaluation at the start, one or two for the initial step size, and rejected steps (few)
        assertTrue(rk.getEvaluations() >= perStep * steps[0] + 1, pair + ": " + rk.getEvaluations() + " evaluations");
        assertTrue(rk.getEvaluations() <= perStep * (steps[0] + steps[0] / 10) + 3,
                pair + ": " + rk.getEvaluations() + " evaluations for " + steps[0] + " steps");
        for (double[] m : midpoints) {
            // cubic Hermite at the midpoint: error h^4 / 384 max|y''''| (below 1 here) over that of the ends
            assertTrue(m[1] < m[2] + Math.pow(m[0], 4) / 384, pair + ": step " + m[0] + ", midpoint error " + m[1]
                    + ", end error " + m[2]);
        }
    }
}
