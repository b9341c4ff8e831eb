package dev.aerodiff.train;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How training draws the time t of each sample, that is, which noise levels the loss weighs most
 * (t = 0 is the data, t = 1 pure noise).
 * <ul>
 * <li>{@link #UNIFORM} draws t uniformly (k/T for uniform k in 1..T in discrete time).</li>
 * <li>{@link #LOGIT_NORMAL} draws t = 1 / (1 + e^-z) for a standard normal z, which puts half the
 * samples between t = 0.34 and 0.66 (uniform times: a third), where the noisy field still shows the
 * flow's large structures and the condition decides them, and few at either end (Esser et al. 2024,
 * "Scaling rectified flow transformers", where it trained rectified flows better than uniform
 * times).</li>
 * <li>{@link #LOW_NOISE} draws t = u^2 for a uniform u: density 1 / (2 sqrt t), half the samples
 * below t = 1/4 (uniform times: a quarter), where the last sampler steps set the fine detail.</li>
 * <li>{@link #HIGH_NOISE} draws t = 1 - u^2, its mirror: half the samples above t = 3/4, where the
 * first sampler steps choose the flow's large structures from the condition.</li>
 * </ul>
 * In discrete time the drawn t is rounded up to the next k/T.
 */
public enum TimeSampling {
    /** Uniform times, the default. */
    UNIFORM,
    /** Times whose logit is standard normal. */
    LOGIT_NORMAL,
    /** The square of a uniform time: more of the loss near the data. */
    LOW_NOISE,
    /** One minus the square of a uniform time: more of the loss near pure noise. */
    HIGH_NOISE;

    /** @return the name in training settings: "uniform", "logit-normal", "low-noise" or "high-noise" */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param id "uniform", "logit-normal", "low-noise" or "high-noise"
     * @return the sampling of that name
     * @throws IllegalArgumentException naming the known ones
     */
    public static TimeSampling of(String id) {
        for (TimeSampling s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown time sampling '" + id
                + "': expected uniform, logit-normal, low-noise or high-noise");
    }

    /**
     * @param objective what is trained (its discrete steps, if any)
     * @param random    the stream of the training batches
     * @return a training time in (0, 1]; uniform times take from {@code random} exactly what
     *     {@link TrainingObjective#sampleTime} takes
     */
    public double sample(TrainingObjective objective, SplittableRandom random) {
        if (this == UNIFORM) {
            return objective.sampleTime(random);
        }
        double t = switch (this) {
            case LOGIT_NORMAL -> 1 / (1 + Math.exp(-random.nextGaussian()));
            case LOW_NOISE -> square(1 - random.nextDouble());
            case HIGH_NOISE -> 1 - square(random.nextDouble());
            case UNIFORM -> throw new IllegalStateException("uniform times are drawn by the objective");
        };
        int steps = objective.discreteSteps();
        if (steps > 0) {
            return Math.min(steps, Math.max(1, Math.ceil(t * steps))) / steps;
        }
        return Math.max(t, Double.MIN_NORMAL);
    }

    private static double square(double u) {
        return u * u;
    }
}
