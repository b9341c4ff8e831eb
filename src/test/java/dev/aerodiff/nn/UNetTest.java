package dev.aerodiff.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Mask;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class UNetTest {

    @Test
    void peerConfigurationHasThePyTorchParameterCount() {
        // shared/bench/pytorch/unet.py: UNet() has 15,477,411 parameters
        assertEquals(15_477_411L, UNet.build(UNetConfig.peer(), 16, 1).parameterCount());
    }

    @Test
    void peerConfigurationHasThePyTorchFlopCount() {
        // shared/bench/pytorch/unet.py count_flops at 64x64: 5.67 GFLOP (2 per multiply-add; convolutions,
        // dense layers and attention products)
        long flops = UNet.build(UNetConfig.peer(), 64, 1).flopsPerSample();
        assertEquals(5.67e9, flops, 0.005e9, "GFLOP " + flops / 1e9);
    }

    @Test
    void forwardHasTheFieldShapeAndRepeatsExactly() {
        UNet net = UNet.build(UNetConfig.small(), 16, 7);
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 3, 3, 16, 16);
        INDArray c = Nd4j.randn(DataType.FLOAT, 3, 3, 16, 16);
        INDArray t = Nd4j.createFromArray(0.1f, 0.5f, 0.9f);
        INDArray a = net.forward(x, c, t);
        INDArray b = net.forward(x, c, t);
        assertArrayEquals(new long[] {3, 3, 16, 16}, a.shape());
        assertEquals(0.0, a.sub(b).norm2Number().doubleValue(), 0.0, "second call equals the first");
        // each sample depends only on its own inputs: evaluating sample 1 alone gives the same
        INDArray one = net.forward(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 2)),
                c.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 2)), Nd4j.createFromArray(0.5f));
        assertEquals(0.0, one.sub(a.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 2))).amaxNumber()
                .doubleValue(), 1e-4);
    }

    /** The inference graph runs channels-last, the trainable one not: same function, other rounding. */
    @Test
    void inferenceNetworkGivesTheTrainableNetworksOutput() {
        UNet trainable = UNet.build(UNetConfig.small(), 16, 7);
        UNet inference = UNet.buildForInference(UNetConfig.small(), 16);
        Nd4j.getRandom().setSeed(5);
        for (org.nd4j.autodiff.samediff.SDVariable v : trainable.weights()) {
            if (v.name().startsWith("gn_")) { // GroupNorm scale and shift away from their 1 and 0
                v.getArr().assign(Nd4j.rand(DataType.FLOAT, v.getArr().shape()).addi(0.5));
            }
            inference.graph().getVariable(v.name()).getArr().assign(v.getArr());
        }
        INDArray x = Nd4j.randn(DataType.FLOAT, 2, 3, 16, 16);
        INDArray c = Nd4j.randn(DataType.FLOAT, 2, 3, 16, 16);
        INDArray t = Nd4j.createFromArray(0.2f, 0.7f);
        INDArray expected = trainable.forward(x, c, t);
        assertTrue(expected.amaxNumber().doubleValue() > 0.1, "output of a size worth comparing");
        assertEquals(0.0, inference.forward(x, c, t).sub(expected).amaxNumber().doubleValue(), 1e-5);
        assertEquals(trainable.parameterCount(), inference.parameterCount());
    }

    @Test
    void conditionEmbeddingReadsTheOperatingPointFromTheConditionChannels() {
        int size = 16;
        FieldScaling scaling = new FieldScaling(new double[] {1, 1, 1}, 80.0);
        boolean[] solid = new boolean[size * size];
        for (int x = 4; x < 10; x++) {
            solid[8 * size + x] = true;
        }
        Mask mask = new Mask(size, size, solid);
        FlowCondition slow = new FlowCondition("naca0012", 18, 2e6, 20.0);
        FlowCondition fast = new FlowCondition("naca0012", -4, 8e6, 80.0);
        INDArray cond = Nd4j.create(DataType.FLOAT, 2, 3, size, size);
        cond.get(NDArrayIndex.point(0)).assign(Nd4j.create(scaling.encodeCondition(slow, mask), 3, size, size));
        cond.get(NDArrayIndex.point(1)).assign(Nd4j.create(scaling.encodeCondition(fast, mask), 3, size, size));

        ConditionEmbedding periods = new ConditionEmbedding(4.0, 4.4);
        UNet net = UNet.build(UNetConfig.small().withConditionEmbedding(periods), size, 1);
        INDArray point = net.graph().output(Map.of(UNet.X, Nd4j.zeros(DataType.FLOAT, 2, 3, size, size),
                UNet.CONDITION, cond, UNet.TIME, Nd4j.zeros(DataType.FLOAT, 2)), UNet.OPERATING_POINT)
                .get(UNet.OPERATING_POINT);
        double[][] expected = {
            {Math.cos(Math.toRadians(18)), Math.sin(Math.toRadians(18)), Math.log(20.0 / 80.0)},
            {Math.cos(Math.toRadians(-4)), Math.sin(Math.toRadians(-4)), 0.0}};
        for (int b = 0; b < 2; b++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(expected[b][k], point.getDouble(b, k), 1e-5, "sample " + b + ", feature " + k);
            }
        }
        // sinusoids of the angle in degrees and of the log speed, the fastest at the given periods and
        // the slowest nearly SPAN times longer (the log speed, read back in float from field means, is
        // good to a few 1e-5)
        INDArray features = net.graph().output(Map.of(UNet.X, Nd4j.zeros(DataType.FLOAT, 2, 3, size, size),
                UNet.CONDITION, cond, UNet.TIME, Nd4j.zeros(DataType.FLOAT, 2)), UNet.CONDITION_FEATURES)
                .get(UNet.CONDITION_FEATURES);
        int half = UNetConfig.small().base() / 2;
        assertArrayEquals(new long[] {2, 4 * half}, features.shape());
        double[] angle = {18, -4};
        double[] logSpeed = {Math.log(20.0 / 80.0), 0};
        for (int b = 0; b < 2; b++) {
            for (int k = 0; k < half; k++) {
                double slowdown = Math.pow(ConditionEmbedding.SPAN, (double) k / half);
                double a = 2 * Math.PI * angle[b] / (4.0 * slowdown);
                double s = 2 * Math.PI * logSpeed[b] / (4.4 * slowdown);
                assertEquals(Math.sin(a), features.getDouble(b, k), 1e-4, "angle sin " + k);
                assertEquals(Math.cos(a), features.getDouble(b, half + k), 1e-4, "angle cos " + k);
                assertEquals(Math.sin(s), features.getDouble(b, 2 * half + k), 1e-4, "speed sin " + k);
                assertEquals(Math.cos(s), features.getDouble(b, 3 * half + k), 1e-4, "speed cos " + k);
            }
        }
        long plain = UNet.build(UNetConfig.small(), size, 1).parameterCount();
        int tdim = UNetConfig.small().timeEmbeddingDim();
        int featureCount = 2 * UNetConfig.small().base(); // sinusoids of the angle of attack and of the log speed
        assertEquals(plain + (long) featureCount * tdim + tdim + (long) tdim * tdim + tdim, net.parameterCount(),
                "one two-layer MLP more");
    }

    @ParameterizedTest(name = "base {0}")
    @ValueSource(ints = {24, 40})
    void widthsThatAreNotPowersOfTwoRunTheirSkipConnections(int base) {
        // the up path concatenates 4 x base and 2 x base channels (144 at base 24), which 32 groups do not divide
        UNet net = UNet.build(new UNetConfig(6, 3, base, new int[] {1, 2, 4}, 1, new int[0]), 16, 1);
        INDArray out = net.forward(Nd4j.zeros(DataType.FLOAT, 2, 3, 16, 16), Nd4j.zeros(DataType.FLOAT, 2, 3, 16, 16),
                Nd4j.zeros(DataType.FLOAT, 2));
        assertArrayEquals(new long[] {2, 3, 16, 16}, out.shape());
    }

    @Test
    void groupNormGroupsDivideTheChannelsAndKeepThoseOfTheStandardWidths() {
        assertEquals(8, UNetConfig.groups(8));
        assertEquals(8, UNetConfig.groups(16));
        assertEquals(12, UNetConfig.groups(48));
        assertEquals(24, UNetConfig.groups(96));
        assertEquals(32, UNetConfig.groups(384));
        assertEquals(24, UNetConfig.groups(144));
        for (int c = 8; c <= 1024; c += 8) {
            assertEquals(0, c % UNetConfig.groups(c), "channels " + c);
        }
    }

    @Test
    void rejectsResolutionsTheLevelsCannotHalve() {
        assertThrows(IllegalArgumentException.class, () -> UNet.build(UNetConfig.peer(), 20, 1));
    }
}
