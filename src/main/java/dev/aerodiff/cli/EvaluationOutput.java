package dev.aerodiff.cli;

import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.io.NetcdfFieldDataset;
import dev.aerodiff.metrics.SnapshotFloor;
import dev.aerodiff.report.EvaluationReport;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.BundleManifest;
import dev.aerodiff.surrogate.CaseEvaluation;
import dev.aerodiff.surrogate.EnsemblePredictor;
import dev.aerodiff.surrogate.ModelEvaluation;
import dev.aerodiff.surrogate.NearestSimulation;
import dev.aerodiff.surrogate.SurrogateEvaluation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** What the commands that evaluate surrogates against simulations write: report, metrics.json, summary. */
final class EvaluationOutput {
    private EvaluationOutput() {
    }

    /**
     * Checks a command's {@code --samples} before any work: an ensemble's spread needs two samples.
     *
     * @throws IllegalArgumentException naming the option where {@code samples < 2}
     */
    static void checkEnsembleSize(int samples) {
        if (samples < 2) {
            throw new IllegalArgumentException("--samples must be at least 2 to compare an ensemble's spread with the"
                    + " simulations', got " + samples);
        }
    }

    /** @return the bundle's file name without extension */
    static String modelName(Path bundle) {
        String file = bundle.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** Help of the {@code --average} option of the commands that sample bundles. */
    static final String AVERAGE_HELP = "With several bundles (seeds of one recipe, trained on one data set): average"
            + " their networks' predictions at every sampler step, as one model that evaluates every network per step,"
            + " instead of mixing their samples.";

    /** Help of the {@code --model} option of the commands that evaluate a model on every condition of a data set. */
    static final String MODELS_HELP = "Model bundle; several (repeated, or separated by commas) are sampled as an equal"
            + " mixture, each drawing its share of every ensemble.";

    /** Help of the {@code --seed} option of the commands that draw one ensemble per condition of a data set. */
    static final String CONDITION_SEED_HELP = "Seed of the first condition; condition c uses seed + c (default:"
            + " ${DEFAULT-VALUE}).";

    /**
     * @return the bundles' names ({@link #modelName(Path)}) joined by "+", as a mixture of them is called, with
     *         "averaged-" before the name of several averaged bundles
     */
    static String modelName(List<Path> bundles, boolean average) {
        return combinedName(bundles.stream().map(EvaluationOutput::modelName).toList(), average);
    }

    /** @return the bundles' names joined by "+", after "averaged-" where several are averaged */
    static String combinedName(List<String> bundleNames, boolean average) {
        return (average && bundleNames.size() > 1 ? "averaged-" : "") + String.join("+", bundleNames);
    }

    /** @return the bundles' paths joined by commas, as {@code --model} takes them and JSON records them */
    static String modelPaths(List<Path> bundles) {
        return String.join(",", bundles.stream().map(Path::toString).toList());
    }

    /**
     * Says on {@code err} what is about to be sampled, then predicts every condition of {@code ds} with
     * progress on {@code err} ({@link SurrogateEvaluation#evaluate}).
     */
    static ModelEvaluation evaluate(PrintWriter err, String name, EnsemblePredictor model, NetcdfFieldDataset ds,
                                    int samples, SamplerSpec sampler, long seed) {
        err.printf(Locale.ROOT, "%s (%s, %s): %d conditions x %d samples%n", name, model.objective().id(), sampler,
                ds.caseCount(), samples);
        err.flush();
        return SurrogateEvaluation.evaluate(name, model, ds, samples, sampler, seed,
                new Progress(err, name, ds.caseCount()));
    }

    /** @return the name of the nearest-simulation baseline of these training simulations */
    static String nearestName(Path training) {
        return "nearest-" + modelName(training);
    }

    /** @return the nearest-simulation baseline of the training simulations in that file */
    static NearestSimulation readNearest(Path training) {
        try (NetcdfFieldDataset data = NetcdfFieldDataset.open(training)) {
            return NearestSimulation.of(data);
        }
    }

    /**
     * @param evaluation the baseline's evaluation (its cases hold each condition and mask)
     * @return a Markdown paragraph and list: for each condition, which simulations of {@code training}
     *         the nearest-simulation baseline copied
     */
    static String nearestLines(Path training, NearestSimulation baseline, ModelEvaluation evaluation) {
        StringBuilder md = new StringBuilder("The nearest-simulation baseline copied the snapshots of `" + training
                + "`:");
        for (CaseEvaluation e : evaluation.cases()) {
            FlowCondition condition = e.reference().condition();
            md.append(String.format(Locale.ROOT, "%n- %s: %s", condition.label(), String.join("; ",
                    baseline.nearest(condition, e.reference().mask()).stream().map(FlowCondition::label).toList())));
        }
        return md.toString();
    }

    /** @return one {@link #provenanceLine} per bundle that the predictor samples, one per line */
    static String provenanceLines(EnsemblePredictor predictor) {
        return String.join("\n", predictor.members().stream().map(m -> provenanceLine(m.path(), m.manifest()))
                .toList());
    }

    /**
     * @return a Markdown list item saying how a bundle was trained, from its provenance, and the
     *         sampler it records
     */
    static String provenanceLine(Path bundle, BundleManifest manifest) {
        Map<String, Object> p = manifest.provenance();
        Object seconds = p.get("wall_seconds_this_run");
        return String.format(Locale.ROOT, "- `%s` (%s): `%s`, %s steps%s, AeroDiff %s%s", bundle, manifest.method(),
                p.getOrDefault("command", "unknown command"), p.getOrDefault("steps", "?"),
                seconds instanceof Number n ? String.format(Locale.ROOT, ", %.0f min", n.doubleValue() / 60) : "",
                manifest.aerodiffVersion(), manifest.sampler() == null ? ""
                        : "; it records the sampler `" + manifest.sampler().spec() + "`");
    }

    /**
     * Writes {@code dir/report.md} with pictures and {@code dir/metrics.json} (the header keys,
     * then {@code "models"}, then {@code "baseline"} if there is one), and prints the metrics as
     * JSON or a table on standard output.
     *
     * @param baseline the nearest-simulation baseline on the same conditions, or null
     */
    static void write(Path dir, String title, String preamble, Map<String, Object> header,
                      List<ModelEvaluation> evaluations, ModelEvaluation baseline, boolean json, PrintWriter out) {
        Path report = EvaluationReport.write(dir, title, preamble, evaluations, baseline);
        Map<String, Object> metrics = new LinkedHashMap<>(header);
        metrics.put("units", "dimensionless: (p - fluid mean)/U^2, u/U; fluid cells only");
        metrics.put("models", evaluations.stream().map(EvaluationJson::model).toList());
        if (baseline != null) {
            metrics.put("baseline", EvaluationJson.model(baseline));
        }
        Path metricsFile = dir.resolve("metrics.json");
        Json.write(metricsFile, metrics);
        if (json) {
            Json.print(out, metrics);
            return;
        }
        List<ModelEvaluation> rows = baseline == null ? evaluations
                : Stream.concat(evaluations.stream(), Stream.of(baseline)).toList();
        String name = leftAligned(rows, ModelEvaluation::name, 20);
        String sampler = leftAligned(rows, ModelEvaluation::sampler, 11);
        out.printf(Locale.ROOT, name + " %-7s " + sampler + " %4s %13s %13s %13s %13s %21s %10s %15s%n", "model",
                "method", "sampler", "NFE", "error_mean", "error_std", "sim. spread", "pred. spread",
                "split-half mean/std", "drag W1", "errors / spread");
        for (ModelEvaluation m : rows) {
            out.printf(Locale.ROOT, name + " %-7s " + sampler + " %4d %13.4g %13.4g %13.4g %13.4g %21s %10.4g %15s%n",
                    m.name(), m.method(), m.sampler(), m.nfe(), m.errorOfMean(), m.errorOfStd(), m.referenceMeanStd(),
                    m.predictedMeanStd(), SnapshotFloor.describe(m.floor()), m.dragW1(),
                    String.format(Locale.ROOT, "%.3g / %.3g", m.errorOfMeanOverSpread(), m.errorOfStdOverSpread()));
        }
        out.printf(Locale.ROOT, "wrote %s and %s%n", report, metricsFile);
    }

    /** @return a left-aligned format for a table column as wide as its longest entry, at least {@code min} */
    private static String leftAligned(List<ModelEvaluation> rows, Function<ModelEvaluation, String> column, int min) {
        return "%-" + rows.stream().mapToInt(m -> column.apply(m).length()).reduce(min, Math::max) + "s";
    }
}
