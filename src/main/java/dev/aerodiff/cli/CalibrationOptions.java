package dev.aerodiff.cli;

import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.EnsemblePredictor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --calibration} option of the commands that sample a model: its spread corrected. */
final class CalibrationOptions {
    @Option(names = "--calibration", paramLabel = "FILE.json", description = "Spread calibration that 'aerodiff"
            + " calibrate' fitted for this model (the same bundles by content, or by name in files that record no"
            + " content) and sampler: every ensemble's per-pixel spread is corrected by its noise floor and gain, the"
            + " mean kept. Without --sampler the run samples with the one it was fitted with.")
    private Path file;

    /** The file as read, once. */
    private CalibrationFile content;

    /**
     * @param named     the --sampler given, or null
     * @param predictor the model as loaded
     * @param err       where a note goes when the calibration's sampler is not the model's default
     * @return the sampler of the run: the one named; else, where --calibration is given, the one it was
     *         fitted with (it holds for that one alone); else the model's default
     */
    SamplerSpec sampler(String named, EnsemblePredictor predictor, PrintWriter err) {
        if (named != null) {
            return SamplerSpec.parse(named);
        }
        if (file == null) {
            return predictor.defaultSampler();
        }
        return content().samplerInsteadOf(file, predictor.defaultSampler(), err);
    }

    private CalibrationFile content() {
        if (content == null) {
            content = CalibrationFile.read(file);
        }
        return content;
    }

    /**
     * @param predictor   the model as loaded
     * @param bundles     its --model bundles
     * @param combination how they were combined
     * @param sampler     the sampler of this run
     * @param samples     the ensemble size per condition of this run
     * @param err         where a note goes if the calibration was fitted with another ensemble size
     * @return the predictor, calibrated where --calibration is given
     * @throws IllegalArgumentException if the calibration was fitted for another model or sampler
     */
    EnsemblePredictor apply(EnsemblePredictor predictor, List<Path> bundles, ModelCombinationOptions combination,
                            SamplerSpec sampler, int samples, PrintWriter err) {
        if (file == null) {
            return predictor;
        }
        return content().applyTo(file, predictor, combination.identity(bundles), sampler, samples, err);
    }

    /**
     * @param option the option that excludes it (e.g. "--nearest")
     * @throws IllegalArgumentException if --calibration was given
     */
    void refuseWith(String option) {
        if (file != null) {
            throw new IllegalArgumentException("--calibration does not apply to " + option + ": it corrects the"
                    + " spread of a --model's ensembles");
        }
    }

    /** @return "-calibrated" where --calibration is given, "" otherwise: the end of the model's name */
    String suffix() {
        return file == null ? "" : "-calibrated";
    }

    /** Adds {@code "calibration": FILE} to a record, where given. */
    void record(Map<String, Object> header) {
        if (file != null) {
            header.put("calibration", file.toString());
        }
    }
}
