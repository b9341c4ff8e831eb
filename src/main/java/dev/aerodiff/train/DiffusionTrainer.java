package dev.aerodiff.train;

import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.diffusion.Conversions;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.nn.NativeGarbage;
import dev.aerodiff.nn.TapeUNet;
import dev.aerodiff.nn.UNet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Trains a {@link UNet} denoiser with the DDPM or flow-matching objective: per step, a batch of
 * training samples x_0, times t and noise eps; the network sees x_t = alpha(t) x_0 + sigma(t) eps
 * and regresses the target of its output (eps, v or the velocity eps - x_0) with a mean squared
 * error, weighted per sample when the output is not the quantity of the loss
 * ({@link TrainerConfig#lossWeight}). AdamW with linear warm-up and decay; an exponential moving average of the
 * weights is kept for sampling.
 *
 * <p>A step runs the network eagerly ({@link TapeUNet}: ND4J ops with hand-written gradients, the
 * same function and weights as the SameDiff graph of {@link UNet#build}) and updates all weights
 * at once ({@link FlatAdamW}); the SameDiff graph is built only when asked for ({@link #network()},
 * {@link #loss}), and trains to the same weights (a test steps both).
 *
 * <p>Every random draw of step k derives from (seed, k), and {@link TrainingCheckpoint} stores the
 * optimizer state, so a run resumed from a checkpoint continues exactly as the uninterrupted run.
 */
public final class DiffusionTrainer {
    static final String TARGET = "target";
    static final String LOSS = "loss";
    static final String LOSS_WEIGHT = "loss_weight";

    private final TrainerConfig config;
    private final IntToDoubleFunction emaDecays;
    private final FieldScaling scaling;
    private final int resolution;
    private final TapeUNet eager;
    private final FlatAdamW optimizer;
    private final INDArray emaFlat;
    private final Map<String, INDArray> ema = new LinkedHashMap<>();
    private final LossHistory lossHistory;
    private final StartingPoint startingPoint;
    private int completedSteps;

    /**
     * @param net            the network to start from (its weights are copied; the graph is not kept)
     * @param ema            the averaged weights by name, or null to start from the weights
     * @param optimizerState Adam's moments as {@link FlatAdamW} keeps them, or null to start from zeros
     * @param lossHistory    the losses of the steps done so far
     * @param startingPoint  the bundle whose weights the run started from, or null for random weights
     */
    DiffusionTrainer(TrainerConfig config, FieldScaling scaling, UNet net, Map<String, INDArray> ema,
                     INDArray optimizerState, int completedSteps, LossHistory lossHistory,
                     StartingPoint startingPoint) {
        this.config = config;
        this.emaDecays = config.emaDecays();
        this.scaling = scaling;
        this.resolution = net.resolution();
        this.eager = TapeUNet.of(net);
        this.optimizer = new FlatAdamW(schedule(config), config.weightDecay(), eager.flatWeights().length(),
                optimizerState);
        this.emaFlat = eager.flatWeights().dup();
        this.ema.putAll(eager.viewsOf(emaFlat));
        if (ema != null) {
            this.ema.forEach((name, view) -> view.assign(ema.get(name)));
        }
        this.completedSteps = completedSteps;
        this.lossHistory = lossHistory;
        this.startingPoint = startingPoint;
        // what building the graphs (and anything before) left behind goes now, not under the first step's arrays
        NativeGarbage.collect();
    }

    /**
     * @param config     hyper-parameters
     * @param resolution grid size H = W of the training data
     * @param scaling    the field scaling fitted to the training data (kept with the model)
     * @return a trainer with freshly initialized weights
     */
    public static DiffusionTrainer create(TrainerConfig config, int resolution, FieldScaling scaling) {
        return start(config, resolution, scaling, Map.of(), null);
    }

    /**
     * A run that fine-tunes trained weights: the network starts from them (and so does the moving
     * average), Adam's moments from zeros, and the learning-rate schedule runs over the config's
     * steps from its warm-up on.
     *
     * @param config     hyper-parameters; their network must be the one the weights belong to
     * @param resolution grid size H = W of the training data
     * @param scaling    the field scaling the weights were trained with (the network's units)
     * @param weights    every weight of the network, by variable name
     * @param from       where the weights come from, kept in checkpoints and recorded in the bundle
     * @return a trainer at step 0 with those weights
     * @throws IllegalArgumentException if a weight is missing or has another shape than the network's
     */
    public static DiffusionTrainer fineTuning(TrainerConfig config, int resolution, FieldScaling scaling,
                                              Map<String, INDArray> weights, StartingPoint from) {
        return start(config, resolution, scaling, weights, Objects.requireNonNull(from, "from"));
    }

    private static DiffusionTrainer start(TrainerConfig config, int resolution, FieldScaling scaling,
                                          Map<String, INDArray> weights, StartingPoint from) {
        if (scaling.conditionChannels() != config.conditionChannels()) {
            throw new IllegalArgumentException("the network takes " + config.conditionChannels()
                    + " condition channels, the scaling encodes " + scaling.conditionChannels());
        }
        UNet net = UNet.build(config.network(), resolution, config.seed());
        if (from != null) {
            for (SDVariable v : net.weights()) {
                INDArray w = weights.get(v.name());
                if (w == null || !Arrays.equals(w.shape(), v.getArr().shape())) {
                    throw new IllegalArgumentException("the weights to start from " + (w == null ? "lack "
                            + v.name() : "give " + v.name() + " the shape " + Arrays.toString(w.shape())
                            + ", the network needs " + Arrays.toString(v.getArr().shape())));
                }
                v.getArr().assign(w);
            }
        }
        addLoss(net, config.weightedLoss());
        configure(net.graph(), config);
        return new DiffusionTrainer(config, scaling, net, null, null, 0, new LossHistory(LossHistory.DEFAULT_EVERY, 0),
                from);
    }

    static WarmupLinearSchedule schedule(TrainerConfig c) {
        return new WarmupLinearSchedule(c.learningRate(), c.warmupSteps(), c.steps(), 0.1);
    }

    /** The loss; weighted: each sample's squared error times its own weight, a [B, 1, 1, 1] input. */
    static void addLoss(UNet net, boolean weighted) {
        SameDiff sd = net.graph();
        int res = net.resolution();
        SDVariable target = sd.placeHolder(TARGET, DataType.FLOAT, -1, net.config().outChannels(), res, res);
        SDVariable diff = sd.getVariable(UNet.OUTPUT).sub(target);
        SDVariable squared = diff.mul(diff);
        if (weighted) {
            squared = squared.mul(sd.placeHolder(LOSS_WEIGHT, DataType.FLOAT, -1, 1, 1, 1));
        }
        sd.mean(LOSS, squared);
        sd.setLossVariables(LOSS);
    }

    static void configure(SameDiff sd, TrainerConfig c) {
        String[] features = c.weightedLoss() ? new String[] {UNet.X, UNet.CONDITION, UNet.TIME, LOSS_WEIGHT}
                : new String[] {UNet.X, UNet.CONDITION, UNet.TIME};
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(schedule(c)))
                .weightDecay(c.weightDecay(), true)
                .dataSetFeatureMapping(features)
                .dataSetLabelMapping(TARGET)
                .build());
    }

    /**
     * One optimizer step on a batch drawn with the step's own random stream.
     *
     * @param data the training samples
     * @return the loss of the batch before the step (also added to {@link #lossHistory()})
     */
    public double step(TrainingData data) {
        MultiDataSet b = batch(data, completedSteps);
        double loss = eager.lossAndGradients(b.getFeatures(0), b.getFeatures(1), b.getFeatures(2), b.getLabels(0),
                config.weightedLoss() ? b.getFeatures(3) : null);
        INDArray weights = eager.flatWeights();
        optimizer.step(weights, eager.flatGradients(), completedSteps);
        completedSteps++;
        // ema = d ema + (1 - d) w, written as d (ema - w) + w: in place, no temporary the size of the weights
        emaFlat.subi(weights).muli(emaDecays.applyAsDouble(completedSteps)).addi(weights);
        lossHistory.add(loss);
        NativeGarbage.afterStep();
        return loss;
    }

    /**
     * @param data the training samples
     * @param step which step's batch (the same batch every time for the same step)
     * @return the mean squared error of the current weights on that batch
     */
    public double loss(TrainingData data, int step) {
        MultiDataSet b = batch(data, step);
        UNet net = network();
        Map<String, INDArray> ph = new HashMap<>(Map.of(UNet.X, b.getFeatures(0), UNet.CONDITION,
                b.getFeatures(1), UNet.TIME, b.getFeatures(2), TARGET, b.getLabels(0)));
        if (config.weightedLoss()) {
            ph.put(LOSS_WEIGHT, b.getFeatures(3));
        }
        return net.graph().output(ph, LOSS).get(LOSS).getDouble(0);
    }

    MultiDataSet batch(TrainingData data, int step) {
        int n = config.batchSize();
        int per = data.sampleSize();
        int res = data.resolution();
        long streamSeed = new SplittableRandom(config.seed()).split().nextLong() ^ (0x9E3779B97F4A7C15L * (step + 1));
        SplittableRandom random = new SplittableRandom(streamSeed);
        Random gaussian = new Random(streamSeed);
        float[] x0 = new float[n * per];
        int condPer = data.conditionSize();
        float[] cond = new float[n * condPer];
        float[] eps = new float[n * per];
        float[] t = new float[n];
        NoiseLevel[] levels = new NoiseLevel[n];
        NoiseSchedule schedule = config.objective().schedule();
        for (int b = 0; b < n; b++) {
            int index = random.nextInt(data.count());
            data.copyTarget(index, x0, b * per);
            data.copyCondition(index, cond, b * condPer);
            double time = config.timeSampling().sample(config.objective(), random);
            t[b] = (float) time;
            levels[b] = schedule.level(time);
        }
        for (int k = 0; k < eps.length; k++) {
            eps[k] = (float) gaussian.nextGaussian();
        }
        long[] shape = {n, 3, res, res};
        INDArray x0a = Nd4j.create(x0, shape, 'c');
        INDArray epsa = Nd4j.create(eps, shape, 'c');
        INDArray xt = Nd4j.create(DataType.FLOAT, shape);
        for (int b = 0; b < n; b++) {
            xt.slice(b).assign(x0a.slice(b).mul(levels[b].alpha()).addi(epsa.slice(b).mul(levels[b].sigma())));
        }
        INDArray target = Conversions.fromCleanAndNoise(x0a, epsa, config.output(), levels);
        INDArray[] features = {xt, Nd4j.create(cond, new long[] {n, data.conditionChannels(), res, res}, 'c'),
                Nd4j.createFromArray(t)};
        if (config.weightedLoss()) {
            float[] w = new float[n];
            for (int b = 0; b < n; b++) {
                w[b] = (float) config.lossWeight(levels[b]);
            }
            features = new INDArray[] {features[0], features[1], features[2], Nd4j.create(w, new long[] {n, 1, 1, 1}, 'c')};
        }
        return new MultiDataSet(features, new INDArray[] {target});
    }

    /** @return optimizer steps done so far */
    public int completedSteps() {
        return completedSteps;
    }

    /** @return the training loss of the steps done so far, condensed to block means */
    public LossHistory lossHistory() {
        return lossHistory;
    }

    /** @return the bundle whose weights the run started from, or null where it started from random ones */
    public StartingPoint startingPoint() {
        return startingPoint;
    }

    /** @return the hyper-parameters */
    public TrainerConfig config() {
        return config;
    }

    /** @return the field scaling of the training data */
    public FieldScaling scaling() {
        return scaling;
    }

    /**
     * @return a SameDiff graph of the network with the current (not averaged) weights, built anew
     *         on every call (with the loss): the trainer keeps no graph, whose weights would be a
     *         second copy of them (62 MB for the peer network)
     */
    public UNet network() {
        UNet net = UNet.build(config.network(), resolution, config.seed());
        addLoss(net, config.weightedLoss());
        configure(net.graph(), config);
        SameDiff sd = net.graph();
        for (String name : eager.names()) {
            sd.getArrForVarName(name).assign(eager.weight(name));
        }
        return net;
    }

    /** @return the eagerly run network that training steps use (its weights are the live ones) */
    public TapeUNet engine() {
        return eager;
    }

    /** @return Adam's moments, as {@link FlatAdamW} keeps them (live; copy to keep) */
    INDArray optimizerState() {
        return optimizer.state();
    }

    /** @return the moving averages of the weights, by variable name (live arrays, do not modify) */
    public Map<String, INDArray> emaWeights() {
        return ema;
    }
}
