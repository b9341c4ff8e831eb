package dev.aerodiff.cli;

import dev.aerodiff.cfd.ConditionList;
import dev.aerodiff.data.CaseStatistics;
import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.ForceCoefficients;
import dev.aerodiff.io.AtomicFile;
import dev.aerodiff.io.EnsembleFile;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.Ensemble;
import dev.aerodiff.surrogate.EnsemblePredictor;
import dev.aerodiff.surrogate.ModelBundle;
import dev.aerodiff.surrogate.Surrogate;
import dev.aerodiff.surrogate.TrainingConditions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code aerodiff predict}: an ensemble of flow fields for one airfoil condition, or one per
 * condition of a CSV file, drawn together in shared network batches.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predict the distribution of flow fields for one condition (or each condition of a CSV file) "
            + "with a trained surrogate and write the ensemble as NetCDF (p, ux, uy with a leading sample dimension, "
            + "plus per-pixel mean and std).")
final class PredictCommand implements Runnable {
    /** The shipped surrogate used when --model is not given. */
    static final Path DEFAULT_MODEL = Path.of("examples", "flow-matching.aerodiff");

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private AirfoilOptions airfoilOptions;

    @Option(names = "--model", split = ",", paramLabel = "BUNDLE", description = "Model bundle (default: "
            + "examples/flow-matching.aerodiff); several (repeated, or separated by commas) are sampled as an equal"
            + " mixture, each drawing its share of the ensemble.")
    private List<Path> models;

    @Mixin
    private ModelCombinationOptions combination;

    @Mixin
    private CalibrationOptions calibration;

    @Option(names = "--airfoil", description = "NACA designation (naca2412, naca23012) or NAME of"
            + " a NAME.dat in --airfoil-dir.")
    private String airfoil;

    @Option(names = "--aoa", paramLabel = "DEG", description = "Angle of attack in degrees.")
    private Double aoa;

    @Option(names = "--re", description = "Chord Reynolds number.")
    private Double reynolds;

    @Option(names = "--conditions", paramLabel = "FILE.csv", description = "Instead of --airfoil, --aoa and --re:"
            + " a CSV file with the header airfoil,aoa,reynolds; condition k (from 0) is drawn with seed S + k and"
            + " written to --out DIR as its own file.")
    private Path conditionsFile;

    @Option(names = "--samples", defaultValue = "32", description = "Ensemble size (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the draw (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--sampler", paramLabel = "SPEC", description = "Sampler, e.g. ddpm, ddim:50, euler:20,"
            + " heun:10, ode-dopri5, sde-euler:500 (default: " + Surrogate.BUNDLE_DEFAULT_SAMPLERS + ").")
    private String sampler;

    @Option(names = "--out", required = true, paramLabel = "FILE.nc", description = "Ensemble file to write (with"
            + " --conditions: a directory, one NAME_aoaA_reR.nc per condition).")
    private Path out;

