package dev.aerodiff.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.diffusion.BatchArrays;
import dev.aerodiff.diffusion.FlowMatchingPath;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.diffusion.TimeGrid;
import dev.aerodiff.theory.GaussianData;
import dev.aerodiff.theory.GaussianDenoiser;
import dev.aerodiff.theory.SampleMoments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * With few steps, ancestral DDIM narrows a distribution even with the exact denoiser: each step
 * draws around E[x_0 | x_t] and leaves out Var[x_0 | x_t], and the last step returns
 * E[x_0 | x_(t_1)] itself. For 1-D Gaussian data N(0, s^2) every step is linear, so the std it
 * keeps follows from a variance recursion written here from the step's formula; the sampler must
 * match it, and steps crowded toward the data ({@code rho=3}) must keep more of it.
 */
class GridSpacingTest {
    private static final double STD = 0.05;
    private static final int SAMPLES = 4000;
    private static final NoiseSchedule OT = new FlowMatchingPath();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ddim:20:1", "ddim:20:1:rho=3", "ddim:8:1:rho=2"})
    void ancestralDdimKeepsTheStdTheRecursionPredicts(String name) {
        SamplerSpec spec = SamplerSpec.parse(name);
        double expected = keptStd(spec.grid(OT));
        double measured = sampledStd(spec) / STD;
        assertEquals(expected, measured, 0.04 * expected, name + ": kept " + measured + " of the std, the recursion "
                + expected);
    }

    @Test
    void crowdingTheStepsTowardTheDataKeepsMoreOfANarrowSpread() {
        double uniform = keptStd(SamplerSpec.parse("ddim:20:1").grid(OT));
        double crowded = keptStd(SamplerSpec.parse("ddim:20:1:rho=3").grid(OT));
        assertEquals(0.59, uniform, 0.01, "20 equal steps keep about 59% of a std of 0.05");
        assertTrue(crowded > uniform + 0.15, "rho = 3 keeps " + crowded + ", equal steps " + uniform);
        assertTrue(keptStd(SamplerSpec.parse("ddim:1000:1").grid(OT)) > 0.97, "the loss vanishes with the steps");
    }

    private static double sampledStd(SamplerSpec spec) {
        GaussianData data = new GaussianData(new double[] {0}, new double[][] {{STD * STD}});
        Samples s = new EnsembleRun(spec.sampler(), new GaussianDenoiser(data, OT, Parameterization.VELOCITY), OT,
                spec.grid(OT), 1000, DataType.DOUBLE)
                .run(SAMPLES, new long[] {1}, null, SeededNoise.of(20261206L), SamplingListener.NONE, i -> { });
        return Math.sqrt(SampleMoments.of(BatchArrays.toRows(s.x())).covariance()[0][0]);
    }

    /**
     * The std of ancestral DDIM's (eta = 1) samples over STD for N(0, STD^2) data and the exact denoiser:
     * x_s = alpha_s x0^ + sqrt(sigma_s^2 - c^2) eps^ + c z is A x_t + c z, with
     * x0^ = k x_t, k = alpha_t STD^2 / v_t, eps^ = (x_t - alpha_t x0^) / sigma_t, so
     * v_s = A^2 v_t + c^2, from the exact v at t_0; the step to t = 0 is x0^.
     */
    private static double keptStd(TimeGrid grid) {
        double t0 = grid.start();
        double v = sq(OT.alpha(t0) * STD) + sq(OT.sigma(t0));
        for (int i = 0; i < grid.steps(); i++) {
            double t = grid.time(i);
            double s = grid.time(i + 1);
            double at = OT.alpha(t);
            double st = OT.sigma(t);
            double k = at * STD * STD / (sq(at * STD) + sq(st));
            if (OT.sigma(s) == 0) {
                v *= k * k;
                break;
            }
            double as = OT.alpha(s);
            double ss = OT.sigma(s);
            double c2 = sq(ss) * (1 - sq(at / as) * sq(ss) / sq(st));
            double a = as * k + Math.sqrt(Math.max(0, sq(ss) - c2)) * (1 - at * k) / st;
            v = a * a * v + c2;
        }
        return Math.sqrt(v) / STD;
    }

    private static double sq(double x) {
        return x * x;
    }
}
