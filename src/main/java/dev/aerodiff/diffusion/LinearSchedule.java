package dev.aerodiff.diffusion;

/**
 * The linear DDPM schedule (Ho et al., 2020: betas from 1e-4 to 0.02 over N = 1000 steps) in its
 * continuous-time limit (Song et al., 2021), variance-preserving:
 * <pre>
 *   beta(t) = N (beta_min + t (beta_max - beta_min))          (0.1 + 19.9 t for the defaults)
 *   alpha(t) = exp(-B(t)/2),   B(t) = integral_0^t beta = N (beta_min t + (beta_max - beta_min) t^2 / 2)
 *   sigma(t) = sqrt(1 - exp(-B(t)))
 * </pre>
 * Its T-step discrete view at T = N reproduces the DDPM betas to within about 1%.
 */
public final class LinearSchedule implements NoiseSchedule {
    private final double b0;
    private final double b1;

    /** The DDPM schedule: betas 1e-4..0.02 over 1000 steps. */
    public LinearSchedule() {
        this(1e-4, 0.02, 1000);
    }

    /**
     * @param betaMin        first discrete beta
     * @param betaMax        last discrete beta
     * @param referenceSteps N, the step count the betas refer to
     * @throws IllegalArgumentException unless 0 &lt; betaMin &lt;= betaMax &lt; 1 and N &gt;= 1
     */
    public LinearSchedule(double betaMin, double betaMax, int referenceSteps) {
        if (!(betaMin > 0 && betaMin <= betaMax && betaMax < 1) || referenceSteps < 1) {
            throw new IllegalArgumentException("linear schedule needs 0 < betaMin <= betaMax < 1 and N >= 1, got "
                    + betaMin + ", " + betaMax + ", " + referenceSteps);
        }
        this.b0 = betaMin * referenceSteps;
        this.b1 = betaMax * referenceSteps;
    }

    private double integral(double t) {
        return b0 * t + (b1 - b0) * t * t / 2;
    }

    private double beta(double t) {
        return b0 + (b1 - b0) * t;
    }

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public double alpha(double t) {
        return Math.exp(-integral(t) / 2);
    }

    @Override
    public double sigma(double t) {
        return Math.sqrt(-Math.expm1(-integral(t)));
    }

    @Override
    public double alphaDot(double t) {
        return -0.5 * beta(t) * alpha(t);
    }

    @Override
    public double sigmaDot(double t) {
        return -alpha(t) * alphaDot(t) / sigma(t);
    }

    @Override
    public double timeAtRatio(double ratio) {
        // B(t) = log(1 + s^2), a quadratic in t
        double target = Math.log1p(ratio * ratio);
        double a = (b1 - b0) / 2;
        if (a == 0) {
            return target / b0;
        }
        return 2 * target / (b0 + Math.sqrt(b0 * b0 + 4 * a * target));
    }

    @Override
    public boolean variancePreserving() {
        return true;
    }

    @Override
    public String toString() {
        return "linear(beta(t) = " + b0 + " + " + (b1 - b0) + " t)";
    }
}