    @Override
    public void run() {
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be at least 1, got " + samples);
        }
        List<ConditionList.Entry> entries = entries();
        Path shipped = ShippedFile.locate(DEFAULT_MODEL);
        if (models == null && !Files.isRegularFile(shipped)) {
            throw new IllegalArgumentException("no shipped model at " + DEFAULT_MODEL + " (here or in the checkout the"
                    + " code was built in): pass --model BUNDLE (train one with 'aerodiff train')");
        }
        List<Path> bundles = models != null ? models : List.of(shipped);
        String bundle = EvaluationOutput.modelPaths(bundles);
        EnsemblePredictor loaded = combination.load(bundles, airfoilOptions.library());
        SamplerSpec samplerSpec = calibration.sampler(sampler, loaded, spec.commandLine().getErr());
        EnsemblePredictor surrogate = calibration.apply(loaded, bundles, combination, samplerSpec, samples,
                spec.commandLine().getErr());
        List<Surrogate.Request> requests = new ArrayList<>();
        List<List<String>> outside = new ArrayList<>();
        for (ConditionList.Entry entry : entries) {
            FlowCondition condition = airfoilOptions.condition(entry.airfoil(), entry.angleOfAttackDeg(),
                    entry.reynolds());
            requests.add(new Surrogate.Request(condition, surrogate.mask(condition.airfoil()), samples,
                    seed + requests.size()));
            outside.add(surrogate.extrapolation(condition).orElse(null));
            String reasons = joined(outside.get(outside.size() - 1));
            if (!reasons.isEmpty()) {
                String hint = models == null ? stallPairHint(condition, outside.get(outside.size() - 1).size()) : "";
                spec.commandLine().getErr().printf(Locale.ROOT, "warning: %s lies outside the training conditions of"
                        + " %s, so the model extrapolates: %s%s%n", condition.label(), bundle, reasons, hint);
            }
        }
        long start = System.nanoTime();
        List<Ensemble> ensembles = surrogate.predict(requests, samplerSpec,
                new Progress(spec.commandLine().getErr(), "predict", samples * requests.size()));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (conditionsFile != null) {
            AtomicFile.createDirectories(out);
        }
        List<Map<String, Object>> summaries = new ArrayList<>();
        for (int k = 0; k < ensembles.size(); k++) {
            Path file = conditionsFile == null ? out : out.resolve(entries.get(k).id() + ".nc");
            summaries.add(write(surrogate, bundle, ensembles.get(k), outside.get(k), file, seconds));
        }
        if (!common.json && conditionsFile != null) {
            spec.commandLine().getOut().printf(Locale.ROOT, "%d conditions in %.1f s%n", summaries.size(), seconds);
        }
        if (common.json && conditionsFile == null) {
            Json.print(spec.commandLine().getOut(), summaries.get(0));
        } else if (common.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("out", out.toString());
            json.put("seconds", seconds);
            json.put("conditions", summaries);
            Json.print(spec.commandLine().getOut(), json);
        }
    }

    /** @return the conditions: the one of --airfoil, --aoa and --re, or those of --conditions */
    private List<ConditionList.Entry> entries() {
        boolean single = airfoil != null || aoa != null || reynolds != null;
        if (conditionsFile != null) {
            if (single) {
                throw new IllegalArgumentException("--conditions replaces --airfoil, --aoa and --re: give one or the"
                        + " other");
            }
            if (Files.isRegularFile(out)) {
                throw new IllegalArgumentException("--out " + out + " is a file; with --conditions it names a"
                        + " directory");
            }
            return ConditionList.read(conditionsFile);
        }
        if (airfoil == null || aoa == null || reynolds == null) {
            throw new IllegalArgumentException("give --airfoil, --aoa and --re (or --conditions FILE.csv)");
        }
        return List.of(new ConditionList.Entry(airfoil, aoa, reynolds));
    }

    /**
     * @param d the ensemble's {@link Ensemble#memberDisagreement()}
     * @return for a mixture, how much its bundles disagree, as the end of the summary line ("" for one bundle)
     */
    private static String disagreement(Ensemble e, double d) {
        if (e.members() == 1) {
            return "";
        }
        return Double.isNaN(d) ? String.format(Locale.ROOT, "; telling how much the %d bundles disagree needs at"
                + " least 2 samples from each", e.members())
                : String.format(Locale.ROOT, "; the %d bundles disagree by %.4g", e.members(), d);
    }

    /**
     * @param condition    a condition outside the training conditions of the default model
     * @param defaultMisses in how many ways it lies outside them
     * @return where the flow pair that quickstart runs beyond stall was trained on conditions nearer to it
     *         (outside them in fewer ways), a sentence naming the pair and its training conditions; else ""
     */
    private static String stallPairHint(FlowCondition condition, int defaultMisses) {
        List<Path> pair = QuickstartCommand.MODELS.get(0).stream().map(ShippedFile::locate).toList();
        if (!pair.stream().allMatch(Files::isRegularFile)) {
            return "";
        }
        TrainingConditions trained = ModelBundle.readManifest(pair.get(0)).trainingConditions();
        if (trained == null || trained.outside(condition).size() >= defaultMisses) {
            return "";
        }
        return ". The shipped stall surrogates lie nearer, trained on " + trained.describe() + ": pass --model "
                + EvaluationOutput.modelPaths(pair);
    }

    /** @return the reasons a condition lies outside the training conditions, in one line ("" for none) */
    private static String joined(List<String> outside) {
        return outside == null ? "" : String.join("; ", outside);
    }

    /**
     * Writes one ensemble and prints its summary line (unless --json).
     *
     * @param outside where its condition lies outside the training conditions, or null if the bundle
     *                does not record them
     * @param seconds wall time of the prediction (of all conditions together)
     * @return its summary
     */
    private Map<String, Object> write(EnsemblePredictor surrogate, String bundle, Ensemble e, List<String> outside,
                                      Path file, double seconds) {
        FlowCondition condition = e.samples().condition();
        String extrapolation = joined(outside);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("sampler", e.sampler());
        attributes.put("nfe", e.nfe());
        attributes.put("seed", e.seed());
        attributes.put("model", bundle);
        attributes.put("model_method", surrogate.objective().id());
        if (surrogate.members().size() > 1) {
            attributes.put("model_combination", combination.combination());
            combination.guidance().ifPresent(w -> attributes.put("model_guidance", w));
        }
        calibration.record(attributes);
        if (!extrapolation.isEmpty()) {
            attributes.put("extrapolation", extrapolation);
        }
        attributes.put("history", "aerodiff " + VersionProvider.version() + ": " + AeroDiff.invocation(spec));
        EnsembleFile.write(e.samples(), surrogate.grid(), attributes, file);

        CaseStatistics stats = CaseStatistics.of(DimensionlessNormalizer.normalize(e.samples()));
        Map<String, Object> summary = new LinkedHashMap<>();
        if (conditionsFile != null) {
            summary.put("airfoil", condition.airfoil());
            summary.put("aoa", condition.angleOfAttackDeg());
            summary.put("re", condition.reynolds());
            summary.put("seed", e.seed());
        }
        summary.put("out", file.toString());
        summary.put("samples", samples);
        summary.put("sampler", e.sampler());
        summary.put("nfe", e.nfe());
        summary.put("seconds", seconds);
        summary.put("extrapolation", outside);
        summary.put("mean_std", Json.perChannel(stats.meanStd()));
        double disagreement = e.memberDisagreement();
        summary.put("member_disagreement", Json.finiteOrNull(disagreement));
        ForceCoefficients forces = e.pressureForces(surrogate.grid());
        summary.put("pressure_lift", Map.of("mean", forces.meanLift(), "std", forces.stdLift()));
        summary.put("pressure_drag", Map.of("mean", forces.meanDrag(), "std", forces.stdDrag()));
        if (!common.json) {
            String time = conditionsFile == null ? String.format(Locale.ROOT, " in %.1f s", seconds) : "";
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d samples of %s with %s (%d network"
                    + " evaluations each)%s; mean std p %.4g, ux %.4g, uy %.4g (dimensionless)%s%n", file, samples,
                    condition.label(), e.sampler(), e.nfe(), time, stats.meanStd()[0], stats.meanStd()[1],
                    stats.meanStd()[2], disagreement(e, disagreement));
        }
        return summary;
    }
}
