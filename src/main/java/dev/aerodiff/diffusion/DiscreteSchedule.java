package dev.aerodiff.diffusion;

/**
 * The discrete T-step view of a schedule, as ancestral DDPM uses it: step k of T sits at t = k/T
 * and has alpha_k = alpha(k/T), sigma_k = sigma(k/T). For variance-preserving schedules
 * alpha-bar_k = alpha_k^2 and beta_k = 1 - alpha-bar_k / alpha-bar_(k-1), each beta clipped at
 * {@link NoiseSchedule#maxBeta()} (Nichol and Dhariwal, 2021), i.e.
 * <pre>
 *   alpha-bar_k = max(alpha(k/T)^2, alpha-bar_(k-1) (1 - maxBeta)),   sigma_k = sqrt(1 - alpha-bar_k)
 * </pre>
 * so that alpha_T &gt; 0 even where the continuous alpha(1) is 0 (cosine schedule).
 */
public final class DiscreteSchedule {
    private final NoiseSchedule schedule;
    private final int steps;
    private final double[] alpha;
    private final double[] sigma;

    /**
     * @param schedule the continuous schedule
     * @param steps    T &gt;= 1
     * @throws IllegalArgumentException if steps &lt; 1
     */
    public DiscreteSchedule(NoiseSchedule schedule, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("discrete schedule needs T >= 1 steps, got " + steps);
        }
        this.schedule = schedule;
        this.steps = steps;
        this.alpha = new double[steps + 1];
        this.sigma = new double[steps + 1];
        double previousBar = Double.NaN;
        for (int k = 0; k <= steps; k++) {
            double t = time(k);
            if (schedule.variancePreserving()) {
                double a = schedule.alpha(t);
                double bar = a * a;
                if (k > 0) {
                    bar = Math.max(bar, previousBar * (1 - schedule.maxBeta()));
                }
                alpha[k] = Math.sqrt(bar);
                sigma[k] = bar == a * a ? schedule.sigma(t) : Math.sqrt(1 - bar);
                previousBar = bar;
            } else {
                alpha[k] = schedule.alpha(t);
                sigma[k] = schedule.sigma(t);
            }
        }
    }

    /** @return T */
    public int steps() {
        return steps;
    }

    /**
     * @param k step index 0..T
     * @return k/T
     */
    public double time(int k) {
        return (double) k / steps;
    }

    /**
     * @param k step index 0..T
     * @return alpha_k and sigma_k (clipped), with the continuous schedule's derivatives at k/T
     */
    public NoiseLevel level(int k) {
        double t = time(k);
        return new NoiseLevel(t, alpha[k], sigma[k], schedule.alphaDot(t), schedule.sigmaDot(t));
    }

    /** @return alpha-bar_k = alpha_k^2 for k = 0..T */
    public double[] alphaBars() {
        double[] bars = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            bars[k] = alpha[k] * alpha[k];
        }
        return bars;
    }

    /**
     * @return beta_1..beta_T (index 0 holds beta_1)
     * @throws IllegalStateException if the schedule is not variance-preserving
     */
    public double[] betas() {
        if (!schedule.variancePreserving()) {
            throw new IllegalStateException("betas are defined for variance-preserving schedules only, not "
                    + schedule.name());
        }
        double[] bars = alphaBars();
        double[] betas = new double[steps];
        for (int k = 1; k <= steps; k++) {
            betas[k - 1] = 1 - bars[k] / bars[k - 1];
        }
        return betas;
    }
}
