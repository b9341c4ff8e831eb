package dev.aerodiff.train;

import java.util.function.IntToDoubleFunction;

/**
 * The power-function moving average of the weights (Karras et al. 2024, "Analyzing and improving
 * the training dynamics of diffusion models"): after step t the average weighs the weights of step
 * s by about {@code s^gamma}, so it always spans the same fraction of the run so far and never holds
 * the initial weights (the first step's decay is 0). Its width is the relative standard deviation
 * of that profile, {@code sqrt((gamma + 1) / ((gamma + 2)^2 (gamma + 3)))} of the steps taken; a
 * fixed decay d instead spans about 1 / (1 - d) steps however long the run, and keeps d^t of the
 * initial weights after t steps.
 *
 * @param relativeStd the profile's standard deviation over the steps taken, in (0, sqrt(1/12)):
 *                    0.05 to 0.15 put most of the weight (85 to 90%) on the last 10 to 40% of the run
 */
public record PowerEma(double relativeStd) {
    /** The widest profile, gamma = 0: the plain mean of all steps. */
    public static final double MAX_RELATIVE_STD = Math.sqrt(1.0 / 12.0);

    /** @throws IllegalArgumentException outside (0, sqrt(1/12)) */
    public PowerEma {
        if (!(relativeStd > 0 && relativeStd < MAX_RELATIVE_STD)) {
            throw new IllegalArgumentException("the relative std of the moving average must be in (0, "
                    + (float) MAX_RELATIVE_STD + "), got " + relativeStd);
        }
    }

    /** @return the exponent gamma whose profile has this relative std */
    public double gamma() {
        double lo = 0;
        double hi = 1;
        while (relativeStd(hi) > relativeStd) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (relativeStd(mid) > relativeStd) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * @param step the number of steps taken, counting the one just taken (1 after the first)
     * @return the decay of the average after that step: {@code (1 - 1/step)^(gamma + 1)}
     */
    public double decayAt(int step) {
        return decays().applyAsDouble(step);
    }

    /** @return the decay after each step, as {@link #decayAt}, with gamma found once */
    public IntToDoubleFunction decays() {
        double exponent = gamma() + 1;
        return step -> {
            if (step < 1) {
                throw new IllegalArgumentException("steps are counted from 1, got " + step);
            }
            return Math.pow(1.0 - 1.0 / step, exponent);
        };
    }

    /** @return the relative std of the profile s^gamma on [0, 1] */
    static double relativeStd(double gamma) {
        return Math.sqrt((gamma + 1) / ((gamma + 2) * (gamma + 2) * (gamma + 3)));
    }
}
