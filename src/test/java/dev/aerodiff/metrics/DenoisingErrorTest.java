package dev.aerodiff.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.diffusion.CosineSchedule;
import dev.aerodiff.diffusion.FlowMatchingPath;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.theory.GaussianData;
import dev.aerodiff.theory.GaussianDenoiser;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one-step denoising error of the exact Gaussian denoiser against its closed form: for data
 * N(mu, diag(s^2)), E[x_0 | x_t] has error variance s^2 sigma^2 / (alpha^2 s^2 + sigma^2) in each
 * coordinate, whatever the parameterization the denoiser returns.
 */
class DenoisingErrorTest {
    private static final double[] MEAN = {1.0, -2.0, 0.5, 0.0};
    private static final double[] VARIANCE = {4.0, 1.0, 0.25, 0.04};
    private static final int N = 20_000;

    private static INDArray draws(GaussianData data, long seed) {
        Random r = new Random(seed);
        double[][] rows = new double[N][];
        for (int i = 0; i < N; i++) {
            double[] z = new double[MEAN.length];
            for (int k = 0; k < z.length; k++) {
                z[k] = r.nextGaussian();
            }
            rows[i] = data.draw(z);
        }
        return Nd4j.createFromArray(rows).castTo(DataType.DOUBLE);
    }

    private static GaussianData data() {
        double[][] cov = new double[MEAN.length][MEAN.length];
        for (int k = 0; k < MEAN.length; k++) {
            cov[k][k] = VARIANCE[k];
        }
        return new GaussianData(MEAN, cov);
    }

    @Test
    void exactGaussianDenoiserHasTheClosedFormErrorAtEveryLevel() {
        GaussianData data = data();
        INDArray x0 = draws(data, 1);
        double[] times = {0.05, 0.3, 0.6, 0.9};
        for (NoiseSchedule schedule : new NoiseSchedule[] {new CosineSchedule(), new FlowMatchingPath()}) {
            for (Parameterization p : new Parameterization[] {Parameterization.EPSILON, Parameterization.VELOCITY}) {
                DenoisingError.Result r = DenoisingError.measure(new GaussianDenoiser(data, schedule, p), schedule,
                        times, x0, null, 7, 4096);
                assertEquals(N, r.samples());
                for (int i = 0; i < times.length; i++) {
                    DenoisingError.Level level = r.levels().get(i);
                    NoiseLevel l = schedule.level(times[i]);
                    assertEquals(l.alpha(), level.alpha(), 1e-12);
                    double total = 0;
                    for (int k = 0; k < MEAN.length; k++) {
                        double expected = VARIANCE[k] * l.sigma() * l.sigma()
                                / (l.alpha() * l.alpha() * VARIANCE[k] + l.sigma() * l.sigma());
                        total += expected / MEAN.length;
                        // the squared error of N draws has relative standard error sqrt(2/N) = 1%
                        double got = level.rmsByChannel()[k] * level.rmsByChannel()[k];
                        assertEquals(1.0, got / expected, 0.05, schedule + " " + p + " t=" + times[i] + " coordinate "
                                + k);
                    }
                    assertEquals(1.0, level.rms() * level.rms() / total, 0.05);
                }
                for (int k = 0; k < MEAN.length; k++) {
                    assertEquals(1.0, r.baselineByChannel()[k] * r.baselineByChannel()[k] / VARIANCE[k], 0.05);
                }
            }
        }
    }

    @Test
    void aDenoiserOfOtherDataDoesWorseAndTheNoiseDoesNotDependOnTheBatch() {
        GaussianData data = data();
        NoiseSchedule schedule = new CosineSchedule();
        INDArray x0 = draws(data, 2);
        double[] times = {0.5, 0.9};
        DenoisingError.Result exact = DenoisingError.measure(new GaussianDenoiser(data, schedule,
                Parameterization.EPSILON), schedule, times, x0, null, 3, 1000);
        DenoisingError.Result rebatched = DenoisingError.measure(new GaussianDenoiser(data, schedule,
                Parameterization.EPSILON), schedule, times, x0, null, 3, 777);
        for (int i = 0; i < times.length; i++) {
            assertArrayEquals(exact.levels().get(i).rmsByChannel(), rebatched.levels().get(i).rmsByChannel(), 1e-9);
        }
        GaussianData shifted = new GaussianData(new double[] {0, 0, 0, 0}, new double[][] {
            {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});
        DenoisingError.Result wrong = DenoisingError.measure(new GaussianDenoiser(shifted, schedule,
                Parameterization.EPSILON), schedule, times, x0, null, 3, 1000);
        for (int i = 0; i < times.length; i++) {
            assertTrue(wrong.levels().get(i).rms() > 1.1 * exact.levels().get(i).rms(), "t=" + times[i]);
        }
    }

    @Test
    void rejectsLevelsWithoutSignal() {
        GaussianData data = data();
        NoiseSchedule schedule = new FlowMatchingPath();
        INDArray x0 = Nd4j.zeros(DataType.DOUBLE, 3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DenoisingError.measure(
                new GaussianDenoiser(data, schedule, Parameterization.VELOCITY), schedule, new double[] {1.0}, x0, null,
                1, 8));
        assertTrue(e.getMessage().contains("[0, 1)"), e.getMessage());
    }
}
