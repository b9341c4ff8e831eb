package dev.aerodiff.sampling;

import dev.aerodiff.diffusion.BatchArrays;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.diffusion.TimeGrid;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The stepping loop of every sampler that walks a time grid, written once: a method supplies only
 * its step from t_i to t_(i+1). A step that ends where sigma = 0 is the denoising step
 * x = E[x_0 | x_(t_i)] for every method.
 */
abstract class GridSampler implements Sampler {

    @Override
    public final Samples sample(Denoiser denoiser, NoiseSchedule schedule, TimeGrid grid, INDArray xInit,
            INDArray condition, NoiseSource noise, SamplingListener listener) {
        NoiseLevel[] levels = levels(schedule, grid);
        listener.start(name(), grid, xInit.size(0));
        ModelEvaluator model = new ModelEvaluator(name(), denoiser, condition);
        INDArray x = xInit;
        for (int i = 0; i < grid.steps(); i++) {
            NoiseLevel from = levels[i];
            NoiseLevel to = levels[i + 1];
            x = to.isClean() ? model.evaluate(x, from).as(Parameterization.X0) : step(model, x, from, to, i, noise);
            if (!BatchArrays.allFinite(x)) {
                throw new SamplingException(name(), to.t(), i, "the state has non-finite values");
            }
            listener.step(new StepInfo(i, from.t(), to.t(), x, model.calls()));
        }
        Samples result = new Samples(x, model.calls(), model.calls());
        listener.finish(result);
        return result;
    }

    /**
     * The noise level at each grid time; checks that the grid suits the method.
     *
     * @param schedule the schedule
     * @param grid     the grid
     * @return n + 1 levels
     */
    NoiseLevel[] levels(NoiseSchedule schedule, TimeGrid grid) {
        NoiseLevel[] levels = new NoiseLevel[grid.steps() + 1];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = schedule.level(grid.time(i));
        }
        return levels;
    }

    /**
     * One step to a level with sigma &gt; 0.
     *
     * @param model evaluates the denoiser
     * @param x     state at {@code from}
     * @param from  level at t_i
     * @param to    level at t_(i+1)
     * @param index i
     * @param noise noise for stochastic steps (stream key i)
     * @return the state at {@code to}
     */
    abstract INDArray step(ModelEvaluator model, INDArray x, NoiseLevel from, NoiseLevel to, int index,
            NoiseSource noise);
}
