package dev.aerodiff.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.diffusion.BatchArrays;
import dev.aerodiff.diffusion.Conversions;
import dev.aerodiff.diffusion.CosineSchedule;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.FlowMatchingPath;
import dev.aerodiff.diffusion.LinearSchedule;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.diffusion.TimeGrid;
import dev.aerodiff.sampling.DdimSampler;
import dev.aerodiff.sampling.OdeMethod;
import dev.aerodiff.sampling.OdeSampler;
import dev.aerodiff.sampling.ReverseSdeSampler;
import dev.aerodiff.sampling.Sampler;
import dev.aerodiff.sampling.SamplingListener;
import dev.aerodiff.sampling.SeededNoise;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The explicit one-point solution against the samplers and the ODE it claims to solve. */
class SinglePointSolutionTest {
    private static final double[] P = {1.5, -0.5};
    private static final double[] X = {0.3, 1.2};

    private static INDArray run(Sampler sampler, Denoiser d, NoiseSchedule s, TimeGrid grid, double[] start, int n) {
        double[][] rows = new double[n][];
        for (int b = 0; b < n; b++) {
            rows[b] = start.clone();
        }
        INDArray x = Nd4j.createFromArray(rows);
        return sampler.sample(d, s, grid, x, null, SeededNoise.of(7), SamplingListener.NONE).x();
    }

    @Test
    void theClosedFormSolvesTheProbabilityFlowOde() {
        for (NoiseSchedule s : new NoiseSchedule[] {new CosineSchedule(), new FlowMatchingPath()}) {
            SinglePointSolution sol = new SinglePointSolution(P, s);
            Denoiser d = sol.denoiser(Parameterization.EPSILON);
            double h = 1e-6;
            for (double t : new double[] {0.2, 0.5, 0.8}) {
                double[] xt = sol.flow(X, 0.9, t);
                INDArray x = Nd4j.createFromArray(new double[][] {xt});
                INDArray drift = Conversions.probabilityFlowDrift(d.evaluate(x, new double[] {t}, null),
                        Parameterization.EPSILON, x, s.level(t));
                double[] plus = sol.flow(X, 0.9, t + h);
                double[] minus = sol.flow(X, 0.9, t - h);
                for (int k = 0; k < 2; k++) {
                    assertEquals((plus[k] - minus[k]) / (2 * h), drift.getDouble(0, k), 1e-7, s + " t=" + t);
                }
            }
        }
    }

    @Test
    void deterministicSamplersFollowTheClosedFormTrajectory() {
        for (NoiseSchedule s : new NoiseSchedule[] {new CosineSchedule(), new FlowMatchingPath()}) {
            SinglePointSolution sol = new SinglePointSolution(P, s);
            Denoiser d = sol.denoiser(Parameterization.X0);
            double start = Math.min(s.tMax(), 0.999);
            TimeGrid grid = TimeGrid.uniform(3, start, 0.3);
            double[] exact = sol.flow(X, start, 0.3);
            // DDIM is an Euler step in y = x/alpha, s = sigma/alpha, where this trajectory is a straight line
            assertArrayEquals(exact, run(new DdimSampler(), d, s, grid, X, 1).toDoubleVector(), 1e-12, "ddim " + s);
            OdeSampler dopri = new OdeSampler(OdeMethod.DOPRI5,
                    OdeSampler.Options.defaults(OdeMethod.DOPRI5).withTolerance(1e-10));
            assertArrayEquals(exact, run(dopri, d, s, grid, X, 1).toDoubleVector(), 1e-8, "dopri5 " + s);
            INDArray end = run(dopri, d, s, TimeGrid.uniform(1, start, 0.0), X, 1);
            assertArrayEquals(P, end.toDoubleVector(), 1e-12, "collapse onto the point " + s);
        }
    }

    @Test
    void oneAncestralStepDrawsFromTheExplicitReverseTransition() {
        NoiseSchedule s = new CosineSchedule();
        SinglePointSolution sol = new SinglePointSolution(P, s);
        INDArray out = run(new DdimSampler(1.0), sol.denoiser(Parameterization.EPSILON), s, TimeGrid.of(0.8, 0.3),
                X, 4000);
        assertMoments(out, sol.reverseMean(X, 0.8, 0.3), sol.reverseStd(0.8, 0.3), 0.05);
    }

    @Test
    void eulerMaruyamaConvergesToTheExplicitReverseTransition() {
        for (NoiseSchedule s : new NoiseSchedule[] {new CosineSchedule(), new LinearSchedule()}) {
            SinglePointSolution sol = new SinglePointSolution(P, s);
            for (ReverseSdeSampler.Variables v : ReverseSdeSampler.Variables.values()) {
                INDArray out = run(new ReverseSdeSampler(v), sol.denoiser(Parameterization.SCORE), s,
                        TimeGrid.uniform(200, 0.8, 0.3), X, 4000);
                assertMoments(out, sol.reverseMean(X, 0.8, 0.3), sol.reverseStd(0.8, 0.3), 0.05);
            }
        }
    }

    private static void assertMoments(INDArray samples, double[] mean, double std, double stdTolerance) {
        double[][] rows = BatchArrays.toRows(samples);
        for (int k = 0; k < mean.length; k++) {
            double m = 0;
            for (double[] r : rows) {
                m += r[k] / rows.length;
            }
            double v = 0;
            for (double[] r : rows) {
                v += (r[k] - m) * (r[k] - m) / (rows.length - 1);
            }
            double se = std / Math.sqrt(rows.length);
            assertTrue(Math.abs(m - mean[k]) < 5 * se, "mean " + m + " vs " + mean[k] + " (se " + se + ")");
            assertEquals(std, Math.sqrt(v), stdTolerance * std, "std");
        }
    }
}
