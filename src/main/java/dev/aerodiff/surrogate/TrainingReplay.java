package dev.aerodiff.surrogate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.data.NearestReference;
import dev.aerodiff.io.DataFileException;
import dev.aerodiff.io.FileDigest;
import dev.aerodiff.io.NetcdfFieldDataset;
import dev.aerodiff.train.DiffusionTrainer;
import dev.aerodiff.train.StartingPoint;
import dev.aerodiff.train.TrainerConfig;
import dev.aerodiff.train.TrainingData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Runs again the training that a bundle records (its settings, seed and data) and compares the
 * mean loss of each block of steps with the one the bundle recorded. Every random draw of a step
 * derives from the seed and the step, so the same code on the same data, with as many native threads
 * (which set the order of the sums), repeats the losses to the last digit; a change in the training
 * code, the data or the recipe shows as a difference from the first block on. A run of all the steps
 * also compares the averaged weights with the bundle's.
 *
 * <p>The learning-rate schedule runs over the recorded number of steps, so a replay of the first
 * few hundred steps is the start of the same run, not a shorter one. A fine-tuned run is replayed
 * from the bundle it started from, which must be where it was and have the recorded SHA-256.
 */
public final class TrainingReplay {
    /** The provenance key of the bundle a fine-tuned run started from ({@link StartingPoint}). */
    public static final String INIT = "init";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One block of steps.
     *
     * @param endStep  the step that ends it
     * @param recorded its mean loss as the bundle recorded it
     * @param replayed its mean loss in the replay
     */
    public record Block(int endStep, double recorded, double replayed) {
        /** @return |replayed - recorded| / |recorded| */
        public double relativeDifference() {
            return Math.abs(replayed - recorded) / Math.abs(recorded);
        }
    }

    /**
     * @param config           the recorded settings
     * @param blocks           the blocks compared, in order
     * @param weightDifference the largest absolute difference between the replay's averaged weights
     *                         and the bundle's, where all the recorded steps were replayed
     */
    public record Result(TrainerConfig config, List<Block> blocks, OptionalDouble weightDifference) {
        /** @return steps of the recorded run */
        public int recordedSteps() {
            return config.steps();
        }

        /** @return steps replayed */
        public int replayedSteps() {
            return blocks.isEmpty() ? 0 : blocks.get(blocks.size() - 1).endStep();
        }

        /** @return the largest relative difference of a block's mean loss */
        public double largestRelativeDifference() {
            return blocks.stream().mapToDouble(Block::relativeDifference).max().orElse(0);
        }
    }

    private final Path bundle;
    private final BundleManifest manifest;
    private final TrainerConfig config;
    private final int every;
    private final List<Double> recordedMeans;
    private final StartingPoint startingPoint;

    private TrainingReplay(Path bundle, BundleManifest manifest, TrainerConfig config, int every,
                           List<Double> recordedMeans, StartingPoint startingPoint) {
        this.bundle = bundle;
        this.manifest = manifest;
        this.config = config;
        this.every = every;
        this.recordedMeans = recordedMeans;
        this.startingPoint = startingPoint;
    }

    /**
     * @param bundle a bundle written by {@code aerodiff train}
     * @return its recorded run, ready to replay
     * @throws DataFileException where the bundle records no settings or no loss of whole blocks from step 0
     */
    public static TrainingReplay of(Path bundle) {
        BundleManifest m = ModelBundle.readManifest(bundle);
        Map<String, Object> p = m.provenance() == null ? Map.of() : m.provenance();
        TrainerConfig config = recordedSettings(bundle, p);
        if (config == null) {
            throw new DataFileException(bundle, "records no training settings (provenance.config): it cannot be"
                    + " trained again from its manifest");
        }
        if (!(p.get("training_loss") instanceof Map<?, ?> losses) || !(losses.get("mean") instanceof List<?> means)
                || means.isEmpty()) {
            throw new DataFileException(bundle, "records no training loss per block of steps"
                    + " (provenance.training_loss): there is nothing to compare a replay with");
        }
        if (!(losses.get("first_step") instanceof Number first) || first.intValue() != 0) {
            throw new DataFileException(bundle, "its loss record starts at step " + losses.get("first_step")
                    + " (the run resumed from a checkpoint that kept none), not at step 0");
        }
        if (!(losses.get("every") instanceof Number every) || every.intValue() < 1
                || !means.stream().allMatch(v -> v instanceof Number)) {
            throw new DataFileException(bundle, "provenance.training_loss needs \"every\" >= 1 and numbers in"
                    + " \"mean\", got " + losses);
        }
        List<Double> recorded = means.stream().map(v -> ((Number) v).doubleValue()).toList();
        StartingPoint start;
        try {
            start = p.get(INIT) == null ? null : JSON.convertValue(p.get(INIT), StartingPoint.class);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(bundle, "provenance." + INIT + " does not name a bundle and its SHA-256: "
                    + e.getMessage(), e);
        }
        return new TrainingReplay(bundle, m, config, every.intValue(), recorded, start);
    }

