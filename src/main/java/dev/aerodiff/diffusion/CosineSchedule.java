package dev.aerodiff.diffusion;

/**
 * The cosine schedule of Nichol and Dhariwal (2021), variance-preserving:
 * <pre>
 *   alpha-bar(t) = f(t)/f(0),   f(t) = cos^2(phi(t)),   phi(t) = (t + s)/(1 + s) * pi/2
 *   alpha = cos(phi)/cos(phi_0),   sigma^2 = 1 - alpha^2 = sin(phi - phi_0) sin(phi + phi_0) / cos^2(phi_0)
 * </pre>
 * with the small offset s = 0.008 so that beta stays above zero near t = 0. The discrete view
 * clips each beta at 0.999, which keeps alpha_T of the T-step DDPM above zero although the
 * continuous alpha(1) is 0; continuous samplers therefore start at {@link #tMax()}, the time whose
 * continuous alpha equals that clipped alpha_T.
 */
public final class CosineSchedule implements NoiseSchedule {
    /** The offset s of Nichol and Dhariwal. */
    public static final double DEFAULT_OFFSET = 0.008;
    /** The step count of the anchor's DDPM. */
    public static final int DEFAULT_STEPS = 200;

    private final double offset;
    private final int trainingSteps;
    private final double maxBeta;
    private final double rate;
    private final double phi0;
    private final double cosPhi0;
    private final double tMax;

    /** The schedule with s = 0.008, T = 200 and betas clipped at 0.999. */
    public CosineSchedule() {
        this(DEFAULT_OFFSET, DEFAULT_STEPS, 0.999);
    }

    /**
     * @param offset        s &gt; 0
     * @param trainingSteps T of the discrete view that fixes {@link #tMax()}
     * @param maxBeta       clip of the discrete betas, in (0, 1)
     * @throws IllegalArgumentException for values out of range
     */
    public CosineSchedule(double offset, int trainingSteps, double maxBeta) {
        if (!(offset > 0 && offset < 1)) {
            throw new IllegalArgumentException("cosine offset must be in (0, 1), got " + offset);
        }
        if (trainingSteps < 1) {
            throw new IllegalArgumentException("cosine schedule needs T >= 1, got " + trainingSteps);
        }
        if (!(maxBeta > 0 && maxBeta < 1)) {
            throw new IllegalArgumentException("maxBeta must be in (0, 1), got " + maxBeta);
        }
        this.offset = offset;
        this.trainingSteps = trainingSteps;
        this.maxBeta = maxBeta;
        this.rate = Math.PI / 2 / (1 + offset);
        this.phi0 = phi(0);
        this.cosPhi0 = Math.cos(phi0);
        this.tMax = Math.min(1.0, timeAtRatio(discrete(trainingSteps).level(trainingSteps).ratio()));
    }

    private double phi(double t) {
        return (t + offset) * rate;
    }

    @Override
    public String name() {
        return "cosine";
    }

    @Override
    public double alpha(double t) {
        return Math.cos(phi(t)) / cosPhi0;
    }

    @Override
    public double sigma(double t) {
        double p = phi(t);
        return Math.sqrt(Math.max(0, Math.sin(p - phi0) * Math.sin(p + phi0))) / cosPhi0;
    }

    @Override
    public double alphaDot(double t) {
        return -rate * Math.sin(phi(t)) / cosPhi0;
    }

    @Override
    public double sigmaDot(double t) {
        return -alpha(t) * alphaDot(t) / sigma(t);
    }

    @Override
    public double timeAtRatio(double ratio) {
        double p = Math.acos(cosPhi0 / Math.sqrt(1 + ratio * ratio));
        return Math.max(0.0, p / rate - offset);
    }

    @Override
    public boolean variancePreserving() {
        return true;
    }

    @Override
    public double maxBeta() {
        return maxBeta;
    }

    /** @return T of the discrete view this schedule was built for */
    public int trainingSteps() {
        return trainingSteps;
    }

    @Override
    public double tMax() {
        return tMax;
    }

    @Override
    public String toString() {
        return "cosine(s=" + offset + ", T=" + trainingSteps + ", maxBeta=" + maxBeta + ")";
    }
}
