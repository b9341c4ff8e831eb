package dev.aerodiff.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.data.NearestReference;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.nn.UNetConfig;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * Hyper-parameters of one training run.
 *
 * @param objective     DDPM or flow matching
 * @param network       the U-Net shape
 * @param steps         optimizer steps in total
 * @param batchSize     samples per step
 * @param learningRate  peak Adam learning rate, reached after a linear warm-up, then decayed linearly to 10%
 * @param warmupSteps   warm-up length
 * @param weightDecay   decoupled weight decay (AdamW), per step and scaled by the learning rate
 * @param emaDecay      decay of the exponential moving average of the weights kept for sampling, unless
 *                      {@code emaRelativeStd} is set
 * @param seed          all randomness (initial weights, batches, times, noise) derives from it
 * @param output        what the network outputs, one of the objective's {@link TrainingObjective#outputs()};
 *                      null for its default
 * @param emaRelativeStd the width of a power-function moving average ({@link PowerEma}) kept instead of
 *                      the fixed-decay one; 0 for the fixed decay
 * @param nearestResidual whether the network's targets are the fields minus the mean of the nearest
 *                      training simulations (needs the nearest-reference condition channels)
 * @param timeSampling  how the time of each training sample is drawn; null for uniform
 * @param loss          the quantity whose squared error is the loss, one of the objective's
 *                      {@link TrainingObjective#outputs()}; null for the objective's own (eps for DDPM,
 *                      the velocity for flow matching). For DDPM, v weighs the clean field's error by
 *                      1 + alpha^2/sigma^2 where eps weighs it by alpha^2/sigma^2, which vanishes near pure
 *                      noise, where the condition alone sets the estimate
 */
