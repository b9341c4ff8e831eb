package dev.aerodiff.cli;

import dev.aerodiff.field.Channel;
import dev.aerodiff.io.NetcdfFieldDataset;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.CaseEvaluation;
import dev.aerodiff.surrogate.EnsemblePredictor;
import dev.aerodiff.surrogate.ModelEvaluation;
import dev.aerodiff.surrogate.SpreadCalibration;
import dev.aerodiff.surrogate.Surrogate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code aerodiff calibrate}: fits a {@link SpreadCalibration} of a model and sampler on simulated
 * conditions, for {@code predict} and {@code validate --calibration}.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a correction of a model's per-pixel spread on simulated conditions (those it was trained"
            + " on will do): per channel a noise floor, the spread the network's fit error adds, taken out in"
            + " quadrature (and with --fit-gain a gain), so that std_cal = sqrt(gain * max(0, std^2 - floor^2))"
            + " errs least on the simulations' std. Writes FILE.json for predict and validate --calibration.")
final class CalibrateCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private AirfoilOptions airfoilOptions;

    @Option(names = "--model", required = true, split = ",", paramLabel = "BUNDLE",
            description = EvaluationOutput.MODELS_HELP)
    private List<Path> models;

    @Mixin
    private ModelCombinationOptions combination;

    @Option(names = "--against", required = true, paramLabel = "FILE.nc", description = "Simulations to fit on (a"
            + " data set on the model's grid), not those the calibrated model will be judged on.")
    private Path against;

    @Option(names = "--sampler", paramLabel = "SPEC", description = "Sampler the calibration is for (default: "
            + Surrogate.BUNDLE_DEFAULT_SAMPLERS + ").")
    private String sampler;

    @Option(names = "--samples", defaultValue = "20", description = "Ensemble size per condition, as the calibrated"
            + " model will be sampled (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--seed", defaultValue = "0", description = EvaluationOutput.CONDITION_SEED_HELP)
    private long seed;

    @Option(names = "--fit-gain", description = "Fit a gain per channel as well as the noise floor, which"
            + " also widens or narrows the spread that is left; it pays only where the model's spread errs the same"
            + " way at the fitting conditions as where it is used (default: the floor alone, gain 1).")
    private boolean fitGain;

    @Option(names = "--out", required = true, paramLabel = "FILE.json", description = "Calibration file to write.")
    private Path out;

    @Override
    public void run() {
        EvaluationOutput.checkEnsembleSize(samples);
        PrintWriter err = spec.commandLine().getErr();
        EnsemblePredictor surrogate = combination.load(models, airfoilOptions.library());
        SamplerSpec samplerSpec = sampler != null ? SamplerSpec.parse(sampler) : surrogate.defaultSampler();
        ModelIdentity model = combination.identity(models);
        String name = model.name();
        long start = System.nanoTime();
        ModelEvaluation evaluation;
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(against)) {
            evaluation = EvaluationOutput.evaluate(err, name, surrogate, ds, samples, samplerSpec, seed);
        }
        List<CaseEvaluation> cases = evaluation.cases();
        SpreadCalibration calibration = SpreadCalibration.fit(cases, fitGain);
        double before = evaluation.errorOfStd();
        double after = calibration.errorOfStd(cases);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("model", EvaluationOutput.modelPaths(models));
        combination.record(provenance);
        provenance.put("data", against.toString());
        provenance.put("conditions", cases.size());
        provenance.put("samples", samples);
        provenance.put("seed", seed);
        provenance.put("fitted", fitGain ? "noise_floor,gain" : "noise_floor");
        provenance.put("error_std_before", before);
        provenance.put("error_std_after", after);
        provenance.put("seconds", (System.nanoTime() - start) / 1e9);
        provenance.put("command", AeroDiff.invocation(spec));
        CalibrationFile file = new CalibrationFile(calibration, name, Optional.of(model.content()),
                samplerSpec.toString(), OptionalInt.of(samples));
        Map<String, Object> json = file.json(provenance);
        Json.write(out, json);
        PrintWriter stdout = spec.commandLine().getOut();
        if (common.json) {
            Json.print(stdout, json);
            return;
        }
        for (Channel c : Channel.ALL) {
            stdout.printf(Locale.ROOT, "%-3s noise floor %.5f, gain %.3f%n", c.variableName(),
                    calibration.noiseFloor()[c.ordinal()], calibration.gain()[c.ordinal()]);
        }
        stdout.printf(Locale.ROOT, "error of the std on %s: %.5f, calibrated %.5f%nwrote %s%n", against, before, after,
                out);
    }
}
