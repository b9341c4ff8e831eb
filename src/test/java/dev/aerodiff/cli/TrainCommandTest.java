package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.cfd.AirfoilLibrary;
import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.data.InMemoryFieldDataset;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;
import dev.aerodiff.io.FileDigest;
import dev.aerodiff.io.NetcdfDatasetWriter;
import dev.aerodiff.nn.ConditionEmbedding;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.ModelBundle;
import dev.aerodiff.surrogate.Surrogate;
import dev.aerodiff.train.DiffusionTrainerTestData;
import dev.aerodiff.train.TrainingObjective;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;

/** The train command, and resuming after the training process was killed. */
class TrainCommandTest {

    private static List<String> args(Path dir, Path bundle) {
        return new ArrayList<>(List.of("train", "--config", dir.resolve("train.json").toString(), "--out",
                bundle.toString(), "--checkpoint-every", "1", "--json"));
    }

    /** @return the command that starts the command line in a process of its own, on the tests' class path */
    static List<String> javaCommand() {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AeroDiff.class.getName()));
    }

    private static void prepare(Path dir) throws Exception {
        NetcdfDatasetWriter.write(DiffusionTrainerTestData.synthetic(), dir.resolve("data.nc"), i -> { });
        Files.writeString(dir.resolve("train.json"), """
                {"data": "%s", "method": "flow", "steps": 6, "batch_size": 4, "learning_rate": 0.002,
                 "warmup_steps": 2, "seed": 9, "network": {"base": 8, "mult": [1, 2], "res_blocks": 1,
                 "attention_levels": []}}
                """.formatted(dir.resolve("data.nc").toString().replace("\\", "/")));
    }

    @Test
    void aKilledRunResumesToTheSameModel(@TempDir Path dir) throws Exception {
        prepare(dir);
        // the uninterrupted run as its own process: its standard output must be the JSON alone
        // (ND4J prints graph-building lines to System.out, which the command diverts to stderr)
        Path straight = dir.resolve("straight.aerodiff");
        List<String> full = javaCommand();
        full.addAll(args(dir, straight));
        Process whole = new ProcessBuilder(full).redirectError(dir.resolve("err").toFile())
                .redirectOutput(dir.resolve("out").toFile()).start();
        assertEquals(0, whole.waitFor(), Files.readString(dir.resolve("err")));
        assertEquals(6, new ObjectMapper().readTree(dir.resolve("out").toFile()).get("steps").asInt());

        Path killed = dir.resolve("killed.aerodiff");
        Path checkpoint = Path.of(killed + ".ckpt");
        List<String> cmd = javaCommand();
        cmd.addAll(args(dir, killed));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(checkpoint) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.destroyForcibly().waitFor();
        assertTrue(Files.exists(checkpoint), "a checkpoint was written before the kill: "
                + Files.readString(dir.resolve("log")));

        CliRun b = CliRun.of(args(dir, killed).toArray(String[]::new));
        assertEquals(0, b.exitCode(), b.err());
        assertTrue(b.err().contains("resuming from"), b.err());
        ModelBundle x = ModelBundle.read(straight);
        ModelBundle y = ModelBundle.read(killed);
        for (SDVariable v : x.network().weights()) {
            assertEquals(0.0, v.getArr().sub(y.network().graph().getVariable(v.name()).getArr()).amaxNumber()
                    .doubleValue(), 1e-6, v.name());
        }
        Map<?, ?> lossX = (Map<?, ?>) x.manifest().provenance().get("training_loss");
        Map<?, ?> lossY = (Map<?, ?>) y.manifest().provenance().get("training_loss");
        assertEquals(6, lossY.get("final_steps"), "the resumed run's loss record covers the steps before the kill");
        double finalLoss = ((Number) lossX.get("final_mean")).doubleValue();
        assertEquals(finalLoss, ((Number) lossY.get("final_mean")).doubleValue(), 1e-6 * finalLoss);
        CliRun info = CliRun.of("model", "info", killed.toString());
        assertTrue(info.out().contains(String.format(Locale.ROOT, "loss:        %.4g (mean of the last 6 steps)%n",
                finalLoss)), info.out());
        assertTrue(x.manifest().provenance().get("data_sha256").toString().matches("[0-9a-f]{64}"));
        assertEquals(VersionProvider.version(), x.manifest().aerodiffVersion(), "the bundle names the code that made it");
    }

    @Test
    void aFineTunedRunStartsFromTheBundlesWeightsAndRecordsIt(@TempDir Path dir) throws Exception {
        prepare(dir);
        Path base = dir.resolve("base.aerodiff");
        assertEquals(0, CliRun.of(args(dir, base).toArray(String[]::new)).exitCode());
        assertEquals(0, CliRun.of("model", "set-sampler", base.toString(), "euler:3", "--reason", "chosen").exitCode());
        // a learning rate so small that the weights cannot move: the written ones must be the base's
        Path tuned = dir.resolve("tuned.aerodiff");
        List<String> fineTune = args(dir, tuned);
        fineTune.addAll(List.of("--init", base.toString(), "--lr", "1e-9", "--steps", "2", "--seed", "4"));
        CliRun run = CliRun.of(fineTune.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("fine-tuning " + base), run.err());
        ModelBundle from = ModelBundle.read(base);
        ModelBundle to = ModelBundle.read(tuned);
        for (SDVariable v : from.network().weights()) {
            assertEquals(0.0, v.getArr().sub(to.network().graph().getVariable(v.name()).getArr()).amaxNumber()
                    .doubleValue(), 1e-6, v.name());
        }
        assertEquals(from.manifest().scaling(), to.manifest().scaling(), "the network keeps its units");
        assertEquals("euler:3", to.manifest().sampler().spec(), "the base's sampler is inherited");
        assertTrue(to.manifest().sampler().reason().contains(base + ", which this bundle was fine-tuned from"),
                to.manifest().sampler().reason());
        Map<?, ?> start = (Map<?, ?>) to.manifest().provenance().get("init");
        assertEquals(base.toString(), start.get("bundle"));
        assertEquals(FileDigest.sha256(base), start.get("sha256"));
        assertTrue(CliRun.of("model", "info", tuned.toString()).out().contains("fine-tuned:  from " + base), "info");
        // on new simulations of the same grid: the bundle records them as its training conditions
        Path other = dir.resolve("other.nc");
        NetcdfDatasetWriter.write(DiffusionTrainerTestData.synthetic(4, 6), other, i -> { });
        List<String> onOther = args(dir, dir.resolve("other.aerodiff"));
        onOther.addAll(List.of("--init", base.toString(), "--data", other.toString(), "--steps", "1"));
        CliRun otherRun = CliRun.of(onOther.toArray(String[]::new));
        assertEquals(0, otherRun.exitCode(), otherRun.err());
        assertTrue(CliRun.of("model", "info", dir.resolve("other.aerodiff").toString()).out()
                .contains("angle of attack 4.00 to 6.00 deg"), "trained on the new conditions");
        // without --config the settings are the bundle's, flags aside
        Path bare = dir.resolve("bare.aerodiff");
        CliRun bareRun = CliRun.of("train", "--init", base.toString(), "--data", other.toString(), "--steps", "1",
                "--out", bare.toString());
        assertEquals(0, bareRun.exitCode(), bareRun.err());
        Map<?, ?> recorded = settingsOf(bare);
        assertEquals("FLOW", recorded.get("objective"));
        assertEquals(4, recorded.get("batchSize"), "the bundle's batch size");
        assertEquals(0.002, ((Number) recorded.get("learningRate")).doubleValue(), 0.0);
        assertEquals(1, recorded.get("steps"), "the flag's step count");

        // its checkpoint continues only the run that started from the same bundle
        List<String> fromScratch = args(dir, tuned);
        fromScratch.addAll(List.of("--lr", "1e-9", "--steps", "2", "--seed", "4"));
        CliRun.of(fromScratch.toArray(String[]::new)).assertFailedWithOneLine(tuned + ".ckpt", "random weights",
                "--init", "--fresh");
        // the method and network output must be the bundle's
        List<String> ddpm = args(dir, dir.resolve("ddpm.aerodiff"));
        ddpm.addAll(List.of("--init", base.toString(), "--method", "ddpm"));
        CliRun.of(ddpm.toArray(String[]::new)).assertFailedWithOneLine("--init", base.toString(), "flow", "ddpm");
        List<String> missing = args(dir, dir.resolve("x.aerodiff"));
        missing.addAll(List.of("--init", dir.resolve("none.aerodiff").toString()));
        CliRun.of(missing.toArray(String[]::new)).assertFailedWithOneLine("none.aerodiff");
        // simulations on another grid: the same cells over a wider domain
        InMemoryFieldDataset synthetic = DiffusionTrainerTestData.synthetic(4, 6);
        List<FlowCase> cases = new ArrayList<>();
        for (int c = 0; c < synthetic.caseCount(); c++) {
            cases.add(synthetic.readCase(c));
        }
        Grid wider = Grid.uniform(synthetic.grid().nx(), synthetic.grid().ny(), -1, 2, -1, 1);
        Path widerData = dir.resolve("wider.nc");
        NetcdfDatasetWriter.write(new InMemoryFieldDataset(wider, cases, synthetic.metadata()), widerData, i -> { });
        List<String> onWider = args(dir, dir.resolve("wider.aerodiff"));
        onWider.addAll(List.of("--init", base.toString(), "--data", widerData.toString(), "--steps", "1"));
        CliRun.of(onWider.toArray(String[]::new)).assertFailedWithOneLine("--init", base.toString(),
                ModelBundle.read(base).grid().describe(), wider.describe());
    }

    /** Trains one step with {@code networkKey} added to the network settings; returns the bundle. */
    private static Path trainOneStepWith(Path dir, Path config, String networkKey) throws Exception {
        prepare(dir);
        Files.writeString(config, Files.readString(dir.resolve("train.json")).replace("\"steps\": 6", "\"steps\": 1")
                .replace("\"attention_levels\": []", "\"attention_levels\": [], " + networkKey));
        Path bundle = dir.resolve(config.getFileName().toString().replace(".json", ".aerodiff"));
        CliRun run = CliRun.of("train", "--config", config.toString(), "--out", bundle.toString());
        assertEquals(0, run.exitCode(), run.err());
        return bundle;
    }

    /**
     * Writes the settings of {@code base} with {@code to} for {@code from} to {@code config} and trains
     * them; train must succeed without warning of unknown keys.
     *
     * @return the bundle, named after {@code config}
     */
    private static Path trainChanged(Path base, Path config, String from, String to) throws Exception {
        Files.writeString(config, Files.readString(base).replace(from, to));
        Path bundle = config.resolveSibling(config.getFileName().toString().replace(".json", ".aerodiff"));
        CliRun run = CliRun.of("train", "--config", config.toString(), "--out", bundle.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(!run.err().contains("unknown key"), run.err());
        return bundle;
    }

    /** @return the training settings a bundle records */
    private static Map<?, ?> settingsOf(Path bundle) {
        return (Map<?, ?>) ModelBundle.read(bundle).manifest().provenance().get("config");
    }

    /** Writes {@code to} for {@code from} in the settings; train must refuse them in one line naming {@code expected}. */
    private static void assertRefusedWith(Path dir, Path config, String from, String to, String... expected)
            throws Exception {
        Files.writeString(config, Files.readString(config).replace(from, to));
        CliRun.of("train", "--config", config.toString(), "--out", dir.resolve("bad").toString())
                .assertFailedWithOneLine(expected);
    }

    /** {@code predict} with the bundle at a condition between the training data's two must succeed. */
    private static void assertPredicts(Path dir, Path bundle) {
        CliRun predict = CliRun.of("predict", "--model", bundle.toString(), "--airfoil", "naca0012", "--aoa", "6",
                "--re", "1e6", "--samples", "2", "--sampler", "euler:2", "--out", dir.resolve("e.nc").toString());
        assertEquals(0, predict.exitCode(), predict.err());
    }

    @Test
    void conditionEmbeddingTrueFitsItsPeriodsToTheTrainingConditions(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("embedded.json");
        Path bundle = trainOneStepWith(dir, config, "\"condition_embedding\": true");
        // the data hold 2 and 10 degrees at one speed: a fastest angle period of 4 x 8 degrees, and the
        // default log-speed period
        assertEquals(new ConditionEmbedding(32, 4), ModelBundle.read(bundle).manifest().network()
                .conditionEmbedding());

        assertRefusedWith(dir, config, "\"condition_embedding\": true", "\"condition_embedding\": \"yes\"",
                "--config", "condition_embedding", "angle_period_deg");
    }

    @Test
    void wallDistanceTrueFeedsTheContourToTheNetwork(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("distance.json");
        Path bundle = trainOneStepWith(dir, config, "\"wall_distance\": true");
        ModelBundle read = ModelBundle.read(bundle);
        assertEquals(7, read.manifest().network().inChannels(), "3 noisy fields + u_x, u_y, mask, distance");
        assertEquals(0.25, read.manifest().scaling().wallDistanceScale());

        // the same mask for two airfoils: only the distance channel tells them apart
        Surrogate surrogate = Surrogate.load(bundle, new AirfoilLibrary(List.of()));
        Mask mask = surrogate.mask("naca0012");
        SamplerSpec euler = SamplerSpec.parse("euler:2");
        float[] thin = surrogate.predict(new FlowCondition("naca0012", 4, 1e6, 10), mask, 1, euler, 3, i -> { })
                .samples().values();
        float[] thick = surrogate.predict(new FlowCondition("naca0018", 4, 1e6, 10), mask, 1, euler, 3, i -> { })
                .samples().values();
        double apart = 0;
        for (int k = 0; k < thin.length; k++) {
            apart = Math.max(apart, Math.abs(thin[k] - thick[k]));
        }
        assertTrue(apart > 1e-4, "the contour reaches the network: " + apart);

        assertRefusedWith(dir, config, "\"wall_distance\": true", "\"wall_distance\": \"yes\"", "--config",
                "wall_distance", "true or false");
    }

    @Test
    void nearestReferenceAndResidualGiveTheNetworkTheNearestSimulationsMoments(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("reference.json");
        Path bundle = trainOneStepWith(dir, config, "\"nearest_reference\": true");
        CliRun info = CliRun.of("model", "info", bundle.toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("nearest_std_uy") && info.out().contains("bundle format 2")
                && info.out().contains("nearest of 2 training simulations (in the bundle)\n"), info.out());
        ModelBundle read = ModelBundle.read(bundle);
        assertEquals(12, read.manifest().network().inChannels(), "3 noisy fields + u_x, u_y, mask, 6 moments");
        assertTrue(read.manifest().scaling().nearestReference());
        assertEquals(2, read.reference().orElseThrow().size(), "the moments of both training cases");
        assertPredicts(dir, bundle);

        assertRefusedWith(dir, config, "\"nearest_reference\": true", "\"nearest_reference\": 1", "--config",
                "nearest_reference", "true or false");

        // "nearest_residual": the same channels, and targets relative to the reference's mean
        Path residual = trainOneStepWith(dir, dir.resolve("residual.json"), "\"nearest_residual\": true");
        FieldScaling scaling = ModelBundle.read(residual).manifest().scaling();
        assertTrue(scaling.nearestResidual() && scaling.nearestReference() && !scaling.hasTargetRange(),
                scaling.toString());
        assertPredicts(dir, residual);
        CliRun residualInfo = CliRun.of("model", "info", residual.toString(), "--json");
        assertEquals(0, residualInfo.exitCode(), residualInfo.err());
        assertEquals(Map.of("training_cases", 2, "residual_targets", true), new ObjectMapper().convertValue(
                new ObjectMapper().readTree(residualInfo.out()).get("nearest_reference"), Map.class));
    }

    @Test
    void logitNormalTimesAreRecordedAndTrainAnotherNetwork(@TempDir Path dir) throws Exception {
        Path uniform = trainOneStepWith(dir, dir.resolve("uniform.json"), "\"base\": 8");
        Path config = dir.resolve("logit.json");
        Path logit = trainChanged(dir.resolve("uniform.json"), config, "\"seed\": 9",
                "\"seed\": 9, \"time_sampling\": \"logit-normal\"");
        assertEquals("LOGIT_NORMAL", settingsOf(logit).get("timeSampling"));
        assertEquals("UNIFORM", settingsOf(uniform).get("timeSampling"));
        CliRun info = CliRun.of("model", "info", logit.toString());
        assertTrue(info.out().contains("; training times logit-normal"), info.out());
        assertTrue(!CliRun.of("model", "info", uniform.toString()).out().contains("logit"));
        ModelBundle u = ModelBundle.read(uniform);
        ModelBundle l = ModelBundle.read(logit);
        double apart = 0;
        for (SDVariable v : u.network().weights()) {
            apart = Math.max(apart, v.getArr().sub(l.network().graph().getVariable(v.name()).getArr()).amaxNumber()
                    .doubleValue());
        }
        assertTrue(apart > 0, "other times, other weights after one step");
        assertRefusedWith(dir, config, "\"logit-normal\"", "\"normal\"", "--config", "'normal'",
                "uniform, logit-normal, low-noise or high-noise");
    }

    @Test
    void aDdpmNetworkTrainedOnTheErrorOfVRecordsItsLoss(@TempDir Path dir) throws Exception {
        Path epsilon = trainOneStepWith(dir, dir.resolve("flow.json"), "\"base\": 8");
        Path config = dir.resolve("vloss.json");
        Path bundle = trainChanged(dir.resolve("flow.json"), config, "\"method\": \"flow\"",
                "\"method\": \"ddpm\", \"output\": \"v\", \"loss\": \"v\"");
        assertEquals("V", settingsOf(bundle).get("loss"));
        assertTrue(CliRun.of("model", "info", bundle.toString()).out().contains("; loss on v"));
        assertTrue(!CliRun.of("model", "info", epsilon.toString()).out().contains("loss on"));
        assertRefusedWith(dir, config, "\"loss\": \"v\"", "\"loss\": \"x0\"", "--config",
                "ddpm network cannot be trained on the error of x0");
        assertRefusedWith(dir, config, "\"loss\": \"x0\"", "\"loss\": \"noise\"", "--config",
                "\"loss\": unknown quantity 'noise'");
    }

    @Test
    void missingDataIsAUsageMessage(@TempDir Path dir) {
        CliRun r = CliRun.of("train", "--out", dir.resolve("m.aerodiff").toString());
        assertEquals(AeroDiff.EXIT_FAILURE, r.exitCode());
        assertTrue(r.err().contains("missing --data"), r.err());
        CliRun bad = CliRun.of("train", "--data", "x.nc", "--method", "gan", "--out", "m");
        assertTrue(bad.err().contains("unknown method 'gan'"), bad.err());
        assertTrue(!new File("m.ckpt").exists());
    }

    @Test
    void settingsOutOfRangeNameTheConfiguration(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.json");
        Files.writeString(config, "{\"steps\": 0}");
        CliRun.of("train", "--config", config.toString(), "--data", "x.nc", "--out", dir.resolve("m").toString())
                .assertFailedWithOneLine("--config", "steps");
        Files.writeString(config, "{\"method\": \"flow\", \"output\": \"v\"}");
        CliRun.of("train", "--config", config.toString(), "--data", "x.nc", "--out", dir.resolve("m").toString())
                .assertFailedWithOneLine("--config", "flow network cannot output v", "velocity");
        Files.writeString(config, "{\"output\": \"noise\"}");
        CliRun.of("train", "--config", config.toString(), "--data", "x.nc", "--out", dir.resolve("m").toString())
                .assertFailedWithOneLine("--config", "\"output\"", "'noise'", "epsilon or v");
        Files.writeString(config, "{\"ema_relative_std\": 0.5}");
        CliRun.of("train", "--config", config.toString(), "--data", "x.nc", "--out", dir.resolve("m").toString())
                .assertFailedWithOneLine("--config", "\"ema_relative_std\"", "(0, 0.2886");
        Files.writeString(config, "{\"ema_decay\": 0.99, \"ema_relative_std\": 0.1}");
        CliRun.of("train", "--config", config.toString(), "--data", "x.nc", "--out", dir.resolve("m").toString())
                .assertFailedWithOneLine("--config", "\"ema_decay\" or \"ema_relative_std\", not both");
    }

    @Test
    void theHelpNamesEveryOutputOfEachMethod() {
        for (TrainingObjective objective : TrainingObjective.values()) {
            String outputs = objective.outputs().stream().map(p -> p.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(" or "));
            assertTrue(TrainingSettings.KEYS_HELP.contains(outputs + " for " + objective.id()),
                    outputs + " for " + objective.id() + " in: " + TrainingSettings.KEYS_HELP);
        }
    }
}
