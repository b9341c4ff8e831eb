package dev.aerodiff.bench;

/**
 * Wall times of timed runs of a piece of work, after warm-up.
 *
 * @param ms         wall time of each timed run
 * @param compileMs  JIT compilation time during each timed run (NaN where the JVM does not tell)
 * @param warmupRuns untimed runs done first
 */
public record Timings(double[] ms, double[] compileMs, int warmupRuns) {
    /** @return median wall time in ms */
    public double median() {
        return Repeats.median(ms);
    }
}
