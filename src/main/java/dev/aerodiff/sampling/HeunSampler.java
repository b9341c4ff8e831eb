package dev.aerodiff.sampling;

import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.Parameterization;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Heun's method (explicit trapezoidal rule, second order) on the probability-flow ODE
 * dx/dt = u(x, t):
 * <pre>
 *   x' = x_i + h u(x_i, t_i),   x_(i+1) = x_i + h/2 [u(x_i, t_i) + u(x', t_(i+1))],   h = t_(i+1) - t_i
 * </pre>
 * Two network evaluations per step, except a last step to sigma = 0, which is the one-evaluation
 * denoising step (as in Karras et al., 2022).
 */
public final class HeunSampler extends GridSampler {

    @Override
    public String name() {
        return "heun";
    }

    @Override
    INDArray step(ModelEvaluator model, INDArray x, NoiseLevel from, NoiseLevel to, int index, NoiseSource noise) {
        double h = to.t() - from.t();
        INDArray u1 = model.evaluate(x, from).as(Parameterization.VELOCITY);
        INDArray predicted = x.add(u1.mul(h));
        INDArray u2 = model.evaluate(predicted, to).as(Parameterization.VELOCITY);
        return x.add(u1.addi(u2).muli(h / 2));
    }
}
