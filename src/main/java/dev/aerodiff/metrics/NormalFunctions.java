package dev.aerodiff.metrics;

import org.hipparchus.special.Erf;

/** Standard normal density, distribution function and the density at a quantile. */
final class NormalFunctions {
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double SQRT_2 = Math.sqrt(2);

    private NormalFunctions() {
    }

    /** @return phi(z) = exp(-z^2/2) / sqrt(2 pi) */
    static double density(double z) {
        return Math.exp(-0.5 * z * z) / SQRT_2PI;
    }

    /** @return Phi(z), the standard normal distribution function */
    static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / SQRT_2);
    }

    /** @return phi(Phi^-1(u)) for u in (0, 1); 0 at u = 0 and u = 1 */
    static double densityAtQuantile(double u) {
        if (u <= 0 || u >= 1) {
            return 0;
        }
        return density(SQRT_2 * Erf.erfInv(2 * u - 1));
    }
}
