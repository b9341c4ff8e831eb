package dev.aerodiff.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.diffusion.CosineSchedule;
import dev.aerodiff.diffusion.FlowMatchingPath;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The 2-D forward density of a two-component mixture of correlated Gaussians against the closed
 * form sum_k w_k N(alpha m_k, alpha^2 S_k + sigma^2 I), and against particles of the forward process.
 */
class FokkerPlanck2DTest {
    private static final double[] W = {0.4, 0.6};
    private static final double[][] M = {{-1.2, 0.5}, {1.0, -0.8}};
    /** Covariances {s_xx, s_xy, s_yy}; the first is strongly correlated. */
    private static final double[][] S = {{0.30, 0.22, 0.25}, {0.20, -0.05, 0.35}};

    static Stream<NoiseSchedule> schedules() {
        return Stream.of(new CosineSchedule(), new FlowMatchingPath());
    }

    private static double density(double x, double y, NoiseLevel l) {
        double a2 = l.alpha() * l.alpha();
        double s2 = l.sigma() * l.sigma();
        double p = 0;
        for (int k = 0; k < W.length; k++) {
            double cxx = a2 * S[k][0] + s2;
            double cxy = a2 * S[k][1];
            double cyy = a2 * S[k][2] + s2;
            double det = cxx * cyy - cxy * cxy;
            double u = x - l.alpha() * M[k][0];
            double v = y - l.alpha() * M[k][1];
            double q = (cyy * u * u - 2 * cxy * u * v + cxx * v * v) / det;
            p += W[k] * Math.exp(-q / 2) / (2 * Math.PI * Math.sqrt(det));
        }
        return p;
    }

    private static double[] closedForm(FokkerPlanck2D fp, int n, NoiseLevel l) {
        double[] p = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                p[j * n + i] = density(fp.x(i), fp.y(j), l);
            }
        }
        return p;
    }

    /** Exact draws of x_t = alpha x_0 + sigma eps, x_0 from the mixture: {xs, ys}. */
    private static double[][] particles(NoiseLevel l, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] out = new double[2][n];
        for (int s = 0; s < n; s++) {
            int k = r.nextDouble() < W[0] ? 0 : 1;
            double l11 = Math.sqrt(S[k][0]);
            double l21 = S[k][1] / l11;
            double l22 = Math.sqrt(S[k][2] - l21 * l21);
            double z1 = gaussian(r);
            double z2 = gaussian(r);
            out[0][s] = l.alpha() * (M[k][0] + l11 * z1) + l.sigma() * gaussian(r);
            out[1][s] = l.alpha() * (M[k][1] + l21 * z1 + l22 * z2) + l.sigma() * gaussian(r);
        }
        return out;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void forwardMarginalsMatchTheClosedFormAndTheParticles(NoiseSchedule s) {
        int n = 80;
        double t0 = 0.05;
        double t1 = 0.7;
        FokkerPlanck2D fp = new FokkerPlanck2D(s, -5, 5, -5, 5, n, n);
        double[] p = fp.evolve(closedForm(fp, n, s.level(t0)), t0, t1, 1e-7);
        double[] exact = closedForm(fp, n, s.level(t1));
        double l1 = 0;
        double mass = 0;
        for (int c = 0; c < p.length; c++) {
            l1 += Math.abs(p[c] - exact[c]) * fp.cellArea();
            mass += p[c] * fp.cellArea();
        }
        assertEquals(1.0, mass, 1e-4, s + ": mass stays in the box");
        assertTrue(l1 < 5e-3, s + ": L1 error " + l1);

        double[][] at = particles(s.level(t1), 40_000, 3);
        double w1x = fp.marginalW1(p, at[0], true);
        double w1y = fp.marginalW1(p, at[1], false);
        assertTrue(w1x < 0.015 && w1y < 0.015, s + ": W1 to particles " + w1x + ", " + w1y);
        // Particles of an earlier time are visibly different: the check can fail.
        double[][] early = particles(s.level(0.3), 40_000, 3);
        assertTrue(fp.marginalW1(p, early[0], true) > 4 * w1x, s + ": earlier particles are told apart");
    }

    @Test
    void badArgumentsAreRejected() {
        NoiseSchedule s = new CosineSchedule();
        assertThrows(IllegalArgumentException.class, () -> new FokkerPlanck2D(s, 1, -1, 0, 1, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new FokkerPlanck2D(s, 0, 1, 0, 1, 2, 10));
        FokkerPlanck2D fp = new FokkerPlanck2D(s, 0, 1, 0, 1, 4, 4);
        assertThrows(IllegalArgumentException.class, () -> fp.evolve(new double[15], 0.1, 0.2, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> fp.evolve(new double[16], 0.3, 0.2, 1e-6));
    }
}
