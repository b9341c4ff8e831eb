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
            + " mean kept.")
    private Path file;

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
        return CalibrationFile.read(file).applyTo(file, predictor, combination.identity(bundles), sampler, samples,
                err);
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
