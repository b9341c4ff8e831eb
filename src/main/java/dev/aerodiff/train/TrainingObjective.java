package dev.aerodiff.train;

import dev.aerodiff.diffusion.CosineSchedule;
import dev.aerodiff.diffusion.FlowMatchingPath;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What the network learns to predict, and at which times it is trained.
 * <ul>
 *   <li>{@link #DDPM}: epsilon prediction on the cosine schedule at the discrete times k/T,
 *       k = 1..T with T = 200 (Ho et al.; the anchor's setting).</li>
 *   <li>{@link #FLOW}: conditional flow matching on the optimal-transport path x_t = (1 - t) x_0 + t eps,
 *       predicting the velocity eps - x_0 at t uniform in (0, 1] (Lipman et al.).</li>
 * </ul>
 */
public enum TrainingObjective {
    /** Denoising diffusion, epsilon prediction, 200 discrete steps. */
    DDPM(Parameterization.EPSILON, 200),
    /** Flow matching, velocity prediction, continuous time. */
    FLOW(Parameterization.VELOCITY, 0);

    private final Parameterization parameterization;
    private final int discreteSteps;

    TrainingObjective(Parameterization parameterization, int discreteSteps) {
        this.parameterization = parameterization;
        this.discreteSteps = discreteSteps;
    }

    /** @return the name used in configs and bundles ("ddpm", "flow") */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the objective named {@code id}, with an error listing the valid names */
    public static TrainingObjective of(String id) {
        for (TrainingObjective o : values()) {
            if (o.id().equals(id)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown method '" + id + "': expected ddpm or flow");
    }

    /** @return what the network outputs */
    public Parameterization parameterization() {
        return parameterization;
    }

    /** @return the noise schedule of the forward process */
    public NoiseSchedule schedule() {
        return this == DDPM ? new CosineSchedule() : new FlowMatchingPath();
    }

    /** @return T for discrete-time training, 0 for continuous time */
    public int discreteSteps() {
        return discreteSteps;
    }

    /** @return a training time: k/T for uniform k in 1..T, or uniform in (0, 1] */
    public double sampleTime(SplittableRandom random) {
        if (discreteSteps > 0) {
            return (1 + random.nextInt(discreteSteps)) / (double) discreteSteps;
        }
        return 1.0 - random.nextDouble();
    }
}
