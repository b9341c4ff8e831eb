package dev.aerodiff.bench;

import dev.aerodiff.data.DatasetMetadata;
import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.data.InMemoryFieldDataset;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;
import dev.aerodiff.nn.TapeUNet;
import dev.aerodiff.nn.UNet;
import dev.aerodiff.nn.UNetConfig;
import dev.aerodiff.train.DiffusionTrainer;
import dev.aerodiff.train.TrainerConfig;
import dev.aerodiff.train.TrainingData;
import dev.aerodiff.train.TrainingObjective;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Timings of the U-Net: a batched forward pass and a DDPM training step (forward, backward, AdamW
 * update and weight averaging, as in {@code train}), each after warm-up, as the median of repeats.
 * Inputs are random fields; the timings do not depend on their values. Without the forward pass
 * only the trainable network is built, so the process holds what training needs and no more.
 *
 * @param params              trainable parameters
 * @param flopsPerSample      forward FLOPs of one sample ({@link UNet#flopsPerSample()})
 * @param forward             timings of forward passes of the batch, or null where not timed
 * @param train               timings of training steps at the batch size
 * @param forwardProfile      time by op of one more forward pass, or null when not asked for
 * @param trainProfile        time by op of one more training step, or null when not asked for
 */
public record UNetBenchmark(long params, long flopsPerSample, Timings forward, Timings train,
                            OpProfile forwardProfile, OpProfile trainProfile) {

    /**
     * @param config     network shape
     * @param resolution H = W
     * @param batch      samples per forward pass and per training step
     * @param warmup     untimed runs of each before timing, at least ({@link Repeats}: more while the
     *                   JIT compiler is busy)
     * @param repeats    timed runs of each
     * @param forward    also time the forward pass of a network built for inference
     * @param profile    also profile one forward pass (where timed) and one training step by op, after the timings
     * @param progress   called after each timed run (0-based count over both phases)
     * @return the timings
     */
    public static UNetBenchmark run(UNetConfig config, int resolution, int batch, int warmup, int repeats,
                                    boolean forward, boolean profile, IntConsumer progress) {
        if (batch < 1 || repeats < 1 || warmup < 0) {
            throw new IllegalArgumentException("need batch >= 1, repeats >= 1, warm-up >= 0; got " + batch + ", "
                    + repeats + ", " + warmup);
        }
        Timings forwardTimings = null;
        OpProfile forwardProfile = null;
        if (forward) {
            UNet net = UNet.buildForInference(config, resolution);
            INDArray x = Nd4j.rand(DataType.FLOAT, batch, config.outChannels(), resolution, resolution);
            INDArray cond = Nd4j.rand(DataType.FLOAT, batch, config.inChannels() - config.outChannels(), resolution,
                    resolution);
            INDArray t = Nd4j.rand(DataType.FLOAT, batch);
            forwardTimings = Repeats.time(() -> net.forward(x, cond, t), warmup, repeats, progress, 0);
            forwardProfile = profile ? OpProfile.of(net.graph(), () -> net.forward(x, cond, t)) : null;
        }

        InMemoryFieldDataset data = randomData(resolution, batch);
        TrainerConfig tc = new TrainerConfig(TrainingObjective.DDPM, config, warmup + repeats, batch, 2e-4, 0, 1e-4,
                0.999, 1, null);
        FieldScaling scaling = FieldScaling.fit(data);
        DiffusionTrainer trainer = DiffusionTrainer.create(tc, resolution, scaling);
        TrainingData samples = TrainingData.of(data, scaling);
        Timings train = Repeats.time(() -> trainer.step(samples), warmup, repeats, progress,
                forward ? repeats : 0);
        OpProfile trainProfile = profile ? OpProfile.of(trainer.engine(), () -> trainer.step(samples)) : null;
        TapeUNet trained = trainer.engine();
        return new UNetBenchmark(trained.parameterCount(), trained.flopsPerSample(), forwardTimings, train,
                forwardProfile, trainProfile);
    }

    /** @return median wall time of one forward pass of the batch, NaN where not timed */
    public double forwardBatchMs() {
        return forward == null ? Double.NaN : forward.median();
    }

    /** @return median wall time of one training step */
    public double trainStepMs() {
        return train.median();
    }

    /** @return forward GFLOP/s at the median time */
    public double gflopsForward(int batch) {
        return flopsPerSample * (double) batch / (forwardBatchMs() * 1e6);
    }

    private static InMemoryFieldDataset randomData(int resolution, int samples) {
        SplittableRandom r = new SplittableRandom(3);
        int cells = resolution * resolution;
        float[] v = new float[samples * 3 * cells];
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) r.nextDouble(-1, 1);
        }
        FlowCase c = new FlowCase(new FlowCondition("naca0012", 5, 1e6, 10), Mask.allFluid(resolution, resolution),
                FieldUnits.PHYSICAL, samples, v, null);
        return new InMemoryFieldDataset(Grid.uniform(resolution, resolution, -0.5, 1.5, -1, 1), List.of(c),
                new DatasetMetadata("benchmark", "random fields", ""));
    }
}
