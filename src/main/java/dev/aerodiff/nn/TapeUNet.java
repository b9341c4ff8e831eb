package dev.aerodiff.nn;

import dev.aerodiff.nn.Tape.Node;
import dev.aerodiff.nn.TapeOps.Param;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The trainable {@link UNet} run eagerly on a {@link Tape}: a loss and the gradients of all
 * weights, without a SameDiff session. The weights live in one flat buffer and their gradients in
 * another, each weight a view of its part, in the order and with the names of the SameDiff graph's
 * variables, so an optimizer can update all of them with a few whole-buffer ops.
 *
 * <p>The architecture is walked as in {@link UNet#build}, naming the layers in the same order as
 * {@link GraphBlocks} does, so each layer finds its weights by name. Not thread-safe: one call at a
 * time, which reuses the arrays of the one before ({@link ArrayPool}).
 */
public final class TapeUNet {
    /**
     * While the pool still grows (the first step, or the first at a new batch size), the gradient
     * pass hands glibc's free memory back every this many records. Without it that step peaked
     * 150-200 MB above the later ones (buffers freed inside ops stay resident until the trim after
     * the step): peer U-Net at batch 16, process peak 1,534-1,538 MB against 1,694-1,703, and the
     * later steps, which do not trim, untouched. Trimming in every step would lower their peak too,
     * but cost 5-10% of their time.
     */
    private static final int TRIM_EVERY_RECORDS = 40;
    private static final double TIME_SCALE = 1000.0;
    private static final double TIME_SPAN = 10000.0;
    private final UNetConfig config;
    private final long flopsPerSample;
    private final Map<String, Param> params = new LinkedHashMap<>();
    private final INDArray values;
    private final INDArray grads;
    private int counter;
    private OpTimer timer;
    private final ArrayPool pool = new ArrayPool();

    private TapeUNet(UNetConfig config, long flopsPerSample, List<String> names, List<INDArray> weights) {
        this.config = config;
        this.flopsPerSample = flopsPerSample;
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            shapes.put(names.get(k), weights.get(k).shape());
        }
        long total = weights.stream().mapToLong(INDArray::length).sum();
        values = Nd4j.createUninitialized(DataType.FLOAT, total);
        grads = Nd4j.zeros(DataType.FLOAT, total);
        Map<String, INDArray> valueViews = views(values, shapes);
        Map<String, INDArray> gradViews = views(grads, shapes);
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            valueViews.get(name).assign(weights.get(k));
            params.put(name, new Param(name, valueViews.get(name), gradViews.get(name)));
        }
    }

    /**
     * @param flat a buffer laid out as {@link #flatWeights()} (the averaged weights, say)
     * @return each weight's part of it, by name in graph order, shaped as the weight (views)
     */
    public Map<String, INDArray> viewsOf(INDArray flat) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        params.forEach((name, p) -> shapes.put(name, p.value().shape()));
        return views(flat, shapes);
    }

    private static Map<String, INDArray> views(INDArray flat, Map<String, long[]> shapes) {
        Map<String, INDArray> views = new LinkedHashMap<>();
        long offset = 0;
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            long n = 1;
            for (long d : e.getValue()) {
                n *= d;
            }
            views.put(e.getKey(), flat.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', e.getValue()));
            offset += n;
        }
        return views;
    }

    /** @return an eager copy of the trainable network {@code net} with its current weights */
    public static TapeUNet of(UNet net) {
        List<SDVariable> weights = net.weights();
        return new TapeUNet(net.config(), net.flopsPerSample(), weights.stream().map(SDVariable::name).toList(),
                weights.stream().map(SDVariable::getArr).toList());
    }

    /** @param opTimer receives the time of every op of the following calls, or null to stop timing */
    public void timeOps(OpTimer opTimer) {
        this.timer = opTimer;
    }

    /** @return the number of trainable weights */
    public long parameterCount() {
        return values.length();
    }

    /** @return forward FLOPs of one sample, as {@link UNet#flopsPerSample()} of the network it was made from */
    public long flopsPerSample() {
        return flopsPerSample;
    }

    /** @return floats in the arrays the training steps have taken from their pool so far */
    long pooledFloats() {
        return pool.allocatedFloats();
    }

    /** @return all weights, one flat buffer in graph order */
    public INDArray flatWeights() {
        return values;
    }

    /** @return the gradients of the last {@link #lossAndGradients} call, laid out as {@link #flatWeights()} */
    public INDArray flatGradients() {
        return grads;
    }

    /** @return the weight named {@code name} (a view of {@link #flatWeights()}) */
    public INDArray weight(String name) {
        return param(name).value();
    }

    /** @return the gradient of the weight named {@code name} (a view of {@link #flatGradients()}) */
    public INDArray gradient(String name) {
        return param(name).grad();
    }

    /** @return the weights' names in graph order */
    public List<String> names() {
        return List.copyOf(params.keySet());
    }

    /**
     * The mean squared error of the network's output against {@code target}, each sample's squared
     * errors times its weight where {@code lossWeight} is given, and its gradients (in
     * {@link #flatGradients()}).
     *
     * @param x          noisy fields [B, 3, H, W]
     * @param cond       condition channels [B, 3, H, W]
     * @param t          diffusion times [B]
     * @param target     what the output should be [B, 3, H, W]
     * @param lossWeight per-sample weights [B] (any shape of B values), or null for 1
     * @return the loss
     */
    public double lossAndGradients(INDArray x, INDArray cond, INDArray t, INDArray target, INDArray lossWeight) {
        Tape tape = new Tape(timer, pool);
        long pooled = pool.allocatedFloats();
        Node out = forward(new TapeOps(tape), tape, x, cond, t);
        boolean poolGrew = pool.allocatedFloats() > pooled;
        long batch = x.size(0);
        INDArray diff = tape.take(target.shape());
        Nd4j.exec(new SubOp(out.value, target, diff));
        INDArray rows = diff.reshape(batch, diff.length() / batch);
        INDArray squared = tape.take(rows.shape());
        Nd4j.exec(new MulOp(rows, rows, squared));
        if (lossWeight != null) {
            INDArray w = lossWeight.reshape(batch);
            squared.muliColumnVector(w.reshape(batch, 1));
            rows.muliColumnVector(w.reshape(batch, 1));
        }
        double loss = squared.sumNumber().doubleValue() / diff.length();
        tape.free(squared);
        rows.muli(2.0 / diff.length());
        tape.backward(out, diff, poolGrew ? TRIM_EVERY_RECORDS : 0);
        return loss;
    }

    private Node forward(TapeOps ops, Tape tape, INDArray x, INDArray cond, INDArray t) {
        counter = 0;
        int half = config.base() / 2;
        float[] times = t.toFloatVector();
        for (int k = 0; k < times.length; k++) {
            times[k] = (float) (times[k] * TIME_SCALE);
        }
        Node temb = linear(ops, ops.silu(linear(ops, tape.input(sinusoid(times, half, 1.0, TIME_SPAN)))));
        ConditionEmbedding periods = config.conditionEmbedding();
        if (periods != null) {
            INDArray features = conditionFeatures(cond, half, periods);
            temb = ops.add(temb, linear(ops, ops.silu(linear(ops, tape.input(features)))));
        }
        Node tact = ops.silu(temb);
        int[] mult = config.mult();
        Node h = conv(ops, tape.input(Nd4j.concat(1, x, cond)), 1);
        Deque<Node> skips = new ArrayDeque<>();
        skips.push(h);
        for (int level = 0; level < mult.length; level++) {
            for (int b = 0; b < config.resBlocksPerLevel(); b++) {
                h = resBlock(ops, h, config.base() * mult[level], tact);
                if (config.hasAttention(level)) {
                    h = attention(ops, h);
                }
                skips.push(h);
            }
            if (level != mult.length - 1) {
                h = conv(ops, h, 2);
                skips.push(h);
            }
        }
        h = resBlock(ops, h, h.value.size(1), tact);
        h = attention(ops, h);
        h = resBlock(ops, h, h.value.size(1), tact);
        for (int level = mult.length - 1; level >= 0; level--) {
            for (int b = 0; b <= config.resBlocksPerLevel(); b++) {
                h = resBlock(ops, ops.concat(h, skips.pop()), config.base() * mult[level], tact);
                if (config.hasAttention(level)) {
                    h = attention(ops, h);
                }
            }
            if (level != 0) {
                h = conv(ops, ops.upsample(h), 1);
            }
        }
        return normSiluConv(ops, h);
    }

    private Node resBlock(TapeOps ops, Node x, long cout, Node tact) {
        Node h = normSiluConv(ops, x);
        h = ops.addPerChannel(h, linear(ops, tact));
        h = normSiluConv(ops, h);
        Node skip = x.value.size(1) == cout ? x : conv(ops, x, 1);
        return ops.add(h, skip);
    }

    private Node attention(TapeOps ops, Node x) {
        String n = "gn_" + counter++;
        Node normed = ops.groupNorm(x, param(n + "_gamma"), param(n + "_beta"));
        Node q = conv(ops, normed, 1);
        Node k = conv(ops, normed, 1);
        Node v = conv(ops, normed, 1);
        return ops.add(x, conv(ops, ops.attend(q, k, v), 1));
    }

    private Node conv(TapeOps ops, Node x, int stride) {
        String n = "conv_" + counter++;
        return ops.conv(x, param(n + "_w"), param(n + "_b"), stride);
    }

    private Node linear(TapeOps ops, Node x) {
        String n = "linear_" + counter++;
        return ops.linear(x, param(n + "_w"), param(n + "_b"));
    }

    /** GroupNorm, SiLU and a 3 x 3 convolution, named as {@link GraphBlocks} names them (GroupNorm first). */
    private Node normSiluConv(TapeOps ops, Node x) {
        String norm = "gn_" + counter++;
        String conv = "conv_" + counter++;
        return ops.normSiluConv(x, param(norm + "_gamma"), param(norm + "_beta"), param(conv + "_w"),
                param(conv + "_b"));
    }

    private Param param(String name) {
        Param p = params.get(name);
        if (p == null) {
            throw new IllegalStateException("the network has no weight " + name + " (not built from this U-Net shape?)");
        }
        return p;
    }

    /** @return sin and cos of each value at {@code half} frequencies, as {@link UNet}'s graph computes them: [B, 2 half] */
    private static INDArray sinusoid(float[] values, int half, double fastest, double span) {
        float[] out = new float[values.length * 2 * half];
        for (int b = 0; b < values.length; b++) {
            for (int k = 0; k < half; k++) {
                float freq = (float) (fastest * Math.exp(-Math.log(span) * k / half));
                float arg = values[b] * freq;
                out[b * 2 * half + k] = (float) Math.sin(arg);
                out[b * 2 * half + half + k] = (float) Math.cos(arg);
            }
        }
        return Nd4j.create(out, new long[] {values.length, 2L * half}, 'c');
    }

    /** @return the condition features of {@link UNet#CONDITION_FEATURES}, computed as the graph does */
    private static INDArray conditionFeatures(INDArray cond, int half, ConditionEmbedding periods) {
        float[][] pooled = cond.mean(2, 3).toFloatMatrix();
        int batch = pooled.length;
        float[] angleDeg = new float[batch];
        float[] logSpeed = new float[batch];
        for (int b = 0; b < batch; b++) {
            double fluid = 1.0 - pooled[b][2];
            double ux = pooled[b][0] / fluid;
            double uy = pooled[b][1] / fluid;
            double speed = Math.sqrt(ux * ux + uy * uy);
            angleDeg[b] = (float) (Math.atan2(uy / speed, ux / speed) * 180 / Math.PI);
            logSpeed[b] = (float) Math.log(speed);
        }
        INDArray angle = sinusoid(angleDeg, half, 2 * Math.PI / periods.anglePeriodDeg(), ConditionEmbedding.SPAN);
        INDArray speed = sinusoid(logSpeed, half, 2 * Math.PI / periods.logSpeedPeriod(), ConditionEmbedding.SPAN);
        return Nd4j.concat(1, angle, speed);
    }
}
