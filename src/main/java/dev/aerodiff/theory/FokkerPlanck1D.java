package dev.aerodiff.theory;

import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;

/**
 * The density of the forward process in one dimension, by the method of lines: the Fokker-Planck
 * equation of dx = f x dt + g dW (f = alpha'/alpha, g^2 from {@link NoiseLevel#diffusionSquared()}),
 * <pre>
 *   dp/dt = -d/dx [ f x p - (g^2/2) dp/dx ],
 * </pre>
 * in conservative finite-volume form on equal cells of [xMin, xMax] with zero flux through both
 * ends (the domain must hold all the mass), integrated in time by a Hipparchus integrator. Face
 * fluxes: advection f x_(i+1/2) (p_i + p_(i+1))/2, diffusion (g^2/2)(p_(i+1) - p_i)/dx; second
 * order in dx. Total mass is conserved to rounding. Used to check the closed-form marginals
 * N(alpha m, alpha^2 s^2 + sigma^2) of Gaussian data numerically.
 */
public final class FokkerPlanck1D {
    private final NoiseSchedule schedule;
    private final double xMin;
    private final double dx;
    private final int cells;

    /**
     * @param schedule the path whose forward SDE is solved
     * @param xMin     left end of the domain
     * @param xMax     right end, &gt; xMin
     * @param cells    number of cells, &gt;= 3
     * @throws IllegalArgumentException for an empty domain or too few cells
     */
    public FokkerPlanck1D(NoiseSchedule schedule, double xMin, double xMax, int cells) {
        if (!(xMax > xMin) || cells < 3) {
            throw new IllegalArgumentException("need xMax > xMin and at least 3 cells, got [" + xMin + ", " + xMax
                    + "] with " + cells);
        }
        this.schedule = schedule;
        this.xMin = xMin;
        this.dx = (xMax - xMin) / cells;
        this.cells = cells;
    }

    /** @return the cell centres */
    public double[] centers() {
        double[] x = new double[cells];
        for (int i = 0; i < cells; i++) {
            x[i] = xMin + (i + 0.5) * dx;
        }
        return x;
    }

    /** @return the cell width */
    public double cellWidth() {
        return dx;
    }

    /**
     * Evolves with Dormand-Prince 5(4) at the given tolerance.
     *
     * @param density   cell averages of p at t0
     * @param t0        start time, where sigma(t0) &gt; 0 (g is singular at t = 0 for some schedules)
     * @param t1        end time, &gt; t0
     * @param tolerance absolute and relative tolerance
     * @return cell averages of p at t1
     */
    public double[] evolve(double[] density, double t0, double t1, double tolerance) {
        return evolve(density, t0, t1, new DormandPrince54Integrator(1e-12, t1 - t0, tolerance, tolerance));
    }

    /**
     * @param density    cell averages of p at t0
     * @param t0         start time
     * @param t1         end time, &gt; t0
     * @param integrator any Hipparchus integrator
     * @return cell averages of p at t1
     */
    public double[] evolve(double[] density, double t0, double t1, ODEIntegrator integrator) {
        if (density.length != cells) {
            throw new IllegalArgumentException("expected " + cells + " cell values, got " + density.length);
        }
        if (!(t1 > t0)) {
            throw new IllegalArgumentException("t1 must exceed t0, got " + t0 + " and " + t1);
        }
        return integrator.integrate(new Equation(), new ODEState(t0, density.clone()), t1).getPrimaryState();
    }

    /** The semi-discrete equation dp_i/dt = -(F_(i+1/2) - F_(i-1/2)) / dx. */
    private final class Equation implements OrdinaryDifferentialEquation {
        @Override
        public int getDimension() {
            return cells;
        }

        @Override
        public double[] computeDerivatives(double t, double[] p) {
            NoiseLevel level = schedule.level(t);
            double f = level.driftCoefficient();
            double half = level.diffusionSquared() / 2;
            double[] dp = new double[cells];
            ConservativeFlux.addDivergence(p, dp, 0, 1, cells, xMin, dx, f, half);
            return dp;
        }
    }
}
