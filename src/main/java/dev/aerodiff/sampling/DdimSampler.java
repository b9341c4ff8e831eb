package dev.aerodiff.sampling;

import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.Parameterization;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DDIM (Song, Meng and Ermon, 2021, eq. 12) on any time grid. From level t to level s &lt; t:
 * <pre>
 *   x_s = alpha_s x0^ + sqrt(sigma_s^2 - c^2) eps^ + c z,    c = eta * sigma~
 *   sigma~^2 = sigma_(t|s)^2 sigma_s^2 / sigma_t^2,   sigma_(t|s)^2 = sigma_t^2 - (alpha_t/alpha_s)^2 sigma_s^2
 * </pre>
 * with x0^ and eps^ the model's estimates at x_t. eta = 0 is deterministic and equals one Euler
 * step of the probability-flow ODE in y = x/alpha, s = sigma/alpha; eta = 1 draws from the
 * posterior q(x_s | x_t, x_0 = x0^), i.e. ancestral sampling. One network evaluation per step.
 * Any Gaussian path will do: on flow matching's (alpha = 1 - t, sigma = t, velocity output)
 * x0^ = x_t - t v^ and eps^ = x_t + (1 - t) v^, and with eta = 1 this is the flow bundles' default
 * sampler.
 */
public final class DdimSampler extends GridSampler {
    private final double eta;

    /** Deterministic DDIM (eta = 0). */
    public DdimSampler() {
        this(0.0);
    }

    /**
     * @param eta stochasticity in [0, 1]
     * @throws IllegalArgumentException if out of range
     */
    public DdimSampler(double eta) {
        if (!(eta >= 0 && eta <= 1)) {
            throw new IllegalArgumentException("DDIM eta must be in [0, 1], got " + eta);
        }
        this.eta = eta;
    }

    /** @return eta */
    public double eta() {
        return eta;
    }

    @Override
    public String name() {
        return eta == 0 ? "ddim" : "ddim(eta=" + eta + ")";
    }

    @Override
    INDArray step(ModelEvaluator model, INDArray x, NoiseLevel from, NoiseLevel to, int index, NoiseSource noise) {
        return posteriorStep(model, x, from, to, eta, index, noise);
    }

    /** The DDIM update with the given eta; shared with ancestral DDPM (eta = 1). */
    static INDArray posteriorStep(ModelEvaluator model, INDArray x, NoiseLevel from, NoiseLevel to, double eta,
            int index, NoiseSource noise) {
        ModelEvaluator.Prediction p = model.evaluate(x, from);
        INDArray x0 = p.as(Parameterization.X0);
        INDArray eps = p.as(Parameterization.EPSILON);
        double c = eta == 0 ? 0 : eta * from.posteriorStd(to);
        double keep = Math.sqrt(Math.max(0, to.sigma() * to.sigma() - c * c));
        INDArray next = x0.mul(to.alpha()).addi(eps.mul(keep));
        if (c > 0) {
            next.addi(noise.normal(index, x.shape(), x.dataType()).muli(c));
        }
        return next;
    }
}
