package dev.aerodiff.sampling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.diffusion.CosineSchedule;
import dev.aerodiff.diffusion.FlowMatchingPath;
import dev.aerodiff.diffusion.LinearSchedule;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.theory.GaussianData;
import dev.aerodiff.theory.GaussianDenoiser;
import dev.aerodiff.theory.SampleMoments;
import dev.aerodiff.diffusion.BatchArrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Every sampler must carry noise to the d = 4 Gaussian of {@link GaussianProblem} given its exact
 * denoiser: at 4000 samples, mean within 5 standard errors and covariance within 8% (relative
 * Frobenius norm).
 */
class SamplerContractTest {
    private static final int SAMPLES = 4000;
    private static final NoiseSchedule COSINE = new CosineSchedule();
    private static final NoiseSchedule LINEAR = new LinearSchedule();
    private static final NoiseSchedule OT = new FlowMatchingPath();

    static Stream<Arguments> samplers() {
        return Stream.of(
                Arguments.of("ddpm", COSINE, Parameterization.EPSILON),
                Arguments.of("ddpm", LINEAR, Parameterization.V),
                Arguments.of("ddim:50", COSINE, Parameterization.EPSILON),
                Arguments.of("ddim:100:0.5", COSINE, Parameterization.X0),
                Arguments.of("ddim:200:1", OT, Parameterization.VELOCITY),
                Arguments.of("euler:100", OT, Parameterization.VELOCITY),
                Arguments.of("heun:20", OT, Parameterization.VELOCITY),
                Arguments.of("heun:40", COSINE, Parameterization.V),
                Arguments.of("ode-dopri5", COSINE, Parameterization.EPSILON),
                Arguments.of("ode-dopri5:1e-4", OT, Parameterization.VELOCITY),
                Arguments.of("ode-dop853", LINEAR, Parameterization.SCORE),
                Arguments.of("ode-rk4:40", COSINE, Parameterization.EPSILON),
                Arguments.of("ode-gbs", COSINE, Parameterization.X0),
                Arguments.of("ode-bs3", COSINE, Parameterization.V),
                Arguments.of("ode-heun2:1e-4", OT, Parameterization.VELOCITY),
                Arguments.of("ode-adams:40", LINEAR, Parameterization.EPSILON),
                Arguments.of("sde-euler:500", COSINE, Parameterization.EPSILON),
                Arguments.of("sde-euler:500", LINEAR, Parameterization.SCORE));
    }

    /** Adaptive ODE samplers run batched here for speed; {@link #perSampleOdeSamplers} runs the default. */
    private static Sampler batched(Sampler s) {
        return s instanceof OdeSampler o ? new OdeSampler(o.method(), o.options().withMode(OdeSampler.Mode.BATCHED)) : s;
    }

    @ParameterizedTest(name = "{0} on {1}, {2}")
    @MethodSource("samplers")
    void transportsNoiseToTheGaussian(String name, NoiseSchedule schedule, Parameterization p) {
        SamplerSpec spec = SamplerSpec.parse(name);
        GaussianProblem.Result r = GaussianProblem.run(batched(spec.sampler()), schedule, p, spec.grid(schedule),
                SAMPLES, 20261122L);
        assertTrue(r.meanSe() < 5, name + ": mean off by " + r.meanSe() + " standard errors");
        assertTrue(r.covError() < 0.08, name + ": covariance off by " + r.covError());
        assertTrue(r.nfe() > 0);
    }

    @Test
    void theStateVariableSdeTransportsNoiseOnTheLinearSchedule() {
        GaussianProblem.Result r = GaussianProblem.run(new ReverseSdeSampler(ReverseSdeSampler.Variables.STATE), LINEAR,
                Parameterization.EPSILON, SamplerSpec.parse("sde-euler:500").grid(LINEAR), SAMPLES, 3);
        assertTrue(r.meanSe() < 5, "mean off by " + r.meanSe() + " standard errors");
        assertTrue(r.covError() < 0.08, "covariance off by " + r.covError());
    }

    @Test
    void theCheckDetectsAWrongDenoiser() {
        double[][] cov = GaussianProblem.DATA.covariance();
        double[] mean = GaussianProblem.DATA.mean();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                cov[i][j] *= 1.15;
            }
        }
        mean[2] += 0.1;
        GaussianDenoiser wrong = new GaussianDenoiser(new GaussianData(mean, cov), COSINE, Parameterization.EPSILON);
        SamplerSpec spec = SamplerSpec.parse("ddim:50");
        Samples s = new EnsembleRun(spec.sampler(), wrong, COSINE, spec.grid(COSINE), 1000, DataType.DOUBLE)
                .run(SAMPLES, new long[] {4}, null, SeededNoise.of(20261122L), SamplingListener.NONE, i -> { });
        SampleMoments m = SampleMoments.of(BatchArrays.toRows(s.x()));
        assertTrue(m.meanErrorInStandardErrors(GaussianProblem.DATA) > 5, "a 0.1 mean shift is detected");
        assertTrue(m.covarianceRelativeError(GaussianProblem.DATA) > 0.08, "a 15% covariance error is detected");
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0} per sample")
    @MethodSource("adaptive")
    void perSampleOdeSamplers(String name) {
        SamplerSpec spec = SamplerSpec.parse(name);
        GaussianProblem.Result r = GaussianProblem.run(spec.sampler(), COSINE, Parameterization.EPSILON,
                spec.grid(COSINE), SAMPLES, 20261122L);
        assertTrue(r.meanSe() < 5, name + ": mean off by " + r.meanSe() + " standard errors");
        assertTrue(r.covError() < 0.08, name + ": covariance off by " + r.covError());
    }

    static Stream<String> adaptive() {
        return Stream.of("ode-dopri5", "ode-dop853", "ode-gbs", "ode-adams:40", "ode-bs3", "ode-heun2:1e-4");
    }
}
