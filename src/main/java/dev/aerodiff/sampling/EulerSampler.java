package dev.aerodiff.sampling;

import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.Parameterization;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Flow-matching Euler: explicit Euler on the probability-flow ODE dx/dt = u(x, t), u the flow
 * velocity, over the grid: x_(i+1) = x_i + (t_(i+1) - t_i) u(x_i, t_i). First order; one network
 * evaluation per step. On the optimal-transport path the last step to t = 0 is exactly the
 * denoising step x0^.
 */
public final class EulerSampler extends GridSampler {

    @Override
    public String name() {
        return "euler";
    }

    @Override
    INDArray step(ModelEvaluator model, INDArray x, NoiseLevel from, NoiseLevel to, int index, NoiseSource noise) {
        INDArray velocity = model.evaluate(x, from).as(Parameterization.VELOCITY);
        return x.add(velocity.mul(to.t() - from.t()));
    }
}
