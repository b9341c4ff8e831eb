package dev.aerodiff.cli;

import dev.aerodiff.bench.OpProfile;
import dev.aerodiff.bench.UNetBenchmark;
import dev.aerodiff.nn.UNetConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aerodiff bench unet}: forward and training-step time of the U-Net. */
@Command(name = "unet", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time the U-Net's batched forward pass and a DDPM training step (median of repeats after "
            + "warm-up). The default network is the PyTorch peer's (15,477,411 parameters).")
final class BenchUnetCommand implements Runnable {
    private static final int PROFILE_ROWS = 15;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--res", defaultValue = "64", description = "Grid resolution H = W (default: ${DEFAULT-VALUE}).")
    private int resolution;

    @Option(names = "--batch", defaultValue = "16", description = "Batch size (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Mixin
    private BenchThreads benchThreads;

    @Option(names = "--network", defaultValue = "peer", description = "peer (the PyTorch benchmark's U-Net) or small"
            + " (the training default) (default: ${DEFAULT-VALUE}).")
    private String network;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed runs first, at least; more (up to 30)"
            + " while the JIT compiler is still busy; 0: none (default: ${DEFAULT-VALUE}). The JSON's"
            + " forward_warmup_runs and train_warmup_runs say how many ran.")
    private int warmup;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the figures to this file.")
    private Path out;

    @Option(names = "--train-only", description = "Time only the training step and build only the trainable"
            + " network, so that the peak memory is that of training alone (as the PyTorch peer's train_bench.py"
            + " measures it); the forward keys are left out of the JSON.")
    private boolean trainOnly;

    @Option(names = "--profile", description = "Also time one forward pass and one training step op by op; the"
            + " JSON gets forward_profile and train_profile (op, calls, ms, share), the text a table of the slowest.")
    private boolean profile;

    @Override
    public void run() {
        UNetConfig config = switch (network) {
            case "peer" -> UNetConfig.peer();
            case "small" -> UNetConfig.small();
            default -> throw new IllegalArgumentException("--network must be peer or small, got '" + network + "'");
        };
        PrintWriter err = spec.commandLine().getErr();
        String omp = benchThreads.apply(err);
        int threads = benchThreads.threads;
        UNetBenchmark b = UNetBenchmark.run(config, resolution, batch, warmup, repeats, !trainOnly, profile,
                new Progress(err, "bench", trainOnly ? repeats : 2 * repeats));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("network", network);
        json.put("params", b.params());
        json.put("res", resolution);
        json.put("batch", batch);
        json.put("threads", threads);
        json.put("omp_num_threads", omp);
        json.put("train_only", trainOnly);
        if (!trainOnly) {
            json.put("forward_ms_per_sample", b.forwardBatchMs() / batch);
            json.put("forward_batch_ms", b.forwardBatchMs());
            json.put("gflops_forward", b.gflopsForward(batch));
            Json.putTimings(json, "forward_", b.forward());
        }
        json.put("train_step_ms", b.trainStepMs());
        Json.putTimings(json, "train_", b.train());
        json.put("flops_per_sample", b.flopsPerSample());
        json.put("peak_rss_mb", peakRssMegabytes());
        json.put("warmup", warmup);
        json.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        if (profile) {
            if (!trainOnly) {
                json.put("forward_profile", profileJson(b.forwardProfile()));
            }
            json.put("train_profile", profileJson(b.trainProfile()));
        }
        if (out != null) {
            Json.write(out, json);
        }
        PrintWriter o = spec.commandLine().getOut();
        if (common.json) {
            Json.print(o, json);
        } else {
            String forward = trainOnly ? "" : String.format(Locale.ROOT, "forward %.1f ms/sample (%.1f GFLOP/s), ",
                    b.forwardBatchMs() / batch, b.gflopsForward(batch));
            o.printf(Locale.ROOT, "%s U-Net (%d parameters), %dx%d, batch %d, %d threads: %straining step %.0f ms,"
                    + " peak RSS %.0f MB%n", network, b.params(), resolution, resolution, batch, threads, forward,
                    b.trainStepMs(), peakRssMegabytes());
            if (profile) {
                if (!trainOnly) {
                    printProfile(o, "forward pass", b.forwardProfile());
                }
                printProfile(o, "training step", b.trainProfile());
            }
        }
    }

    private static Map<String, Object> profileJson(OpProfile p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("wall_ms", p.wallMillis());
        json.put("op_ms", p.opMillis());
        json.put("kernel_ms", p.kernelMillis());
        json.put("minor_page_faults", p.minorFaults());
        json.put("ops", p.rows().stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("op", r.op());
            row.put("calls", r.calls());
            row.put("ms", r.millis());
            row.put("share", r.millis() / p.wallMillis());
            return row;
        }).toList());
        return json;
    }

    private static void printProfile(PrintWriter o, String what, OpProfile p) {
        o.printf(Locale.ROOT, "%s: %.0f ms, of which ops %.0f ms; kernel CPU time %.0f ms, %d minor page faults%n",
                what, p.wallMillis(), p.opMillis(), p.kernelMillis(), p.minorFaults());
        o.printf(Locale.ROOT, "  %-28s %6s %10s %7s%n", "op", "calls", "ms", "share");
        p.rows().stream().limit(PROFILE_ROWS).forEach(r -> o.printf(Locale.ROOT, "  %-28s %6d %10.1f %6.1f%%%n",
                r.op(), r.calls(), r.millis(), 100 * r.millis() / p.wallMillis()));
    }

    /** @return the process's peak resident memory (VmHWM of /proc/self/status), or -1 where unknown */
    static double peakRssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
