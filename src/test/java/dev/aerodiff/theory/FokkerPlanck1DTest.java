package dev.aerodiff.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.diffusion.CosineSchedule;
import dev.aerodiff.diffusion.FlowMatchingPath;
import dev.aerodiff.diffusion.LinearSchedule;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The numerical forward density of two-component Gaussian-mixture data against the closed form
 * p_t(x) = sum_k w_k N(x; alpha m_k, alpha^2 s_k^2 + sigma^2).
 */
class FokkerPlanck1DTest {
    private static final double[] W = {0.3, 0.7};
    private static final double[] M = {-1.5, 1.0};
    private static final double[] S = {0.3, 0.5};

    static Stream<NoiseSchedule> schedules() {
        return Stream.of(new CosineSchedule(), new LinearSchedule(), new FlowMatchingPath());
    }

    private static double mixture(double x, NoiseLevel l) {
        double p = 0;
        for (int k = 0; k < W.length; k++) {
            double var = l.alpha() * l.alpha() * S[k] * S[k] + l.sigma() * l.sigma();
            p += W[k] * Math.exp(-Math.pow(x - l.alpha() * M[k], 2) / (2 * var)) / Math.sqrt(2 * Math.PI * var);
        }
        return p;
    }

    private static double[] closedForm(double[] x, NoiseLevel l) {
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = mixture(x[i], l);
        }
        return p;
    }

    private static double l1(double[] a, double[] b, double dx) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]) * dx;
        }
        return s;
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void forwardMarginalsMatchTheClosedForm(NoiseSchedule s) {
        double t0 = 0.02;
        double t1 = 0.8;
        for (int cells : new int[] {100, 200}) {
            FokkerPlanck1D fp = new FokkerPlanck1D(s, -6, 6, cells);
            double[] x = fp.centers();
            double[] p = fp.evolve(closedForm(x, s.level(t0)), t0, t1, 1e-8);
            double[] exact = closedForm(x, s.level(t1));
            double error = l1(p, exact, fp.cellWidth());
            double mass = 0;
            for (double v : p) {
                mass += v * fp.cellWidth();
            }
            assertEquals(1.0, mass, 1e-6, s + ": mass is conserved");
            assertTrue(error < (cells == 100 ? 2e-3 : 6e-4), s + " with " + cells + " cells: L1 error " + error);
        }
    }

    @Test
    void theErrorFallsWithTheSquareOfTheCellWidth() {
        NoiseSchedule s = new CosineSchedule();
        double[] errors = new double[2];
        int[] cells = {60, 120};
        for (int j = 0; j < 2; j++) {
            FokkerPlanck1D fp = new FokkerPlanck1D(s, -6, 6, cells[j]);
            double[] x = fp.centers();
            double[] p = fp.evolve(closedForm(x, s.level(0.05)), 0.05, 0.6, 1e-9);
            errors[j] = l1(p, closedForm(x, s.level(0.6)), fp.cellWidth());
        }
        double order = Math.log(errors[0] / errors[1]) / Math.log(2);
        assertTrue(order > 1.7 && order < 2.5, "order " + order + ", errors " + errors[0] + ", " + errors[1]);
    }

    @Test
    void badArgumentsAreRejected() {
        NoiseSchedule s = new LinearSchedule();
        assertThrows(IllegalArgumentException.class, () -> new FokkerPlanck1D(s, 1, -1, 10));
        FokkerPlanck1D fp = new FokkerPlanck1D(s, -1, 1, 10);
        assertThrows(IllegalArgumentException.class, () -> fp.evolve(new double[5], 0.1, 0.2, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> fp.evolve(new double[10], 0.3, 0.2, 1e-6));
    }
}
