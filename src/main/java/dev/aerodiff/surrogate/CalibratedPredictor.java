package dev.aerodiff.surrogate;

import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.train.TrainingObjective;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * A predictor whose ensembles pass through a {@link SpreadCalibration}: the same draw, each
 * ensemble's samples moved per pixel so that its spread is the calibrated one.
 *
 * @param inner       the predictor that draws
 * @param calibration what corrects the spread of its ensembles
 */
public record CalibratedPredictor(EnsemblePredictor inner, SpreadCalibration calibration)
        implements EnsemblePredictor {

    @Override
    public List<Surrogate> members() {
        return inner.members();
    }

    @Override
    public Grid grid() {
        return inner.grid();
    }

    @Override
    public TrainingObjective objective() {
        return inner.objective();
    }

    @Override
    public SamplerSpec defaultSampler() {
        return inner.defaultSampler();
    }

    @Override
    public Mask mask(String airfoil) {
        return inner.mask(airfoil);
    }

    @Override
    public Optional<List<String>> extrapolation(FlowCondition condition) {
        return inner.extrapolation(condition);
    }

    @Override
    public List<Ensemble> predict(List<Surrogate.Request> requests, SamplerSpec spec, IntConsumer progress) {
        return inner.predict(requests, spec, progress).stream().map(calibration::apply).toList();
    }
}
