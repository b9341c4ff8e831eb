package dev.aerodiff.cli;

import dev.aerodiff.metrics.GaussianRateExperiment;
import dev.aerodiff.metrics.RateFit;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.Surrogate;
import dev.aerodiff.surrogate.TrainingSizeRate;
import dev.aerodiff.train.TrainerConfig;
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

/**
 * {@code aerodiff rate-check}: the W_1 convergence rate of empirical measures ({@code --synthetic}) or of
 * trained surrogates ({@code --train}).
 */
@Command(name = "rate-check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"W1 convergence rate against theory, with its 95%% interval.",
            "--synthetic: how W1 between n samples and their distribution shrinks",
            "with n. W1 is exact: in closed form against N(0,1) for D = 1, by optimal",
            "transport to an independent reference sample for D >= 2; theory -1/2",
            "for D = 1 and 2, -1/D for D >= 3.",
            "--train: trains one surrogate per (n, repeat) on n training conditions",
            "drawn at random, predicts every condition of --against and measures",
            "exact W1 between the predicted and the simulated pressure drag (or lift)",
            "coefficients, averaged over those conditions.",
            "Both fit the log-log slope with its 95%% interval and extrapolate the n",
            "needed for a target W1."})
final class RateCheckCommand implements Runnable {
    /** Synthetic distributions this command can draw from. */
    enum Synthetic { gaussian }

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--synthetic", description = "Distribution to sample: ${COMPLETION-CANDIDATES}.")
    private Synthetic synthetic;

    @Option(names = "--dim", defaultValue = "1", description = "--synthetic: dimension D (default: ${DEFAULT-VALUE}).")
    private int dim;

    @Option(names = "--train", paramLabel = "FILE.nc", description = "Training set: check trained surrogates.")
    private Path train;

    @Option(names = "--against", paramLabel = "FILE.nc", description = "--train: held-out simulations.")
    private Path against;

    @Option(names = "--sizes", required = true, split = ",", paramLabel = "N,N,...",
            description = "Sample sizes n, comma-separated, e.g. 64,128,256,512; with --train, numbers of training"
                    + " conditions, e.g. 4,8,16,32.")
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

    @Option(names = "--config", paramLabel = "FILE.json", description = "--train: training settings, as for train ("
            + TrainingSettings.KEYS_HELP + "; data and out are not used).")
    private Path configFile;

    @Option(names = "--steps", description = "--train: optimizer steps of every run (overrides the config).")
    private Integer steps;

    @Option(names = "--samples", defaultValue = "8", description = "--train: ensemble size per held-out condition"
            + " (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--sampler", paramLabel = "SPEC", description = "--train: sampler (default: "
            + Surrogate.DEFAULT_SAMPLERS + ").")
    private String sampler;

    @Option(names = "--summary", defaultValue = "drag", description = "--train: the coefficient whose W1 is"
            + " measured, drag or lift (default: ${DEFAULT-VALUE}).")
    private String summary;

    @Option(names = "--models", paramLabel = "DIR", description = "--train: keep the trained bundles here; bundles"
            + " already there for the same data, conditions and settings are reused.")
    private Path models;

    @Option(names = "--theory-dim", defaultValue = "1", paramLabel = "D", description = "--train: dimension of the"
            + " theoretical exponent -1/D (default: ${DEFAULT-VALUE}, that of the summary).")
    private int theoryDim;

