package dev.aerodiff.cli;

import dev.aerodiff.io.AtomicFile;
import dev.aerodiff.io.NetcdfFieldDataset;
import dev.aerodiff.metrics.MemorizationAudit;
import dev.aerodiff.report.HistogramPicture;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.MemorizationStudy;
import dev.aerodiff.surrogate.Surrogate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aerodiff memorization}: does a trained surrogate copy its training fields? */
@Command(name = "memorization", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Memorization audit: samples of a trained surrogate for some of its training conditions, and "
            + "of the empirical-optimal model of the same data, each compared with every training field (distance to "
            + "the nearest over the second-nearest; a copy below 1/3). Writes DIR/memorization.json and "
            + "DIR/memorization.png.")
final class MemorizationCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private AirfoilOptions airfoilOptions;

    @Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "Model bundle.")
    private Path model;

    @Option(names = "--train", required = true, paramLabel = "FILE.nc", description = "The model's training data.")
    private Path train;

    @Option(names = "--conditions", defaultValue = "8", description = "Training conditions audited, evenly spread"
            + " over the file (default: ${DEFAULT-VALUE}).")
    private int conditions;

    @Option(names = "--samples", defaultValue = "4", description = "Samples per condition and model (default:"
            + " ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--sampler", paramLabel = "SPEC", description = "Sampler of both models (default: "
            + Surrogate.BUNDLE_DEFAULT_SAMPLERS + ").")
    private String sampler;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "memorization", description = "Output folder"
            + " (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public void run() {
        if (conditions < 1 || samples < 1) {
            throw new IllegalArgumentException("--conditions and --samples must be >= 1, got " + conditions + " and "
                    + samples);
        }
        Surrogate surrogate = Surrogate.load(model, airfoilOptions.library());
        SamplerSpec samplerSpec = sampler != null ? SamplerSpec.parse(sampler) : surrogate.defaultSampler();
        MemorizationStudy study;
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(train)) {
            int k = Math.min(conditions, ds.caseCount());
            int[] cases = new int[k];
            for (int i = 0; i < k; i++) {
                cases[i] = (int) ((long) i * ds.caseCount() / k);
            }
            spec.commandLine().getErr().printf(Locale.ROOT, "memorization: %d conditions x %d samples with %s, "
                    + "against %d training fields%n", k, samples, samplerSpec, ds.caseCount() * ds.samplesPerCase());
            study = MemorizationStudy.run(surrogate, ds, cases, samples, samplerSpec, seed,
                    new Progress(spec.commandLine().getErr(), "memorization", 2 * k));
        }
        AtomicFile.createDirectories(out);
        String name = EvaluationOutput.modelName(model);
        HistogramPicture.write(name + ": nearest / second-nearest training distance", "d1/d2 (copy below 1/3)",
                20, List.of(new HistogramPicture.Series(name, study.trained().ratios(), 0x1b9e77),
                        new HistogramPicture.Series("empirical-optimal", study.empiricalOptimal().ratios(), 0xd95f02)),
                out.resolve("memorization.png"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model.toString());
        json.put("train", train.toString());
        json.put("conditions", study.cases());
        json.put("samples_per_condition", samples);
        json.put("sampler", samplerSpec.toString());
        json.put("nfe", study.nfe());
        json.put("seed", seed);
        json.put("copy_threshold", MemorizationAudit.COPY_THRESHOLD);
        json.put("trained", audit(study.trained()));
        json.put("empirical_optimal", audit(study.empiricalOptimal()));
        Path jsonFile = out.resolve("memorization.json");
        Json.write(jsonFile, json);
        PrintWriter o = spec.commandLine().getOut();
        if (common.json) {
            Json.print(o, json);
        } else {
            o.printf(Locale.ROOT, "copies (d1/d2 < 1/3): trained %.1f%% (median d1/d2 %.3f), empirical-optimal %.1f%%"
                    + " (median %.3f); wrote %s and %s%n", 100 * study.trained().copyFraction(),
                    study.trained().medianRatio(), 100 * study.empiricalOptimal().copyFraction(),
                    study.empiricalOptimal().medianRatio(), jsonFile, out.resolve("memorization.png"));
        }
    }

    private static Map<String, Object> audit(MemorizationAudit a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("copy_fraction", a.copyFraction());
        m.put("median_ratio", a.medianRatio());
        m.put("ratios", a.ratios());
        return m;
    }
}
