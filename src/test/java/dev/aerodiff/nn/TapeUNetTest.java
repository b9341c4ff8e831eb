package dev.aerodiff.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The eagerly run U-Net against SameDiff's differentiation of the same graph with the same weights:
 * loss and every weight's gradient, with attention, a skip convolution at every level, the
 * condition embedding, a shift that the next GroupNorm removes (groups of one channel) and per-sample
 * loss weights.
 */
class TapeUNetTest {
    private static final int RES = 16;
    private static final int BATCH = 3;

    @Test
    void lossAndGradientsEqualThoseOfTheSameDiffGraph() {
        UNetConfig config = new UNetConfig(6, 3, 8, new int[] {1, 2}, 1, new int[] {1})
                .withConditionEmbedding(new ConditionEmbedding(8, 0.5));
        compare(config, true);
    }

    @Test
    void withoutLossWeightsOrConditionEmbeddingAndWithGroupsOfSeveralChannels() {
        compare(new UNetConfig(6, 3, 32, new int[] {1, 2}, 1, new int[0]), false);
    }

    private static void compare(UNetConfig config, boolean weighted) {
        UNet net = UNet.build(config, RES, 7);
        SameDiff sd = net.graph();
        SDVariable target = sd.placeHolder("target", DataType.FLOAT, -1, 3, RES, RES);
        SDVariable diff = sd.getVariable(UNet.OUTPUT).sub(target);
        SDVariable squared = diff.mul(diff);
        if (weighted) {
            squared = squared.mul(sd.placeHolder("weight", DataType.FLOAT, -1, 1, 1, 1));
        }
        sd.mean("loss", squared);
        sd.setLossVariables("loss");
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, BATCH, 3, RES, RES);
        INDArray cond = conditionChannels();
        INDArray t = Nd4j.createFromArray(0.1f, 0.5f, 0.95f);
        INDArray goal = Nd4j.randn(DataType.FLOAT, BATCH, 3, RES, RES);
        INDArray weight = Nd4j.createFromArray(0.5f, 1f, 2f).reshape(BATCH, 1, 1, 1);
        Map<String, INDArray> inputs = new HashMap<>(Map.of(UNet.X, x, UNet.CONDITION, cond, UNet.TIME, t,
                "target", goal));
        if (weighted) {
            inputs.put("weight", weight);
        }

        TapeUNet eager = TapeUNet.of(net);
        // a first call fills the pool of arrays that the second reuses
        eager.lossAndGradients(Nd4j.randn(DataType.FLOAT, BATCH, 3, RES, RES), cond, t, goal, null);
        double loss = eager.lossAndGradients(x, cond, t, goal, weighted ? weight : null);
        double expected = sd.output(inputs, "loss").get("loss").getDouble(0);
        assertEquals(expected, loss, 1e-5 * expected);

        List<String> names = eager.names();
        assertEquals(net.weights().stream().map(SDVariable::name).toList(), names);
        Map<String, INDArray> grads = sd.calculateGradients(inputs, names);
        double largest = grads.values().stream().mapToDouble(g -> g.norm2Number().doubleValue()).max().orElseThrow();
        for (String name : names) {
            INDArray reference = grads.get(name);
            double error = reference.sub(eager.gradient(name).reshape(reference.shape())).norm2Number().doubleValue();
            double scale = reference.norm2Number().doubleValue();
            assertTrue(error <= 1e-4 * scale + 1e-6 * largest,
                    name + ": gradient off by " + error + " (norm " + scale + ")");
        }
    }

    /** Freestream (cos, sin) of 4 degrees times speeds 0.8 .. 1.2 on fluid cells, a solid square in the middle. */
    private static INDArray conditionChannels() {
        INDArray cond = Nd4j.zeros(DataType.FLOAT, BATCH, 3, RES, RES);
        for (int b = 0; b < BATCH; b++) {
            double speed = 0.8 + 0.2 * b;
            for (int i = 0; i < RES; i++) {
                for (int j = 0; j < RES; j++) {
                    boolean solid = i >= 6 && i < 10 && j >= 6 && j < 10;
                    cond.putScalar(new int[] {b, 0, i, j}, solid ? 0 : speed * Math.cos(Math.toRadians(4)));
                    cond.putScalar(new int[] {b, 1, i, j}, solid ? 0 : speed * Math.sin(Math.toRadians(4)));
                    cond.putScalar(new int[] {b, 2, i, j}, solid ? 1 : 0);
                }
            }
        }
        return cond;
    }
}
