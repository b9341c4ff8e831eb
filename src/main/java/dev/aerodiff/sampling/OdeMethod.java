package dev.aerodiff.sampling;

import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.nonstiff.AdamsMoultonIntegrator;
import org.hipparchus.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.nonstiff.GraggBulirschStoerIntegrator;

/**
 * The Hipparchus integrators the probability-flow ODE sampler can use. Adaptive methods control
 * the local error with absolute and relative tolerance both equal to the given tolerance; fixed-step
 * methods take the given number of equal steps. A new integrator is built for every solve
 * (Hipparchus integrators are not thread-safe).
 */
public enum OdeMethod {
    /** Dormand-Prince 5(4), adaptive. */
    DOPRI5("ode-dopri5", true),
    /** Dormand-Prince 8(5,3), adaptive. */
    DOP853("ode-dop853", true),
    /** Bogacki-Shampine 3(2), adaptive: three evaluations per step. */
    BS3("ode-bs3", true),
    /** Heun-Euler 2(1), adaptive: two evaluations per step. */
    HEUN2("ode-heun2", true),
    /** Classical fourth-order Runge-Kutta, fixed step. */
    RK4("ode-rk4", false),
    /** Gragg-Bulirsch-Stoer extrapolation, adaptive in step and order. */
    GBS("ode-gbs", true),
    /**
     * Adams-Bashforth predictor with Adams-Moulton corrector, 4 steps (Nordsieck form), variable
     * step capped at span/steps; started by Dormand-Prince 8(5,3).
     */
    ADAMS("ode-adams", true);

    private final String specName;
    private final boolean adaptive;

    OdeMethod(String specName, boolean adaptive) {
        this.specName = specName;
        this.adaptive = adaptive;
    }

    /** @return the name {@link SamplerSpec} uses */
    public String specName() {
        return specName;
    }

    /** @return whether the step size adapts to a tolerance */
    public boolean adaptive() {
        return adaptive;
    }

    /** @return whether a step count applies (fixed step, or the step cap of Adams) */
    public boolean usesSteps() {
        return this == RK4 || this == ADAMS;
    }

    /**
     * @param span      length of the integration interval (in the independent variable)
     * @param steps     step count for fixed-step methods, step cap for Adams
     * @param tolerance absolute and relative tolerance of adaptive methods
     * @return a new integrator
     */
    public ODEIntegrator create(double span, int steps, double tolerance) {
        double minStep = span * 1e-14;
        return switch (this) {
            case DOPRI5 -> new DormandPrince54Integrator(minStep, span, tolerance, tolerance);
            case DOP853 -> new DormandPrince853Integrator(minStep, span, tolerance, tolerance);
            case BS3 -> new LowOrderPairIntegrator(LowOrderPairIntegrator.Pair.BOGACKI_SHAMPINE_32, minStep, span,
                    tolerance);
            case HEUN2 -> new LowOrderPairIntegrator(LowOrderPairIntegrator.Pair.HEUN_EULER_21, minStep, span,
                    tolerance);
            case RK4 -> new ClassicalRungeKuttaIntegrator(span / steps);
            case GBS -> new GraggBulirschStoerIntegrator(minStep, span, tolerance, tolerance);
            case ADAMS -> new AdamsMoultonIntegrator(4, minStep, span / steps, tolerance, tolerance);
        };
    }
}
