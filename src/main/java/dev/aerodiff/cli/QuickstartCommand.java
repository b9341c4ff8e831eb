package dev.aerodiff.cli;

import dev.aerodiff.field.Grid;
import dev.aerodiff.io.NetcdfFieldDataset;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.EnsemblePredictor;
import dev.aerodiff.surrogate.ModelEvaluation;
import dev.aerodiff.surrogate.NearestSimulation;
import dev.aerodiff.surrogate.Surrogate;
import dev.aerodiff.surrogate.SurrogateEvaluation;
import dev.aerodiff.train.TrainingObjective;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code aerodiff quickstart}: the main job. The shipped surrogates predict the held-out test
 * conditions of the shipped data set; the ensembles are compared with the simulations in a report
 * with pictures and a metrics file.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predict the held-out test conditions of the shipped data set with the shipped "
            + "surrogates, compare the ensembles with the simulations, beside a lookup of the "
            + "nearest training simulation, and write DIR/report.md (with pictures) and "
            + "DIR/metrics.json.")
final class QuickstartCommand implements Runnable {
    /**
     * The held-out simulations: the stall test conditions, each run on five meshes, so that their
     * spread is the flow's and the mesh's (datasets/airfoil-stall-pooled/README.md).
     */
    static final Path TEST_DATA = Path.of("datasets", "airfoil-stall-pooled", "test.nc");
    /** The training simulations of the baseline, looked for beside the data. */
    static final String DEFAULT_BASELINE_DATA = "train.nc";
    /** {@code --nearest none}: no baseline. */
    static final String NO_BASELINE = "none";
    /** The shipped models of that data set: the flow-matching pair as one mixture, and the DDPM bundle. */
    static final List<List<Path>> MODELS = List.of(
            List.of(Path.of("examples", "stall-pooled-flow-seed1.aerodiff"),
                    Path.of("examples", "stall-pooled-flow-seed2.aerodiff")),
            List.of(Path.of("examples", "stall-pooled-ddpm.aerodiff")));
    /** The sampler of flow-matching models that record none and are given none. */
    static final String FLOW_SAMPLER = Surrogate.DEFAULT_FLOW_SAMPLER;
    /** The sampler of DDPM models that record none and are given none: a tenth of DDPM's 200 steps. */
    static final String DDPM_SAMPLER = "ddim:20:1";

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private AirfoilOptions airfoilOptions;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "quickstart",
            description = "Folder for report.md, its pictures and metrics.json (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--data", paramLabel = "FILE.nc", description = "Simulations to compare with (default: "
            + "datasets/airfoil-stall-pooled/test.nc, the stall test conditions run on five meshes).")
    private Path data;

    @Option(names = "--model", paramLabel = "BUNDLE[,BUNDLE...]", description = "A model bundle; repeat for several"
            + " models; bundles joined by commas are one model, their equal mixture (default:"
            + " examples/stall-pooled-flow-seed1.aerodiff,examples/stall-pooled-flow-seed2.aerodiff and"
            + " examples/stall-pooled-ddpm.aerodiff).")
    private List<String> models = new ArrayList<>();

    @Option(names = "--average", description = EvaluationOutput.AVERAGE_HELP + " Applies to every --model.")
    private boolean average;

    @Option(names = "--samples", defaultValue = "10", description = "Ensemble size per condition (default:"
            + " ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--flow-sampler", paramLabel = "SPEC", description = "Sampler of flow-matching models"
            + " (default: the sampler the bundles record, else " + FLOW_SAMPLER + ", 20 ancestral steps on the"
            + " flow's path; 'euler:20' integrates its ODE).")
    private String flowSampler;

    @Option(names = "--ddpm-sampler", paramLabel = "SPEC", description = "Sampler of DDPM models (default: the"
            + " sampler the bundles record, else " + DDPM_SAMPLER + ", 20 stochastic DDIM steps, eta 1; 'ddpm'"
            + " runs all 200 steps).")
    private String ddpmSampler;

    @Option(names = "--nearest", paramLabel = "TRAIN.nc", description = "Training simulations of the baseline"
            + " reported beside the models, which answers each condition with the snapshots of the nearest of them"
            + " (default: train.nc beside the data, where it exists on the same grid; 'none' leaves it out).")
    private String nearest;

    @Option(names = "--seed", defaultValue = "0", description = EvaluationOutput.CONDITION_SEED_HELP)
    private long seed;

    @Option(names = "--calibration", paramLabel = "FILE.json", description = "Spread calibration that 'aerodiff"
            + " calibrate' fitted for one of the models, found by the bundles' content (SHA-256) it records, or by the"
            + " model name in files that record none; that model's spread is corrected and it is reported as"
            + " NAME-calibrated; without --flow-sampler or --ddpm-sampler for its method that model samples with the"
            + " sampler the file was fitted with. Repeat for several models.")
    private List<Path> calibrationFiles = new ArrayList<>();

    /** A --calibration file, what it holds, and the model of this run it was fitted for. */
    private record Calibration(Path file, CalibrationFile content, ModelIdentity model) {
    }

    @Override
    public void run() {
        EvaluationOutput.checkEnsembleSize(samples);
        Path dataPath = data != null ? data : ShippedFile.locate(TEST_DATA);
        List<List<Path>> mixtures = models.isEmpty()
                ? MODELS.stream().map(bundles -> bundles.stream().map(ShippedFile::locate).toList()).toList()
                : models.stream().map(m -> Arrays.stream(m.split(",", -1)).map(Path::of).toList()).toList();
        for (Path bundle : mixtures.stream().flatMap(List::stream).toList()) {
            if (!Files.isRegularFile(bundle)) {
                throw new IllegalArgumentException("no model bundle at '" + bundle + "'" + (models.isEmpty()
                        ? ": the shipped models live in examples/ of the checkout" : ""));
            }
        }
        SamplerSpec flow = flowSampler != null ? SamplerSpec.parse(flowSampler) : null;
        SamplerSpec ddpm = ddpmSampler != null ? SamplerSpec.parse(ddpmSampler) : null;
        Map<String, Calibration> calibrations = calibrationsByModel(calibrationFiles.isEmpty() ? List.of()
                : mixtures.stream().map(bundles -> ModelIdentity.of(bundles,
                        names -> EvaluationOutput.combinedName(names, average))).toList());
        PrintWriter err = spec.commandLine().getErr();
        List<ModelEvaluation> evaluations = new ArrayList<>();
        StringBuilder trained = new StringBuilder();
        ModelEvaluation baseline = null;
        Path baselineData = null;
        String copied = "";
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(dataPath)) {
            for (List<Path> bundles : mixtures) {
                EnsemblePredictor surrogate = EnsemblePredictor.load(bundles, airfoilOptions.library(), average);
                String name = EvaluationOutput.modelName(bundles, average);
                Calibration calibration = calibrations.get(name);
                SamplerSpec sampler = sampler(surrogate, surrogate.objective() == TrainingObjective.DDPM ? ddpm : flow,
                        calibration, err);
                if (calibration != null) {
                    surrogate = calibration.content().applyTo(calibration.file(), surrogate, calibration.model(),
                            sampler, samples, err);
                    name += "-calibrated";
                }
                evaluations.add(EvaluationOutput.evaluate(err, name, surrogate, ds, samples, sampler, seed));
                trained.append(EvaluationOutput.provenanceLines(surrogate)).append('\n');
            }
            baselineData = baselineData(dataPath, ds.grid(), err);
            if (baselineData != null) {
                NearestSimulation nearestSimulation = EvaluationOutput.readNearest(baselineData);
                baseline = SurrogateEvaluation.evaluate(EvaluationOutput.nearestName(baselineData), nearestSimulation,
                        ds, samples, seed);
                copied = EvaluationOutput.nearestLines(baselineData, nearestSimulation, baseline);
            }
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("data", dataPath.toString());
        header.put("samples", samples);
        header.put("seed", seed);
        if (baselineData != null) {
            header.put("baseline_data", baselineData.toString());
        }
        if (!calibrationFiles.isEmpty()) {
            header.put("calibrations", calibrationFiles.stream().map(Path::toString).toList());
        }
        EvaluationOutput.write(out, "AeroDiff quickstart: surrogates against held-out simulations",
                preamble(dataPath, trained.toString(), copied), header, evaluations, baseline, common.json,
                spec.commandLine().getOut());
    }

    /**
     * @param named       the sampler the options name for the model's method, or null
     * @param calibration the model's --calibration, or null
     * @param err         where a note goes when the calibration's sampler is not the model's default
     * @return it, else the sampler the calibration was fitted with, else the sampler the model's bundles
     *         record, else this command's default for the method
     */
    private static SamplerSpec sampler(EnsemblePredictor model, SamplerSpec named, Calibration calibration,
                                       PrintWriter err) {
        if (named != null) {
            return named;
        }
        SamplerSpec own = model.recommendedSampler().orElseGet(() -> SamplerSpec.parse(
                model.objective() == TrainingObjective.DDPM ? DDPM_SAMPLER : FLOW_SAMPLER));
        return calibration == null ? own : calibration.content().samplerInsteadOf(calibration.file(), own, err);
    }

    /**
     * @param models this run's models (none where no --calibration is given)
     * @return the --calibration files by the name of the model each was fitted for ({@link CalibrationFile#isFor})
     * @throws IllegalArgumentException if one was fitted for none of the models, or two for one model
     */
    private Map<String, Calibration> calibrationsByModel(List<ModelIdentity> models) {
        Map<String, Calibration> byName = new LinkedHashMap<>();
        List<String> names = models.stream().map(ModelIdentity::name).toList();
        for (Path file : calibrationFiles) {
            CalibrationFile content = CalibrationFile.read(file);
            ModelIdentity model = models.stream().filter(content::isFor).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("--calibration " + file + " was fitted for the model "
                            + content.modelName() + (content.modelContent().isPresent() ? " (its bundles by their"
                            + " SHA-256)" : "") + ", which is not among this run's models: "
                            + String.join(", ", names)));
            Calibration earlier = byName.put(model.name(), new Calibration(file, content, model));
            if (earlier != null) {
                throw new IllegalArgumentException("--calibration " + earlier.file() + " and " + file + " are both for"
                        + " the model " + model.name() + ": give one");
            }
        }
        return byName;
    }

    /**
     * @return the training simulations of the nearest-simulation baseline: {@code --nearest}, or
     *         train.nc beside the data where it exists on the data's grid and is not the data; null
     *         for none
     */
    private Path baselineData(Path dataPath, Grid grid, PrintWriter err) {
        if (NO_BASELINE.equals(nearest)) {
            return null;
        }
        if (nearest != null) {
            return Path.of(nearest);
        }
        Path sibling = dataPath.resolveSibling(DEFAULT_BASELINE_DATA);
        if (!Files.isRegularFile(sibling) || sibling.toAbsolutePath().normalize().equals(
                dataPath.toAbsolutePath().normalize())) {
            return null;   // none, or the data itself: each condition would copy its own snapshots
        }
        try (NetcdfFieldDataset training = NetcdfFieldDataset.open(sibling)) {
            if (training.grid().equals(grid)) {
                return sibling;
            }
        }
        err.printf(Locale.ROOT, "no nearest-simulation baseline: %s is on another grid than %s%n", sibling, dataPath);
        return null;
    }

    /** @param copied which training simulations the baseline copied ({@link EvaluationOutput#nearestLines}), or "" */
    private String preamble(Path dataPath, String trained, String copied) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Every condition of `%s` predicted with %d samples per condition "
                + "(seed %d + condition index), compared with the simulation's snapshots. Models and how they "
                + "were trained:%n%n", dataPath, samples, seed));
        s.append(trained);
        if (!copied.isEmpty()) {
            s.append('\n').append(copied).append('\n');
        }
        s.append("\nCommand: `").append(AeroDiff.invocation(spec)).append("`");
        return s.toString();
    }
}
