package dev.aerodiff.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The graph's GroupNorm and its gradients against the closed forms: with n the normalized input
 * of a group of m values with deviation s, y = gamma n + beta, and for a loss L = sum(w y),
 * dL/dbeta = sum w, dL/dgamma = sum w n, dL/dx = (g - mean(g) - n mean(g n)) / s with g = gamma w.
 */
class GroupNormTest {
    private static final int BATCH = 2;
    private static final int CHANNELS = 16;
    private static final int SIZE = 3;

    /** On 3 x 3 fields, and on 1 x 1 fields, whose channel variances are zero. */
    @ParameterizedTest(name = "{0} x {0}")
    @ValueSource(ints = {3, 1})
    void valuesAndGradientsMatchTheClosedForm(int size) {
        int groups = UNetConfig.groups(CHANNELS);
        int perGroup = CHANNELS / groups * size * size;
        double[] x = random(BATCH * CHANNELS * size * size, 1, 3.0);
        double[] w = random(x.length, 2, 1.0);
        double[] gamma = random(CHANNELS, 3, 1.0);
        double[] beta = random(CHANNELS, 4, 1.0);

        SameDiff sd = SameDiff.create();
        SDVariable input = sd.var("input", array(x, BATCH, CHANNELS, size, size));
        SDVariable batch = sd.constant(Nd4j.zeros(DataType.FLOAT, BATCH, 1));
        SDVariable y = new GraphBlocks(sd, 1, true, batch).groupNorm(input, CHANNELS, size, size);
        sd.getVariable("gn_0_gamma").setArray(array(gamma, 1, CHANNELS, 1, 1));
        sd.getVariable("gn_0_beta").setArray(array(beta, 1, CHANNELS, 1, 1));
        SDVariable loss = y.mul(sd.constant(array(w, BATCH, CHANNELS, size, size))).sum();
        sd.setLossVariables(loss);
        double[] out = sd.output(Map.of(), y.name()).get(y.name()).data().asDouble();
        Map<String, INDArray> grads = sd.calculateGradients(Map.of(), "input", "gn_0_gamma", "gn_0_beta");
        double[] dx = grads.get("input").data().asDouble();
        double[] dGamma = grads.get("gn_0_gamma").data().asDouble();
        double[] dBeta = grads.get("gn_0_beta").data().asDouble();

        double[] expectDGamma = new double[CHANNELS];
        double[] expectDBeta = new double[CHANNELS];
        for (int start = 0; start < x.length; start += perGroup) {
            double mean = 0;
            for (int k = 0; k < perGroup; k++) {
                mean += x[start + k] / perGroup;
            }
            double var = 0;
            for (int k = 0; k < perGroup; k++) {
                var += (x[start + k] - mean) * (x[start + k] - mean) / perGroup;
            }
            double s = Math.sqrt(var + 1e-5);
            double[] n = new double[perGroup];
            double[] g = new double[perGroup];
            double meanG = 0;
            double meanGn = 0;
            for (int k = 0; k < perGroup; k++) {
                int i = start + k;
                int c = (i / (size * size)) % CHANNELS;
                n[k] = (x[i] - mean) / s;
                g[k] = gamma[c] * w[i];
                meanG += g[k] / perGroup;
                meanGn += g[k] * n[k] / perGroup;
                assertEquals(gamma[c] * n[k] + beta[c], out[i], 1e-4, "output " + i);
                expectDGamma[c] += w[i] * n[k];
                expectDBeta[c] += w[i];
            }
            for (int k = 0; k < perGroup; k++) {
                assertEquals((g[k] - meanG - n[k] * meanGn) / s, dx[start + k], 1e-4, "dL/dx " + (start + k));
            }
        }
        for (int c = 0; c < CHANNELS; c++) {
            assertEquals(expectDGamma[c], dGamma[c], 1e-4, "dL/dgamma " + c);
            assertEquals(expectDBeta[c], dBeta[c], 1e-4, "dL/dbeta " + c);
        }
    }

    /**
     * SameDiff keeps an op's inputs alive until its gradient has run, so the full-size zeros that a
     * trained GroupNorm broadcasts its scale onto must be one array per field shape, not one per
     * GroupNorm (the peer U-Net's peak memory in training depends on it).
     */
    @Test
    void groupNormsOfOneFieldShareTheirBroadcastZeros() {
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.placeHolder("input", DataType.FLOAT, -1, CHANNELS, SIZE, SIZE);
        GraphBlocks nn = new GraphBlocks(sd, 1, true, input);
        nn.groupNorm(nn.silu(nn.groupNorm(input, CHANNELS, SIZE, SIZE)), CHANNELS, SIZE, SIZE);
        nn.groupNorm(sd.concat(1, input, input), 2 * CHANNELS, SIZE, SIZE);
        assertEquals(2, opCount(sd, "fill"), "one zeros array per field shape");
    }

    private static long opCount(SameDiff sd, String opName) {
        return sd.getOps().values().stream().filter(op -> op.getOp().opName().equals(opName)).count();
    }

    private static double[] random(int n, long seed, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = (float) (scale * r.nextDouble(-1, 1) + 0.5);
        }
        return v;
    }

    private static INDArray array(double[] v, long... shape) {
        return Nd4j.create(v, shape, DataType.FLOAT);
    }
}
