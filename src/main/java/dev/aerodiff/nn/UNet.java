package dev.aerodiff.nn;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The conditional U-Net of {@link UNetConfig} as a SameDiff graph for one grid resolution.
 *
 * <p>Inputs (placeholders): {@value #X} noisy fields [B, 3, H, W], {@value #CONDITION} condition
 * channels [B, 3, H, W], {@value #TIME} diffusion time [B] in [0, 1] (embedded as t x 1000, the
 * scale of discrete DDPM steps). With {@link UNetConfig#conditionEmbedding()} the operating point
 * (angle of attack and log speed, read back from the condition channels) is expanded into
 * sinusoids like the time ({@value #CONDITION_FEATURES}, periods from {@link ConditionEmbedding}),
 * embedded by its own two-layer MLP and added to the time embedding, as class labels are in
 * conditional diffusion models; without it the condition reaches the network only through the first
 * convolution, where the freestream is a constant that the first GroupNorm mostly subtracts again.
 * The sinusoids matter: fed the plain (cos, sin, log speed), whose values differ by 0.03 between 18
 * and 20 degrees, the embedding did not tell such conditions apart.
 * Output {@value #OUTPUT}: [B, 3, H, W]. Not thread-safe: one
 * graph evaluates one batch at a time.
 */
public final class UNet {
    /** Placeholder of the noisy fields. */
    public static final String X = "x";
    /** Placeholder of the condition channels. */
    public static final String CONDITION = "cond";
    /** Placeholder of the diffusion time. */
    public static final String TIME = "t";
    /** Name of the network output. */
    public static final String OUTPUT = "out";
    /** Name of the operating point [B, 3] embedded with {@link UNetConfig#conditionEmbedding()}. */
    public static final String OPERATING_POINT = "operating_point";
    /**
     * Name of the sinusoidal features [B, 2 base] of the operating point: sin and cos of the angle
     * of attack in degrees, then of the log speed ratio, each at base / 2 periods from the
     * {@link ConditionEmbedding}'s fastest towards {@link ConditionEmbedding#SPAN} times as long.
     */
    public static final String CONDITION_FEATURES = "condition_features";
    /** The time as DDPM step numbers, embedded at frequencies from 1 down to 1e-4 per step. */
    private static final double TIME_SCALE = 1000.0;
    private static final double TIME_SPAN = 10000.0;

    private final SameDiff sd;
    private final UNetConfig config;
    private final int resolution;
    private final long flopsPerSample;

    private UNet(SameDiff sd, UNetConfig config, int resolution, long flopsPerSample) {
        this.sd = sd;
        this.config = config;
        this.resolution = resolution;
        this.flopsPerSample = flopsPerSample;
    }

    /**
     * @param config     the shape
     * @param resolution H = W of the fields, divisible by {@link UNetConfig#resolutionMultiple()}
     * @param seed       weight initialization seed
     * @return the network with freshly initialized weights, ready to train
     */
    public static UNet build(UNetConfig config, int resolution, long seed) {
        return build(config, resolution, seed, true);
    }

    /**
     * @param config     the shape
     * @param resolution H = W of the fields
     * @return a network to evaluate, not to train (weights to be set); its outputs equal those of
     *         {@link #build} with the same weights up to rounding (it runs channels-last), in less time
     */
    public static UNet buildForInference(UNetConfig config, int resolution) {
        return build(config, resolution, 0, false);
    }

    private static UNet build(UNetConfig config, int resolution, long seed, boolean trainable) {
        if (resolution % config.resolutionMultiple() != 0) {
            throw new IllegalArgumentException("resolution " + resolution + " is not divisible by "
                    + config.resolutionMultiple() + " (" + config.mult().length + " levels)");
        }
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(X, DataType.FLOAT, -1, config.outChannels(), resolution, resolution);
        GraphBlocks nn = new GraphBlocks(sd, seed, trainable, x);
        int half = config.base() / 2;
        SDVariable cond = sd.placeHolder(CONDITION, DataType.FLOAT, -1,
                config.inChannels() - config.outChannels(), resolution, resolution);
        SDVariable t = sd.placeHolder(TIME, DataType.FLOAT, -1);

        int tdim = config.timeEmbeddingDim();
        SDVariable temb = nn.linear(nn.silu(nn.linear(sinusoid(sd, t.mul(TIME_SCALE), half, 1.0, TIME_SPAN),
                config.base(), tdim)), tdim, tdim);
        ConditionEmbedding periods = config.conditionEmbedding();
        if (periods != null) {
            SDVariable point = operatingPoint(sd, cond);
            SDVariable angleDeg = sd.math().atan2(column(point, 1), column(point, 0)).mul(180 / Math.PI);
            SDVariable features = sd.concat(CONDITION_FEATURES, 1,
                    sinusoid(sd, angleDeg, half, 2 * Math.PI / periods.anglePeriodDeg(), ConditionEmbedding.SPAN),
                    sinusoid(sd, column(point, 2), half, 2 * Math.PI / periods.logSpeedPeriod(),
                            ConditionEmbedding.SPAN));
            temb = temb.add(nn.linear(nn.silu(nn.linear(features, 2 * config.base(), tdim)), tdim, tdim));
        }
        SDVariable tact = nn.silu(temb);

        int[] mult = config.mult();
        int c = config.base();
        int size = resolution;
        SDVariable h = nn.conv(nn.fromNchw(sd.concat(1, x, cond)), config.inChannels(), c, 3, 1, size);
        Deque<SDVariable> skips = new ArrayDeque<>();
        Deque<Integer> skipChannels = new ArrayDeque<>();
        skips.push(h);
        skipChannels.push(c);
        for (int level = 0; level < mult.length; level++) {
            for (int b = 0; b < config.resBlocksPerLevel(); b++) {
                int out = config.base() * mult[level];
                h = resBlock(nn, h, c, out, size, tact, tdim);
                c = out;
                if (config.hasAttention(level)) {
                    h = nn.attention(h, c, size, size);
                }
                skips.push(h);
                skipChannels.push(c);
            }
            if (level != mult.length - 1) {
                h = nn.conv(h, c, c, 3, 2, size);
                size /= 2;
                skips.push(h);
                skipChannels.push(c);
            }
        }
        h = resBlock(nn, h, c, c, size, tact, tdim);
        h = nn.attention(h, c, size, size);
        h = resBlock(nn, h, c, c, size, tact, tdim);
        for (int level = mult.length - 1; level >= 0; level--) {
            for (int b = 0; b <= config.resBlocksPerLevel(); b++) {
                int skipC = skipChannels.pop();
                int out = config.base() * mult[level];
                h = resBlock(nn, sd.concat(nn.channelAxis(), h, skips.pop()), c + skipC, out, size, tact, tdim);
                c = out;
                if (config.hasAttention(level)) {
                    h = nn.attention(h, c, size, size);
                }
            }
            if (level != 0) {
                h = nn.upsample(h, c, size);
                size *= 2;
            }
        }
        SDVariable out = nn.conv(nn.normSilu(h, c, size, size), c, config.outChannels(), 3, 1, size);
        sd.identity(OUTPUT, nn.toNchw(out));
        return new UNet(sd, config, resolution, nn.flopsPerSample());
    }

    /**
     * Wraps a graph built by {@link #build} and loaded back from a file.
     *
     * @param sd         the graph
     * @param config     the shape it was built with
     * @param resolution the resolution it was built for
     * @return the network
     */
    public static UNet wrap(SameDiff sd, UNetConfig config, int resolution) {
        if (sd.getVariable(OUTPUT) == null || !sd.hasVariable(X)) {
            throw new IllegalArgumentException("graph has no U-Net inputs and output");
        }
        return new UNet(sd, config, resolution, -1);
    }

    /**
     * @return sin and cos of {@code value} [B] or [B, 1] at the {@code half} frequencies
     *         {@code fastest * span^(-k / half)}, k = 0 .. half - 1: [B, 2 half]
     */
    private static SDVariable sinusoid(SameDiff sd, SDVariable value, int half, double fastest, double span) {
        float[] freqs = new float[half];
        for (int k = 0; k < half; k++) {
            freqs[k] = (float) (fastest * Math.exp(-Math.log(span) * k / half));
        }
        SDVariable args = sd.reshape(value, -1, 1).mmul(sd.constant(Nd4j.create(freqs, 1, half)));
        return sd.concat(1, sd.math().sin(args), sd.math().cos(args));
    }

    private static SDVariable column(SDVariable matrix, int k) {
        return matrix.get(SDIndex.all(), SDIndex.interval(k, k + 1));
    }

    /**
     * The operating point read back from the condition channels (freestream ux, uy on fluid cells,
     * zero on solid ones, and the solid mask): [B, 3] = flow direction (cos, sin of the angle of
     * attack) and the log of the freestream speed over the reference speed, which grows with the
     * Reynolds number. Depends on the inputs only, so it carries no gradient.
     */
    private static SDVariable operatingPoint(SameDiff sd, SDVariable cond) {
        SDVariable pooled = sd.mean(cond, 2, 3);
        SDVariable fluidFraction = pooled.get(SDIndex.all(), SDIndex.interval(2, 3)).rsub(1.0);
        SDVariable velocity = pooled.get(SDIndex.all(), SDIndex.interval(0, 2)).div(fluidFraction);
        SDVariable speed = sd.math().sqrt(velocity.mul(velocity).sum(true, 1));
        return sd.concat(OPERATING_POINT, 1, velocity.div(speed), sd.math().log(speed));
    }

    private static SDVariable resBlock(GraphBlocks nn, SDVariable x, int cin, int cout, int size, SDVariable tact,
                                       int tdim) {
        SDVariable h = nn.conv(nn.normSilu(x, cin, size, size), cin, cout, 3, 1, size);
        SDVariable shift = nn.linear(tact, tdim, cout);
        h = h.add(nn.perChannel(shift, cout));
        h = nn.conv(nn.normSilu(h, cout, size, size), cout, cout, 3, 1, size);
        SDVariable skip = cin == cout ? x : nn.conv(x, cin, cout, 1, 1, size);
        return h.add(skip);
    }

    /**
     * One forward pass.
     *
     * @param x    noisy fields [B, 3, H, W]
     * @param cond condition channels [B, 3, H, W]
     * @param t    diffusion times [B] in [0, 1]
     * @return the network output [B, 3, H, W] (a copy, safe to keep)
     */
    public INDArray forward(INDArray x, INDArray cond, INDArray t) {
        INDArray out = sd.output(Map.of(X, x, CONDITION, cond, TIME, t), OUTPUT).get(OUTPUT).dup();
        NativeGarbage.afterStep();
        return out;
    }

    /** @return the trainable weights (SameDiff variables), in graph order */
    public List<SDVariable> weights() {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE).toList();
    }

    /** @return the total number of trainable parameters */
    public long parameterCount() {
        return weights().stream().mapToLong(v -> v.getArr().length()).sum();
    }

    /**
     * @return floating-point operations of one sample's forward pass (convolutions, dense layers
     *         and attention products, multiply and add counted separately), or -1 for a graph
     *         loaded with {@link #wrap}
     */
    public long flopsPerSample() {
        return flopsPerSample;
    }

    /** @return the underlying graph (for training and saving) */
    public SameDiff graph() {
        return sd;
    }

    /** @return the shape */
    public UNetConfig config() {
        return config;
    }

    /** @return the grid resolution the graph was built for */
    public int resolution() {
        return resolution;
    }
}
