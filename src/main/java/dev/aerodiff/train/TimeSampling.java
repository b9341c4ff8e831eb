package dev.aerodiff.train;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How training draws the time t of each sample, that is, which noise levels the loss weighs most.
 * {@link #UNIFORM} draws t uniformly (k/T for uniform k in 1..T in discrete time); {@link #LOGIT_NORMAL}
 * draws t = 1 / (1 + e^-z) for a standard normal z, which puts half the samples between t = 0.34 and
 * 0.66 (uniform times: a third), where the noisy field still shows the flow's large structures and the
 * condition decides them, and few at either end (Esser et al. 2024, "Scaling rectified flow
 * transformers", where it trained rectified flows better than uniform times). In discrete time it is
 * rounded up to the next k/T.
 */
public enum TimeSampling {
    /** Uniform times, the default. */
    UNIFORM,
    /** Times whose logit is standard normal. */
    LOGIT_NORMAL;

    /** @return the name in training settings: "uniform" or "logit-normal" */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param id "uniform" or "logit-normal"
     * @return the sampling of that name
     * @throws IllegalArgumentException naming the known ones
     */
    public static TimeSampling of(String id) {
        for (TimeSampling s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown time sampling '" + id + "': expected uniform or logit-normal");
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
        double t = 1 / (1 + Math.exp(-random.nextGaussian()));
        int steps = objective.discreteSteps();
        if (steps > 0) {
            return Math.min(steps, Math.max(1, Math.ceil(t * steps))) / steps;
        }
        return Math.max(t, Double.MIN_NORMAL);
    }
}
