package dev.aerodiff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.field.Channel;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.CalibratedPredictor;
import dev.aerodiff.surrogate.EnsemblePredictor;
import dev.aerodiff.surrogate.SpreadCalibration;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@link SpreadCalibration} as {@code aerodiff calibrate} writes it: JSON with the format name and
 * version, the model it was fitted for ({@code model_name}, as the commands name it, and
 * {@code model_content}, the same made of the bundles' SHA-256: {@link ModelIdentity}), the sampler, and per
 * channel {@code noise_floor} and {@code gain}, next to how it was made. A file that records the content
 * applies to the bundles of that content whatever their file names; one written before it was recorded, to
 * the model of that name.
 *
 * @param calibration  the floor and gain per channel
 * @param modelName    the model's name ({@code ModelCombinationOptions#name})
 * @param modelContent the model's content ({@link ModelIdentity#content}), where recorded
 * @param sampler      the sampler specification it was fitted with
 * @param samples      the ensemble size per condition it was fitted with, where recorded
 */
record CalibrationFile(SpreadCalibration calibration, String modelName, Optional<String> modelContent, String sampler,
                       OptionalInt samples) {
    /** The value of the {@code format} key. */
    static final String FORMAT = "aerodiff-spread-calibration";
    /** The version this code writes and reads. */
    static final int VERSION = 1;

    /**
     * @param provenance what else to record (model paths, data, samples, seed, errors, command), after the
     *                   calibration's own keys; {@code samples} is read back into {@link #samples}
     * @return the file's content
     */
    Map<String, Object> json(Map<String, Object> provenance) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("version", VERSION);
        json.put("model_name", modelName);
        modelContent.ifPresent(content -> json.put("model_content", content));
        json.put("sampler", sampler);
        Map<String, Object> channels = new LinkedHashMap<>();
        for (Channel c : Channel.ALL) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("noise_floor", calibration.noiseFloor()[c.ordinal()]);
            one.put("gain", calibration.gain()[c.ordinal()]);
            channels.put(c.variableName(), one);
        }
        json.put("channels", channels);
        json.putAll(provenance);
        return json;
    }

    /**
     * @param file a file {@code aerodiff calibrate} wrote
     * @return its calibration
     * @throws IllegalArgumentException naming the file and what is wrong, if it cannot be read, is not
     *                                  such a file, or is of a newer version
     */
    static CalibrationFile read(Path file) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read spread calibration " + file + ": " + e.getMessage(), e);
        }
        if (json == null || !FORMAT.equals(json.path("format").asText())) {
            throw new IllegalArgumentException(file + " is not a spread calibration: expected \"format\": \"" + FORMAT
                    + "\" (written by aerodiff calibrate)");
        }
        int version = json.path("version").asInt(-1);
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException("spread calibration " + file + " has version " + json.path("version")
                    + "; this AeroDiff reads version " + VERSION + (version > VERSION ? ": upgrade AeroDiff" : ""));
        }
        double[] floors = new double[Channel.count()];
        double[] gains = new double[Channel.count()];
        for (Channel c : Channel.ALL) {
            JsonNode one = json.path("channels").path(c.variableName());
            floors[c.ordinal()] = number(file, one, c, "noise_floor");
            gains[c.ordinal()] = number(file, one, c, "gain");
        }
        SpreadCalibration calibration;
        try {
            calibration = new SpreadCalibration(floors, gains);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("spread calibration " + file + ": " + e.getMessage(), e);
        }
        String sampler = text(file, json, "sampler");
        try {
            SamplerSpec.parse(sampler);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("spread calibration " + file + ", \"sampler\": " + e.getMessage(), e);
        }
        JsonNode samples = json.path("samples");
        return new CalibrationFile(calibration, text(file, json, "model_name"),
                json.has("model_content") ? Optional.of(text(file, json, "model_content")) : Optional.empty(),
                sampler, samples.canConvertToInt() && samples.isIntegralNumber()
                        ? OptionalInt.of(samples.asInt()) : OptionalInt.empty());
    }

    /** @return the sampler it was fitted with, the only one it holds for */
    SamplerSpec samplerSpec() {
        return SamplerSpec.parse(sampler);
    }

    /**
     * @param file where it was read from, for the note
     * @param own  the sampler the model would use by default
     * @param err  where a note goes when the two differ
     * @return the sampler of a run that names none: the one this calibration was fitted with
     */
    SamplerSpec samplerInsteadOf(Path file, SamplerSpec own, PrintWriter err) {
        SamplerSpec fitted = samplerSpec();
        if (!fitted.equals(own)) {
            err.printf(Locale.ROOT, "note: sampling with %s, the sampler --calibration %s was fitted with (the"
                    + " model's own default: %s)%n", fitted, file, own);
            err.flush();
        }
        return fitted;
    }

    /**
     * @param model a run's model
     * @return whether this calibration was fitted for it: the same content where the file records it, the
     *         same name otherwise
     */
    boolean isFor(ModelIdentity model) {
        return modelContent.map(model.content()::equals).orElseGet(() -> modelName.equals(model.name()));
    }

    /**
     * @param file      where it was read from, for the messages
     * @param predictor the model as loaded
     * @param model     its name and content
     * @param sampler   the sampler of this run
     * @param samples   the ensemble size per condition of this run
     * @param err       where a note goes if the calibration was fitted with another ensemble size
     * @return the predictor with its spread calibrated
     * @throws IllegalArgumentException naming the file, if it was fitted for another model or sampler
     */
    EnsemblePredictor applyTo(Path file, EnsemblePredictor predictor, ModelIdentity model, SamplerSpec sampler,
                              int samples, PrintWriter err) {
        if (!isFor(model)) {
            throw new IllegalArgumentException("--calibration " + file + " was fitted for the model " + modelName
                    + ", this run samples " + model.name() + (modelContent.isPresent() ? " (bundles of other content:"
                    + " their SHA-256 differ from those the file records)" : "") + ": fit one for it with aerodiff"
                    + " calibrate");
        }
        if (!samplerSpec().equals(sampler)) {
            throw new IllegalArgumentException("--calibration " + file + " was fitted with the sampler " + this.sampler
                    + ", this run samples with " + sampler + ": a sampler changes the spread, so fit one for it with"
                    + " aerodiff calibrate --sampler " + sampler);
        }
        err.print(ensembleSizeNote(file, samples));
        err.flush();
        return new CalibratedPredictor(predictor, calibration);
    }

    /**
     * @param file    where it was read from
     * @param samples the ensemble size per condition of this run
     * @return a one-line note where the calibration was fitted with another ensemble size (the per-pixel
     *         spread of a small ensemble is biased low, so the floor fitted depends a little on it), or
     *         empty
     */
    private String ensembleSizeNote(Path file, int samples) {
        if (this.samples.isEmpty() || this.samples.getAsInt() == samples) {
            return "";
        }
        return String.format(Locale.ROOT, "note: --calibration %s was fitted with %d samples per condition,"
                + " this run draws %d; fit it with the ensemble size you draw (aerodiff calibrate --samples %d)%n",
                file, this.samples.getAsInt(), samples, samples);
    }

    private static double number(Path file, JsonNode channel, Channel c, String key) {
        JsonNode value = channel.path(key);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("spread calibration " + file + ": channels." + c.variableName() + "."
                    + key + " must be a number");
        }
        return value.asDouble();
    }

    private static String text(Path file, JsonNode json, String key) {
        JsonNode value = json.path(key);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("spread calibration " + file + ": \"" + key + "\" must be a string");
        }
        return value.asText();
    }
}
