package dev.aerodiff.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ClippedDenoiserTest {
    private static final NoiseSchedule SCHEDULE = new CosineSchedule();

    /** Predicts the noise eps = (x - alpha * x0) / sigma of a fixed clean field x0. */
    private static Denoiser knownClean(INDArray x0) {
        return new Denoiser() {
            @Override
            public Parameterization parameterization() {
                return Parameterization.EPSILON;
            }

            @Override
            public INDArray evaluate(INDArray xt, double[] t, INDArray condition) {
                NoiseLevel l = SCHEDULE.level(t[0]);
                return xt.sub(x0.mul(l.alpha())).divi(l.sigma());
            }
        };
    }

    @Test
    void clipsTheCleanEstimateChannelByChannelAndLeavesValuesInsideTheRangeAlone() {
        // [1, 2, 1, 3]: channel 0 holds -5, 0.5, 7; channel 1 holds -0.2, 3, 0.1
        INDArray x0 = Nd4j.create(new float[] {-5, 0.5f, 7, -0.2f, 3, 0.1f}, new long[] {1, 2, 1, 3}, 'c');
        INDArray xt = Nd4j.rand(DataType.FLOAT, 1, 2, 1, 3);
        ClippedDenoiser d = new ClippedDenoiser(knownClean(x0), SCHEDULE, new double[] {-2, -1}, new double[] {2, 1});
        assertEquals(Parameterization.X0, d.parameterization());
        INDArray out = d.evaluate(xt, new double[] {0.7}, null);
        float[] expected = {-2, 0.5f, 2, -0.2f, 1, 0.1f};
        float[] got = out.dup('c').data().asFloat();
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], got[k], 1e-4, "value " + k);
        }
    }

    @Test
    void rejectsBoundsThatDoNotFitTheChannels() {
        Denoiser inner = knownClean(Nd4j.zeros(DataType.FLOAT, 1, 2, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new ClippedDenoiser(inner, SCHEDULE, new double[] {1, 0}, new double[] {0, 1}));
        ClippedDenoiser three = new ClippedDenoiser(inner, SCHEDULE, new double[] {0, 0, 0}, new double[] {1, 1, 1});
        assertThrows(IllegalArgumentException.class,
                () -> three.evaluate(Nd4j.zeros(DataType.FLOAT, 1, 2, 1, 1), new double[] {0.5}, null));
    }
}
