package dev.aerodiff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.data.NearestReference;
import dev.aerodiff.io.DataFileException;
import dev.aerodiff.io.NetcdfFieldDataset;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.nn.ConditionEmbedding;
import dev.aerodiff.nn.UNetConfig;
import dev.aerodiff.train.PowerEma;
import dev.aerodiff.train.TimeSampling;
import dev.aerodiff.train.TrainerConfig;
import dev.aerodiff.train.TrainingObjective;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Training settings from a JSON file (the keys of {@code train --config}), with single fields
 * overridden by command-line flags and the rest taken from {@link TrainerConfig#defaults}.
 */
final class TrainingSettings {
    private static final Set<String> KEYS = Set.of("data", "method", "steps", "batch_size", "learning_rate",
            "warmup_steps", "weight_decay", "ema_decay", "ema_relative_std", "seed", "network", "checkpoint_every",
            "out", "output", "loss", "time_sampling", "init");

    /** Help text listing the keys. */
    static final String KEYS_HELP = "keys: data, method, steps, batch_size, learning_rate, warmup_steps, weight_decay,"
            + " ema_decay, ema_relative_std (instead of ema_decay: a power-function average whose width is this"
            + " fraction of the steps taken, e.g. 0.1), seed, checkpoint_every, out, init (as --init), output (what"
            + " the network outputs: epsilon or v for ddpm,"
            + " velocity or x0 for flow), loss (the quantity whose squared error is minimized, one of the same:"
            + " epsilon, the default, or v for ddpm; velocity, the default, or x0 for flow), time_sampling"
            + " (uniform, the default; logit-normal: training times whose logit is standard normal, more of them"
            + " at middle noise levels; low-noise: t = u^2 for a uniform u, more of them near the data;"
            + " high-noise: t = 1 - u^2, more near pure noise), network"
            + " {base, mult, res_blocks, attention_levels, condition_embedding (true to"
            + " fit its periods to the training conditions, or {angle_period_deg, log_speed_period}), wall_distance"
            + " (true for the signed distance to the contour as a fourth condition channel), nearest_reference (true"
            + " for the mean and std of the nearest training simulations as six more condition channels),"
            + " nearest_residual (true for those channels and targets that are the fields minus that mean)}";

    private TrainingSettings() {
    }

    /**
     * @param file the JSON file, or null for no file
     * @param err  where unknown keys are reported
     * @return the settings as a JSON object (empty without a file)
     * @throws DataFileException if the file is not JSON
     */
    static JsonNode read(Path file, PrintWriter err) {
        if (file == null) {
            return new ObjectMapper().createObjectNode();
        }
        try {
            JsonNode node = new ObjectMapper().readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new DataFileException(file, "a training configuration must be a JSON object");
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!KEYS.contains(key)) {
                    err.println("aerodiff: warning: " + file + ": unknown key '" + key + "' ignored");
                }
            }
            return node;
        } catch (IOException e) {
            throw new DataFileException(file, "not a JSON training configuration: " + e.getMessage());
        }
    }

    /**
     * @param json     settings read by {@link #read}
     * @param method   overrides "method" unless null
     * @param steps    overrides "steps" unless null
     * @param batch    overrides "batch_size" unless null
     * @param learningRate overrides "learning_rate" unless null
     * @param seed     overrides "seed" unless null
     * @param training the conditions of the training cases, to which {@code "condition_embedding": true}
     *                 fits its periods (asked for only then)
     * @return the hyper-parameters
     * @throws IllegalArgumentException naming --config for values out of range
     */
    static TrainerConfig config(JsonNode json, String method, Integer steps, Integer batch, Double learningRate,
                                Long seed, Supplier<List<FlowCondition>> training) {
        return config(json, null, method, steps, batch, learningRate, seed, training);
    }

    /**
     * The same with other defaults: those of a run to continue.
     *
     * @param base the settings that fields missing from {@code json} and the flags take (those a
     *             fine-tuned bundle was trained with), or null for {@link TrainerConfig#defaults} of
     *             the method
     */
    static TrainerConfig config(JsonNode json, TrainerConfig base, String method, Integer steps, Integer batch,
                                Double learningRate, Long seed, Supplier<List<FlowCondition>> training) {
        TrainingObjective objective = TrainingObjective.of(method != null ? method
                : json.hasNonNull("method") ? json.get("method").asText() : base != null ? base.objective().id()
                : "ddpm");
        TrainerConfig d = base != null && base.objective() == objective ? base : TrainerConfig.defaults(objective);
        if (json.hasNonNull("ema_decay") && json.hasNonNull("ema_relative_std")) {
            throw new IllegalArgumentException("training settings (--config): set \"ema_decay\" or"
                    + " \"ema_relative_std\", not both");
        }
        JsonNode network = json.path("network");
        try {
            Parameterization output = parameterization(json, "output");
            Parameterization loss = parameterization(json, "loss");
            return new TrainerConfig(objective, network(json.get("network"), d.network(), training),
                    steps != null ? steps : json.path("steps").asInt(d.steps()),
                    batch != null ? batch : json.path("batch_size").asInt(d.batchSize()),
                    learningRate != null ? learningRate : json.path("learning_rate").asDouble(d.learningRate()),
                    json.path("warmup_steps").asInt(d.warmupSteps()),
                    json.path("weight_decay").asDouble(d.weightDecay()), json.path("ema_decay").asDouble(d.emaDecay()),
                    seed != null ? seed : json.path("seed").asLong(d.seed()), output != null ? output : d.output(),
                    json.hasNonNull("ema_decay") ? 0 : json.hasNonNull("ema_relative_std")
                            ? emaRelativeStd(json.get("ema_relative_std")) : d.emaRelativeStd(),
                    network.has("nearest_residual") ? flag(network, "nearest_residual") : d.nearestResidual(),
                    json.hasNonNull("time_sampling") ? TimeSampling.of(json.get("time_sampling").asText())
                            : d.timeSampling(), loss != null ? loss : d.loss());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("training settings (--config and flags): " + e.getMessage(), e);
        }
    }

    private static double emaRelativeStd(JsonNode n) {
        try {
            return new PowerEma(n.asDouble(Double.NaN)).relativeStd();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"ema_relative_std\": " + e.getMessage() + " (" + n + ")", e);
        }
    }

    /** @return the conditions of the data set {@code data}, read when asked for */
    static Supplier<List<FlowCondition>> conditionsOf(Path data) {
        return () -> {
            try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(data)) {
                return ds.conditions();
            }
        };
    }

    /**
     * @return the path under {@code key}
     * @throws IllegalArgumentException naming the flag and the key if it is missing
     */
    static Path path(JsonNode json, String key) {
        if (!json.hasNonNull(key)) {
            throw new IllegalArgumentException("missing --" + key + " (or \"" + key + "\" in --config)");
        }
        return Path.of(json.get(key).asText());
    }

    /** @return the quantity named under {@code key} ("output" or "loss"), null when missing */
    private static Parameterization parameterization(JsonNode json, String key) {
        JsonNode n = json.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        for (Parameterization p : Parameterization.values()) {
            if (p.name().toLowerCase(Locale.ROOT).equals(n.asText())) {
                return p;
            }
        }
        throw new IllegalArgumentException("\"" + key + "\": unknown quantity '" + n.asText() + "', expected "
                + Arrays.stream(TrainingObjective.values()).map(o -> o.outputs().stream()
                        .map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" or "))
                        + " (" + o.id() + ")").collect(Collectors.joining(" or ")));
    }

    private static UNetConfig network(JsonNode n, UNetConfig d, Supplier<List<FlowCondition>> training) {
        if (n == null) {
            return d;
        }
        int inChannels = d.outChannels() + 3 + (flag(n, "wall_distance") ? 1 : 0)
                + (flag(n, "nearest_reference") || flag(n, "nearest_residual") ? NearestReference.CHANNEL_NAMES.size()
                : 0);
        return new UNetConfig(inChannels, d.outChannels(), n.path("base").asInt(d.base()),
                n.has("mult") ? ints(n.get("mult")) : d.mult(), n.path("res_blocks").asInt(d.resBlocksPerLevel()),
                n.has("attention_levels") ? ints(n.get("attention_levels")) : d.attentionLevels(),
                conditionEmbedding(n.get("condition_embedding"), d.conditionEmbedding(), training));
    }

    /** @return the boolean {@code "network"} field {@code key}, false when missing */
    private static boolean flag(JsonNode network, String key) {
        JsonNode n = network.path(key);
        if (!n.isMissingNode() && !n.isBoolean()) {
            throw new IllegalArgumentException("\"network\": \"" + key + "\" must be true or false, got " + n);
        }
        return n.asBoolean(false);
    }

    private static ConditionEmbedding conditionEmbedding(JsonNode n, ConditionEmbedding d,
                                                         Supplier<List<FlowCondition>> training) {
        if (n == null || n.isNull()) {
            return d;
        }
        if (n.isBoolean()) {
            return n.asBoolean() ? ConditionEmbedding.fit(training.get()) : null;
        }
        if (n.isObject() && n.path("angle_period_deg").isNumber() && n.path("log_speed_period").isNumber()) {
            return new ConditionEmbedding(n.get("angle_period_deg").asDouble(), n.get("log_speed_period").asDouble());
        }
        throw new IllegalArgumentException("\"network\": \"condition_embedding\" must be true, false or"
                + " {\"angle_period_deg\": DEG, \"log_speed_period\": LN}, got " + n);
    }

    private static int[] ints(JsonNode array) {
        int[] v = new int[array.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = array.get(k).asInt();
        }
        return v;
    }
}
