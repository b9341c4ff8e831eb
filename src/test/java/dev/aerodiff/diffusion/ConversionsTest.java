package dev.aerodiff.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.theory.GaussianData;
import dev.aerodiff.theory.GaussianDenoiser;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Conversions checked on Gaussian data N(mu, Sigma), where the exact score of x_t is
 * -Sigma_t^-1 (x - alpha mu) with Sigma_t = alpha^2 Sigma + sigma^2 I, computed here by LU
 * decomposition independently of {@link GaussianData}.
 */
class ConversionsTest {
    private static final double[] MU = {0.5, -1.0, 2.0};
    private static final double[][] SIGMA = {{1.0, 0.3, 0.1}, {0.3, 0.5, -0.2}, {0.1, -0.2, 0.8}};
    private static final double[][] X = {{0.3, 0.2, -0.4}, {1.5, -2.0, 0.7}};

    static Stream<NoiseSchedule> schedules() {
        return Stream.of(new CosineSchedule(), new LinearSchedule(), new FlowMatchingPath(), new FlowMatchingPath(0.05));
    }

    /** Exact E[q | x_t] for every parameterization q, row by row. */
    private static Map<Parameterization, INDArray> exact(NoiseLevel l) {
        Map<Parameterization, double[][]> rows = new EnumMap<>(Parameterization.class);
        for (Parameterization p : Parameterization.values()) {
            rows.put(p, new double[X.length][]);
        }
        RealMatrix cov = MatrixUtils.createRealMatrix(SIGMA).scalarMultiply(l.alpha() * l.alpha())
                .add(MatrixUtils.createRealIdentityMatrix(3).scalarMultiply(l.sigma() * l.sigma()));
        for (int b = 0; b < X.length; b++) {
            RealVector centered = MatrixUtils.createRealVector(X[b]).subtract(MatrixUtils.createRealVector(MU)
                    .mapMultiply(l.alpha()));
            RealVector score = new LUDecomposition(cov).getSolver().solve(centered).mapMultiply(-1);
            RealVector eps = score.mapMultiply(-l.sigma());
            RealVector x0 = MatrixUtils.createRealVector(X[b]).subtract(eps.mapMultiply(l.sigma()))
                    .mapDivide(l.alpha());
            rows.get(Parameterization.SCORE)[b] = score.toArray();
            rows.get(Parameterization.EPSILON)[b] = eps.toArray();
            rows.get(Parameterization.X0)[b] = x0.toArray();
            rows.get(Parameterization.V)[b] = eps.mapMultiply(l.alpha()).subtract(x0.mapMultiply(l.sigma())).toArray();
            rows.get(Parameterization.VELOCITY)[b] = x0.mapMultiply(l.alphaDot()).add(eps.mapMultiply(l.sigmaDot()))
                    .toArray();
        }
        Map<Parameterization, INDArray> out = new EnumMap<>(Parameterization.class);
        rows.forEach((p, r) -> out.put(p, Nd4j.createFromArray(r)));
        return out;
    }

