package dev.aerodiff.cli;

import dev.aerodiff.io.AtomicFile;
import dev.aerodiff.io.NetcdfFieldDataset;
import dev.aerodiff.report.EvaluationReport;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.CaseEvaluation;
import dev.aerodiff.surrogate.ModelEvaluation;
import dev.aerodiff.surrogate.Surrogate;
import dev.aerodiff.surrogate.SurrogateEvaluation;
import java.io.PrintWriter;
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
 * {@code aerodiff quickstart}: the main job. The shipped surrogates predict the held-out test
 * conditions of the shipped data set; the ensembles are compared with the simulations in a report
 * with pictures and a metrics file.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict the held-out test conditions of the shipped data set with the shipped surrogates,",
            "compare the ensembles with the simulations and write DIR/report.md (with pictures) and DIR/metrics.json."})
final class QuickstartCommand implements Runnable {
    static final Path TEST_DATA = Path.of("datasets", "airfoil-rans", "test.nc");
    static final List<Path> MODELS = List.of(PredictCommand.DEFAULT_MODEL, Path.of("examples", "ddpm.aerodiff"));

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
            + "datasets/airfoil-rans/test.nc).")
    private Path data;

    @Option(names = "--model", paramLabel = "BUNDLE", description = "A model bundle; repeat for several (default:"
            + " examples/flow-matching.aerodiff and examples/ddpm.aerodiff).")
    private List<Path> models = new ArrayList<>();

    @Option(names = "--samples", defaultValue = "10", description = "Ensemble size per condition (default:"
            + " ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--flow-sampler", paramLabel = "SPEC", defaultValue = "euler:20",
            description = "Sampler of flow-matching models (default: ${DEFAULT-VALUE}).")
    private String flowSampler;

    @Option(names = "--ddpm-sampler", paramLabel = "SPEC", defaultValue = "ddim:20",
            description = "Sampler of DDPM models (default: ${DEFAULT-VALUE}; 'ddpm' runs all 200 steps).")
    private String ddpmSampler;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the first condition; condition c uses"
            + " seed + c (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public void run() {
        Path dataPath = data != null ? data : TEST_DATA;
        List<Path> bundles = models.isEmpty() ? MODELS : models;
        for (Path bundle : bundles) {
            if (!Files.isRegularFile(bundle)) {
                throw new IllegalArgumentException("no model bundle at " + bundle + (models.isEmpty()
                        ? ": the shipped models live in examples/ (run from the repository root)" : ""));
            }
        }
        SamplerSpec flow = SamplerSpec.parse(flowSampler);
        SamplerSpec ddpm = SamplerSpec.parse(ddpmSampler);
        PrintWriter err = spec.commandLine().getErr();
        List<ModelEvaluation> evaluations = new ArrayList<>();
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(dataPath)) {
            for (Path bundle : bundles) {
                Surrogate surrogate = Surrogate.load(bundle, airfoilOptions.library());
                String method = surrogate.manifest().method();
                SamplerSpec sampler = method.equals("ddpm") ? ddpm : flow;
                String name = modelName(bundle);
                err.printf(Locale.ROOT, "%s (%s, %s): %d conditions x %d samples%n", name, method, sampler,
                        ds.caseCount(), samples);
                err.flush();
                long start = System.nanoTime();
                List<CaseEvaluation> cases = SurrogateEvaluation.run(surrogate, ds, samples, sampler, seed,
                        new Progress(err, name, ds.caseCount()));
                evaluations.add(new ModelEvaluation(name, method, sampler.toString(), cases.get(0).nfe(), cases,
                        (System.nanoTime() - start) / 1e9));
            }
        }
        Path report = EvaluationReport.write(out, "AeroDiff quickstart: surrogates against held-out simulations",
                preamble(dataPath, bundles), evaluations);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("data", dataPath.toString());
        metrics.put("samples", samples);
        metrics.put("seed", seed);
        metrics.put("units", "dimensionless: (p - fluid mean)/U^2, u/U; fluid cells only");
        metrics.put("models", evaluations.stream().map(EvaluationJson::model).toList());
        Path metricsFile = out.resolve("metrics.json");
        AtomicFile.write(metricsFile, tmp -> {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(tmp))) {
                Json.print(w, metrics);
            }
        });
        if (common.json) {
            Json.print(spec.commandLine().getOut(), metrics);
            return;
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%-16s %-6s %-10s %4s %13s %13s %13s%n", "model", "method", "sampler", "NFE",
                "error_mean", "error_std", "sim. spread");
        for (ModelEvaluation m : evaluations) {
            o.printf(Locale.ROOT, "%-16s %-6s %-10s %4d %13.4g %13.4g %13.4g%n", m.name(), m.method(), m.sampler(),
                    m.nfe(), m.errorOfMean(), m.errorOfStd(), m.referenceMeanStd());
        }
        o.printf(Locale.ROOT, "wrote %s and %s%n", report, metricsFile);
    }

    private String preamble(Path dataPath, List<Path> bundles) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Every condition of `%s` predicted with %d samples per condition "
                + "(seed %d + condition index), compared with the simulation's snapshots. Models:%n%n", dataPath,
                samples, seed));
        for (Path b : bundles) {
            s.append("- `").append(b).append("`\n");
        }
        s.append("\nCommand: `aerodiff quickstart ").append(String.join(" ",
                spec.commandLine().getParseResult().originalArgs())).append("`");
        return s.toString();
    }

    private static String modelName(Path bundle) {
        String file = bundle.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
