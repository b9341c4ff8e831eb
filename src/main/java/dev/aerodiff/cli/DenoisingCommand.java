package dev.aerodiff.cli;

import dev.aerodiff.io.NetcdfFieldDataset;
import dev.aerodiff.metrics.DenoisingError;
import dev.aerodiff.surrogate.DenoisingStudy;
import dev.aerodiff.surrogate.Surrogate;
import java.io.PrintWriter;
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

/** {@code aerodiff denoising}: a trained network's one-step clean-field error, noise level by noise level. */
@Command(name = "denoising", mixinStandardHelpOptions = true, sortOptions = false,
        description = "One-step denoising error of a surrogate's network by noise level: fields of a data set are "
            + "noised to each time t, the network's clean-field estimate is compared with the field (RMS, in the "
            + "network's units: each channel divided by its RMS over the training set). 'baseline' is the error of "
            + "the mean field, which ignores the noisy state and the condition. A sampler starts at the highest "
            + "noise level, so a model no better than the baseline there starts every sample off course.")
final class DenoisingCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private AirfoilOptions airfoilOptions;

    @Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "Model bundle.")
    private Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE.nc", description = "Fields on the model's grid,"
            + " e.g. the held-out test split.")
    private Path data;

    @Option(names = "--times", split = ",", paramLabel = "T", description = "Times in [0, 1) (default:"
            + " 0.02,0.05,0.1,0.2,...,0.9,0.95,0.99).")
    private double[] times = {0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};

    @Option(names = "--samples", defaultValue = "4", description = "Fields per condition, the first of each"
            + " (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--seed", defaultValue = "0", description = "Noise seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the figures to this file.")
    private Path out;

    @Override
    public void run() {
        Surrogate surrogate = Surrogate.load(model, airfoilOptions.library());
        DenoisingError.Result result;
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(data)) {
            spec.commandLine().getErr().printf(Locale.ROOT, "denoising: %d conditions x %d fields at %d noise levels%n",
                    ds.caseCount(), samples, times.length);
            spec.commandLine().getErr().flush();
            result = DenoisingStudy.run(surrogate, ds, samples, times, seed);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model.toString());
        json.put("data", data.toString());
        json.put("method", surrogate.objective().id());
        json.put("parameterization", surrogate.manifest().parameterization());
        json.put("units", "scaled: each dimensionless channel divided by its RMS over the training set");
        json.put("fields", result.samples());
        json.put("seed", seed);
        json.put("baseline_rms", result.baselineRms());
        json.put("baseline_rms_by_channel", Json.perChannel(result.baselineByChannel()));
        List<Map<String, Object>> levels = new ArrayList<>();
        for (DenoisingError.Level l : result.levels()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("t", l.t());
            m.put("alpha", l.alpha());
            m.put("sigma", l.sigma());
            m.put("x0_rms", l.rms());
            m.put("x0_rms_by_channel", Json.perChannel(l.rmsByChannel()));
            levels.add(m);
        }
        json.put("levels", levels);
        if (out != null) {
            Json.write(out, json);
        }
        PrintWriter o = spec.commandLine().getOut();
        if (common.json) {
            Json.print(o, json);
            return;
        }
        o.printf(Locale.ROOT, "%s (%s), %d fields; baseline (mean field) %.4f%n", model, surrogate.objective().id(),
                result.samples(), result.baselineRms());
        o.printf(Locale.ROOT, "%6s %8s %8s %9s %9s %9s %9s%n", "t", "alpha", "sigma", "x0 rms", "p", "ux", "uy");
        for (DenoisingError.Level l : result.levels()) {
            double[] c = l.rmsByChannel();
            o.printf(Locale.ROOT, "%6.3f %8.4f %8.4f %9.4f %9.4f %9.4f %9.4f%n", l.t(), l.alpha(), l.sigma(), l.rms(),
                    c[0], c[1], c[2]);
        }
    }
}
