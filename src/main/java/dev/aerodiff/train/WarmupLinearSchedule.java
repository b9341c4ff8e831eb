package dev.aerodiff.train;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * Learning rate with a linear warm-up from 0 to the peak over {@code warmup} iterations, then a
 * linear decay to {@code finalFraction} of the peak at iteration {@code total}.
 *
 * <p>Written for ND4J's checkpoint format: SameDiff stores the schedule as JSON with its class
 * name and reads it back through a no-argument constructor and public fields (ND4J's own
 * {@code RampSchedule} cannot be read back in 1.0.0-M2.1).
 */
public final class WarmupLinearSchedule implements ISchedule {
    private static final long serialVersionUID = 1L;

    /** Peak learning rate. */
    public double peak;
    /** Warm-up iterations. */
    public int warmup;
    /** Iteration at which the decay ends. */
    public int total;
    /** Fraction of the peak reached at {@code total}. */
    public double finalFraction;

    /** For deserialization. */
    public WarmupLinearSchedule() {
    }

    /**
     * @param peak          peak learning rate
     * @param warmup        warm-up iterations (0: start at the peak)
     * @param total         last iteration
     * @param finalFraction fraction of the peak at the last iteration
     */
    public WarmupLinearSchedule(double peak, int warmup, int total, double finalFraction) {
        this.peak = peak;
        this.warmup = warmup;
        this.total = total;
        this.finalFraction = finalFraction;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        if (iteration < warmup) {
            return peak * (iteration + 1) / warmup;
        }
        double progress = total <= warmup ? 1 : Math.min(1, (iteration - warmup) / (double) (total - warmup));
        return peak * (1 - (1 - finalFraction) * progress);
    }

    @Override
    public ISchedule clone() {
        return new WarmupLinearSchedule(peak, warmup, total, finalFraction);
    }
}