    /**
     * @param bundle     the bundle (named in the error)
     * @param provenance its manifest's provenance
     * @return the training settings it records, or null where it records none
     * @throws DataFileException where {@code provenance.config} is not a set of training settings
     */
    static TrainerConfig recordedSettings(Path bundle, Map<String, Object> provenance) {
        if (provenance == null || !(provenance.get("config") instanceof Map<?, ?> settings)) {
            return null;
        }
        try {
            return JSON.convertValue(settings, TrainerConfig.class);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(bundle, "provenance.config is not a set of training settings: "
                    + e.getMessage(), e);
        }
    }

    /** @return the recorded settings */
    public TrainerConfig config() {
        return config;
    }

    /** @return steps per recorded block */
    public int every() {
        return every;
    }

    /** @return the steps whose block means the bundle recorded */
    public int recordedBlockSteps() {
        return every * recordedMeans.size();
    }

    /** @return the native threads of the recorded run, where the bundle records them */
    public OptionalInt recordedThreads() {
        return manifest.provenance().get("native_threads") instanceof Number n ? OptionalInt.of(n.intValue())
                : OptionalInt.empty();
    }

    /** @return the training data the bundle names (as the run was given it) */
    public Path recordedData() {
        Object data = manifest.provenance().get("data");
        return data == null ? null : Path.of(data.toString());
    }

    /**
     * Checks a replay's arguments before any training.
     *
     * @param data      the training data; its SHA-256 must be the recorded one unless otherData
     * @param steps     a whole number of recorded blocks
     * @param otherData whether data with another SHA-256 than the recorded one is accepted (e.g. a
     *                  regenerated file that differs only in its history attribute)
     * @return whether the data's SHA-256 is the recorded one (true where none is recorded)
     * @throws IllegalArgumentException for a step count that is not a whole number of recorded blocks
     * @throws DataFileException        for a missing file or, unless accepted, data other than the recorded,
     *                                  or a fine-tuned run whose starting bundle is missing or changed
     */
    public boolean check(Path data, int steps, boolean otherData) {
        boolean asRecorded = checkStepsAndData(data, steps, otherData);
        if (startingPoint != null) {
            InitialWeights.recorded(startingPoint, bundle);
        }
        return asRecorded;
    }

    /** {@link #check} without the starting bundle, which {@link #replay} reads once for both. */
    private boolean checkStepsAndData(Path data, int steps, boolean otherData) {
        if (steps < every || steps % every != 0 || steps > recordedBlockSteps()) {
            throw new IllegalArgumentException("--steps: expected a multiple of " + every + " from " + every + " to "
                    + recordedBlockSteps() + " (the blocks " + bundle + " recorded), got " + steps);
        }
        Object recordedHash = manifest.provenance().get("data_sha256");
        if (!Files.isRegularFile(data)) {
            throw new DataFileException(data, "no such training data file; pass --data with the file "
                    + bundle + " was trained on" + (recordedHash == null ? "" : " (SHA-256 " + recordedHash + ")"));
        }
        String hash = FileDigest.sha256(data);
        if (!otherData && recordedHash != null && !recordedHash.equals(hash)) {
            throw new DataFileException(data, "SHA-256 " + hash + ", but " + bundle + " was trained on data with "
                    + recordedHash + " (" + recordedData() + "); --other-data replays on it all the same");
        }
        return recordedHash == null || recordedHash.equals(hash);
    }

    /**
     * Trains again from the recorded settings for the first {@code steps} steps.
     *
     * @param data   the training data
     * @param steps  a whole number of blocks, at most the recorded ones; the recorded run's steps
     *               replay it all and compare the weights as well
     * @param otherData whether data with another SHA-256 than the recorded one is accepted
     * @param onStep called with the index of each finished step
     * @return the comparison
     * @throws IllegalArgumentException for a step count that is not a whole number of recorded blocks
     * @throws DataFileException        for a missing file or, unless accepted, data other than the recorded
     */
    public Result replay(Path data, int steps, boolean otherData, IntConsumer onStep) {
        checkStepsAndData(data, steps, otherData);
        InitialWeights start = startingPoint == null ? null : InitialWeights.recorded(startingPoint, bundle);
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(data)) {
            DiffusionTrainer trainer = start == null
                    ? DiffusionTrainer.create(config, ds.grid().nx(), config.scalingFor(ds))
                    : start.trainer(config, ds.grid());
            FieldScaling scaling = trainer.scaling();
            TrainingData samples = TrainingData.forTraining(ds, scaling,
                    scaling.nearestReference() ? NearestReference.of(ds) : null);
            List<Block> blocks = new ArrayList<>();
            double blockSum = 0;
            for (int s = 0; s < steps; s++) {
                blockSum += trainer.step(samples);
                onStep.accept(s);
                if ((s + 1) % every == 0) {     // summed and divided as LossHistory does
                    blocks.add(new Block(s + 1, recordedMeans.get(blocks.size()), blockSum / every));
                    blockSum = 0;
                }
            }
            OptionalDouble weights = steps == config.steps()
                    ? OptionalDouble.of(largestWeightDifference(trainer.emaWeights())) : OptionalDouble.empty();
            return new Result(config, blocks, weights);
        }
    }

    private double largestWeightDifference(Map<String, INDArray> replayed) {
        double largest = 0;
        for (SDVariable v : ModelBundle.read(bundle).network().weights()) {
            INDArray difference = Transforms.abs(v.getArr().sub(replayed.get(v.name())), false);
            largest = Math.max(largest, difference.maxNumber().doubleValue());
        }
        return largest;
    }
}
