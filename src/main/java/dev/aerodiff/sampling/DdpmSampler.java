package dev.aerodiff.sampling;

import dev.aerodiff.diffusion.DiscreteSchedule;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.TimeGrid;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Ancestral DDPM sampling (Ho et al., 2020, Algorithm 2) through all T steps of the schedule's
 * discrete view (betas clipped, see {@link DiscreteSchedule}): from step k to k-1,
 * <pre>
 *   x_(k-1) = mu~(x_k, x0^) + sigma~_k z,   sigma~_k^2 = beta_k (1 - alpha-bar_(k-1)) / (1 - alpha-bar_k)
 * </pre>
 * the posterior q(x_(k-1) | x_k, x_0 = x0^); the model is called at t = k/T. This is the DDIM
 * update with eta = 1 on the full grid, so the code is shared. The grid must be
 * {@link TimeGrid#discrete(int)}; T network evaluations.
 */
public final class DdpmSampler extends GridSampler {

    @Override
    public String name() {
        return "ddpm";
    }

    @Override
    NoiseLevel[] levels(NoiseSchedule schedule, TimeGrid grid) {
        int steps = grid.steps();
        if (!grid.equals(TimeGrid.discrete(steps))) {
            throw new IllegalArgumentException("ddpm runs every step of its discrete schedule: expected the grid t = k/"
                    + steps + ", k = " + steps + "..0, got " + grid);
        }
        DiscreteSchedule view = schedule.discrete(steps);
        NoiseLevel[] levels = new NoiseLevel[steps + 1];
        for (int i = 0; i <= steps; i++) {
            levels[i] = view.level(steps - i);
        }
        return levels;
    }

    @Override
    INDArray step(ModelEvaluator model, INDArray x, NoiseLevel from, NoiseLevel to, int index, NoiseSource noise) {
        return DdimSampler.posteriorStep(model, x, from, to, 1.0, index, noise);
    }
}
