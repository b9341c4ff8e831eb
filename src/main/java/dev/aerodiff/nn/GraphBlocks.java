package dev.aerodiff.nn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Layers of the denoiser networks built from SameDiff ops, with weights initialized from a seed on
 * the Java side (PyTorch's default: uniform in +-1/sqrt(fan_in)). Avoids ops with known bugs in
 * ND4J 1.0.0-M2.1: dense layers use {@code mmul} + {@code add}, not {@code xw_plus_b}; upsampling
 * passes both scales; GroupNorm is composed from per-channel means and variances, never reshapes
 * or centers a full-size field, and in a graph that is trained, does without broadcasting
 * multiplications (see {@link #groupNorm}).
 * Fields inside the graph are channels-last where the graph is only evaluated
 * ({@link #channelsLast}); the networks' inputs and outputs are [B, C, H, W] either way, and the
 * weights have the same names and shapes, so one set of weights serves both.
 */
final class GraphBlocks {
    private static final double NORM_EPS = 1e-5;
    private final SameDiff sd;
    private final SplittableRandom random;
    private final boolean trainable;
    /**
     * Whether fields inside the graph are [B, H, W, C]: in graphs that are only evaluated, since
     * oneDNN's convolutions are faster on that layout (a forward pass of the peer U-Net takes 14-27%
     * less time); trainable graphs stay [B, C, H, W], whose training step was not faster channels-last.
     */
    private final boolean channelsLast;
    /** A graph input whose first axis is the batch and on which no weight acts. */
    private final SDVariable batchSource;
    /** {@link #fieldZeros} by field shape. */
    private final Map<String, SDVariable> zeros = new HashMap<>();
    /** {@link #groupAverage} by channels and weight. */
    private final Map<String, SDVariable> groupAverages = new HashMap<>();
    private int counter;
    private long flops;

    /**
     * @param sd        the graph to add layers to
     * @param seed      weight initialization seed
     * @param trainable whether gradients will be taken; graphs that are only evaluated skip the
     *                  work that makes gradients fast (same values up to rounding)
     * @param batchSource a graph input [B, ...] on which no weight acts (a placeholder): the batch
     *                  size of the full-size zeros that broadcasts in trained graphs use
     */
    GraphBlocks(SameDiff sd, long seed, boolean trainable, SDVariable batchSource) {
        this.sd = sd;
        this.batchSource = batchSource;
        this.random = new SplittableRandom(seed);
        this.trainable = trainable;
        this.channelsLast = !trainable;
    }

    /** @return the axis of the channels inside the graph */
    int channelAxis() {
        return channelsLast ? 3 : 1;
    }

    /** @return {@code x} [B, C, H, W] in the graph's layout */
    SDVariable fromNchw(SDVariable x) {
        return channelsLast ? sd.permute(x, 0, 2, 3, 1) : x;
    }

    /** @return {@code x} in the graph's layout as [B, C, H, W] */
    SDVariable toNchw(SDVariable x) {
        return channelsLast ? sd.permute(x, 0, 3, 1, 2) : x;
    }

    /**
     * @return floating-point operations of one sample's forward pass through the layers built so far,
     *         counting multiply and add separately in convolutions, dense layers and attention
     *         products (normalizations and activations are left out, as in the usual GFLOP figures)
     */
    long flopsPerSample() {
        return flops;
    }

    private String name(String kind) {
        return kind + "_" + (counter++);
    }

    private SDVariable uniform(String name, double bound, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        float[] v = new float[(int) n];
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return sd.var(name, Nd4j.create(v, shape, 'c'));
    }

    /** k x k convolution in the graph's layout, same padding, with bias, of a {@code size}^2 input. */
    SDVariable conv(SDVariable x, int cin, int cout, int k, int stride, int size) {
        String n = name("conv");
        long outSize = (size + stride - 1) / stride;
        flops += 2L * k * k * cin * cout * outSize * outSize;
        double bound = 1.0 / Math.sqrt(cin * k * k);
        SDVariable w = uniform(n + "_w", bound, k, k, cin, cout);
        SDVariable b = uniform(n + "_b", bound, cout);
        Conv2DConfig cfg = Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride)
                .paddingMode(PaddingMode.SAME).dataFormat(channelsLast ? "NHWC" : "NCHW")
                .weightsFormat(WeightsFormat.YXIO).build();
        return sd.cnn().conv2d(n, x, w, b, cfg);
    }

    /** Dense layer on [B, in]: x W + b. */
    SDVariable linear(SDVariable x, int in, int out) {
        String n = name("linear");
        flops += 2L * in * out;
        double bound = 1.0 / Math.sqrt(in);
        return x.mmul(uniform(n + "_w", bound, in, out)).add(uniform(n + "_b", bound, 1, out));
    }

    /**
     * GroupNorm over a field in the graph's layout with per-channel scale (init 1) and shift (init 0).
     *
     * <p>The group statistics come from per-channel statistics (the channels of a group have the
     * same size), so the full-size field is never reshaped: a SameDiff reshape copies its input,
     * and the two full-size copies per GroupNorm that a [B, G, C/G*H*W] view needed were kept alive
     * for the gradient (18 % of the peer U-Net's peak memory in training).
     *
     * <p>In a trainable graph the output is written as x * scale + shift, as PyTorch's CPU kernel
     * does, with the per-sample, per-channel scale gamma / sqrt(group variance + eps) and shift
     * beta - group mean * scale, and the group variance is the mean of the channel variances plus
     * the variance of the channel means. SameDiff keeps every input of an op alive until that op's
     * gradient has run, even where the gradient needs only its shape, so this way nothing
     * full-size but the input, the broadcast scale and the product feeds an op with a gradient (no
     * centered field, no squares). The product first broadcasts the scale to the full shape with
     * an addition and then multiplies arrays of equal shape: ND4J's gradient of a broadcasting
     * multiplication tiles both operands in a slow generic loop (written directly, those gradients
     * took 42 % of a training step of the peer U-Net; this way they take 2 %). The zeros the scale
     * is broadcast onto are one array per field shape for the whole graph ({@link #fieldZeros}),
     * not one per GroupNorm. In a training step of the peer U-Net, 1.5 GB of op outputs are alive
     * at the peak, where a centered field, its square and one zeros array per GroupNorm made 2.3 GB.
     *
     * <p>A graph that is only evaluated centers the field, takes the variance as a sum of squares of
     * the centered field, and multiplies by gamma / sqrt(group variance + eps) with a plain
     * broadcast ({@link #evaluatedGroupNorm}): its forward pass is faster channels-last than with
     * ND4J's variance op.
     */
    SDVariable groupNorm(SDVariable x, int channels, int height, int width) {
        return groupNorm(x, channels, height, width, 1.0);
    }

    /**
     * GroupNorm followed by SiLU. A graph that is only evaluated takes the SiLU through oneDNN's
     * tanh, as {@link TanhSilu} does: silu(x) = h (1 + tanh h) with h = x / 2, GroupNorm writing h
     * directly with halved coefficients. The SiLU op SameDiff has ({@code swish}) is a scalar loop
     * in ND4J 1.0.0-M2.1 that took 14 % of the peer U-Net's forward pass. Trainable graphs keep
     * {@code swish}, whose gradient SameDiff knows.
     */
    SDVariable normSilu(SDVariable x, int channels, int height, int width) {
        if (trainable) {
            return silu(groupNorm(x, channels, height, width));
        }
        SDVariable half = groupNorm(x, channels, height, width, 0.5);
        SDVariable tanh = new CustomTanh(sd, half).outputVariable();
        return half.mul(tanh).add(half);
    }

    /** GroupNorm times {@code outputScale} (1 where trainable). */
    private SDVariable groupNorm(SDVariable x, int channels, int height, int width, double outputScale) {
        String n = name("gn");
        SDVariable gamma = sd.var(n + "_gamma", Nd4j.ones(DataType.FLOAT, 1, channels, 1, 1));
        SDVariable beta = sd.var(n + "_beta", Nd4j.zeros(DataType.FLOAT, 1, channels, 1, 1));
        int cells = height * width;
        if (!trainable) {
            return evaluatedGroupNorm(x, gamma, beta, channels, cells, outputScale);
        }
        int groups = UNetConfig.groups(channels);
        int[] spatial = {2, 3};
        SDVariable channelMean = byGroup(x.mean(true, spatial), channels, groups);
        SDVariable groupMean = channelMean.mean(true, 2);
        SDVariable groupZeros = sd.zerosLike(channelMean);
        SDVariable channelVariance = cells == 1 ? groupZeros
                : byGroup(biasedVariance(x, spatial, cells), channels, groups);
        SDVariable spread = channelMean.sub(groupMean);
        SDVariable groupVariance = channelVariance.mean(true, 2).add(spread.mul(spread).mean(true, 2));
        SDVariable scale = toChannels(sd.math().rsqrt(groupVariance.add(NORM_EPS)), groupZeros, channels).mul(gamma);
        SDVariable shift = beta.sub(toChannels(groupMean, groupZeros, channels).mul(scale));
        return x.mul(fieldZeros(channels, height, width).add(scale)).add(shift);
    }

    /**
     * GroupNorm, times {@code outputScale}, in a graph that is only evaluated (channels-last). The
     * statistics are per sample and channel, [B, C], and a product with a constant [C, C] matrix
     * averages them over each channel's group, so no op reshapes or broadcasts per group. The scale
     * is folded into that matrix and eps: s / sqrt(v + eps) = 1 / sqrt(v / s^2 + eps / s^2). That is
     * 15 ops where the per-group route took 22 (reshapes, broadcasts onto zeros), each costing
     * SameDiff's session about 0.1 ms whatever its size.
     */
    private SDVariable evaluatedGroupNorm(SDVariable x, SDVariable gamma, SDVariable beta, int channels, int cells,
                                          double outputScale) {
        int[] spatial = {1, 2};
        double scaleSquared = outputScale * outputScale;
        SDVariable groupMean = x.mean(false, spatial).mmul(groupAverage(channels, 1.0));
        SDVariable centered = x.sub(perChannel(groupMean, channels));
        SDVariable factor = sd.math().rsqrt(sd.squaredNorm(centered, false, spatial)
                .mmul(groupAverage(channels, 1.0 / (cells * scaleSquared))).add(NORM_EPS / scaleSquared));
        SDVariable scale = factor.mul(sd.reshape(gamma, 1, channels));
        SDVariable shift = outputScale == 1.0 ? beta : beta.mul(outputScale);
        return centered.mul(perChannel(scale, channels)).add(perChannel(shift, channels));
    }

    /**
     * @return a constant [C, C] matrix whose product with per-channel values [B, C] gives each
     *         channel the mean of its group's values times {@code weight}; one per (C, weight)
     */
    private SDVariable groupAverage(int channels, double weight) {
        return groupAverages.computeIfAbsent(channels + " " + weight, key -> {
            int width = channels / UNetConfig.groups(channels);
            float[] m = new float[channels * channels];
            for (int i = 0; i < channels; i++) {
                for (int j = i / width * width; j < (i / width + 1) * width; j++) {
                    m[i * channels + j] = (float) (weight / width);
                }
            }
            // not named by name(): the weights' names must not depend on whether the graph is trainable
            return sd.constant("group_average_" + groupAverages.size(), Nd4j.create(m, new long[] {channels, channels},
                    'c'));
        });
    }

    /**
     * @param perGroup   one value per sample and group, [B, G, 1]
     * @param groupZeros zeros [B, G, C/G]
     * @return the value of each channel's group, shaped to broadcast over fields of the graph's layout
     */
    private SDVariable toChannels(SDVariable perGroup, SDVariable groupZeros, int channels) {
        return perChannel(groupZeros.add(perGroup), channels);
    }

    /**
     * @return {@code v}, one value per channel (and per sample, where its first axis is the batch),
     *         shaped to broadcast over fields of the graph's layout
     */
    SDVariable perChannel(SDVariable v, int channels) {
        return channelsLast ? sd.reshape(v, -1, 1, 1, channels) : sd.reshape(v, -1, channels, 1, 1);
    }

    /**
     * @return the variance of each channel of each sample over its {@code cells} (at least 2)
     *         positions: the unbiased variance times (n - 1) / n, because ND4J 1.0.0-M2.1's gradient
     *         of the biased one is that of the unbiased one (7 % off at 16 cells)
     */
    private SDVariable biasedVariance(SDVariable x, int[] spatial, int cells) {
        return sd.variance(x, true, false, spatial).mul((cells - 1.0) / cells);
    }

    /** @return per-sample, per-channel values ([B, C, 1, 1] or [B, 1, 1, C]) as [B, G, C/G] */
    private SDVariable byGroup(SDVariable perChannel, int channels, int groups) {
        return sd.reshape(perChannel, -1, groups, channels / groups);
    }

    /**
     * @return zeros of the shape of a [B, C, H, W] field in the graph's layout, one array per shape
     *         for the whole graph, made from the batch size of {@link #batchSource}, so no gradient
     *         flows into them and only one stays alive for the gradients of the broadcasts onto it
     */
    private SDVariable fieldZeros(int channels, int height, int width) {
        long[] field = channelsLast ? new long[] {height, width, channels} : new long[] {channels, height, width};
        return zeros.computeIfAbsent(Arrays.toString(field), key -> {
            SDVariable batch = sd.slice(sd.shape(batchSource), new int[] {0}, 1);
            return sd.fill(sd.concat(0, batch, sd.constant(Nd4j.createFromArray(field))), DataType.FLOAT, 0);
        });
    }

    SDVariable silu(SDVariable x) {
        return sd.nn().swish(x);
    }

    /** Single-head self-attention over the H x W positions, with a residual connection. */
    SDVariable attention(SDVariable x, int c, int h, int w) {
        SDVariable normed = groupNorm(x, c, h, w);
        long positions = (long) h * w;
        flops += 2 * 2L * c * positions * positions;
        long[] tokens = channelsLast ? new long[] {-1, positions, c} : new long[] {-1, c, positions};
        SDVariable q = sd.reshape(conv(normed, c, c, 1, 1, h), tokens);
        SDVariable k = sd.reshape(conv(normed, c, c, 1, 1, h), tokens);
        SDVariable v = sd.reshape(conv(normed, c, c, 1, 1, h), tokens);
        SDVariable scores = sd.mmul(q, k, !channelsLast, channelsLast, false).mul(1.0 / Math.sqrt(c));
        SDVariable weights = sd.nn().softmax(scores, 2);                                   // [B, HW, HW]
        SDVariable mixed = channelsLast ? sd.mmul(weights, v) : sd.mmul(v, weights, false, true, false);
        SDVariable field = channelsLast ? sd.reshape(mixed, -1, h, w, c) : sd.reshape(mixed, -1, c, h, w);
        return x.add(conv(field, c, c, 1, 1, h));
    }

    /** Nearest-neighbour upsampling by 2 of a {@code size} x {@code size} input, then a 3x3 convolution. */
    SDVariable upsample(SDVariable x, int c, int size) {
        return conv(sd.cnn().upsampling2d(x, 2, 2, !channelsLast), c, c, 3, 1, 2 * size);
    }

    /**
     * ND4J's {@code tanh} custom op (oneDNN's kernel) in a graph. SameDiff's own {@code tanh} is the
     * legacy transform, a scalar loop (10 ms against 0.8-1.8 ms on a [16, 32, 64, 64] field).
     */
    private static final class CustomTanh extends DynamicCustomOp {
        CustomTanh(SameDiff sd, SDVariable x) {
            super(sd, new SDVariable[] {x});
        }

        @Override
        public String opName() {
            return "tanh";
        }

        @Override
        public List<DataType> calculateOutputDataTypes(List<DataType> inputTypes) {
            return List.of(inputTypes.get(0));
        }
    }
}
