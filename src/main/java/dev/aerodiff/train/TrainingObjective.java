package dev.aerodiff.train;

import dev.aerodiff.diffusion.Conversions;
import dev.aerodiff.diffusion.CosineSchedule;
import dev.aerodiff.diffusion.FlowMatchingPath;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import java.util.List;
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
 * The loss is the mean squared error of the objective's own quantity (eps, velocity) unless the
 * training settings name another ({@link TrainerConfig#loss()}).
 * The network may output another quantity p from which it follows linearly, q = a x_t + b p
 * ({@link Conversions}); the loss of that network is then b(t)^2 |p^ - p|^2. For DDPM, a network
 * that outputs v = alpha eps - sigma x_0 gives eps^ = sigma x_t + alpha v^ (with alpha^2 + sigma^2
 * = 1): noise prediction whose output carries x_t through a skip connection, so that at high noise,
 * where eps is almost x_t, the clean-field estimate x_0^ = alpha x_t - sigma v^ does not multiply
 * the network's error by sigma/alpha. A flow network may output the clean field x_0 itself, from
 * which the velocity is (x_t - x_0^)/t (x-prediction, Li and He, 2025): where the data of a
 * condition hardly vary, its output need not depend on the noise, where a velocity output must
 * carry the noise through. Its weight 1/t^2 is capped at {@link #MAX_LOSS_WEIGHT} (t below 0.05
 * weighs as 0.05).
 */
public enum TrainingObjective {
    /** Denoising diffusion, epsilon loss, 200 discrete steps; the network outputs eps or v. */
    DDPM(Parameterization.EPSILON, 200, Parameterization.EPSILON, Parameterization.V),
    /** Flow matching, velocity loss, continuous time; the network outputs the velocity or x_0. */
    FLOW(Parameterization.VELOCITY, 0, Parameterization.VELOCITY, Parameterization.X0);

    /** The largest loss weight b^2 of a training sample: 400 = 1/0.05^2. */
    public static final double MAX_LOSS_WEIGHT = 400;

    private final Parameterization parameterization;
    private final int discreteSteps;
    private final List<Parameterization> outputs;

    TrainingObjective(Parameterization parameterization, int discreteSteps, Parameterization... outputs) {
        this.parameterization = parameterization;
        this.discreteSteps = discreteSteps;
        this.outputs = List.of(outputs);
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

    /** @return the quantity whose squared error is the loss, and the network's default output */
    public Parameterization parameterization() {
        return parameterization;
    }

    /** @return what a network trained with this objective may output, the default first */
    public List<Parameterization> outputs() {
        return outputs;
    }

    /**
     * @param output what the network outputs
     * @param loss   the quantity whose squared error is the loss
     * @param level  the noise level of a training sample
     * @return b^2, with loss = a x_t + b output, at most {@link #MAX_LOSS_WEIGHT}
     */
    public static double lossWeight(Parameterization output, Parameterization loss, NoiseLevel level) {
        double b = Conversions.form(output, loss, level).prediction();
        return Math.min(b * b, MAX_LOSS_WEIGHT);
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
