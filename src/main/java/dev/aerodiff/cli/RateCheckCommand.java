package dev.aerodiff.cli;

import dev.aerodiff.metrics.GaussianRateExperiment;
import dev.aerodiff.metrics.RateFit;
import java.io.PrintWriter;
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

/** {@code aerodiff rate-check --synthetic gaussian ...}: the W_1 convergence rate of empirical measures. */
@Command(name = "rate-check", mixinStandardHelpOptions = true,
        description = {"W1 convergence rate of samples against theory, with its 95%% interval.",
            "Measures how W1 between n samples and their distribution shrinks with n, fits the log-log",
            "slope with its 95%% interval, compares it with theory (-1/2 for D = 1 and 2, -1/D for D >= 3)",
            "and extrapolates the n needed for a target W1. W1 is exact: in closed form against N(0,1)",
            "for D = 1, by optimal transport to an independent reference sample for D >= 2."})
final class RateCheckCommand implements Runnable {
    /** Synthetic distributions this command can draw from. */
    enum Synthetic { gaussian }

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--synthetic", required = true, description = "Distribution to sample: ${COMPLETION-CANDIDATES}.")
    private Synthetic synthetic;

    @Option(names = "--dim", defaultValue = "1", description = "Dimension D (default: ${DEFAULT-VALUE}).")
    private int dim;

    @Option(names = "--sizes", required = true, split = ",", paramLabel = "N,N,...",
            description = "Sample sizes n, comma-separated, e.g. 64,128,256,512.")
    private int[] sizes;

    @Option(names = "--repeats", defaultValue = "4", description = "Independent repeats per size (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of all draws (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--reference-factor", defaultValue = "1", paramLabel = "K",
            description = "D >= 2: the reference sample has K n points (default: ${DEFAULT-VALUE}).")
    private int referenceFactor;

    @Option(names = "--target-w1", paramLabel = "X", description = "Extrapolate the n at which W1 reaches X.")
    private Double targetW1;

    @Override
    public void run() {
        if (targetW1 != null && !(targetW1 > 0)) {
            throw new IllegalArgumentException("--target-w1 must be positive, got " + targetW1);
        }
        GaussianRateExperiment.Config config = options();
        if (dim > 1) {
            int largest = java.util.Arrays.stream(sizes).max().orElse(0);
            CostMatrixMemory.require(largest, (long) referenceFactor * largest, "--sizes/--reference-factor");
        }
        GaussianRateExperiment.Result result = GaussianRateExperiment.run(config,
                new Progress(spec.commandLine().getErr(), "rate-check", sizes.length * repeats));
        Map<String, Object> json = toJson(result);
        if (common.json) {
            Json.print(spec.commandLine().getOut(), json);
        } else {
            printText(spec.commandLine().getOut(), result);
        }
    }

    private GaussianRateExperiment.Config options() {
        try {
            return new GaussianRateExperiment.Config(dim, sizes, repeats, seed, referenceFactor);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--dim/--sizes/--repeats/--reference-factor: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> toJson(GaussianRateExperiment.Result r) {
        RateFit fit = r.fit();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("synthetic", synthetic.name());
        m.put("dim", dim);
        m.put("repeats", repeats);
        m.put("seed", seed);
        m.put("slope", fit.slope());
        m.put("slope_ci", List.of(fit.slopeCiLow(), fit.slopeCiHigh()));
        m.put("intercept", fit.intercept());
        m.put("r_squared", fit.rSquared());
        m.put("theoretical_slope", r.theoreticalSlope());
        m.put("theoretical_note", dim == 1 ? "n^(-1/2)" : dim == 2 ? "n^(-1/2) up to a log factor" : "n^(-1/D)");
        m.put("estimator", r.estimator());
        m.put("reference", dim == 1 ? "exact N(0,1)" : "sample");
        m.put("reference_factor", dim == 1 ? null : referenceFactor);
        List<Map<String, Object>> points = new ArrayList<>();
        for (GaussianRateExperiment.Point p : r.points()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("n", p.n());
            row.put("reference_size", dim == 1 ? null : p.referenceSize());
            row.put("w1_mean", p.meanW1());
            row.put("w1", p.w1());
            points.add(row);
        }
        m.put("points", points);
        if (targetW1 != null) {
            m.put("target_w1", targetW1);
            m.put("n_for_target", fit.sizeForTarget(targetW1));
            double[] range = fit.sizeForTargetRange(targetW1);
            m.put("n_for_target_range", List.of(range[0], range[1]));
        }
        return m;
    }

    private void printText(PrintWriter out, GaussianRateExperiment.Result r) {
        RateFit fit = r.fit();
        out.printf(Locale.ROOT, "W1 rate, %s in %d-D: %s%n", synthetic, dim, r.estimator());
        out.printf(Locale.ROOT, "%8s %14s%n", "n", "mean W1");
        for (GaussianRateExperiment.Point p : r.points()) {
            out.printf(Locale.ROOT, "%8d %14.6g%n", p.n(), p.meanW1());
        }
        out.printf(Locale.ROOT, "slope %.4f, 95%% interval [%.4f, %.4f]; theory %.4f%n", fit.slope(),
                fit.slopeCiLow(), fit.slopeCiHigh(), r.theoreticalSlope());
        if (targetW1 != null) {
            double[] range = fit.sizeForTargetRange(targetW1);
            out.printf(Locale.ROOT, "W1 = %g needs n ~ %.4g (slope interval: %.4g .. %.4g)%n", targetW1,
                    fit.sizeForTarget(targetW1), range[0], range[1]);
        }
    }
}
