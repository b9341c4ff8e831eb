package dev.aerodiff.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.theory.GaussianData;
import dev.aerodiff.theory.GaussianDenoiser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The average of exact denoisers of Gaussian data sets N(mu_k, Sigma), one covariance, is the exact
 * denoiser of N(mean of the mu_k, Sigma): the posterior mean is affine in mu in every parameterization;
 * so is any combination with weights summing to 1, guidance included.
 */
class AveragedDenoiserTest {
    private static final double[][] SIGMA = {{1.0, 0.3, 0.1}, {0.3, 0.5, -0.2}, {0.1, -0.2, 0.8}};
    private static final double[][] MEANS = {{0.5, -1.0, 2.0}, {-1.5, 0.0, 1.0}, {0.4, 2.0, -0.6}};
    private static final double[][] X = {{0.3, 0.2, -0.4}, {1.5, -2.0, 0.7}, {-0.8, 0.1, 2.2}};

    @Test
    void theAverageOfExactDenoisersIsTheExactDenoiserOfTheMeanData() {
        double[] mean = new double[3];
        for (double[] mu : MEANS) {
            for (int i = 0; i < 3; i++) {
                mean[i] += mu[i] / MEANS.length;
            }
        }
        for (NoiseSchedule schedule : List.of(new CosineSchedule(), new FlowMatchingPath())) {
            for (Parameterization p : Parameterization.values()) {
                List<Denoiser> members = java.util.Arrays.stream(MEANS)
                        .<Denoiser>map(mu -> new GaussianDenoiser(new GaussianData(mu, SIGMA), schedule, p)).toList();
                Denoiser exact = new GaussianDenoiser(new GaussianData(mean, SIGMA), schedule, p);
                AveragedDenoiser average = new AveragedDenoiser(members);
                assertEquals(p, average.parameterization());
                assertEquals(3, average.size());
                double[] t = {0.1, 0.5, 0.9};
                INDArray x = Nd4j.createFromArray(X);
                INDArray got = average.evaluate(x, t, null);
                INDArray want = exact.evaluate(x, t, null);
                assertArrayEquals(BatchArrays.toFlat(want), BatchArrays.toFlat(got), 1e-10, schedule + " " + p);
                INDArray alone = members.get(0).evaluate(x, t, null);
                assertTrue(alone.distance2(want) > 0.01, "the members differ from their average: " + p);
                assertArrayEquals(X[1], x.getRow(1).toDoubleVector(), 0, "the input is left as it was");
            }
        }
    }

    @Test
    void guidanceExtrapolatesTheExactDenoiserToTheMeanBeyondTheGuides() {
        double w = 2.5;
        double[] beyond = new double[3];
        for (int i = 0; i < 3; i++) {
            beyond[i] = w * MEANS[0][i] + (1 - w) * MEANS[1][i];
        }
        for (NoiseSchedule schedule : List.of(new CosineSchedule(), new FlowMatchingPath())) {
            for (Parameterization p : Parameterization.values()) {
                Denoiser main = new GaussianDenoiser(new GaussianData(MEANS[0], SIGMA), schedule, p);
                Denoiser guide = new GaussianDenoiser(new GaussianData(MEANS[1], SIGMA), schedule, p);
                Denoiser exact = new GaussianDenoiser(new GaussianData(beyond, SIGMA), schedule, p);
                double[] t = {0.2, 0.6, 0.95};
                INDArray x = Nd4j.createFromArray(X);
                assertArrayEquals(BatchArrays.toFlat(exact.evaluate(x, t, null)),
                        BatchArrays.toFlat(AveragedDenoiser.guided(main, guide, w).evaluate(x, t, null)), 1e-10,
                        schedule + " " + p);
                assertArrayEquals(BatchArrays.toFlat(main.evaluate(x, t, null)),
                        BatchArrays.toFlat(AveragedDenoiser.guided(main, guide, 1).evaluate(x, t, null)), 0,
                        "guidance 1 is the main denoiser alone");
            }
        }
        Denoiser d = new GaussianDenoiser(new GaussianData(MEANS[0], SIGMA), new FlowMatchingPath(),
                Parameterization.VELOCITY);
        for (double bad : new double[] {0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AveragedDenoiser.guided(d, d, bad));
            assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        }
    }

    @Test
    void refusesNoMembersAndMembersPredictingDifferentQuantities() {
        NoiseSchedule ot = new FlowMatchingPath();
        GaussianData data = new GaussianData(MEANS[0], SIGMA);
        assertThrows(IllegalArgumentException.class, () -> new AveragedDenoiser(List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AveragedDenoiser(List.of(
                new GaussianDenoiser(data, ot, Parameterization.VELOCITY),
                new GaussianDenoiser(data, ot, Parameterization.X0))));
        assertTrue(e.getMessage().contains("X0") && e.getMessage().contains("VELOCITY"), e.getMessage());
    }
}
