package dev.aerodiff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aerodiff.data.NearestReference;
import dev.aerodiff.io.FileDigest;
import dev.aerodiff.io.NetcdfFieldDataset;
import dev.aerodiff.surrogate.InitialWeights;
import dev.aerodiff.surrogate.ModelBundle;
import dev.aerodiff.surrogate.TrainingConditions;
import dev.aerodiff.surrogate.TrainingReplay;
import dev.aerodiff.train.DiffusionTrainer;
import dev.aerodiff.train.LossHistory;
import dev.aerodiff.train.StartingPoint;
import dev.aerodiff.train.TrainerConfig;
import dev.aerodiff.train.TrainingCheckpoint;
import dev.aerodiff.train.TrainingData;
import dev.aerodiff.train.TrainingObjective;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aerodiff train}: DDPM or flow-matching training of the U-Net surrogate, resumable. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a conditional U-Net surrogate (DDPM or flow matching) on a NetCDF data set and write a "
            + "model bundle. Settings come from --config (JSON) with flags overriding single fields. A checkpoint "
            + "(optimizer state included) is written every --checkpoint-every steps; running the same command again "
            + "resumes from it exactly. The progress shows the loss of the last steps; the bundle records the mean loss "
            + "of every 100 steps (model info shows it).")
final class TrainCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--config", paramLabel = "FILE.json", description = "Training settings ("
            + TrainingSettings.KEYS_HELP + ").")
    private Path configFile;

    @Option(names = "--data", paramLabel = "FILE.nc", description = "Training data set.")
    private Path data;

    @Option(names = "--method", description = "ddpm or flow (default: ddpm).")
    private String method;

    @Option(names = "--steps", description = "Optimizer steps.")
    private Integer steps;

    @Option(names = "--batch", description = "Samples per step.")
    private Integer batch;

    @Option(names = "--lr", description = "Peak learning rate.")
    private Double learningRate;

    @Option(names = "--seed", description = "Seed of all randomness.")
    private Long seed;

    @Option(names = "--out", paramLabel = "BUNDLE", description = "Model bundle to write.")
    private Path out;

    @Option(names = "--init", paramLabel = "BUNDLE", description = "Fine-tune: start from this bundle's averaged"
            + " weights instead of random ones, keeping its network and field scaling (the method and network output"
            + " must be its own, the data on its grid); settings not given take the values it was trained with. The"
            + " optimizer starts afresh and its learning-rate schedule runs over --steps. The bundle written records"
            + " this one and its SHA-256, and the sampler this one records, if any.")
    private Path init;

    @Option(names = "--checkpoint-every", description = "Steps between checkpoints (default: 200).")
    private Integer checkpointEvery;

    @Option(names = "--fresh", description = "Ignore an existing checkpoint and start over.")
    private boolean fresh;

    @Override
    public void run() {
        JsonNode json = TrainingSettings.read(configFile, spec.commandLine().getErr());
        Path dataPath = data != null ? data : TrainingSettings.path(json, "data");
        Path bundle = out != null ? out : TrainingSettings.path(json, "out");
        PrintWriter err = spec.commandLine().getErr();
        Path initPath = init != null ? init : json.hasNonNull("init") ? TrainingSettings.path(json, "init") : null;
        InitialWeights initial = initPath == null ? null : InitialWeights.read(initPath);
        TrainerConfig config = TrainingSettings.config(json, initial == null ? null : initial.recordedSettings(),
                method, steps, batch, learningRate, seed, TrainingSettings.conditionsOf(dataPath));
        if (initial != null) {
            TrainerConfig tuned = initial.settingsFor(config);
            if (json.has("network") && !tuned.network().equals(config.network())) {
                err.println("aerodiff: warning: the network of " + initPath + " (" + tuned.network() + ") is trained"
                        + " on; the \"network\" settings of --config (" + config.network() + ") are not used");
            }
            config = tuned;
        }
        TrainingObjective objective = config.objective();
        int every = checkpointEvery != null ? checkpointEvery : json.path("checkpoint_every").asInt(200);
        Path checkpoint = Path.of(bundle + ".ckpt");
        long start = System.nanoTime();
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(dataPath)) {
            DiffusionTrainer trainer;
            if (!fresh && Files.isRegularFile(checkpoint)) {
                trainer = TrainingCheckpoint.load(checkpoint);
                if (!trainer.config().equals(config)) {
                    throw new IllegalArgumentException("checkpoint " + checkpoint + " was made with other settings ("
                            + trainer.config() + "); pass --fresh to start over");
                }
                checkSameStart(checkpoint, trainer.startingPoint(), initial == null ? null : initial.startingPoint());
                err.printf(Locale.ROOT, "resuming from %s at step %d%n", checkpoint, trainer.completedSteps());
            } else if (initial != null) {
                trainer = initial.trainer(config, ds.grid());
                err.printf(Locale.ROOT, "fine-tuning %s (SHA-256 %s)%n", initPath, initial.startingPoint().sha256());
            } else {
                trainer = DiffusionTrainer.create(config, ds.grid().nx(), config.scalingFor(ds));
            }
            NearestReference reference = trainer.scaling().nearestReference() ? NearestReference.of(ds) : null;
            TrainingData samples = TrainingData.forTraining(ds, trainer.scaling(), reference);
            err.printf(Locale.ROOT, "%s on %d samples (%d cases), %dx%d, %s%n", objective.id(), samples.count(),
                    ds.caseCount(), ds.grid().nx(), ds.grid().ny(), config.network());
            err.flush();
            LossHistory losses = trainer.lossHistory();
            Progress progress = new Progress(err, "train", config.steps(), trainer.completedSteps(),
                    () -> String.format(Locale.ROOT, "loss %.4f", losses.recentMean()));
            while (trainer.completedSteps() < config.steps()) {
                trainer.step(samples);
                int done = trainer.completedSteps();
                progress.accept(done - 1);
                if (done % every == 0 || done == config.steps()) {
                    TrainingCheckpoint.save(trainer, checkpoint);
                    err.printf(Locale.ROOT, "step %d: loss %.5f (mean of the last %d steps), checkpoint %s%n", done,
                            losses.recentMean(), losses.recentSteps(), checkpoint);
                    err.flush();
                }
            }
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("data", dataPath.toString());
            provenance.put("data_sha256", FileDigest.sha256(dataPath));
            provenance.put("command", AeroDiff.invocation(spec));
            provenance.put("config", config);
            if (trainer.startingPoint() != null) {
                provenance.put(TrainingReplay.INIT, trainer.startingPoint());
            }
            provenance.put("steps", trainer.completedSteps());
            // the order of the native sums, hence the last digits of every step (model reproduce)
            provenance.put("native_threads", Nd4j.getEnvironment().maxThreads());
            provenance.put("wall_seconds_this_run", (System.nanoTime() - start) / 1e9);
            Map<String, Object> lossRecord = lossRecord(losses);
            provenance.put("training_loss", lossRecord);
            provenance.put("written", Instant.now().toString());
            ModelBundle.write(trainer, ds.grid(), TrainingConditions.of(ds.conditions()), reference,
                    VersionProvider.version(), provenance, initial == null ? null
                            : initial.inheritedSampler(AeroDiff.invocation(spec), VersionProvider.version()), bundle);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("bundle", bundle.toString());
            summary.put("method", objective.id());
            summary.put("steps", trainer.completedSteps());
            summary.put("parameters", trainer.engine().parameterCount());
            if (lossRecord.containsKey("final_mean")) {
                summary.put("final_loss", lossRecord.get("final_mean"));
            }
            summary.put("wall_seconds", (System.nanoTime() - start) / 1e9);
            if (common.json) {
                Json.print(spec.commandLine().getOut(), summary);
            } else {
                spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s after %d steps%n", bundle,
                        trainer.completedSteps());
            }
        }
    }

    /**
     * @throws IllegalArgumentException where the checkpoint's run started from other weights than
     *                                  this command asks for (compared by SHA-256)
     */
    private static void checkSameStart(Path checkpoint, StartingPoint started, StartingPoint asked) {
        String was = started == null ? null : started.sha256();
        String is = asked == null ? null : asked.sha256();
        if (!Objects.equals(was, is)) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " continues a run that started from "
                    + (started == null ? "random weights" : started.bundle() + " (SHA-256 " + was + ")") + ", not from "
                    + (asked == null ? "random weights" : asked.bundle() + " (SHA-256 " + is + ")")
                    + "; give the same --init, or pass --fresh to start over");
        }
    }

    /** @return the loss record as the bundle's provenance keeps it */
    private static Map<String, Object> lossRecord(LossHistory losses) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("every", losses.every());
        record.put("first_step", losses.firstStep());
        record.put("mean", losses.blockMeans());
        if (losses.recentSteps() > 0) {     // none where an old checkpoint without a record had finished
            record.put("final_mean", losses.recentMean());
            record.put("final_steps", losses.recentSteps());
        }
        return record;
    }
}
