package dev.aerodiff.sampling;

import org.hipparchus.ode.EquationsMapper;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.EmbeddedRungeKuttaIntegrator;
import org.hipparchus.ode.nonstiff.StepsizeHelper;
import org.hipparchus.ode.nonstiff.interpolators.RungeKuttaStateInterpolator;
import org.hipparchus.util.FastMath;

/**
 * Adaptive explicit Runge-Kutta pairs of low order, as Hipparchus integrators. At loose
 * tolerances, where a sampler has a budget of a few tens of network evaluations, a low-order
 * pair takes more, cheaper steps than Dormand-Prince 5(4) (six evaluations per step): Hairer,
 * Norsett and Wanner, <i>Solving Ordinary Differential Equations I</i>, section II.4.
 * <ul>
 *   <li>{@link Pair#BOGACKI_SHAMPINE_32}: third order with a second-order error estimate, four
 *       stages, the last at the new point (first same as last), so three evaluations per step
 *       (Bogacki and Shampine, 1989).</li>
 *   <li>{@link Pair#HEUN_EULER_21}: Heun's trapezoidal rule with Euler's method as the error
 *       estimate; one stage plus the derivative at the new point, which the next step reuses, so
 *       two evaluations per step.</li>
 * </ul>
 * The step advances with the higher-order solution; the error is the difference of the two, in
 * the weighted root-mean-square norm of the tolerances, as for Hipparchus' own pairs. Dense output
 * is the cubic Hermite polynomial of the step's ends.
 */
final class LowOrderPairIntegrator extends EmbeddedRungeKuttaIntegrator {

    /** The Butcher tableaus. */
    enum Pair {
        /** Bogacki-Shampine 3(2). */
        BOGACKI_SHAMPINE_32("Bogacki-Shampine 3(2)", 3, 3,
                new double[] {1.0 / 2, 3.0 / 4, 1},
                new double[][] {{1.0 / 2}, {0, 3.0 / 4}, {2.0 / 9, 1.0 / 3, 4.0 / 9}},
                new double[] {2.0 / 9, 1.0 / 3, 4.0 / 9, 0},
                new double[] {7.0 / 24, 1.0 / 4, 1.0 / 3, 1.0 / 8}),
        /** Heun-Euler 2(1). */
        HEUN_EULER_21("Heun-Euler 2(1)", 2, -1,
                new double[] {1},
                new double[][] {{1}},
                new double[] {1.0 / 2, 1.0 / 2},
                new double[] {1, 0});

        private final String label;
        private final int order;
        private final int fsal;
        private final double[] c;
        private final double[][] a;
        private final double[] b;
        private final double[] error;

        Pair(String label, int order, int fsal, double[] c, double[][] a, double[] b, double[] lowerOrderB) {
            this.label = label;
            this.order = order;
            this.fsal = fsal;
            this.c = c;
            this.a = a;
            this.b = b;
            this.error = new double[b.length];
            for (int i = 0; i < b.length; i++) {
                error[i] = b[i] - lowerOrderB[i];
            }
        }

        static Pair named(String label) {
            for (Pair p : values()) {
                if (p.label.equals(label)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("no Runge-Kutta pair named " + label);
        }
    }

    /** Set once the super-constructor, which reads the tableau and the order, has returned. */
    private final Pair pair;

    /**
     * @param pair      the tableau
     * @param minStep   smallest step allowed
     * @param maxStep   largest step allowed
     * @param tolerance absolute and relative tolerance
     */
    LowOrderPairIntegrator(Pair pair, double minStep, double maxStep, double tolerance) {
        super(pair.label, pair.fsal, minStep, maxStep, tolerance, tolerance);
        this.pair = pair;
    }

    @Override
    public double[] getC() {
        return pair().c.clone();
    }

    @Override
    public double[][] getA() {
        double[][] a = pair().a;
        double[][] copy = new double[a.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    @Override
    public double[] getB() {
        return pair().b.clone();
    }

    /**
     * The order the step-size control uses: that of the error estimate's leading term, one more
     * than the lower-order solution's.
     */
    @Override
    public int getOrder() {
        return pair().order;
    }

    /** The tableau, found by the integrator's name while the super-constructor runs. */
    private Pair pair() {
        return pair != null ? pair : Pair.named(getName());
    }

    @Override
    protected RungeKuttaStateInterpolator createInterpolator(boolean forward, double[][] yDotK,
            ODEStateAndDerivative globalPreviousState, ODEStateAndDerivative globalCurrentState,
            EquationsMapper mapper) {
        return new HermiteStateInterpolator(forward, yDotK, globalPreviousState, globalCurrentState,
                globalPreviousState, globalCurrentState, mapper);
    }

    @Override
    protected double estimateError(double[][] yDotK, double[] y0, double[] y1, double h) {
        StepsizeHelper helper = getStepSizeHelper();
        int n = helper.getMainSetDimension();
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double difference = 0;
            for (int k = 0; k < pair.error.length; k++) {
                difference += pair.error[k] * yDotK[k][j];
            }
            double scale = FastMath.max(FastMath.abs(y0[j]), FastMath.abs(y1[j]));
            double ratio = h * difference / helper.getTolerance(j, scale);
            sum += ratio * ratio;
        }
        return FastMath.sqrt(sum / n);
    }
}
