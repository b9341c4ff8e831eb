package dev.aerodiff.theory;

/**
 * The finite-volume divergence of the Fokker-Planck flux of dx = f x dt + g dW along one axis of a
 * grid of equal cells: face flux F = f x_face (p_left + p_right)/2 - (g^2/2)(p_right - p_left)/dx,
 * zero at both ends, and dp_i -= (F_(i+1/2) - F_(i-1/2))/dx. Second order in dx; conserves mass.
 */
final class ConservativeFlux {
    private ConservativeFlux() {
    }

    /**
     * Adds the flux divergence along one line of cells to {@code dp}.
     *
     * @param p      densities
     * @param dp     receives the rate of change
     * @param first  index of the line's first cell
     * @param stride index step between neighbours along the line
     * @param n      cells on the line
     * @param xMin   coordinate of the line's first face
     * @param dx     cell width
     * @param f      drift coefficient f(t)
     * @param half   g(t)^2 / 2
     */
    static void addDivergence(double[] p, double[] dp, int first, int stride, int n, double xMin, double dx, double f,
                              double half) {
        for (int i = 0; i + 1 < n; i++) {
            int a = first + i * stride;
            int b = a + stride;
            double face = xMin + (i + 1) * dx;
            double flux = f * face * (p[a] + p[b]) / 2 - half * (p[b] - p[a]) / dx;
            dp[a] -= flux / dx;
            dp[b] += flux / dx;
        }
    }
}
