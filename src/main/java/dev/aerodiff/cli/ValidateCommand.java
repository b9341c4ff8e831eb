package dev.aerodiff.cli;

import dev.aerodiff.io.NetcdfFieldDataset;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.EnsemblePredictor;
import dev.aerodiff.surrogate.ModelEvaluation;
import dev.aerodiff.surrogate.NearestSimulation;
import dev.aerodiff.surrogate.Surrogate;
import dev.aerodiff.surrogate.SurrogateEvaluation;
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

/**
 * {@code aerodiff validate}: one surrogate, or the {@link NearestSimulation} baseline, against every
 * condition of a simulated data set.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predict every condition of a simulated data set with a surrogate and compare: "
            + "error of mean and std, CRPS, coverage, spread-skill, pressure lift and drag "
            + "distributions. Writes DIR/report.md with pictures and DIR/metrics.json. With "
            + "--nearest instead of --model, the same for the baseline that copies the "
            + "nearest training simulation.")
final class ValidateCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private AirfoilOptions airfoilOptions;

    @Option(names = "--model", split = ",", paramLabel = "BUNDLE", description = EvaluationOutput.MODELS_HELP)
    private List<Path> models;

    @Mixin
    private ModelCombinationOptions combination;

    @Mixin
    private CalibrationOptions calibration;

    @Option(names = "--nearest", paramLabel = "TRAIN.nc", description = "Instead of --model, the baseline a"
            + " surrogate has to beat: each condition answered with the snapshots of the nearest simulation of this"
            + " data set (same airfoil, or the most alike mask; nearest angle and ln Re; ties pooled).")
    private Path nearest;

    @Option(names = "--against", required = true, paramLabel = "FILE.nc", description = "Simulations (a data set on"
            + " the model's grid).")
    private Path against;

    @Option(names = "--sampler", paramLabel = "SPEC", description = "Sampler (default: "
            + Surrogate.BUNDLE_DEFAULT_SAMPLERS + ").")
    private String sampler;

    @Option(names = "--samples", defaultValue = "20", description = "Ensemble size per condition (default:"
            + " ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--seed", defaultValue = "0", description = EvaluationOutput.CONDITION_SEED_HELP)
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for report.md, its"
            + " pictures and metrics.json.")
    private Path out;

    @Override
    public void run() {
        EvaluationOutput.checkEnsembleSize(samples);
        if ((models == null) == (nearest == null)) {
            throw new IllegalArgumentException("give either --model BUNDLE or --nearest TRAIN.nc, "
                    + (nearest == null ? "neither was given" : "not both"));
        }
        if (nearest != null) {
            combination.refuseWith("--nearest");
            calibration.refuseWith("--nearest");
        }
        if (nearest != null && sampler != null) {
            throw new IllegalArgumentException("--sampler does not apply to --nearest: the baseline copies"
                    + " simulation snapshots and draws nothing");
        }
        PrintWriter err = spec.commandLine().getErr();
        ModelEvaluation evaluation;
        String name;
        String provenance;
        int conditions;
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(against)) {
            conditions = ds.caseCount();
            if (nearest != null) {
                name = EvaluationOutput.nearestName(nearest);
                NearestSimulation baseline = EvaluationOutput.readNearest(nearest);
                err.printf(Locale.ROOT, "%s (the nearest of %s): %d conditions x %d snapshots%n", name, nearest,
                        conditions, samples);
                err.flush();
                evaluation = SurrogateEvaluation.evaluate(name, baseline, ds, samples, seed);
                provenance = EvaluationOutput.nearestLines(nearest, baseline, evaluation);
            } else {
                EnsemblePredictor loaded = combination.load(models, airfoilOptions.library());
                SamplerSpec samplerSpec = calibration.sampler(sampler, loaded, err);
                EnsemblePredictor surrogate = calibration.apply(loaded, models, combination, samplerSpec, samples, err);
                name = combination.name(models) + calibration.suffix();
                evaluation = EvaluationOutput.evaluate(err, name, surrogate, ds, samples, samplerSpec, seed);
                provenance = EvaluationOutput.provenanceLines(surrogate);
            }
        }
        String preamble = String.format(Locale.ROOT, "Every condition of `%s` (%d conditions) predicted with %d "
                + "samples (seed %d + condition index) and compared with the simulation's snapshots.%n%n%s%n%n"
                + "Command: `%s`", against, conditions, samples, seed, provenance, AeroDiff.invocation(spec));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("model", nearest != null ? NearestSimulation.METHOD + ":" + nearest
                : EvaluationOutput.modelPaths(models));
        combination.record(header);
        calibration.record(header);
        header.put("data", against.toString());
        header.put("samples", samples);
        header.put("seed", seed);
        EvaluationOutput.write(out, "AeroDiff validation: " + name + " against " + against.getFileName(), preamble,
                header, List.of(evaluation), null, common.json, spec.commandLine().getOut());
    }
}
