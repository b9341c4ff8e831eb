package dev.aerodiff.cli;

import dev.aerodiff.diffusion.CosineSchedule;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.FlowMatchingPath;
import dev.aerodiff.diffusion.LinearSchedule;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.io.CsvMatrix;
import dev.aerodiff.sampling.EnsembleRun;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.sampling.Samples;
import dev.aerodiff.sampling.SamplingListener;
import dev.aerodiff.sampling.SeededNoise;
import dev.aerodiff.diffusion.BatchArrays;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import picocli.CommandLine.Option;

/**
 * The options and the run shared by the {@code theory ... -sample} commands: pick the sampler and
 * schedule, draw the ensemble in batches with progress, write it as CSV.
 */
final class SamplingOptions {
    /** Samples per batch: each batch is one model call per step. */
    private static final int BATCH = 1000;

    /** Noise schedules by name. */
    enum ScheduleName { cosine, linear, ot }

    @Option(names = "--sampler", required = true, paramLabel = "NAME",
            description = "Sampler: ddpm[:T], ddim[:N[:ETA]], euler[:N], heun[:N], ode-dopri5[:TOL], ode-dop853[:TOL],"
                    + " ode-bs3[:TOL], ode-heun2[:TOL], ode-rk4[:N], ode-gbs[:TOL], ode-adams[:N], sde-euler[:N];"
                    + " ddim, euler, heun and sde-euler take :rho=R for uneven steps (R > 1 crowds them toward the"
                    + " data).")
    String sampler;

    @Option(names = "--steps", paramLabel = "N", description = "Step count, where the sampler takes one.")
    Integer steps;

    @Option(names = "--samples", required = true, paramLabel = "K", description = "Number of samples.")
    int samples;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of all noise.")
    long seed;

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "Noise schedule: ${COMPLETION-CANDIDATES} (default: ot for euler and heun, else cosine).")
    ScheduleName schedule;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "CSV file, one row per sample.")
    Path out;

    /** @return the parsed sampler, with --steps applied */
    SamplerSpec spec() {
        SamplerSpec s = parseSamplerOption(sampler);
        if (steps != null) {
            if (steps < 1) {
                throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
            }
            s = s.withSteps(steps);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be >= 1, got " + samples);
        }
        return s;
    }

    /**
     * @param text the value of a {@code --sampler} option
     * @return the parsed sampler
     * @throws IllegalArgumentException naming the option, for text that is not a sampler
     */
    static SamplerSpec parseSamplerOption(String text) {
        try {
            return SamplerSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sampler: " + e.getMessage(), e);
        }
    }

    /** @return the schedule: --schedule, else ot for the flow-matching samplers and cosine otherwise */
    NoiseSchedule schedule(SamplerSpec spec) {
        ScheduleName name = schedule != null ? schedule
                : spec.kind() == SamplerSpec.Kind.EULER || spec.kind() == SamplerSpec.Kind.HEUN ? ScheduleName.ot
                : ScheduleName.cosine;
        return switch (name) {
            case cosine -> new CosineSchedule();
            case linear -> new LinearSchedule();
            case ot -> new FlowMatchingPath();
        };
    }

    /** @return what a network would predict on this schedule: noise for diffusion, velocity for flow matching */
    static Parameterization parameterization(NoiseSchedule schedule) {
        return schedule.variancePreserving() ? Parameterization.EPSILON : Parameterization.VELOCITY;
    }

    /** The finished run: its samples as rows and the JSON fields every command reports. */
    record Run(double[][] rows, Map<String, Object> summary) {
    }

    /**
     * Draws the ensemble, writes it to --out and starts the summary.
     *
     * @param denoiser   builds the model for the chosen schedule and parameterization
     * @param dimension  values per sample
     * @param err        where progress goes
     * @return the samples and the summary
     */
    Run run(Function<NoiseSchedule, Denoiser> denoiser, int dimension, PrintWriter err) {
        SamplerSpec spec = spec();
        NoiseSchedule sched = schedule(spec);
        // closed-form models move arrays of a few thousand values: ND4J's OpenMP threads cost more than they
        // save (about five times slower on a busy 2-core machine), as OMP_NUM_THREADS=1 would show
        Nd4j.getEnvironment().setMaxThreads(1); // initializes the backend, which NativeOpsHolder needs
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        long start = System.nanoTime();
        Progress progress = new Progress(err, "sample", samples);
        Samples result = new EnsembleRun(spec.sampler(), denoiser.apply(sched), sched, spec.grid(sched), BATCH,
                DataType.DOUBLE).run(samples, new long[] {dimension}, null, SeededNoise.of(seed),
                SamplingListener.NONE, progress);
        double[][] rows = BatchArrays.toRows(result.x());
        CsvMatrix.write(out, rows);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sampler", spec.toString());
        m.put("schedule", sched.name());
        m.put("parameterization", parameterization(sched).name());
        m.put("samples", samples);
        m.put("seed", seed);
        m.put("steps", spec.kind().takesTolerance() ? null : spec.steps());
        m.put("tolerance", spec.kind().takesTolerance() ? spec.tolerance() : null);
        m.put("nfe", result.nfe());
        m.put("denoiser_calls", result.denoiserCalls());
        m.put("dimension", dimension);
        m.put("out", out.toString());
        m.put("seconds", (System.nanoTime() - start) / 1e9);
        return new Run(rows, m);
    }
}
