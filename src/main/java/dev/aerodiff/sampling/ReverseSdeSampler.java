package dev.aerodiff.sampling;

import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.diffusion.TimeGrid;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The reverse-time SDE (Anderson, 1982; Song et al., 2021) with Euler-Maruyama, one network
 * evaluation per step. The forward SDE dx = f x dt + g dW with f = alpha'/alpha,
 * g^2 = d(sigma^2)/dt - 2 f sigma^2 has the path's marginals; its reverse is
 * dx = [f x - g^2 score] dt + g dW-bar. Two sets of variables:
 * <ul>
 *   <li>{@link Variables#STATE}: Euler-Maruyama in x and t, h = t_i - t_(i+1):
 *       x_(i+1) = x_i - h [f x_i - g^2 score] + g sqrt(h) z. Needs h f and h g^2 small, which fails
 *       near t = 1 on the cosine schedule (f ~ 1/(1 - t)); fine on the linear schedule.</li>
 *   <li>{@link Variables#SCALED} (default): Euler-Maruyama in y = x/alpha with time tau = s^2,
 *       s = sigma/alpha, where the forward process is Brownian motion dy = dW_tau:
 *       y_(i+1) = y_i - ((s_i^2 - s_(i+1)^2)/s_i) eps^ + sqrt(s_i^2 - s_(i+1)^2) z. Stable for
 *       every schedule; needs alpha(t_0) &gt; 0.</li>
 * </ul>
 */
public final class ReverseSdeSampler extends GridSampler {

    /** The variables in which the SDE is discretized. */
    public enum Variables {
        /** x and t. */
        STATE,
        /** y = x/alpha and tau = (sigma/alpha)^2. */
        SCALED
    }

    private final Variables variables;

    /** Euler-Maruyama in the scaled variables. */
    public ReverseSdeSampler() {
        this(Variables.SCALED);
    }

    /** @param variables the variables to discretize in */
    public ReverseSdeSampler(Variables variables) {
        this.variables = variables;
    }

    @Override
    public String name() {
        return variables == Variables.SCALED ? "sde-euler" : "sde-euler(state)";
    }

    @Override
    NoiseLevel[] levels(NoiseSchedule schedule, TimeGrid grid) {
        NoiseLevel[] levels = super.levels(schedule, grid);
        if (!(levels[0].alpha() > 0)) {
            throw new IllegalArgumentException("sde-euler needs alpha > 0 at the start time; " + schedule.name()
                    + " has alpha(" + grid.start() + ") = " + levels[0].alpha() + ": start the grid below it");
        }
        return levels;
    }

    @Override
    INDArray step(ModelEvaluator model, INDArray x, NoiseLevel from, NoiseLevel to, int index, NoiseSource noise) {
        ModelEvaluator.Prediction p = model.evaluate(x, from);
        INDArray z = noise.normal(index, x.shape(), x.dataType());
        if (variables == Variables.STATE) {
            double h = from.t() - to.t();
            INDArray drift = p.reverseSdeDrift();
            return x.sub(drift.muli(h)).addi(z.muli(Math.sqrt(from.diffusionSquared() * h)));
        }
        double s = from.ratio();
        double next = to.ratio();
        double dTau = s * s - next * next;
        INDArray y = x.div(from.alpha()).subi(p.as(Parameterization.EPSILON).mul(dTau / s));
        return y.addi(z.muli(Math.sqrt(dTau))).muli(to.alpha());
    }
}
