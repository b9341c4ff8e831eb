package dev.aerodiff.cli;

import dev.aerodiff.data.CaseStatistics;
import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.ForceCoefficients;
import dev.aerodiff.io.EnsembleFile;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.Ensemble;
import dev.aerodiff.surrogate.Surrogate;
import java.nio.file.Files;
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

/** {@code aerodiff predict}: an ensemble of flow fields for one airfoil condition. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict the distribution of flow fields for one condition with a trained surrogate and write",
            "the ensemble as NetCDF (p, ux, uy with a leading sample dimension, plus per-pixel mean and std)."})
final class PredictCommand implements Runnable {
    /** The shipped surrogate used when --model is not given. */
    static final Path DEFAULT_MODEL = Path.of("examples", "flow-matching.aerodiff");

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private AirfoilOptions airfoilOptions;

    @Option(names = "--model", paramLabel = "BUNDLE", description = "Model bundle (default: " + "examples/"
            + "flow-matching.aerodiff).")
    private Path model;

    @Option(names = "--airfoil", required = true, description = "NACA designation (naca2412, naca23012) or NAME of"
            + " a NAME.dat in --airfoil-dir.")
    private String airfoil;

    @Option(names = "--aoa", required = true, paramLabel = "DEG", description = "Angle of attack in degrees.")
    private double aoa;

    @Option(names = "--re", required = true, description = "Chord Reynolds number.")
    private double reynolds;

    @Option(names = "--samples", defaultValue = "32", description = "Ensemble size (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the draw (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--sampler", paramLabel = "SPEC", description = "Sampler, e.g. ddpm, ddim:50, euler:20,"
            + " heun:10, ode-dopri5, sde-euler:500 (default: " + Surrogate.DEFAULT_SAMPLERS + ").")
    private String sampler;

    @Option(names = "--out", required = true, paramLabel = "FILE.nc", description = "Ensemble file to write.")
    private Path out;

    @Override
    public void run() {
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be at least 1, got " + samples);
        }
        Path bundle = model != null ? model : DEFAULT_MODEL;
        if (model == null && !Files.isRegularFile(bundle)) {
            throw new IllegalArgumentException("no shipped model at " + bundle + ": pass --model BUNDLE (train one with"
                    + " 'aerodiff train')");
        }
        Surrogate surrogate = Surrogate.load(bundle, airfoilOptions.library());
        SamplerSpec samplerSpec = sampler != null ? SamplerSpec.parse(sampler) : surrogate.defaultSampler();
        FlowCondition condition = airfoilOptions.condition(airfoil, aoa, reynolds);
        List<String> outside = surrogate.extrapolation(condition).orElse(null);
        String extrapolation = outside == null ? "" : String.join("; ", outside);
        if (!extrapolation.isEmpty()) {
            spec.commandLine().getErr().printf(Locale.ROOT, "warning: %s lies outside the training conditions of %s,"
                    + " so the model extrapolates: %s%n", condition.label(), bundle, extrapolation);
        }
        long start = System.nanoTime();
        Ensemble e = surrogate.predict(condition, samples, samplerSpec, seed,
                new Progress(spec.commandLine().getErr(), "predict", samples));
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("sampler", e.sampler());
        attributes.put("nfe", e.nfe());
        attributes.put("seed", seed);
        attributes.put("model", bundle.toString());
        attributes.put("model_method", surrogate.manifest().method());
        if (!extrapolation.isEmpty()) {
            attributes.put("extrapolation", extrapolation);
        }
        attributes.put("history", "aerodiff " + VersionProvider.version() + ": " + AeroDiff.invocation(spec));
        EnsembleFile.write(e.samples(), surrogate.grid(), attributes, out);

        CaseStatistics stats = CaseStatistics.of(DimensionlessNormalizer.normalize(e.samples()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("out", out.toString());
        summary.put("samples", samples);
        summary.put("sampler", e.sampler());
        summary.put("nfe", e.nfe());
        summary.put("seconds", seconds);
        summary.put("extrapolation", outside);
        summary.put("mean_std", Json.perChannel(stats.meanStd()));
        ForceCoefficients forces = e.pressureForces(surrogate.grid());
        summary.put("pressure_lift", Map.of("mean", forces.meanLift(), "std", forces.stdLift()));
        summary.put("pressure_drag", Map.of("mean", forces.meanDrag(), "std", forces.stdDrag()));
        if (common.json) {
            Json.print(spec.commandLine().getOut(), summary);
        } else {
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d samples of %s with %s (%d network"
                    + " evaluations each) in %.1f s; mean std p %.4g, ux %.4g, uy %.4g (dimensionless)%n", out, samples,
                    condition.label(), e.sampler(), e.nfe(), seconds, stats.meanStd()[0], stats.meanStd()[1],
                    stats.meanStd()[2]);
        }
    }
}
