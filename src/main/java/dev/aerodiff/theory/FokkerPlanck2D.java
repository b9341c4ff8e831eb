package dev.aerodiff.theory;

import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import java.util.Arrays;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;

/**
 * The density of the forward process in two dimensions by the method of lines: the same
 * conservative scheme as {@link FokkerPlanck1D} along x and along y (the forward SDE is isotropic,
 * dx = f x dt + g dW with independent components), on an nx x ny grid of equal cells of
 * [xMin, xMax] x [yMin, yMax] with no flux through the boundary, integrated by Dormand-Prince 5(4).
 * Densities are cell averages stored row-major, index {@code j * nx + i}. Compares with particle
 * samples through the exact W1 of each axis's marginal.
 */
public final class FokkerPlanck2D {
    private final NoiseSchedule schedule;
    private final double xMin;
    private final double yMin;
    private final double dx;
    private final double dy;
    private final int nx;
    private final int ny;

    /**
     * @param schedule the path whose forward SDE is solved
     * @param xMin     left end of the domain
     * @param xMax     right end, &gt; xMin
     * @param yMin     lower end
     * @param yMax     upper end, &gt; yMin
     * @param nx       cells along x, &gt;= 3
     * @param ny       cells along y, &gt;= 3
     */
    public FokkerPlanck2D(NoiseSchedule schedule, double xMin, double xMax, double yMin, double yMax, int nx, int ny) {
        if (!(xMax > xMin) || !(yMax > yMin) || nx < 3 || ny < 3) {
            throw new IllegalArgumentException("need a non-empty domain and at least 3x3 cells, got [" + xMin + ", "
                    + xMax + "] x [" + yMin + ", " + yMax + "] with " + nx + "x" + ny);
        }
        this.schedule = schedule;
        this.xMin = xMin;
        this.yMin = yMin;
        this.dx = (xMax - xMin) / nx;
        this.dy = (yMax - yMin) / ny;
        this.nx = nx;
        this.ny = ny;
    }

    /** @return x of cell column i's centre */
    public double x(int i) {
        return xMin + (i + 0.5) * dx;
    }

    /** @return y of cell row j's centre */
    public double y(int j) {
        return yMin + (j + 0.5) * dy;
    }

    /** @return the area of one cell */
    public double cellArea() {
        return dx * dy;
    }

    /**
     * @param density   cell averages at t0, nx * ny values
     * @param t0        start time, with sigma(t0) &gt; 0
     * @param t1        end time, &gt; t0
     * @param tolerance absolute and relative tolerance of the integrator
     * @return cell averages at t1
     */
    public double[] evolve(double[] density, double t0, double t1, double tolerance) {
        if (density.length != nx * ny) {
            throw new IllegalArgumentException("expected " + nx * ny + " cell values, got " + density.length);
        }
        if (!(t1 > t0)) {
            throw new IllegalArgumentException("t1 must exceed t0, got " + t0 + " and " + t1);
        }
        DormandPrince54Integrator integrator = new DormandPrince54Integrator(1e-12, t1 - t0, tolerance, tolerance);
        return integrator.integrate(new Equation(), new ODEState(t0, density.clone()), t1).getPrimaryState();
    }

    /**
     * Exact W1 between one axis's marginal of a grid density (uniform within each cell) and a
     * sample of that coordinate: the integral of |F - G| over the line.
     *
     * @param density   cell averages, nx * ny values, integrating to about 1
     * @param particles the sample's coordinates along the axis
     * @param alongX    true for the x marginal, false for y
     * @return W1
     */
    public double marginalW1(double[] density, double[] particles, boolean alongX) {
        int n = alongX ? nx : ny;
        double width = alongX ? dx : dy;
        double start = alongX ? xMin : yMin;
        double[] mass = new double[n];
        double total = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double m = density[j * nx + i] * dx * dy;
                mass[alongX ? i : j] += m;
                total += m;
            }
        }
        double[] sorted = particles.clone();
        Arrays.sort(sorted);
        // Integrate |F - G| on a fine uniform grid of each cell (F is linear inside a cell, G a step).
        int sub = 64;
        double w1 = 0;
        double cdf = 0;
        int below = 0;
        for (int c = 0; c < n; c++) {
            for (int k = 0; k < sub; k++) {
                double x = start + (c + (k + 0.5) / sub) * width;
                while (below < sorted.length && sorted[below] <= x) {
                    below++;
                }
                double f = (cdf + mass[c] * (k + 0.5) / sub) / total;
                w1 += Math.abs(f - below / (double) sorted.length) * width / sub;
            }
            cdf += mass[c];
        }
        return w1;
    }

    private final class Equation implements OrdinaryDifferentialEquation {
        @Override
        public int getDimension() {
            return nx * ny;
        }

        @Override
        public double[] computeDerivatives(double t, double[] p) {
            NoiseLevel level = schedule.level(t);
            double f = level.driftCoefficient();
            double half = level.diffusionSquared() / 2;
            double[] dp = new double[nx * ny];
            for (int j = 0; j < ny; j++) {
                ConservativeFlux.addDivergence(p, dp, j * nx, 1, nx, xMin, dx, f, half);
            }
            for (int i = 0; i < nx; i++) {
                ConservativeFlux.addDivergence(p, dp, i, nx, ny, yMin, dy, f, half);
            }
            return dp;
        }
    }
}
