package dev.aerodiff.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.diffusion.BatchArrays;
import dev.aerodiff.diffusion.CosineSchedule;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.FlowMatchingPath;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.diffusion.TimeGrid;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class GridSamplersTest {
    private static final NoiseSchedule COSINE = new CosineSchedule();
    private static final INDArray X = SeededNoise.of(8).normal(NoiseSource.INITIAL, new long[] {5, 4}, DataType.DOUBLE);

    private static Samples run(Sampler s, Denoiser d, NoiseSchedule schedule, TimeGrid grid) {
        return s.sample(d, schedule, grid, X, null, SeededNoise.of(1), SamplingListener.NONE);
    }

    @Test
    void ddimWithoutNoiseIsAnEulerStepInTheScaledVariables() {
        Denoiser d = GaussianProblem.denoiser(COSINE, Parameterization.V);
        NoiseLevel from = COSINE.level(0.7);
        NoiseLevel to = COSINE.level(0.4);
        INDArray x = run(new DdimSampler(), d, COSINE, TimeGrid.of(0.7, 0.4)).x();
        INDArray eps = new GaussianDenoiserView(COSINE).eps(X, 0.7);
        // y' = y + (s' - s) eps, y = x / alpha
        INDArray expected = X.div(from.alpha()).add(eps.mul(to.ratio() - from.ratio())).mul(to.alpha());
        assertArrayEquals(BatchArrays.toFlat(expected), BatchArrays.toFlat(x), 1e-12);
    }

    @Test
    void evaluationCountsFollowTheMethods() {
        Denoiser eps = GaussianProblem.denoiser(COSINE, Parameterization.EPSILON);
        TimeGrid grid = TimeGrid.forSchedule(COSINE, 12);
        assertEquals(12, run(new DdimSampler(), eps, COSINE, grid).nfe());
        assertEquals(12, run(new EulerSampler(), eps, COSINE, grid).nfe());
        assertEquals(23, run(new HeunSampler(), eps, COSINE, grid).nfe(), "the last step to sigma = 0 takes one");
        assertEquals(24, run(new HeunSampler(), eps, COSINE, TimeGrid.uniform(12, 0.9, 0.05)).nfe());
        assertEquals(12, run(new ReverseSdeSampler(), eps, COSINE, grid).nfe());
        assertEquals(200, run(new DdpmSampler(), eps, COSINE, TimeGrid.discrete(200)).nfe());
    }

    @Test
    void ddpmRunsOnlyOnItsDiscreteGrid() {
        Denoiser eps = GaussianProblem.denoiser(COSINE, Parameterization.EPSILON);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(new DdpmSampler(), eps, COSINE, TimeGrid.forSchedule(COSINE, 200)));
        assertTrue(e.getMessage().contains("k/200"), e.getMessage());
    }

    @Test
    void theLastStepToCleanDataIsTheDenoisingStep() {
        NoiseSchedule ot = new FlowMatchingPath();
        Denoiser v = GaussianProblem.denoiser(ot, Parameterization.VELOCITY);
        TimeGrid grid = TimeGrid.of(1.0, 0.5, 0.0);
        List<INDArray> states = new ArrayList<>();
        new EulerSampler().sample(v, ot, grid, X, null, SeededNoise.of(1), new SamplingListener() {
            @Override
            public void step(StepInfo info) {
                states.add(info.x());
            }
        });
        INDArray x0 = new GaussianDenoiserView(ot).x0(states.get(0), 0.5);
        assertArrayEquals(BatchArrays.toFlat(x0), BatchArrays.toFlat(states.get(1)), 1e-12);
    }

    @Test
    void stochasticStepsUseTheirNoiseAndDeterministicOnesDoNot() {
        Denoiser eps = GaussianProblem.denoiser(COSINE, Parameterization.EPSILON);
        TimeGrid grid = TimeGrid.forSchedule(COSINE, 10);
        NoiseSource failing = (step, shape, type) -> {
            throw new AssertionError("deterministic samplers draw no noise");
        };
        for (Sampler s : new Sampler[] {new DdimSampler(), new EulerSampler(), new HeunSampler()}) {
            s.sample(eps, COSINE, grid, X, null, failing, SamplingListener.NONE);
        }
        INDArray a = new DdimSampler(0.8).sample(eps, COSINE, grid, X, null, SeededNoise.of(1), SamplingListener.NONE)
                .x();
        INDArray b = new DdimSampler(0.8).sample(eps, COSINE, grid, X, null, SeededNoise.of(2), SamplingListener.NONE)
                .x();
        assertTrue(a.sub(b).amaxNumber().doubleValue() > 1e-3);
        assertThrows(IllegalArgumentException.class, () -> new DdimSampler(1.5));
    }

    @Test
    void nonFiniteValuesStopTheRunWithTheTime() {
        NoiseSchedule ot = new FlowMatchingPath();
        Denoiser eps = GaussianProblem.denoiser(ot, Parameterization.EPSILON);
        SamplingException e = assertThrows(SamplingException.class,
                () -> run(new DdimSampler(), eps, ot, TimeGrid.forSchedule(ot, 4)));
        assertTrue(e.getMessage().startsWith("ddim: cannot convert EPSILON to X0 (alpha = 0.0, sigma = 1.0) near t = 1.0"),
                e.getMessage());
        Denoiser broken = new Denoiser() {
            @Override
            public Parameterization parameterization() {
                return Parameterization.EPSILON;
            }

            @Override
            public INDArray evaluate(INDArray xt, double[] t, INDArray condition) {
                double[][] rows = BatchArrays.toRows(xt);
                rows[0][1] = Double.NaN;
                return BatchArrays.fromRows(rows, xt.shape(), xt.dataType());
            }
        };
        SamplingException nan = assertThrows(SamplingException.class,
                () -> run(new EulerSampler(), broken, COSINE, TimeGrid.forSchedule(COSINE, 4)));
        assertTrue(nan.getMessage().contains("denoiser returned non-finite values"), nan.getMessage());
    }

    /** Exact eps and x0 of the test problem, from its closed form. */
    private record GaussianDenoiserView(NoiseSchedule schedule) {
        INDArray eps(INDArray x, double t) {
            return GaussianProblem.denoiser(schedule, Parameterization.EPSILON).evaluate(x, times(x, t), null);
        }

        INDArray x0(INDArray x, double t) {
            return GaussianProblem.denoiser(schedule, Parameterization.X0).evaluate(x, times(x, t), null);
        }

        private static double[] times(INDArray x, double t) {
            double[] ts = new double[(int) x.size(0)];
            java.util.Arrays.fill(ts, t);
            return ts;
        }
    }
}
