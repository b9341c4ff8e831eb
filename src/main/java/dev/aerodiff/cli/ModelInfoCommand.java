package dev.aerodiff.cli;

import dev.aerodiff.field.Grid;
import dev.aerodiff.surrogate.BundleManifest;
import dev.aerodiff.surrogate.ModelBundle;
import dev.aerodiff.surrogate.Surrogate;
import dev.aerodiff.surrogate.TrainingReplay;
import dev.aerodiff.train.TrainingObjective;
import dev.aerodiff.train.TimeSampling;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code aerodiff model info BUNDLE}: what a bundle is and how it was made, after checking that
 * every weight the network needs is there with its shape.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show a bundle's method, network, grid, training conditions, provenance (the AeroDiff"
                + " version and revision, data, command, steps) and the sampler commands use with it, after"
                + " checking its weights.")
final class ModelInfoCommand implements Runnable {
    /** Why a bundle without a recorded sampler is sampled with its method's default. */
    private static final String NO_RECORD = "none recorded: the method's default";

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "Model bundle (.aerodiff).")
    private Path file;

    @Override
    public void run() {
        ModelBundle bundle = ModelBundle.read(file);
        long parameters = bundle.network().parameterCount();
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            Json.print(out, describe(bundle, parameters));
        } else {
            printText(out, bundle, parameters);
        }
    }

    private Map<String, Object> describe(ModelBundle bundle, long parameters) {
        BundleManifest m = bundle.manifest();
        Grid g = bundle.grid();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", file.toString());
        info.put("format", m.format());
        info.put("aerodiff_version", m.aerodiffVersion());
        info.put("method", m.method());
        info.put("parameterization", m.parameterization());
        info.put("schedule", m.schedule());
        info.put("network", m.network());
        info.put("condition_channels", m.scaling().conditionChannelNames());
        bundle.reference().ifPresent(r -> info.put("nearest_reference", Map.of("training_cases", r.size(),
                "residual_targets", m.scaling().nearestResidual())));
        info.put("parameters", parameters);
        Json.putGrid(info, g);
        info.put("channels", m.channels());
        info.put("units", m.units());
        info.put("training_conditions", m.trainingConditions());
        info.put("provenance", m.provenance());
        info.put("sampler", m.sampler() != null ? m.sampler() : Map.of("spec", defaultSampler(m),
                "reason", NO_RECORD));
        return info;
    }

    private void printText(PrintWriter out, ModelBundle bundle, long parameters) {
        BundleManifest m = bundle.manifest();
        Map<String, Object> p = m.provenance() == null ? Map.of() : m.provenance();
        out.printf(Locale.ROOT, "%s%n", file);
        line(out, "written by", String.format(Locale.ROOT, "AeroDiff %s (bundle format %d)%s", m.aerodiffVersion(),
                m.format(), p.containsKey("written") ? ", " + p.get("written") : ""));
        line(out, "method", m.method() + ", network output " + m.parameterization() + ", " + m.schedule());
        line(out, "network", String.format(Locale.ROOT, "%s, %,d parameters", m.network(), parameters));
        line(out, "grid", bundle.grid().describe());
        String distance = m.scaling().hasWallDistance()
                ? " (signed, over " + m.scaling().wallDistanceScale() + " chord, clipped to +-1)" : "";
        line(out, "condition", String.join(", ", m.scaling().conditionChannelNames()) + distance);
        bundle.reference().ifPresent(r -> line(out, "reference", String.format(Locale.ROOT,
                "moments of the nearest of %d training simulations (in the bundle)%s", r.size(),
                m.scaling().nearestResidual() ? "; the network learns the fields minus their mean" : "")));
        line(out, "channels", channels(m));
        line(out, "trained on", m.trainingConditions() == null
                ? "(conditions not recorded: the bundle predates that record)" : m.trainingConditions().describe());
        for (String key : List.of("data", "data_sha256", "command", "steps", "native_threads")) {
            if (p.containsKey(key)) {
                line(out, key.replace('_', ' '), String.valueOf(p.get(key)));
            }
        }
        if (p.get(TrainingReplay.INIT) instanceof Map<?, ?> start) {
            line(out, "fine-tuned", "from " + start.get("bundle") + " (SHA-256 " + start.get("sha256") + ")");
        }
        if (p.get("config") instanceof Map<?, ?> settings) {
            line(out, "training", training(settings));
        }
        if (p.get("training_loss") instanceof Map<?, ?> losses) {
            line(out, "loss", lossCurve(losses));
        }
        if (p.get("wall_seconds_this_run") instanceof Number seconds) {
            line(out, "wall time", String.format(Locale.ROOT, "%.1f min (the run that finished it)",
                    seconds.doubleValue() / 60));
        }
        line(out, "sampler", m.sampler() == null ? defaultSampler(m) + " (" + NO_RECORD + ")"
                : m.sampler().spec() + ": " + m.sampler().reason() + " (recorded " + m.sampler().written() + ")");
    }

    private static String defaultSampler(BundleManifest m) {
        return Surrogate.defaultSamplerText(TrainingObjective.of(m.method()));
    }

    /** @return the optimizer settings and the average of the weights that the bundle keeps */
    private static String training(Map<?, ?> settings) {
        String average = settings.get("emaRelativeStd") instanceof Number std && std.doubleValue() > 0
                ? "power-function average of the weights, relative std " + plain(std)
                : "moving average of the weights, decay " + plain(settings.get("emaDecay"));
        String times = settings.get("timeSampling") instanceof String s && !TimeSampling.UNIFORM.name().equals(s)
                ? "; training times " + TimeSampling.valueOf(s).id() : "";
        String loss = settings.get("loss") instanceof String l && settings.get("objective") instanceof String o
                && !TrainingObjective.valueOf(o).parameterization().name().equals(l)
                ? "; loss on " + l.toLowerCase(Locale.ROOT) : "";
        return String.format(Locale.ROOT, "batch %s, learning rate %s after %s warm-up steps, weight decay %s,"
                + " seed %s; %s%s%s", plain(settings.get("batchSize")), plain(settings.get("learningRate")),
                plain(settings.get("warmupSteps")), plain(settings.get("weightDecay")), plain(settings.get("seed")),
                average, times, loss);
    }

    /**
     * @return the training loss of the last steps and, where the run recorded whole blocks, their
     *         means at five points of the run (the first and last block and three between), each
     *         at the step that ends it
     */
    static String lossCurve(Map<?, ?> losses) {
        String text = losses.get("final_mean") instanceof Number last
                ? String.format(Locale.ROOT, "%.4g (mean of the last %s steps)", last.doubleValue(),
                        losses.get("final_steps"))
                : "not recorded (the run resumed from a checkpoint that kept none)";
        if (!(losses.get("mean") instanceof List<?> means) || means.isEmpty()) {
            return text;
        }
        int every = ((Number) losses.get("every")).intValue();
        int firstStep = ((Number) losses.get("first_step")).intValue();
        List<String> points = new ArrayList<>();
        int last = -1;
        for (int q = 0; q <= 4; q++) {
            int k = (int) Math.round(q * (means.size() - 1) / 4.0);
            if (k != last) {
                points.add(String.format(Locale.ROOT, "%.4g at %d", ((Number) means.get(k)).doubleValue(),
                        firstStep + (k + 1) * every));
                last = k;
            }
        }
        return text + "; per " + every + " steps " + String.join(", ", points);
    }

    /** @return a number as written in a configuration (0.0005, not 5.0E-4), anything else as it is */
    static String plain(Object value) {
        return value instanceof Number n
                ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : String.valueOf(value);
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf(Locale.ROOT, "  %-12s %s%n", label + ":", value);
    }

    private static String channels(BundleManifest m) {
        List<String> named = new ArrayList<>();
        for (int c = 0; c < m.channels().size(); c++) {
            named.add(m.channels().get(c) + (c < m.units().size() ? " [" + m.units().get(c) + "]" : ""));
        }
        return String.join(", ", named);
    }
}
