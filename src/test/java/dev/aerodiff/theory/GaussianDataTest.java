package dev.aerodiff.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.diffusion.CosineSchedule;
import dev.aerodiff.diffusion.FlowMatchingPath;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GaussianDataTest {
    private static final double[] MU = {1.0, -0.5, 2.0};
    private static final double[][] SIGMA = {{1.0, 0.4, -0.2}, {0.4, 0.8, 0.15}, {-0.2, 0.15, 0.5}};
    private final GaussianData data = new GaussianData(MU, SIGMA);

    /** The flow is affine, x -&gt; A (x - alpha mu) + alpha' mu; returns A column by column. */
    private double[][] flowMatrix(NoiseLevel from, NoiseLevel to) {
        double[][] a = new double[3][3];
        for (int k = 0; k < 3; k++) {
            double[] x = new double[3];
            for (int i = 0; i < 3; i++) {
                x[i] = from.alpha() * MU[i] + (i == k ? 1 : 0);
            }
            double[] y = data.flow(x, from, to);
            for (int i = 0; i < 3; i++) {
                a[i][k] = y[i] - to.alpha() * MU[i];
            }
        }
        return a;
    }

    private static double[][] marginal(NoiseLevel l) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[i][j] = l.alpha() * l.alpha() * SIGMA[i][j] + (i == j ? l.sigma() * l.sigma() : 0);
            }
        }
        return c;
    }

    @Test
    void theExactFlowCarriesEachMarginalToTheNext() {
        for (NoiseSchedule s : new NoiseSchedule[] {new CosineSchedule(), new FlowMatchingPath()}) {
            NoiseLevel from = s.level(0.9);
            NoiseLevel to = s.level(0.2);
            double[][] a = flowMatrix(from, to);
            double[][] before = marginal(from);
            double[][] after = marginal(to);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double sum = 0;
                    for (int k = 0; k < 3; k++) {
                        for (int l = 0; l < 3; l++) {
                            sum += a[i][k] * before[k][l] * a[j][l];
                        }
                    }
                    assertEquals(after[i][j], sum, 1e-12, s + " covariance [" + i + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void flowsCompose() {
        NoiseSchedule s = new CosineSchedule();
        double[] x = {0.3, -1.2, 0.8};
        double[] direct = data.flow(x, s.level(0.95), s.level(0.1));
        double[] twoSteps = data.flow(data.flow(x, s.level(0.95), s.level(0.5)), s.level(0.5), s.level(0.1));
        assertArrayEquals(direct, twoSteps, 1e-12);
    }

    @Test
    void drawsHaveTheCovariance() {
        double[][] outer = new double[3][3];
        for (int k = 0; k < 3; k++) {
            double[] z = new double[3];
            z[k] = 1;
            double[] d = data.draw(z);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    outer[i][j] += (d[i] - MU[i]) * (d[j] - MU[j]);
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(SIGMA[i], outer[i], 1e-12);
        }
    }

    @Test
    void theDenoiserTreatsRowsIndependentlyForAnyTrailingShapeAndType() {
        NoiseSchedule s = new CosineSchedule();
        GaussianDenoiser d = new GaussianDenoiser(new GaussianData(new double[] {1, 2, 3, 4},
                new double[][] {{1, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, 1, 0.5}, {0, 0, 0.5, 1}}), s, Parameterization.X0);
        INDArray x = Nd4j.createFromArray(new double[] {0.1, 0.2, 0.3, 0.4, -1, 2, 0.5, 0}).reshape(2, 2, 2);
        INDArray both = d.evaluate(x, new double[] {0.3, 0.7}, null);
        assertArrayEquals(new long[] {2, 2, 2}, both.shape());
        for (int b = 0; b < 2; b++) {
            INDArray one = d.evaluate(x.slice(b).reshape(1, 2, 2), new double[] {b == 0 ? 0.3 : 0.7}, null);
            assertEquals(0.0, one.reshape(4).sub(both.slice(b).reshape(4)).amaxNumber().doubleValue(), 0.0);
        }
        INDArray single = d.evaluate(x.castTo(DataType.FLOAT), new double[] {0.3, 0.7}, null);
        assertEquals(DataType.FLOAT, single.dataType());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.evaluate(Nd4j.zeros(DataType.DOUBLE, 2, 3), new double[] {0.5, 0.5}, null));
        assertTrue(e.getMessage().contains("4 values"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.evaluate(x, new double[] {0.5}, null));
    }

    @Test
    void invalidCovariancesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new GaussianData(new double[] {0, 0},
                new double[][] {{1, 0.5}, {0.4, 1}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GaussianData(
                new double[] {0, 0}, new double[][] {{1, 2}, {2, 1}}));
        assertTrue(e.getMessage().contains("positive semi-definite"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GaussianData(new double[] {0, 0},
                new double[][] {{1, 0, 0}, {0, 1, 0}}));
        assertThrows(IllegalArgumentException.class, () -> new GaussianData(new double[] {Double.NaN},
                new double[][] {{1}}));
    }
}
