package dev.aerodiff.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.data.InMemoryFieldDataset;
import dev.aerodiff.diffusion.Conversions;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.Parameterization;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.nn.UNet;
import dev.aerodiff.nn.UNetConfig;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

class DiffusionTrainerTest {
    private static final int RES = 16;
    private static final UNetConfig TINY = new UNetConfig(6, 3, 8, new int[] {1, 2}, 1, new int[0]);

    private static TrainerConfig config(TrainingObjective objective) {
        return new TrainerConfig(objective, TINY, 100, 8, 2e-3, 0, 1e-4, 0.9, 11, null);
    }

    private static TrainerConfig ddpmWithVOutput() {
        return new TrainerConfig(TrainingObjective.DDPM, TINY, 100, 8, 2e-3, 0, 1e-4, 0.9, 11, Parameterization.V);
    }

    @Test
    void aScalingWhoseConditionChannelsTheNetworkDoesNotTakeIsRefused() {
        FieldScaling withDistance = FieldScaling.fit(DiffusionTrainerTestData.synthetic()).withWallDistance(0.25);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DiffusionTrainer.create(config(TrainingObjective.FLOW), RES, withDistance));
        assertTrue(e.getMessage().contains("takes 3 condition channels") && e.getMessage().contains("encodes 4"),
                e.getMessage());
        TrainingData data = TrainingData.of(DiffusionTrainerTestData.synthetic(), withDistance);
        assertEquals(4 * RES * RES, data.conditionSize(), "the synthetic cases are NACA 0012: the distance is known");
    }

    @Test
    void aNetworkThatOutputsVIsTrainedOnTheNoiseErrorOfItsNoiseEstimate() {
        InMemoryFieldDataset ds = DiffusionTrainerTestData.synthetic();
        FieldScaling scaling = FieldScaling.fit(ds);
        TrainingData data = TrainingData.of(ds, scaling);
        DiffusionTrainer trainer = DiffusionTrainer.create(ddpmWithVOutput(), RES, scaling);
        trainer.step(data);
        MultiDataSet b = trainer.batch(data, 7);
        INDArray xt = b.getFeatures(0);
        double[] t = b.getFeatures(2).toDoubleVector();
        NoiseLevel[] levels = new NoiseLevel[t.length];
        for (int k = 0; k < t.length; k++) {
            levels[k] = TrainingObjective.DDPM.schedule().level(t[k]);
        }
        INDArray v = trainer.network().forward(xt, b.getFeatures(1), b.getFeatures(2));
        INDArray epsHat = Conversions.convert(v, Parameterization.V, Parameterization.EPSILON, xt, levels);
        INDArray eps = Conversions.convert(b.getLabels(0), Parameterization.V, Parameterization.EPSILON, xt, levels);
        INDArray diff = epsHat.sub(eps);
        double epsMse = diff.mul(diff).meanNumber().doubleValue();
        assertEquals(epsMse, trainer.loss(data, 7), 1e-4 * epsMse);
        INDArray vDiff = v.sub(b.getLabels(0));
        assertTrue(Math.abs(vDiff.mul(vDiff).meanNumber().doubleValue() - epsMse) > 0.01 * epsMse,
                "the weights alpha^2 matter on this batch");
    }

    @Test
    void aNoiseNetworkTrainedOnTheErrorOfVWeighsEachSampleByOneOverAlphaSquaredCapped() {
        TrainerConfig config = new TrainerConfig(TrainingObjective.DDPM, TINY, 100, 8, 2e-3, 0, 1e-4, 0.9, 11,
                Parameterization.EPSILON, 0, false, TimeSampling.HIGH_NOISE, Parameterization.V);
        assertTrue(config.weightedLoss());
        assertLossIsTheCappedErrorOf(config, Parameterization.V, level -> 1 / (level.alpha() * level.alpha()));

        NoiseLevel middle = TrainingObjective.DDPM.schedule().level(0.5);
        assertEquals(1 / (middle.alpha() * middle.alpha()), config.lossWeight(middle), 1e-9);
        assertEquals(400.0, config.lossWeight(TrainingObjective.DDPM.schedule().level(0.99)), 1e-9);
        TrainerConfig vOnV = new TrainerConfig(TrainingObjective.DDPM, TINY, 100, 8, 2e-3, 0, 1e-4, 0.9, 11,
                Parameterization.V, 0, false, null, Parameterization.V);
        assertTrue(!vOnV.weightedLoss());
        assertEquals(1.0, vOnV.lossWeight(middle), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainerConfig(TrainingObjective.FLOW, TINY, 1, 1, 1e-3, 0, 0, 0, 1, null, 0, false, null,
                        Parameterization.EPSILON));
        assertTrue(e.getMessage().contains("flow network cannot be trained on the error of epsilon"), e.getMessage());
    }

    @Test
    void settingsWrittenBeforeTheOutputWasRecordedReadAsTheObjectivesDefault() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode node = json.valueToTree(ddpmWithVOutput());
        assertEquals("V", node.get("output").asText());
        assertEquals(ddpmWithVOutput(), json.treeToValue(node, TrainerConfig.class));
        node.remove("output");
        assertEquals(Parameterization.EPSILON, json.treeToValue(node, TrainerConfig.class).output());
        node.remove("loss");
        assertEquals(Parameterization.EPSILON, json.treeToValue(node, TrainerConfig.class).loss(),
                "settings written before the loss was recorded: the objective's own quantity");
        node.remove("emaRelativeStd");
        assertEquals(0.0, json.treeToValue(node, TrainerConfig.class).emaRelativeStd(), "the fixed decay");
    }

    @Test
    void aFlowNetworkThatOutputsTheCleanFieldIsTrainedOnItsVelocityErrorWithTheWeightCapped() {
        TrainerConfig config = new TrainerConfig(TrainingObjective.FLOW, TINY, 100, 8, 2e-3, 0, 1e-4, 0.9, 11,
                Parameterization.X0);
        assertLossIsTheCappedErrorOf(config, Parameterization.VELOCITY, level -> 1 / (level.t() * level.t()));
        NoiseLevel early = TrainingObjective.FLOW.schedule().level(0.5);
        assertEquals(4.0, TrainingObjective.lossWeight(Parameterization.X0, Parameterization.VELOCITY, early), 1e-9);
        NoiseLevel late = TrainingObjective.FLOW.schedule().level(0.01);
        assertEquals(400.0, TrainingObjective.lossWeight(Parameterization.X0, Parameterization.VELOCITY, late), 1e-9);
    }

    @Test
    void onlyTheObjectivesOutputsAreAccepted() {
        assertEquals(Parameterization.VELOCITY, config(TrainingObjective.FLOW).output());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TrainerConfig(TrainingObjective.FLOW, TINY, 1, 1, 1e-3, 0, 0, 0, 1, Parameterization.V));
        assertTrue(e.getMessage().contains("flow network cannot output v"), e.getMessage());
        assertEquals(1.0, TrainingObjective.lossWeight(Parameterization.EPSILON, Parameterization.EPSILON,
                TrainingObjective.DDPM.schedule().level(0.5)), 1e-12);
        NoiseLevel level = TrainingObjective.DDPM.schedule().level(0.9);
        assertEquals(level.alpha() * level.alpha(),
                TrainingObjective.lossWeight(Parameterization.V, Parameterization.EPSILON, level),
                1e-12);
    }

    @Test
    void lossFallsOnBothObjectives() {
        InMemoryFieldDataset ds = DiffusionTrainerTestData.synthetic();
        FieldScaling scaling = FieldScaling.fit(ds);
        TrainingData data = TrainingData.of(ds, scaling);
        assertEquals(8, data.count());
        for (TrainingObjective objective : TrainingObjective.values()) {
            DiffusionTrainer trainer = DiffusionTrainer.create(config(objective), RES, scaling);
            double before = 0;
            for (int probe = 0; probe < 4; probe++) {
                before += trainer.loss(data, 10_000 + probe);
            }
            for (int k = 0; k < 30; k++) {
                trainer.step(data);
            }
            double after = 0;
            for (int probe = 0; probe < 4; probe++) {
                after += trainer.loss(data, 10_000 + probe);
            }
            assertTrue(after < 0.8 * before, objective + ": loss " + before / 4 + " -> " + after / 4);
        }
    }

    @Test
    void theMovingAverageIsDecayTimesTheOldAveragePlusTheRestTimesTheNewWeights() {
        assertMovingAverage(config(TrainingObjective.DDPM), 0.9, 0.9);
    }

    @Test
    void aPowerFunctionAverageStartsFromTheFirstStepsWeightsAndThenDecaysByItsProfile() {
        assertMovingAverage(powerEma(), 0, Math.pow(0.5, new PowerEma(0.1).gamma() + 1));
    }

    /** Fails unless after step k the average is decays[k] times the one before plus the rest times the weights. */
    private static void assertMovingAverage(TrainerConfig config, double... decays) {
        InMemoryFieldDataset ds = DiffusionTrainerTestData.synthetic();
        FieldScaling scaling = FieldScaling.fit(ds);
        TrainingData data = TrainingData.of(ds, scaling);
        DiffusionTrainer trainer = DiffusionTrainer.create(config, RES, scaling);
        for (double decay : decays) {
            Map<String, INDArray> before = new java.util.HashMap<>();
            trainer.emaWeights().forEach((name, value) -> before.put(name, value.dup()));
            trainer.step(data);
            UNet net = trainer.network();
            for (Map.Entry<String, INDArray> e : trainer.emaWeights().entrySet()) {
                INDArray weights = net.graph().getVariable(e.getKey()).getArr();
                INDArray expected = before.get(e.getKey()).mul(decay).addi(weights.mul(1 - decay));
                assertEquals(0.0, expected.sub(e.getValue()).amaxNumber().doubleValue(), 1e-6, e.getKey());
                assertTrue(before.get(e.getKey()).sub(e.getValue()).amaxNumber().doubleValue() > 0, "it moved");
            }
        }
    }

    private static TrainerConfig powerEma() {
        return new TrainerConfig(TrainingObjective.FLOW, TINY, 100, 8, 2e-3, 0, 1e-4, 0.9, 11, null, 0.1);
    }

    @Test
    void aResumedRunContinuesExactlyAsTheUninterruptedOne(@TempDir Path dir) {
        resumesExactly(config(TrainingObjective.FLOW), dir);
        resumesExactly(ddpmWithVOutput(), dir);
        resumesExactly(powerEma(), dir);
    }

    private static void resumesExactly(TrainerConfig config, Path dir) {
        InMemoryFieldDataset ds = DiffusionTrainerTestData.synthetic();
        FieldScaling scaling = FieldScaling.fit(ds);
        TrainingData data = TrainingData.of(ds, scaling);
        DiffusionTrainer straight = DiffusionTrainer.create(config, RES, scaling);
        for (int k = 0; k < 4; k++) {
            straight.step(data);
        }
        DiffusionTrainer first = DiffusionTrainer.create(config, RES, scaling);
        double before = first.loss(data, 0);
        assertEquals(before, first.step(data), 1e-5 * before, "a step returns the loss of its batch before it");
        first.step(data);
        Path ckpt = dir.resolve("run.ckpt");
        TrainingCheckpoint.save(first, ckpt);
        DiffusionTrainer resumed = TrainingCheckpoint.load(ckpt);
        assertEquals(2, resumed.completedSteps());
        assertEquals(config, resumed.config());
        assertEquals(scaling, resumed.scaling());
        resumed.step(data);
        resumed.step(data);
        assertEquals(4, resumed.lossHistory().recentSteps(), "the loss record continues with the run");
        assertEquals(straight.lossHistory().recentMean(), resumed.lossHistory().recentMean(),
                1e-6 * straight.lossHistory().recentMean());
        UNet straightNet = straight.network();
        UNet resumedNet = resumed.network();
        for (Map.Entry<String, INDArray> e : straight.emaWeights().entrySet()) {
            INDArray live = straightNet.graph().getVariable(e.getKey()).getArr();
            INDArray other = resumedNet.graph().getVariable(e.getKey()).getArr();
            assertEquals(0.0, live.sub(other).amaxNumber().doubleValue(), 1e-6, "weights of " + e.getKey());
            assertEquals(0.0, e.getValue().sub(resumed.emaWeights().get(e.getKey())).amaxNumber().doubleValue(), 1e-6,
                    "averaged weights of " + e.getKey());
        }
    }

    /**
     * The eager steps against SameDiff's own training of the same graph (which the trainer used
     * before, and which wrote checkpoint format 1): same weights after two steps, and a format-1
     * checkpoint, whose Adam state is inside model.sdz, continues as SameDiff continues.
     */
    @Test
    void stepsEqualSameDiffsTrainingAndItsCheckpointsResume(@TempDir Path dir) throws Exception {
        // groups of several channels: where a group is one channel, the bias of the convolution
        // before it has no gradient but rounding noise, which Adam scales up to steps of the learning rate
        UNetConfig network = new UNetConfig(6, 3, 32, new int[] {1, 2}, 1, new int[0]);
        TrainerConfig config = new TrainerConfig(TrainingObjective.DDPM, network, 100, 8, 2e-3, 3, 0.1, 0.9, 11,
                Parameterization.V);
        InMemoryFieldDataset ds = DiffusionTrainerTestData.synthetic();
        FieldScaling scaling = FieldScaling.fit(ds);
        TrainingData data = TrainingData.of(ds, scaling);
        DiffusionTrainer trainer = DiffusionTrainer.create(config, RES, scaling);
        UNet reference = UNet.build(config.network(), RES, config.seed());
        DiffusionTrainer.addLoss(reference, config.weightedLoss());
        DiffusionTrainer.configure(reference.graph(), config);
        for (int k = 0; k < 2; k++) {
            trainer.step(data);
            reference.graph().fit(trainer.batch(data, k));
        }
        assertSameWeights(reference, trainer.network());

        Path ckpt = dir.resolve("format1.ckpt");
        Path graph = dir.resolve("model.sdz");
        reference.graph().save(graph.toFile(), true);
        ObjectMapper json = new ObjectMapper();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(ckpt))) {
            zip.putNextEntry(new ZipEntry("trainer.json"));
            zip.write(json.writeValueAsBytes(new TrainingCheckpoint.State(1, 2, RES, config, scaling, null, null)));
            zip.putNextEntry(new ZipEntry("model.sdz"));
            Files.copy(graph, zip);
            for (Map.Entry<String, INDArray> e : trainer.emaWeights().entrySet()) {
                zip.putNextEntry(new ZipEntry("ema/" + e.getKey()));
                Nd4j.write(e.getValue(), new DataOutputStream(zip));
            }
        }
        DiffusionTrainer resumed = TrainingCheckpoint.load(ckpt);
        assertEquals(2, resumed.lossHistory().firstStep(), "a checkpoint without a loss record starts one where it resumes");
        resumed.step(data);
        reference.graph().fit(trainer.batch(data, 2));
        assertSameWeights(reference, resumed.network());
    }

    private static void assertSameWeights(UNet expected, UNet actual) {
        for (SDVariable v : expected.weights()) {
            INDArray w = v.getArr();
            double error = w.sub(actual.graph().getArrForVarName(v.name())).norm2Number().doubleValue();
            assertTrue(error <= 1e-4 * w.norm2Number().doubleValue() + 1e-7, v.name() + " off by " + error);
        }
    }

    /**
     * Trains one step with {@code config}, then checks its loss on batch 7 against the mean squared error
     * of {@code loss} computed by hand from the network's output, each sample's term scaled by
     * min(1, {@link TrainingObjective#MAX_LOSS_WEIGHT} / w) with w = {@code weight} of its noise level
     * (the squared factor from the output to {@code loss}), and that the weights matter on that batch.
     */
    private static void assertLossIsTheCappedErrorOf(TrainerConfig config, Parameterization loss,
                                                     java.util.function.ToDoubleFunction<NoiseLevel> weight) {
        InMemoryFieldDataset ds = DiffusionTrainerTestData.synthetic();
        FieldScaling scaling = FieldScaling.fit(ds);
        TrainingData data = TrainingData.of(ds, scaling);
        DiffusionTrainer trainer = DiffusionTrainer.create(config, RES, scaling);
        trainer.step(data);
        MultiDataSet b = trainer.batch(data, 7);
        INDArray xt = b.getFeatures(0);
        double[] t = b.getFeatures(2).toDoubleVector();
        INDArray outputHat = trainer.network().forward(xt, b.getFeatures(1), b.getFeatures(2));
        double expected = 0;
        double unweighted = 0;
        for (int k = 0; k < t.length; k++) {
            NoiseLevel level = config.objective().schedule().level(t[k]);
            INDArray row = xt.slice(k).reshape(1, 3, RES, RES);
            INDArray lossHat = Conversions.convert(outputHat.slice(k).reshape(row.shape()), config.output(), loss,
                    row, level);
            INDArray target = Conversions.convert(b.getLabels(0).slice(k).reshape(row.shape()), config.output(),
                    loss, row, level);
            INDArray diff = lossHat.sub(target);
            double cap = Math.min(1, TrainingObjective.MAX_LOSS_WEIGHT / weight.applyAsDouble(level));
            expected += cap * diff.mul(diff).meanNumber().doubleValue() / t.length;
            INDArray outputDiff = outputHat.slice(k).sub(b.getLabels(0).slice(k));
            unweighted += outputDiff.mul(outputDiff).meanNumber().doubleValue() / t.length;
        }
        assertEquals(expected, trainer.loss(data, 7), 1e-4 * expected);
        assertTrue(Math.abs(unweighted - expected) > 0.01 * expected, "the weights matter on this batch");
    }
}
