package dev.aerodiff.diffusion;

/**
 * The optimal-transport path of flow matching (Lipman et al., 2023) in AeroDiff's time convention
 * (t = 0 data, t = 1 noise):
 * <pre>
 *   alpha(t) = 1 - t,   sigma(t) = sigma_min + (1 - sigma_min) t
 * </pre>
 * Its flow velocity alpha' x_0 + sigma' eps = (1 - sigma_min) eps - x_0 is the regression target of
 * flow matching. With sigma_min &gt; 0 the data end of the path is blurred by sigma_min.
 */
public final class FlowMatchingPath implements NoiseSchedule {
    private final double sigmaMin;

    /** The path with sigma_min = 0 (rectified flow). */
    public FlowMatchingPath() {
        this(0.0);
    }

    /**
     * @param sigmaMin noise left at t = 0, in [0, 1)
     * @throws IllegalArgumentException if out of range
     */
    public FlowMatchingPath(double sigmaMin) {
        if (!(sigmaMin >= 0 && sigmaMin < 1)) {
            throw new IllegalArgumentException("sigma_min must be in [0, 1), got " + sigmaMin);
        }
        this.sigmaMin = sigmaMin;
    }

    /** @return sigma_min */
    public double sigmaMin() {
        return sigmaMin;
    }

    @Override
    public String name() {
        return "ot";
    }

    @Override
    public double alpha(double t) {
        return 1 - t;
    }

    @Override
    public double sigma(double t) {
        return sigmaMin + (1 - sigmaMin) * t;
    }

    @Override
    public double alphaDot(double t) {
        return -1;
    }

    @Override
    public double sigmaDot(double t) {
        return 1 - sigmaMin;
    }

    @Override
    public double timeAtRatio(double ratio) {
        // ratio (1 - t) = sigma_min + (1 - sigma_min) t
        return Math.max(0.0, (ratio - sigmaMin) / (ratio + 1 - sigmaMin));
    }

    @Override
    public boolean variancePreserving() {
        return false;
    }

    @Override
    public String toString() {
        return "ot(sigma_min=" + sigmaMin + ")";
    }
}
