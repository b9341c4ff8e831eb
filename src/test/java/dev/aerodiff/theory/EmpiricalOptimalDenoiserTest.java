package dev.aerodiff.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.diffusion.CosineSchedule;
import dev.aerodiff.diffusion.LinearSchedule;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EmpiricalOptimalDenoiserTest {
    private static final double[][] POINTS = {{0, 0}, {1, 0}, {0, 2}, {-1.5, 0.5}, {0.7, -1.1}};
    private final NoiseSchedule schedule = new CosineSchedule();

    @Test
    void theScoreIsTheGradientOfTheNoisedMixtureDensity() {
        EmpiricalOptimalDenoiser d = new EmpiricalOptimalDenoiser(POINTS, schedule, Parameterization.SCORE);
        double h = 1e-6;
        for (double t : new double[] {0.1, 0.4, 0.8}) {
            NoiseLevel l = schedule.level(t);
            for (double[] x : new double[][] {{0.2, 0.3}, {-1, 1.5}, {2, -2}}) {
                INDArray score = d.evaluate(Nd4j.createFromArray(new double[][] {x}), new double[] {t}, null);
                for (int k = 0; k < 2; k++) {
                    double[] plus = x.clone();
                    double[] minus = x.clone();
                    plus[k] += h;
                    minus[k] -= h;
                    double fd = (d.logDensity(plus, l) - d.logDensity(minus, l)) / (2 * h);
                    assertEquals(fd, score.getDouble(0, k), 1e-5 * Math.max(1, Math.abs(fd)), "t=" + t);
                }
            }
        }
    }

    @Test
    void onePointGivesTheGaussianDensityAndItsNoise() {
        double[] p = {0.5, -1.0, 2.0};
        EmpiricalOptimalDenoiser d = new EmpiricalOptimalDenoiser(new double[][] {p}, new LinearSchedule(),
                Parameterization.EPSILON);
        NoiseLevel l = new LinearSchedule().level(0.3);
        double[] x = {1, 1, 1};
        double d2 = 0;
        double[] eps = new double[3];
        for (int k = 0; k < 3; k++) {
            eps[k] = (x[k] - l.alpha() * p[k]) / l.sigma();
            d2 += Math.pow(x[k] - l.alpha() * p[k], 2);
        }
        double logPdf = -d2 / (2 * l.sigma() * l.sigma()) - 1.5 * Math.log(2 * Math.PI * l.sigma() * l.sigma());
        assertEquals(logPdf, d.logDensity(x, l), 1e-12);
        INDArray got = d.evaluate(Nd4j.createFromArray(new double[][] {x}), new double[] {0.3}, null);
        assertArrayEquals(eps, got.toDoubleVector(), 1e-12);
    }

    @Test
    void weightsStayFiniteFarFromTheDataAndAtTinyNoise() {
        EmpiricalOptimalDenoiser d = new EmpiricalOptimalDenoiser(POINTS, schedule, Parameterization.X0);
        NoiseLevel tiny = schedule.level(1e-5);
        assertTrue(tiny.sigma() < 1e-3);
        double[] w = d.weights(new double[] {0.98, 0.01}, tiny);
        assertEquals(1.0, w[1], 1e-12, "the nearest point takes all the weight");
        double[] far = d.weights(new double[] {1e4, -3e4}, tiny);
        double sum = 0;
        for (double v : far) {
            assertTrue(Double.isFinite(v));
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
        INDArray x0 = d.evaluate(Nd4j.createFromArray(new double[][] {{1e4, -3e4}}), new double[] {1e-5}, null);
        assertArrayEquals(new double[] {0.7, -1.1}, x0.toDoubleVector(), 1e-12, "nearest training point");
        assertTrue(Double.isFinite(d.logDensity(new double[] {1e4, -3e4}, tiny)));
    }

    @Test
    void invalidTrainingSetsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new EmpiricalOptimalDenoiser(new double[0][], schedule, Parameterization.X0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EmpiricalOptimalDenoiser(
                new double[][] {{1, 2}, {3}}, schedule, Parameterization.X0));
        assertTrue(e.getMessage().contains("training point 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EmpiricalOptimalDenoiser(
                new double[][] {{1, Double.NaN}}, schedule, Parameterization.X0));
    }
}
