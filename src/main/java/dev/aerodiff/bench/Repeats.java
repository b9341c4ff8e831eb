package dev.aerodiff.bench;

import dev.aerodiff.metrics.EnsembleQuantile;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Timed repeats of a piece of work after untimed warm-up runs.
 *
 * <p>The warm-up lasts until the JIT compiler has settled. On 2 cores its threads compete with the
 * work's own: in a forward pass of the peer U-Net, a run during which the compiler worked about
 * 0.8 s took 1.3 s instead of 0.75-0.9 s, and such bursts still came after ten runs, as SameDiff's
 * session code reached the optimizing compiler; training steps compiled 40-390 ms each until
 * about the 25th. So after the requested warm-up runs, more follow
 * (at most {@value #MAX_EXTRA_WARMUP}) until {@value #QUIET_RUNS} in a row each had compilation
 * taking at most {@value #QUIET_SHARE} of its wall time. The compilation during each timed run is
 * recorded beside it.
 */
final class Repeats {
    /** Extra warm-up runs at most, beyond the requested ones, waiting for the compiler to settle. */
    static final int MAX_EXTRA_WARMUP = 30;
    /** Consecutive quiet runs that end the warm-up. */
    static final int QUIET_RUNS = 3;
    /** Compilation time, as a share of a run's wall time, below which the run counts as quiet. */
    static final double QUIET_SHARE = 0.02;

    private Repeats() {
    }

    /**
     * @param work     the work
     * @param warmup   untimed runs first, at least; none when 0
     * @param repeats  timed runs
     * @param progress called after each timed run with {@code offset} plus its index
     * @param offset   added to the index passed to {@code progress}
     * @return the timings
     */
    static Timings time(Runnable work, int warmup, int repeats, IntConsumer progress, int offset) {
        return time(work, warmup, repeats, progress, offset, compilationClock());
    }

    /**
     * As {@link #time(Runnable, int, int, IntConsumer, int)}, with the JIT's accumulated compilation
     * time in ms from {@code compileClock} (null: unknown, so the warm-up is as requested).
     */
    static Timings time(Runnable work, int warmup, int repeats, IntConsumer progress, int offset,
                        LongSupplier compileClock) {
        int warmupRuns = 0;
        int quiet = 0;
        while (warmupRuns < warmup
                || (warmup > 0 && compileClock != null && quiet < QUIET_RUNS
                    && warmupRuns < warmup + MAX_EXTRA_WARMUP)) {
            double[] run = run(work, compileClock);
            warmupRuns++;
            quiet = run[1] <= QUIET_SHARE * run[0] ? quiet + 1 : 0;
        }
        double[] ms = new double[repeats];
        double[] compileMs = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            double[] run = run(work, compileClock);
            ms[k] = run[0];
            compileMs[k] = run[1];
            progress.accept(offset + k);
        }
        return new Timings(ms, compileMs, warmupRuns);
    }

    /** @return {wall ms, compilation ms (NaN where unknown)} of one run */
    private static double[] run(Runnable work, LongSupplier compileClock) {
        long compiled = compileClock == null ? 0 : compileClock.getAsLong();
        long start = System.nanoTime();
        work.run();
        double ms = (System.nanoTime() - start) / 1e6;
        double compileMs = compileClock == null ? Double.NaN : compileClock.getAsLong() - compiled;
        return new double[] {ms, compileMs};
    }

    private static LongSupplier compilationClock() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit::getTotalCompilationTime : null;
    }

    /** @return the median */
    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return EnsembleQuantile.of(s, 0.5);
    }
}
