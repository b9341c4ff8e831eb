package dev.aerodiff.cli;

import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.CalibratedPredictor;
import dev.aerodiff.surrogate.EnsemblePredictor;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --calibration} option of the commands that sample a model: its spread corrected. */
final class CalibrationOptions {
    @Option(names = "--calibration", paramLabel = "FILE.json", description = "Spread calibration that 'aerodiff"
            + " calibrate' fitted for this model and sampler: every ensemble's per-pixel spread is corrected by its"
            + " noise floor and gain, the mean kept.")
    private Path file;

    /**
     * @param predictor the model as loaded
     * @param modelName its name, as the commands name it
     * @param sampler   the sampler of this run
     * @return the predictor, calibrated where --calibration is given
     * @throws IllegalArgumentException if the calibration was fitted for another model or sampler
     */
    EnsemblePredictor apply(EnsemblePredictor predictor, String modelName, SamplerSpec sampler) {
        if (file == null) {
            return predictor;
        }
        CalibrationFile calibration = CalibrationFile.read(file);
        if (!calibration.modelName().equals(modelName)) {
            throw new IllegalArgumentException("--calibration " + file + " was fitted for the model "
                    + calibration.modelName() + ", this run samples " + modelName + ": fit one for it with aerodiff"
                    + " calibrate");
        }
        if (!calibration.sampler().equals(sampler.toString())) {
            throw new IllegalArgumentException("--calibration " + file + " was fitted with the sampler "
                    + calibration.sampler() + ", this run samples with " + sampler + ": a sampler changes the spread,"
                    + " so fit one for it with aerodiff calibrate --sampler " + sampler);
        }
        return new CalibratedPredictor(predictor, calibration.calibration());
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