public record TrainerConfig(TrainingObjective objective, UNetConfig network, int steps, int batchSize,
                            double learningRate, int warmupSteps, double weightDecay, double emaDecay, long seed,
                            Parameterization output, double emaRelativeStd, boolean nearestResidual,
                            TimeSampling timeSampling, Parameterization loss) {

    /**
     * Checks the ranges; a null output or loss is the objective's own quantity, a null time sampling
     * uniform.
     */
    @JsonCreator
    public TrainerConfig {
        if (output == null) {
            output = objective.parameterization();
        }
        if (loss == null) {
            loss = objective.parameterization();
        }
        if (timeSampling == null) {
            timeSampling = TimeSampling.UNIFORM;
        }
        if (!objective.outputs().contains(output)) {
            throw new IllegalArgumentException("a " + objective.id() + " network cannot output "
                    + output.name().toLowerCase(Locale.ROOT) + ": expected one of " + outputNames(objective));
        }
        if (!objective.outputs().contains(loss)) {
            throw new IllegalArgumentException("a " + objective.id() + " network cannot be trained on the error of "
                    + loss.name().toLowerCase(Locale.ROOT) + ": expected one of " + outputNames(objective));
        }
        if (steps < 1 || batchSize < 1 || warmupSteps < 0) {
            throw new IllegalArgumentException("steps and batch size must be >= 1 and warm-up >= 0, got " + steps + ", "
                    + batchSize + ", " + warmupSteps);
        }
        if (!(learningRate > 0) || weightDecay < 0 || !(emaDecay >= 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("need learning rate > 0, weight decay >= 0, 0 <= EMA decay < 1; got "
                    + learningRate + ", " + weightDecay + ", " + emaDecay);
        }
        if (emaRelativeStd != 0) {
            new PowerEma(emaRelativeStd);
        }
        int conditionChannels = network.inChannels() - network.outChannels();
        if (nearestResidual && conditionChannels < 3 + NearestReference.CHANNEL_NAMES.size()) {
            throw new IllegalArgumentException("targets relative to the nearest training simulations need the"
                    + " nearest-reference condition channels");
        }
    }

    /** The settings with the loss of the objective's own quantity. */
    public TrainerConfig(TrainingObjective objective, UNetConfig network, int steps, int batchSize,
                         double learningRate, int warmupSteps, double weightDecay, double emaDecay, long seed,
                         Parameterization output, double emaRelativeStd, boolean nearestResidual,
                         TimeSampling timeSampling) {
        this(objective, network, steps, batchSize, learningRate, warmupSteps, weightDecay, emaDecay, seed, output,
                emaRelativeStd, nearestResidual, timeSampling, null);
    }

    /** The settings with uniform training times. */
    public TrainerConfig(TrainingObjective objective, UNetConfig network, int steps, int batchSize,
                         double learningRate, int warmupSteps, double weightDecay, double emaDecay, long seed,
                         Parameterization output, double emaRelativeStd, boolean nearestResidual) {
        this(objective, network, steps, batchSize, learningRate, warmupSteps, weightDecay, emaDecay, seed, output,
                emaRelativeStd, nearestResidual, TimeSampling.UNIFORM);
    }

    /** The settings with targets that are the fields themselves. */
    public TrainerConfig(TrainingObjective objective, UNetConfig network, int steps, int batchSize,
                         double learningRate, int warmupSteps, double weightDecay, double emaDecay, long seed,
                         Parameterization output, double emaRelativeStd) {
        this(objective, network, steps, batchSize, learningRate, warmupSteps, weightDecay, emaDecay, seed, output,
                emaRelativeStd, false);
    }

    /** The settings with the fixed-decay moving average. */
    public TrainerConfig(TrainingObjective objective, UNetConfig network, int steps, int batchSize,
                         double learningRate, int warmupSteps, double weightDecay, double emaDecay, long seed,
                         Parameterization output) {
        this(objective, network, steps, batchSize, learningRate, warmupSteps, weightDecay, emaDecay, seed, output, 0);
    }

    /** @return the same settings with another seed */
    public TrainerConfig withSeed(long newSeed) {
        return new TrainerConfig(objective, network, steps, batchSize, learningRate, warmupSteps, weightDecay, emaDecay,
                newSeed, output, emaRelativeStd, nearestResidual, timeSampling, loss);
    }

    /** @return the same settings with another network */
    public TrainerConfig withNetwork(UNetConfig newNetwork) {
        return new TrainerConfig(objective, newNetwork, steps, batchSize, learningRate, warmupSteps, weightDecay,
                emaDecay, seed, output, emaRelativeStd, nearestResidual, timeSampling, loss);
    }

    /**
     * @return the decay of the moving average of the weights after each step, given the number of
     *         steps taken counting the one just taken (1 after the first)
     */
    public IntToDoubleFunction emaDecays() {
        return emaRelativeStd == 0 ? step -> emaDecay : new PowerEma(emaRelativeStd).decays();
    }

    /** @return whether the network outputs something other than the quantity of the loss */
    public boolean weightedLoss() {
        return output != loss;
    }

    /**
     * @param level the noise level of a training sample
     * @return the weight of its squared output error in the loss ({@link TrainingObjective#lossWeight})
     */
    public double lossWeight(NoiseLevel level) {
        return TrainingObjective.lossWeight(output, loss, level);
    }

    private static List<String> outputNames(TrainingObjective objective) {
        return objective.outputs().stream().map(p -> p.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** @return the condition channels the network takes besides the noisy fields */
    public int conditionChannels() {
        return network.inChannels() - network.outChannels();
    }

    /**
     * @return whether the network takes the six nearest-reference condition channels (nine or ten
     *     condition channels, not three or four)
     */
    public boolean nearestReference() {
        return conditionChannels() >= 3 + NearestReference.CHANNEL_NAMES.size();
    }

    /** @return whether the network takes the wall-distance condition channel (four or ten, not three or nine) */
    public boolean wallDistance() {
        return conditionChannels() - (nearestReference() ? NearestReference.CHANNEL_NAMES.size() : 0) == 4;
    }

    /**
     * @param data the training set
     * @return the field scaling fitted to it, with the wall-distance and nearest-reference channels
     *     if the network takes them
     */
    public FieldScaling scalingFor(FieldDataset data) {
        FieldScaling fitted = FieldScaling.fit(data).withWallDistance(wallDistance() ? FieldScaling.WALL_DISTANCE_SCALE
                : 0);
        return nearestResidual ? fitted.withNearestResidual() : fitted.withNearestReference(nearestReference());
    }

    /** @return the defaults for a 2-core machine: small U-Net, batch 16, lr 2e-4, EMA 0.999, default output */
    public static TrainerConfig defaults(TrainingObjective objective) {
        return new TrainerConfig(objective, UNetConfig.small(), 20_000, 16, 2e-4, 500, 1e-4, 0.999, 1, null);
    }
}