    private static void assertClose(INDArray expected, INDArray actual, double tol, String what) {
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(diff <= tol * scale, what + ": max difference " + diff);
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void everyParameterizationConvertsToEveryOther(NoiseSchedule s) {
        for (double t : new double[] {0.05, 0.3, 0.7, 0.95}) {
            NoiseLevel l = s.level(t);
            Map<Parameterization, INDArray> exact = exact(l);
            INDArray xt = Nd4j.createFromArray(X);
            for (Parameterization from : Parameterization.values()) {
                for (Parameterization to : Parameterization.values()) {
                    INDArray got = Conversions.convert(exact.get(from), from, to, xt, l);
                    assertClose(exact.get(to), got, 1e-9, s + " t=" + t + " " + from + " -> " + to);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void theGaussianDenoiserGivesTheExactQuantityInEveryParameterization(NoiseSchedule s) {
        GaussianData data = new GaussianData(MU, SIGMA);
        double t = 0.4;
        Map<Parameterization, INDArray> exact = exact(s.level(t));
        for (Parameterization p : Parameterization.values()) {
            INDArray got = new GaussianDenoiser(data, s, p).evaluate(Nd4j.createFromArray(X), new double[] {t, t}, null);
            assertClose(exact.get(p), got, 1e-10, s + " " + p);
        }
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void probabilityFlowDriftIsTheTimeDerivativeOfTheExactFlow(NoiseSchedule s) {
        GaussianData data = new GaussianData(MU, SIGMA);
        double t = 0.5;
        double h = 1e-5;
        NoiseLevel l = s.level(t);
        INDArray xt = Nd4j.createFromArray(X);
        INDArray drift = Conversions.probabilityFlowDrift(exact(l).get(Parameterization.EPSILON),
                Parameterization.EPSILON, xt, l);
        for (int b = 0; b < X.length; b++) {
            double[] plus = data.flow(X[b], l, s.level(t + h));
            double[] minus = data.flow(X[b], l, s.level(t - h));
            for (int i = 0; i < 3; i++) {
                assertEquals((plus[i] - minus[i]) / (2 * h), drift.getDouble(b, i), 1e-7, s + " row " + b);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void driftsAreTheirTextbookFormulas(NoiseSchedule s) {
        NoiseLevel l = s.level(0.6);
        Map<Parameterization, INDArray> exact = exact(l);
        INDArray xt = Nd4j.createFromArray(X);
        INDArray score = exact.get(Parameterization.SCORE);
        INDArray reverse = xt.mul(l.driftCoefficient()).sub(score.mul(l.diffusionSquared()));
        assertClose(reverse, Conversions.reverseSdeDrift(exact.get(Parameterization.X0), Parameterization.X0, xt, l),
                1e-9, "reverse SDE drift");
        INDArray pf = xt.mul(l.driftCoefficient()).sub(score.mul(l.diffusionSquared() / 2));
        assertClose(pf, Conversions.probabilityFlowDrift(exact.get(Parameterization.V), Parameterization.V, xt, l),
                1e-9, "probability-flow drift f x - g^2/2 score");
        assertClose(exact.get(Parameterization.EPSILON),
                Conversions.scaledDrift(exact.get(Parameterization.SCORE), Parameterization.SCORE, xt, l), 1e-9,
                "dy/ds = eps");
    }

    @Test
    void trainingTargetsCombineCleanDataAndNoise() {
        NoiseLevel l = new CosineSchedule().level(0.3);
        INDArray x0 = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        INDArray eps = Nd4j.createFromArray(new double[][] {{0.5, -1}, {0.25, 2}});
        INDArray v = Conversions.fromCleanAndNoise(x0, eps, Parameterization.V, l);
        assertClose(eps.mul(l.alpha()).sub(x0.mul(l.sigma())), v, 1e-15, "v target");
        INDArray xt = x0.mul(l.alpha()).add(eps.mul(l.sigma()));
        assertClose(x0, Conversions.convert(v, Parameterization.V, Parameterization.X0, xt, l), 1e-12, "v -> x0");
    }

    @Test
    void perRowLevelsConvertEachRowAtItsOwnTime() {
        NoiseSchedule s = new CosineSchedule();
        NoiseLevel[] levels = {s.level(0.2), s.level(0.8)};
        INDArray xt = Nd4j.createFromArray(X).reshape(2, 3, 1);
        INDArray pred = Nd4j.createFromArray(new double[][] {{0.1, 0.2, 0.3}, {-0.3, 0.5, 1.0}}).reshape(2, 3, 1);
        INDArray got = Conversions.convert(pred, Parameterization.EPSILON, Parameterization.VELOCITY, xt, levels);
        assertEquals(3, got.rank());
        for (int b = 0; b < 2; b++) {
            INDArray row = Conversions.convert(pred.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(b, b + 1)),
                    Parameterization.EPSILON, Parameterization.VELOCITY,
                    xt.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(b, b + 1)), levels[b]);
            assertClose(row.reshape(3), got.slice(b).reshape(3), 1e-15, "row " + b);
        }
        INDArray targets = Conversions.fromCleanAndNoise(xt, pred, Parameterization.V, levels);
        assertEquals(levels[1].alpha() * 0.5 - levels[1].sigma() * X[1][1], targets.getDouble(1, 1, 0), 1e-15);
    }

    @Test
    void sameParameterizationReturnsThePredictionAndShapesMustMatch() {
        INDArray x = Nd4j.createFromArray(X);
        NoiseLevel l = new LinearSchedule().level(0.5);
        assertSame(x, Conversions.convert(x, Parameterization.V, Parameterization.V, x, l));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Conversions.convert(
                x.reshape(3, 2), Parameterization.EPSILON, Parameterization.X0, x, l));
        assertTrue(e.getMessage().startsWith("Expected tensor of shape [2, 3] but got [3, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Conversions.convert(x, Parameterization.EPSILON,
                Parameterization.X0, x, new NoiseLevel[] {l}));
    }

    @Test
    void undefinedConversionsFailInsteadOfReturningNumbers() {
        INDArray x = Nd4j.createFromArray(X);
        NoiseLevel clean = new FlowMatchingPath().level(0.0);
        NoiseLevel pureNoise = new FlowMatchingPath().level(1.0);
        assertThrows(ArithmeticException.class, () -> Conversions.convert(x, Parameterization.X0,
                Parameterization.EPSILON, x, clean));
        assertThrows(ArithmeticException.class, () -> Conversions.convert(x, Parameterization.EPSILON,
                Parameterization.X0, x, pureNoise));
        assertThrows(ArithmeticException.class, () -> Conversions.convert(x, Parameterization.SCORE,
                Parameterization.X0, x, new NoiseLevel[] {clean, clean}));
        assertEquals(-1.0, Conversions.convert(x, Parameterization.V, Parameterization.X0, x, pureNoise)
                .getDouble(0, 0) / X[0][0], 1e-15, "V converts where EPSILON cannot");
    }
}
