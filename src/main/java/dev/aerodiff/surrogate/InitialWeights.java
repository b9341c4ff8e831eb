package dev.aerodiff.surrogate;

import dev.aerodiff.field.Grid;
import dev.aerodiff.io.DataFileException;
import dev.aerodiff.io.FileDigest;
import dev.aerodiff.train.DiffusionTrainer;
import dev.aerodiff.train.StartingPoint;
import dev.aerodiff.train.TrainerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The trained bundle that a fine-tuning run starts from ({@code train --init}): its averaged
 * weights, and with them its network and the field scaling they were trained in, which the run
 * keeps. The run's settings must therefore be of the same objective and network output, and its
 * data on the same grid; everything else (data, steps, learning rate, loss, training times, seed)
 * is the run's own, by default the bundle's recorded ones ({@link #recordedSettings}).
 */
public final class InitialWeights {
    private final Path file;
    private final ModelBundle bundle;
    private final StartingPoint startingPoint;

    private InitialWeights(Path file, ModelBundle bundle, StartingPoint startingPoint) {
        this.file = file;
        this.bundle = bundle;
        this.startingPoint = startingPoint;
    }

    /**
     * @param file a model bundle
     * @return its weights, ready to start a run from
     * @throws DataFileException for a missing or unreadable bundle
     */
    public static InitialWeights read(Path file) {
        ModelBundle bundle = ModelBundle.read(file);
        return new InitialWeights(file, bundle, new StartingPoint(file.toString(), FileDigest.sha256(file)));
    }

    /**
     * @param point     where a recorded run started
     * @param forBundle the bundle that records it (named in the errors)
     * @return the weights it started from, read from the recorded file
     * @throws DataFileException where that file is missing or is not the one the run started from
     */
    public static InitialWeights recorded(StartingPoint point, Path forBundle) {
        Path file = Path.of(point.bundle());
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, "no such model bundle; " + forBundle + " was fine-tuned from it"
                    + " (SHA-256 " + point.sha256() + ")");
        }
        String hash = FileDigest.sha256(file);
        if (!hash.equals(point.sha256())) {
            throw new DataFileException(file, "SHA-256 " + hash + ", but " + forBundle
                    + " was fine-tuned from a bundle with " + point.sha256());
        }
        return new InitialWeights(file, ModelBundle.read(file), new StartingPoint(file.toString(), hash));
    }

    /**
     * @return the settings the bundle was trained with, which a fine-tuning run takes where its own
     *     settings do not say otherwise; null for a bundle that records none
     * @throws DataFileException where the recorded settings cannot be read
     */
    public TrainerConfig recordedSettings() {
        return TrainingReplay.recordedSettings(file, bundle.manifest().provenance());
    }

    /**
     * @param command the command of the fine-tuning run
     * @param version the AeroDiff version of it
     * @return the sampler the starting bundle records, to be recorded in the fine-tuned one with a
     *     reason that says where it comes from; null where the starting bundle records none
     */
    public RecommendedSampler inheritedSampler(String command, String version) {
        RecommendedSampler chosen = bundle.manifest().sampler();
        return chosen == null ? null : new RecommendedSampler(chosen.spec(), "the sampler of " + file
                + ", which this bundle was fine-tuned from, chosen for that bundle: " + chosen.reason(), command,
                version, Instant.now().toString());
    }

    /** @return the bundle and its SHA-256, as the run records them */
    public StartingPoint startingPoint() {
        return startingPoint;
    }

    /**
     * @param config settings of the run
     * @return them with the bundle's network (whose weights the run takes)
     * @throws IllegalArgumentException naming the bundle where the objective, the network output or
     *                                  the targets differ from the bundle's
     */
    public TrainerConfig settingsFor(TrainerConfig config) {
        BundleManifest m = bundle.manifest();
        String output = config.output().name();
        if (!config.objective().id().equals(m.method()) || !output.equals(m.parameterization())) {
            throw new IllegalArgumentException("--init " + file + " is a " + m.method() + " network that outputs "
                    + m.parameterization().toLowerCase(Locale.ROOT) + "; the settings train a "
                    + config.objective().id() + " network that outputs " + output.toLowerCase(Locale.ROOT));
        }
        if (config.nearestResidual() != m.scaling().nearestResidual()) {
            throw new IllegalArgumentException("--init " + file + (m.scaling().nearestResidual()
                    ? " predicts the fields minus the nearest training simulations' mean; the settings say the fields"
                    : " predicts the fields; the settings say the fields minus the nearest training simulations' mean")
                    + " (\"nearest_residual\")");
        }
        return config.withNetwork(m.network());
    }

    /**
     * @param config settings of the run (with any network: the bundle's is taken)
     * @param grid   the grid of the training data
     * @return a trainer at step 0 with the bundle's weights and field scaling
     * @throws IllegalArgumentException where the settings or the grid do not fit the bundle
     */
    public DiffusionTrainer trainer(TrainerConfig config, Grid grid) {
        if (!grid.equals(bundle.grid())) {
            throw new IllegalArgumentException("--init " + file + " was trained on the grid " + bundle.grid().describe()
                    + ", the training data are on " + grid.describe());
        }
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (SDVariable v : bundle.network().weights()) {
            weights.put(v.name(), v.getArr());
        }
        return DiffusionTrainer.fineTuning(settingsFor(config), grid.nx(), bundle.manifest().scaling(), weights,
                startingPoint);
    }
}