    @Override
    public void run() {
        if (targetW1 != null && !(targetW1 > 0)) {
            throw new IllegalArgumentException("--target-w1 must be positive, got " + targetW1);
        }
        if ((synthetic == null) == (train == null)) {
            throw new IllegalArgumentException("give exactly one of --synthetic (draws) and --train (trained"
                    + " surrogates)");
        }
        if (train != null) {
            runTrained();
            return;
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

    private void runTrained() {
        if (against == null) {
            throw new IllegalArgumentException("--train needs --against FILE.nc, the held-out simulations");
        }
        if (theoryDim < 1) {
            throw new IllegalArgumentException("--theory-dim must be >= 1, got " + theoryDim);
        }
        if (steps != null && steps < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        }
        PrintWriter err = spec.commandLine().getErr();
        // every subset trains with the condition embedding fitted to the whole training set
        TrainerConfig training = TrainingSettings.config(TrainingSettings.read(configFile, err), null, steps, null,
                null, null, TrainingSettings.conditionsOf(train));
        SamplerSpec samplerSpec = sampler != null ? SamplingOptions.parseSamplerOption(sampler)
                : Surrogate.defaultSampler(training.objective());
        TrainingSizeRate.Summary measured;
        TrainingSizeRate.Config config;
        try {
            measured = TrainingSizeRate.Summary.of(summary);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--summary: " + e.getMessage(), e);
        }
        try {
            config = new TrainingSizeRate.Config(training, sizes, repeats, seed, samples, samplerSpec, measured);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sizes/--repeats/--samples: " + e.getMessage(), e);
        }
        TrainedRateCheck check = new TrainedRateCheck(train, against, training, config, theoryDim, models,
                AeroDiff.invocation(spec));
        TrainingSizeRate.Result result = check.run(err);
        if (common.json) {
            Json.print(spec.commandLine().getOut(), check.toJson(result, targetW1));
        } else {
            check.printText(spec.commandLine().getOut(), result, targetW1);
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
        m.put("mode", "synthetic");
        m.put("synthetic", synthetic.name());
        m.put("dim", dim);
        m.put("repeats", repeats);
        m.put("seed", seed);
        putFit(m, fit, null);
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
        putTarget(m, fit, targetW1);
        return m;
    }

    /** Puts the fit's keys and, with a target, the extrapolation's keys into a command's JSON. */
    static void putFit(Map<String, Object> m, RateFit fit, Double targetW1) {
        m.put("slope", fit.slope());
        m.put("slope_ci", List.of(fit.slopeCiLow(), fit.slopeCiHigh()));
        m.put("intercept", fit.intercept());
        m.put("r_squared", fit.rSquared());
        putTarget(m, fit, targetW1);
    }

    private static void putTarget(Map<String, Object> m, RateFit fit, Double targetW1) {
        if (targetW1 != null) {
            m.put("target_w1", targetW1);
            m.put("n_for_target", fit.sizeForTarget(targetW1));
            double[] range = fit.sizeForTargetRange(targetW1);
            m.put("n_for_target_range", List.of(range[0], range[1]));
        }
    }

    private void printText(PrintWriter out, GaussianRateExperiment.Result r) {
        RateFit fit = r.fit();
        out.printf(Locale.ROOT, "W1 rate, %s in %d-D: %s%n", synthetic, dim, r.estimator());
        out.printf(Locale.ROOT, "%8s %14s%n", "n", "mean W1");
        for (GaussianRateExperiment.Point p : r.points()) {
            out.printf(Locale.ROOT, "%8d %14.6g%n", p.n(), p.meanW1());
        }
        printFit(out, fit, r.theoreticalSlope(), targetW1);
    }

    /** Prints the slope, its interval, the theoretical slope and, with a target, the extrapolation. */
    static void printFit(PrintWriter out, RateFit fit, double theoreticalSlope, Double targetW1) {
        out.printf(Locale.ROOT, "slope %.4f, 95%% interval [%.4f, %.4f]; theory %.4f%n", fit.slope(),
                fit.slopeCiLow(), fit.slopeCiHigh(), theoreticalSlope);
        if (targetW1 != null && !(fit.slope() < 0)) {
            out.printf(Locale.ROOT, "W1 does not fall with n here: no extrapolation to W1 = %g%n", targetW1);
        } else if (targetW1 != null && !(fit.slopeCiHigh() < 0)) {
            out.printf(Locale.ROOT, "W1 = %g needs n ~ %.4g (the slope's interval includes 0: no upper bound)%n",
                    targetW1, fit.sizeForTarget(targetW1));
        } else if (targetW1 != null) {
            double[] range = fit.sizeForTargetRange(targetW1);
            out.printf(Locale.ROOT, "W1 = %g needs n ~ %.4g (slope interval: %.4g .. %.4g)%n", targetW1,
                    fit.sizeForTarget(targetW1), range[0], range[1]);
        }
    }
}
