package dev.aerodiff.cli;

import dev.aerodiff.bench.SamplerBenchmark;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Mask;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.Surrogate;
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

/** {@code aerodiff bench sample}: time of drawing an ensemble with each sampler. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time a trained surrogate drawing one ensemble with each sampler (median of repeats after "
            + "warm-up): wall time per sample and per batched network evaluation, and the evaluations per sample.")
final class BenchSampleCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private AirfoilOptions airfoilOptions;

    @Mixin
    private BenchThreads benchThreads;

    @Option(names = "--model", paramLabel = "BUNDLE", description = "Model bundle (default: "
            + "examples/flow-matching.aerodiff).")
    private Path model;

    @Option(names = "--sampler", paramLabel = "SPEC", description = "Sampler to time, repeatable (default: the"
            + " bundle's default, " + Surrogate.BUNDLE_DEFAULT_SAMPLERS + ").")
    private List<String> samplers = new ArrayList<>();

    @Option(names = "--airfoil", defaultValue = "naca2412", description = "Airfoil (default: ${DEFAULT-VALUE}).")
    private String airfoil;

    @Option(names = "--aoa", defaultValue = "5", paramLabel = "DEG", description = "Angle of attack in degrees"
            + " (default: ${DEFAULT-VALUE}).")
    private double aoa;

    @Option(names = "--re", defaultValue = "4e6", description = "Chord Reynolds number (default: ${DEFAULT-VALUE}).")
    private double reynolds;

    @Option(names = "--samples", defaultValue = "16", description = "Ensemble size (default: ${DEFAULT-VALUE}, one"
            + " network batch).")
    private int samples;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every draw (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed ensembles first, at least; more (up"
            + " to 30) while the JIT compiler is still busy; 0: none (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed ensembles (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the figures to this file.")
    private Path out;

    @Override
    public void run() {
        Path bundle = model != null ? model : ShippedFile.locate(PredictCommand.DEFAULT_MODEL);
        if (!Files.isRegularFile(bundle)) {
            throw new IllegalArgumentException("--model: no model bundle at " + bundle);
        }
        List<SamplerSpec> specs = new ArrayList<>();
        for (String s : samplers) {
            specs.add(SamplingOptions.parseSamplerOption(s));
        }
        Surrogate surrogate = Surrogate.load(bundle, airfoilOptions.library());
        if (specs.isEmpty()) {
            specs.add(surrogate.defaultSampler());
        }
        PrintWriter err = spec.commandLine().getErr();
        String omp = benchThreads.apply(err);
        FlowCondition condition = airfoilOptions.condition(airfoil, aoa, reynolds);
        Mask mask = surrogate.mask(condition.airfoil());
        List<Map<String, Object>> rows = new ArrayList<>();
        Progress progress = new Progress(err, "bench sample", specs.size() * repeats);
        for (int k = 0; k < specs.size(); k++) {
            int done = k * repeats;
            SamplerBenchmark b = SamplerBenchmark.run(surrogate, condition, mask, specs.get(k), samples, seed, warmup,
                    repeats, i -> progress.accept(done + i));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sampler", b.sampler().toString());
            row.put("nfe", b.nfe());
            row.put("ms_per_sample", b.msPerSample());
            row.put("ms_per_evaluation", b.msPerEvaluation());
            row.put("median_ms", b.medianMs());
            Json.putTimings(row, "", b.timings());
            rows.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", bundle.toString());
        json.put("method", surrogate.manifest().method());
        json.put("airfoil", condition.airfoil());
        json.put("aoa", aoa);
        json.put("re", reynolds);
        json.put("samples", samples);
        json.put("batch", Surrogate.BATCH);
        json.put("threads", benchThreads.threads);
        json.put("omp_num_threads", omp);
        json.put("warmup", warmup);
        json.put("samplers", rows);
        json.put("peak_rss_mb", BenchUnetCommand.peakRssMegabytes());
        if (out != null) {
            Json.write(out, json);
        }
        PrintWriter o = spec.commandLine().getOut();
        if (common.json) {
            Json.print(o, json);
            return;
        }
        o.printf(Locale.ROOT, "%s, %s at %.1f deg, Re %.3g, %d samples, %d threads%n", bundle, condition.airfoil(), aoa,
                reynolds, samples, benchThreads.threads);
        o.printf(Locale.ROOT, "  %-18s %6s %14s %18s%n", "sampler", "NFE", "ms per sample", "ms per evaluation");
        for (Map<String, Object> r : rows) {
            o.printf(Locale.ROOT, "  %-18s %6d %14.1f %18.1f%n", r.get("sampler"), (Integer) r.get("nfe"),
                    (Double) r.get("ms_per_sample"), (Double) r.get("ms_per_evaluation"));
        }
    }
}
