package dev.aerodiff.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.diffusion.BatchArrays;
import dev.aerodiff.diffusion.CosineSchedule;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.FlowMatchingPath;
import dev.aerodiff.diffusion.LinearSchedule;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.diffusion.TimeGrid;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class OdeSamplerTest {
    private static final NoiseSchedule COSINE = new CosineSchedule();
    private static final Denoiser EPS = GaussianProblem.denoiser(COSINE, Parameterization.EPSILON);
    private static final INDArray X = SeededNoise.of(4).normal(NoiseSource.INITIAL, new long[] {6, 4}, DataType.DOUBLE);

    private static Samples run(OdeSampler sampler, TimeGrid grid) {
        return sampler.sample(EPS, COSINE, grid, X, null, SeededNoise.of(1), SamplingListener.NONE);
    }

    @Test
    void rungeKuttaUsesFourEvaluationsPerStepPlusTheStartAndTheDenoisingStep() {
        for (int n : new int[] {1, 7, 40}) {
            Samples s = run(new OdeSampler(OdeMethod.RK4), TimeGrid.forSchedule(COSINE, n));
            assertEquals(4 * n + 2, s.nfe(), "rk4 with " + n + " steps");
            assertEquals(s.nfe(), s.denoiserCalls());
        }
        Samples toPositiveEnd = run(new OdeSampler(OdeMethod.RK4), TimeGrid.uniform(10, 0.9, 0.2));
        assertEquals(41, toPositiveEnd.nfe(), "no denoising step when the grid ends at sigma > 0");
    }

    @Test
    void theReportedCountIsTheIntegratorsCount() {
        for (OdeMethod m : OdeMethod.values()) {
            int units = m.adaptive() ? 1 : 20;
            ProbabilityFlowOde ode = new ProbabilityFlowOde("test", EPS, COSINE, null, X.shape(), DataType.DOUBLE,
                    ProbabilityFlowOde.Variables.STATE, new ProbabilityFlowOde.Interval(COSINE.tMax(), 0.1, units));
            ODEIntegrator integrator = m.create(units, 20, 1e-6);
            integrator.integrate(ode, new ODEState(0, ode.toState(X, COSINE.tMax())), units);
            assertEquals(integrator.getEvaluations(), ode.evaluations(), m.name());
            Samples s = run(new OdeSampler(m, OdeSampler.Options.defaults(m).withTolerance(1e-6)
                    .withMode(OdeSampler.Mode.BATCHED)), TimeGrid.uniform(20, COSINE.tMax(), 0.1));
            assertEquals(integrator.getEvaluations(), s.nfe(), m.name());
        }
    }

    @Test
    void perSampleAndBatchedModesAgree() {
        OdeSampler.Options rk4 = OdeSampler.Options.defaults(OdeMethod.RK4);
        TimeGrid grid = TimeGrid.forSchedule(COSINE, 12);
        Samples batched = run(new OdeSampler(OdeMethod.RK4, rk4.withMode(OdeSampler.Mode.BATCHED)), grid);
        Samples single = run(new OdeSampler(OdeMethod.RK4, rk4.withMode(OdeSampler.Mode.PER_SAMPLE)), grid);
        assertArrayEquals(BatchArrays.toFlat(batched.x()), BatchArrays.toFlat(single.x()), 1e-13);
        assertEquals(batched.nfe(), single.nfe());
        assertEquals(single.nfe(), single.denoiserCalls(), "the six solves share batched calls, then one denoising call");

        OdeSampler.Options dopri = OdeSampler.Options.defaults(OdeMethod.DOPRI5).withTolerance(1e-9);
        Samples a = run(new OdeSampler(OdeMethod.DOPRI5, dopri.withMode(OdeSampler.Mode.BATCHED)), grid);
        Samples b = run(new OdeSampler(OdeMethod.DOPRI5, dopri), grid);
        assertArrayEquals(BatchArrays.toFlat(a.x()), BatchArrays.toFlat(b.x()), 1e-7);
        assertEquals(b.nfe(), b.denoiserCalls(), "per-sample mode gathers the samples' evaluations into batched calls");
    }

    @Test
    void scaledVariablesGiveTheSameSolution() {
        for (NoiseSchedule s : new NoiseSchedule[] {COSINE, new LinearSchedule()}) {
            Denoiser d = GaussianProblem.denoiser(s, Parameterization.X0);
            OdeSampler.Options o = OdeSampler.Options.defaults(OdeMethod.DOPRI5).withTolerance(1e-9)
                    .withMode(OdeSampler.Mode.BATCHED);
            TimeGrid grid = TimeGrid.forSchedule(s, 1);
            INDArray state = new OdeSampler(OdeMethod.DOPRI5, o).sample(d, s, grid, X, null, SeededNoise.of(1),
                    SamplingListener.NONE).x();
            INDArray scaled = new OdeSampler(OdeMethod.DOPRI5, o.withVariables(ProbabilityFlowOde.Variables.SCALED))
                    .sample(d, s, grid, X, null, SeededNoise.of(1), SamplingListener.NONE).x();
            assertArrayEquals(BatchArrays.toFlat(state), BatchArrays.toFlat(scaled), 1e-6, s.name());
        }
    }

    @Test
    void theListenerSeesEveryAcceptedStep() {
        List<StepInfo> steps = new ArrayList<>();
        int[] finished = {0};
        Samples s = new OdeSampler(OdeMethod.RK4).sample(EPS, COSINE, TimeGrid.uniform(5, 0.9, 0.1), X, null,
                SeededNoise.of(1), new SamplingListener() {
                    @Override
                    public void step(StepInfo info) {
                        steps.add(info);
                    }

                    @Override
                    public void finish(Samples result) {
                        finished[0] = result.nfe();
                    }
                });
        assertEquals(5, steps.size());
        assertEquals(0.1, steps.get(4).tNext(), 1e-12);
        for (int i = 0; i < 5; i++) {
            assertEquals(i, steps.get(i).index());
            assertTrue(steps.get(i).tNext() < steps.get(i).t());
        }
        assertEquals(s.nfe(), finished[0]);
        assertArrayEquals(BatchArrays.toFlat(s.x()), BatchArrays.toFlat(steps.get(4).x()), 0.0);
    }

    @Test
    void failuresNameTheTimeAndTheCause() {
        NoiseSchedule ot = new FlowMatchingPath();
        SamplingException e = assertThrows(SamplingException.class, () -> new OdeSampler(OdeMethod.RK4).sample(
                GaussianProblem.denoiser(ot, Parameterization.EPSILON), ot, TimeGrid.forSchedule(ot, 4), X, null,
                SeededNoise.of(1), SamplingListener.NONE));
        assertTrue(e.getMessage().startsWith("ode-rk4: the ODE drift is not finite (alpha = 0.0"), e.getMessage());
        assertTrue(e.getMessage().contains("near t = 1.0"), e.getMessage());
        IllegalArgumentException scaled = assertThrows(IllegalArgumentException.class, () -> new OdeSampler(
                OdeMethod.DOPRI5, OdeSampler.Options.defaults(OdeMethod.DOPRI5)
                .withVariables(ProbabilityFlowOde.Variables.SCALED)).sample(GaussianProblem.denoiser(ot,
                Parameterization.VELOCITY), ot, TimeGrid.forSchedule(ot, 1), X, null, SeededNoise.of(1),
                SamplingListener.NONE));
        assertTrue(scaled.getMessage().contains("alpha > 0"), scaled.getMessage());
        OdeSampler.Options tiny = new OdeSampler.Options(1e-10, ProbabilityFlowOde.Variables.STATE,
                OdeSampler.Mode.BATCHED, 20);
        SamplingException budget = assertThrows(SamplingException.class, () -> run(new OdeSampler(OdeMethod.DOPRI5,
                tiny), TimeGrid.forSchedule(COSINE, 1)));
        assertTrue(budget.getMessage().contains("the integrator failed"), budget.getMessage());
    }
}
