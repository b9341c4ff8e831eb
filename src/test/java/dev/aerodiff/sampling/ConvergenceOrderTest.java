package dev.aerodiff.sampling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.diffusion.BatchArrays;
import dev.aerodiff.diffusion.CosineSchedule;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.FlowMatchingPath;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.diffusion.TimeGrid;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fixed-step samplers converge to a tight adaptive solution of the probability-flow ODE at their
 * order: the slope of log(error) against log(steps) is -4 for RK4, -2 for Heun, -1 for Euler and
 * DDIM. The reference, Dormand-Prince 8(5,3) at tolerance 1e-12, is itself checked against the
 * closed-form Gaussian flow.
 */
class ConvergenceOrderTest {
    private static final int[] STEPS = {10, 20, 40, 80};
    private static final INDArray X_INIT = SeededNoise.of(11).normal(NoiseSource.INITIAL, new long[] {64, 4},
            DataType.DOUBLE);

    private static INDArray reference(Denoiser d, NoiseSchedule s) {
        OdeSampler tight = new OdeSampler(OdeMethod.DOP853, OdeSampler.Options.defaults(OdeMethod.DOP853)
                .withTolerance(1e-12).withMode(OdeSampler.Mode.BATCHED));
        return tight.sample(d, s, TimeGrid.forSchedule(s, 1), X_INIT, null, SeededNoise.of(1), SamplingListener.NONE)
                .x();
    }

    private static double[] errors(Sampler sampler, Denoiser d, NoiseSchedule s, INDArray reference) {
        double[] e = new double[STEPS.length];
        for (int i = 0; i < STEPS.length; i++) {
            INDArray x = sampler.sample(d, s, TimeGrid.forSchedule(s, STEPS[i]), X_INIT, null, SeededNoise.of(1),
                    SamplingListener.NONE).x();
            e[i] = x.sub(reference).amaxNumber().doubleValue();
        }
        return e;
    }

    /** Least-squares slope of log(error) against log(steps). */
    static double slope(double[] errors) {
        int n = errors.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(STEPS[i]) / n;
            my += Math.log(errors[i]) / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (Math.log(STEPS[i]) - mx) * (Math.log(errors[i]) - my);
            sxx += Math.pow(Math.log(STEPS[i]) - mx, 2);
        }
        return sxy / sxx;
    }

    private static void assertOrder(String what, double[] errors, double order, double tolerance) {
        double slope = slope(errors);
        System.out.printf("%s: convergence slope %.3f, errors %s%n", what, slope, java.util.Arrays.toString(errors));
        assertTrue(Math.abs(slope + order) < tolerance, what + ": slope " + slope + ", errors "
                + java.util.Arrays.toString(errors));
    }

    @Test
    void theReferenceAgreesWithTheClosedFormFlow() {
        NoiseSchedule s = new CosineSchedule();
        INDArray ref = reference(GaussianProblem.denoiser(s, Parameterization.EPSILON), s);
        double[][] rows = BatchArrays.toRows(X_INIT);
        double[][] exact = new double[rows.length][];
        for (int b = 0; b < rows.length; b++) {
            double[] y = GaussianProblem.DATA.flow(rows[b], s.level(s.tMax()), s.level(s.tMin()));
            exact[b] = new double[4];
            GaussianProblem.DATA.posteriorMeans(y, s.level(s.tMin()), exact[b], new double[4]);
        }
        double diff = ref.sub(BatchArrays.fromRows(exact, ref.shape(), DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(diff < 1e-9, "DOP853 at 1e-12 vs closed form: " + diff);
    }

    @Test
    void rungeKuttaIsFourthOrder() {
        NoiseSchedule s = new CosineSchedule();
        Denoiser d = GaussianProblem.denoiser(s, Parameterization.EPSILON);
        assertOrder("ode-rk4", errors(new OdeSampler(OdeMethod.RK4), d, s, reference(d, s)), 4, 0.5);
    }

    @Test
    void heunIsSecondOrderAndEulerFirstOrderOnTheFlowMatchingPath() {
        NoiseSchedule s = new FlowMatchingPath();
        Denoiser d = GaussianProblem.denoiser(s, Parameterization.VELOCITY);
        INDArray ref = reference(d, s);
        assertOrder("heun", errors(new HeunSampler(), d, s, ref), 2, 0.3);
        assertOrder("euler", errors(new EulerSampler(), d, s, ref), 1, 0.2);
    }

    @Test
    void ddimApproachesTheAdaptiveSolutionAsStepsGrow() {
        NoiseSchedule s = new CosineSchedule();
        Denoiser d = GaussianProblem.denoiser(s, Parameterization.EPSILON);
        double[] e = errors(new DdimSampler(), d, s, reference(d, s));
        for (int i = 1; i < e.length; i++) {
            assertTrue(e[i] < 0.6 * e[i - 1], "error shrinks with steps: " + java.util.Arrays.toString(e));
        }
        assertOrder("ddim", e, 1, 0.2);
    }
}
