package dev.aerodiff.diffusion;

import java.util.Arrays;

/**
 * The times a sampler visits, from noise to data: t_0 &gt; t_1 &gt; ... &gt; t_n, all in [0, 1].
 * Samplers take the time of step i and of step i+1 from here, never from arithmetic of their
 * own. Immutable.
 */
public final class TimeGrid {
    private final double[] times;

    private TimeGrid(double[] times) {
        this.times = times;
    }

    /**
     * @param times strictly decreasing, finite, within [0, 1], at least two
     * @return the grid
     * @throws IllegalArgumentException otherwise
     */
    public static TimeGrid of(double... times) {
        if (times.length < 2) {
            throw new IllegalArgumentException("a time grid needs at least 2 times (1 step), got " + times.length);
        }
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            if (!Double.isFinite(t) || t < 0 || t > 1) {
                throw new IllegalArgumentException("grid time " + i + " is " + t + ", expected a value in [0, 1]");
            }
            if (i > 0 && !(t < times[i - 1])) {
                throw new IllegalArgumentException("grid times must decrease strictly: t_" + (i - 1) + " = "
                        + times[i - 1] + ", t_" + i + " = " + t);
            }
        }
        return new TimeGrid(times.clone());
    }

    /**
     * Equal steps from {@code start} down to {@code end}; the last time is {@code end} exactly.
     *
     * @param steps n &gt;= 1
     * @param start t_0
     * @param end   t_n &lt; t_0
     * @return the grid
     * @throws IllegalArgumentException for n &lt; 1 or bad end points
     */
    public static TimeGrid uniform(int steps, double start, double end) {
        requireSteps(steps);
        double[] t = new double[steps + 1];
        for (int i = 0; i < steps; i++) {
            t[i] = start + (end - start) * i / steps;
        }
        t[steps] = end;
        return of(t);
    }

    /**
     * The default grid of continuous-time samplers: equal steps from the schedule's
     * {@link NoiseSchedule#tMax()} to 0.
     *
     * @param schedule the schedule
     * @param steps    n &gt;= 1
     * @return the grid
     */
    public static TimeGrid forSchedule(NoiseSchedule schedule, int steps) {
        return uniform(steps, schedule.tMax(), 0.0);
    }

    /**
     * Steps of uneven length: t_i = start (1 - i/n)^rho. rho = 1 is {@link #uniform} to 0; rho &gt; 1
     * spends more of the n steps at low noise, and the last step before t = 0 (the denoising step
     * x = E[x_0 | x_t]) leaves at start n^-rho in place of start/n; rho &lt; 1 spends more of them
     * at high noise, where the large-scale structure of a sample is decided, and the last step
     * leaves from higher up.
     *
     * @param steps n &gt;= 1
     * @param start t_0 in (0, 1]
     * @param rho   the exponent, &gt; 0
     * @return the grid, ending at 0
     * @throws IllegalArgumentException for n &lt; 1, rho &lt;= 0 or a bad start
     */
    public static TimeGrid power(int steps, double start, double rho) {
        requireSteps(steps);
        if (!(rho > 0) || !Double.isFinite(rho)) {
            throw new IllegalArgumentException("the grid exponent rho must be a finite number > 0, got " + rho);
        }
        double[] t = new double[steps + 1];
        for (int i = 0; i < steps; i++) {
            t[i] = start * Math.pow(1 - (double) i / steps, rho);
        }
        return of(t);
    }

    private static void requireSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("a time grid needs at least 1 step, got " + steps);
        }
    }

    /**
     * The grid of a T-step DDPM: t_i = (T - i)/T, i = 0..T.
     *
     * @param steps T &gt;= 1
     * @return the grid
     */
    public static TimeGrid discrete(int steps) {
        requireSteps(steps);
        double[] t = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            t[i] = (double) (steps - i) / steps;
        }
        return of(t);
    }

    /** @return n, the number of steps */
    public int steps() {
        return times.length - 1;
    }

    /**
     * @param i index 0..n
     * @return t_i
     */
    public double time(int i) {
        return times[i];
    }

    /** @return t_0 */
    public double start() {
        return times[0];
    }

    /** @return t_n */
    public double end() {
        return times[times.length - 1];
    }

    /** @return a copy of the times */
    public double[] times() {
        return times.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeGrid g && Arrays.equals(times, g.times);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return steps() + " steps from t=" + start() + " to t=" + end();
    }
}
