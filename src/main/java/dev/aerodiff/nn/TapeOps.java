package dev.aerodiff.nn;

import dev.aerodiff.nn.Tape.Node;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Swish;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SwishDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The U-Net's layers as eager ND4J ops on a {@link Tape}, fields [B, C, H, W], each with its
 * gradient written out by hand. The same functions as {@link GraphBlocks}' trainable graph, with
 * the same weight shapes (convolutions [k, k, in, out], dense [in, out] and [1, out], GroupNorm
 * [1, C, 1, 1]), so weights move between the two unchanged.
 *
 * <p>GroupNorm and the SiLU after it are one op that keeps only its input: its output is
 * recomputed for the gradient. Its per-sample statistics and coefficients (a few thousand numbers)
 * are computed on the Java side, which costs less than the native calls for such small arrays.
 */
final class TapeOps {
    private static final double NORM_EPS = 1e-5;
    private final Tape tape;

    TapeOps(Tape tape) {
        this.tape = tape;
    }

    /** A trainable array and its gradient, both views of flat buffers; the gradient is assigned once per step. */
    record Param(String name, INDArray value, INDArray grad) {
    }

    /** k x k convolution, stride 1 or 2, same padding (as SameDiff's SAME mode), with bias. */
    Node conv(Node x, Param w, Param b, int stride) {
        long started = tape.clock();
        long[] s = x.value.shape();
        int k = (int) w.value().size(0);
        long out = (s[2] + stride - 1) / stride;
        INDArray y = tape.take(s[0], w.value().size(3), out, out);
        int[] args = {k, k, stride, stride, 0, 0, 1, 1, 1, 0, 0};
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x.value, w.value(), b.value()).addOutputs(y)
                .addIntegerArguments(args).build());
        return tape.record("conv2d", started, y, g -> {
            INDArray gx = tape.take(s);
            Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x.value, w.value(), b.value(), g)
                    .addOutputs(gx, w.grad(), b.grad()).addIntegerArguments(args).build());
            tape.free(g);
            tape.accumulate(x, gx);
        }, Tape.keep(x));
    }

    /** Dense layer on [B, in]: x W + b. */
    Node linear(Node x, Param w, Param b) {
        long started = tape.clock();
        INDArray y = x.value.mmul(w.value()).addiRowVector(b.value());
        return tape.record("linear", started, y, g -> {
            Nd4j.gemm(x.value, g, w.grad(), true, false, 1.0, 0.0);
            b.grad().assign(g.sum(true, 0));
            INDArray gx = Nd4j.gemm(g, w.value(), false, true);
            tape.free(g);
            tape.accumulate(x, gx);
        }, Tape.keep(x));
    }

    /** SiLU of a small array (the embeddings). */
    Node silu(Node x) {
        long started = tape.clock();
        INDArray y = Nd4j.exec(new Swish(x.value, x.value.ulike()));
        return tape.record("swish", started, y, g -> {
            INDArray d = Nd4j.exec(new SwishDerivative(x.value, x.value.ulike())).muli(g);
            tape.free(g);
            tape.accumulate(x, d);
        }, Tape.keep(x));
    }

    /** a + b, equal shapes. */
    Node add(Node a, Node b) {
        long started = tape.clock();
        INDArray y = tape.take(a.value.shape());
        Nd4j.exec(new AddOp(a.value, b.value, y));
        return tape.record("add", started, y, g -> {
            tape.accumulate(b, copy(g));
            tape.accumulate(a, g);
        }, Tape.keep());
    }

    /** h [B, C, H, W] plus a per-sample, per-channel shift [B, C], in place on h, which nothing else may use. */
    Node addPerChannel(Node h, Node shift) {
        long started = tape.clock();
        long[] s = h.value.shape();
        INDArray rows = h.value.reshape(s[0] * s[1], s[2] * s[3]);
        Nd4j.exec(new BroadcastAddOp(rows, shift.value.reshape(s[0] * s[1], 1), rows, 0));
        Tape.handOver(h);
        return tape.record("add_per_channel", started, h.value, g -> {
            INDArray gs = g.reshape(s[0] * s[1], s[2] * s[3]).sum(1).reshape(s[0], s[1]);
            tape.accumulate(shift, gs);
            tape.accumulate(h, g);
        }, Tape.keep());
    }

    /** Concatenation along the channels. */
    Node concat(Node a, Node b) {
        long started = tape.clock();
        long ca = a.value.size(1);
        long cb = b.value.size(1);
        long[] s = a.value.shape();
        INDArray y = tape.take(s[0], ca + cb, s[2], s[3]);
        channels(y, 0, ca).assign(a.value);
        channels(y, ca, ca + cb).assign(b.value);
        return tape.record("concat", started, y, g -> {
            INDArray ga = copy(channels(g, 0, ca));
            INDArray gb = copy(channels(g, ca, ca + cb));
            tape.free(g);
            tape.accumulate(a, ga);
            tape.accumulate(b, gb);
        }, Tape.keep());
    }

    /** Nearest-neighbour upsampling by 2; its gradient sums each 2 x 2 block. */
    Node upsample(Node x) {
        long started = tape.clock();
        long[] s = x.value.shape();
        INDArray y = tape.take(s[0], s[1], 2 * s[2], 2 * s[3]);
        Nd4j.exec(DynamicCustomOp.builder("upsampling2d").addInputs(x.value).addOutputs(y)
                .addIntegerArguments(2, 2, 1).build());
        return tape.record("upsampling2d", started, y, g -> {
            INDArray gx = tape.take(s);
            Nd4j.exec(new Sum(g.reshape(s[0], s[1], s[2], 2, s[3], 2), gx, false, 3, 5));
            tape.free(g);
            tape.accumulate(x, gx);
        }, Tape.keep());
    }

    /**
     * GroupNorm over [B, C, H, W] with per-channel scale and shift, followed by SiLU where
     * {@code silu}: y = x a + c with a = gamma / sqrt(group variance + eps) and c = beta - group
     * mean * a per sample and channel. Keeps x; the gradient recomputes y.
     */
    Node groupNorm(Node x, Param gamma, Param beta, boolean silu) {
        long started = tape.clock();
        long[] s = x.value.shape();
        int batch = (int) s[0];
        int channels = (int) s[1];
        int groups = UNetConfig.groups(channels);
        long cells = s[2] * s[3];
        INDArray byGroup = x.value.reshape(batch * (long) groups, channels / groups * cells);
        float[] mean = new float[batch * groups];
        float[] var = new float[batch * groups];
        groupMoments(byGroup, mean, var);
        float[] g = gamma.value().reshape(channels).toFloatVector();
        float[] bta = beta.value().reshape(channels).toFloatVector();
        int per = channels / groups;
        float[] rstd = new float[mean.length];
        float[] scale = new float[batch * channels];
        float[] shift = new float[batch * channels];
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                int bg = b * groups + c / per;
                rstd[bg] = (float) (1.0 / Math.sqrt(var[bg] + NORM_EPS));
                scale[b * channels + c] = rstd[bg] * g[c];
                shift[b * channels + c] = bta[c] - mean[bg] * scale[b * channels + c];
            }
        }
        INDArray scaleRows = column(scale);
        INDArray shiftRows = column(shift);
        INDArray y = affine(x.value, scaleRows, shiftRows, tape.take(s));
        if (silu) {
            INDArray rows = y.reshape(batch * (long) channels, cells);
            Nd4j.exec(new Swish(rows, rows));
        }
        return tape.record(silu ? "group_norm_swish" : "group_norm", started, y, grad -> {
            INDArray dy;
            if (silu) {
                dy = affine(x.value, scaleRows, shiftRows, tape.take(s));
                Nd4j.exec(new SwishDerivative(dy, dy));
                dy.muli(grad);
                tape.free(grad);
            } else {
                dy = grad;
            }
            INDArray dyRows = dy.reshape(batch * (long) channels, cells);
            INDArray xRows = x.value.reshape(batch * (long) channels, cells);
            float[] s1 = dyRows.sum(1).toFloatVector();
            INDArray product = tape.take(dyRows.shape());
            Nd4j.exec(new MulOp(dyRows, xRows, product));
            float[] s2 = product.sum(1).toFloatVector();
            float[] dGamma = new float[channels];
            float[] dBeta = new float[channels];
            float[] a = new float[batch * channels];
            float[] bx = new float[batch * channels];
            float[] c0 = new float[batch * channels];
            double n = per * (double) cells;
            for (int b = 0; b < batch; b++) {
                for (int grp = 0; grp < groups; grp++) {
                    int bg = b * groups + grp;
                    double r = rstd[bg];
                    double mu = mean[bg];
                    double m1 = 0;
                    double m2 = 0;
                    for (int c = grp * per; c < (grp + 1) * per; c++) {
                        int bc = b * channels + c;
                        double centered = r * (s2[bc] - mu * s1[bc]);
                        m1 += g[c] * s1[bc];
                        m2 += g[c] * centered;
                        dGamma[c] += (float) centered;
                        dBeta[c] += s1[bc];
                    }
                    m1 /= n;
                    m2 /= n;
                    for (int c = grp * per; c < (grp + 1) * per; c++) {
                        int bc = b * channels + c;
                        a[bc] = (float) (r * g[c]);
                        bx[bc] = (float) (-r * r * m2);
                        c0[bc] = (float) (r * (r * m2 * mu - m1));
                    }
                }
            }
            gamma.grad().assign(Nd4j.createFromArray(dGamma).reshape(gamma.grad().shape()));
            beta.grad().assign(Nd4j.createFromArray(dBeta).reshape(beta.grad().shape()));
            INDArray productRows = product;
            Nd4j.exec(new BroadcastMulOp(xRows, column(bx), productRows, 0));
            Nd4j.exec(new BroadcastMulOp(dyRows, column(a), dyRows, 0));
            dyRows.addi(productRows);
            Nd4j.exec(new BroadcastAddOp(dyRows, column(c0), dyRows, 0));
            tape.free(product);
            tape.accumulate(x, dy);
        }, Tape.keep(x));
    }

    /** @return a copy of {@code a} in an array from the pool */
    private INDArray copy(INDArray a) {
        INDArray c = tape.take(a.shape());
        c.assign(a);
        return c;
    }

    /** @return the channels [from, to) of a [B, C, H, W] array (a view) */
    private static INDArray channels(INDArray a, long from, long to) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }

    /**
     * @return {@code values} as a column [n, 1]: ND4J broadcasts a column over the rows of a matrix
     *         in one fast pass, a vector of rank 1 in a generic loop 25 times slower
     */
    private static INDArray column(float[] values) {
        return Nd4j.create(values, new long[] {values.length, 1}, 'c');
    }

    /**
     * Mean and biased variance of each row of {@code rows} [B G, n], from one pass for the sums and
     * one for the sums of squares (ND4J's variance op takes three times as long), in double on
     * the Java side. Where the mean is so large against the spread that the difference of the two
     * sums loses more than about three digits, the variance is taken again with ND4J's two-pass op.
     */
    private static void groupMoments(INDArray rows, float[] mean, float[] var) {
        double n = rows.size(1);
        float[] sums = rows.sum(1).toFloatVector();
        float[] squares = rows.norm2(1).toFloatVector();
        boolean exact = false;
        for (int k = 0; k < sums.length; k++) {
            double m = sums[k] / n;
            double meanSquare = (double) squares[k] * squares[k] / n;
            double v = meanSquare - m * m;
            mean[k] = (float) m;
            var[k] = (float) Math.max(v, 0);
            exact |= v < 1e-3 * meanSquare;
        }
        if (exact) {
            float[] twoPass = rows.var(false, 1).toFloatVector();
            System.arraycopy(twoPass, 0, var, 0, var.length);
        }
    }

    /** @return x a + c into {@code y} [B, C, H, W], with a and c given per sample and channel ([B C, 1]) */
    private static INDArray affine(INDArray x, INDArray scaleRows, INDArray shiftRows, INDArray y) {
        long[] s = x.shape();
        INDArray rows = y.reshape(s[0] * s[1], s[2] * s[3]);
        Nd4j.exec(new BroadcastMulOp(x.reshape(s[0] * s[1], s[2] * s[3]), scaleRows, rows, 0));
        Nd4j.exec(new BroadcastAddOp(rows, shiftRows, rows, 0));
        return y;
    }

    /**
     * Single-head attention of [B, C, H, W] queries, keys and values over the H W positions:
     * v softmax(q^T k / sqrt(C))^T, as [B, C, H, W].
     */
    Node attend(Node q, Node k, Node v) {
        long started = tape.clock();
        long[] s = q.value.shape();
        long positions = s[2] * s[3];
        double scale = 1.0 / Math.sqrt(s[1]);
        INDArray qt = q.value.reshape(s[0], s[1], positions);
        INDArray kt = k.value.reshape(s[0], s[1], positions);
        INDArray vt = v.value.reshape(s[0], s[1], positions);
        INDArray weights = Nd4j.matmul(qt, kt, true, false, false).muli(scale);
        Nd4j.exec(new SoftMax(weights, weights, 2));
        INDArray y = tape.take(s);
        Nd4j.matmul(vt, weights, y.reshape(s[0], s[1], positions), false, true, false);
        return tape.record("attention", started, y, g -> {
            INDArray gt = g.reshape(s[0], s[1], positions);
            INDArray dv = tape.take(s);
            Nd4j.matmul(gt, weights, dv.reshape(s[0], s[1], positions), false, false, false);
            INDArray dScores = Nd4j.matmul(gt, vt, true, false, false);
            tape.free(g);
            INDArray rowDot = dScores.mul(weights).sum(2);
            Nd4j.exec(new BroadcastSubOp(dScores, rowDot, dScores, 0, 1));
            dScores.muli(weights).muli(scale);
            INDArray dq = tape.take(s);
            INDArray dk = tape.take(s);
            Nd4j.matmul(kt, dScores, dq.reshape(s[0], s[1], positions), false, true, false);
            Nd4j.matmul(qt, dScores, dk.reshape(s[0], s[1], positions), false, false, false);
            tape.free(dScores);
            tape.accumulate(q, dq);
            tape.accumulate(k, dk);
            tape.accumulate(v, dv);
        }, Tape.keep(q, k, v), weights);
    }
}
