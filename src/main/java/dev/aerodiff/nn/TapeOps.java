package dev.aerodiff.nn;

import dev.aerodiff.nn.Tape.Node;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
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
 * <p>GroupNorm, the SiLU after it and the convolution after that are one op that keeps only its
 * input ({@link #normSiluConv}); GroupNorm's arithmetic is {@link GroupNormPass}'s, the SiLU's
 * {@link TanhSilu}'s. Big arrays come from the tape's pool and go back to it.
 */
final class TapeOps {
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
        INDArray y = convolve(x.value, w, b, stride);
        return tape.record("conv2d", started, y, g -> {
            INDArray gx = convolveBackward(x.value, w, b, stride, g);
            tape.accumulate(x, gx);
        }, Tape.keep(x));
    }

    /**
     * GroupNorm, SiLU and a 3 x 3 convolution, keeping only the input: the convolution's input
     * (the normalized, activated field) goes back to the pool at once and is recomputed for the
     * gradient. Where each GroupNorm feeds a convolution, that is half the fields a training step
     * keeps, for one more SiLU pass per GroupNorm in the gradient. Timed as its parts
     * ({@code group_norm_swish}, {@code conv2d}, their {@code _bp}, and the recomputation).
     */
    Node normSiluConv(Node x, Param gamma, Param beta, Param w, Param b) {
        long started = tape.clock();
        long[] s = x.value.shape();
        INDArray activated = tape.take(s);
        GroupNormPass norm = GroupNormPass.of(x.value, gamma, beta, 0.5, activated);
        norm.apply(x.value, activated);
        INDArray scratch = tape.take(s);
        TanhSilu.activate(activated, scratch);
        tape.free(scratch);
        tape.timed("group_norm_swish", started);
        long convStarted = tape.clock();
        INDArray y = convolve(activated, w, b, 1);
        tape.free(activated);
        tape.timed("conv2d", convStarted);
        return tape.record(null, 0, y, g -> {
            long recomputeStarted = tape.clock();
            INDArray slope = norm.apply(x.value, tape.take(s));
            INDArray again = tape.take(s);
            INDArray onePlusTanh = tape.take(s);
            TanhSilu.activateWithSlope(slope, again, onePlusTanh);
            tape.free(onePlusTanh);
            tape.timed("group_norm_swish_recompute", recomputeStarted);
            long convGradStarted = tape.clock();
            INDArray dActivated = convolveBackward(again, w, b, 1, g);
            tape.free(again);
            tape.timed("conv2d_bp", convGradStarted);
            long normGradStarted = tape.clock();
            dActivated.muli(slope);
            norm.backward(x.value, dActivated, slope, gamma.grad(), beta.grad(), 0.5);
            tape.free(slope);
            tape.timed("group_norm_swish_bp", normGradStarted);
            tape.accumulate(x, dActivated);
        }, Tape.keep(x));
    }

    /** GroupNorm without activation (before attention). Keeps x. */
    Node groupNorm(Node x, Param gamma, Param beta) {
        long started = tape.clock();
        long[] s = x.value.shape();
        INDArray y = tape.take(s);
        GroupNormPass norm = GroupNormPass.of(x.value, gamma, beta, 1.0, y);
        norm.apply(x.value, y);
        return tape.record("group_norm", started, y, g -> {
            INDArray scratch = tape.take(s);
            norm.backward(x.value, g, scratch, gamma.grad(), beta.grad(), 1.0);
            tape.free(scratch);
            tape.accumulate(x, g);
        }, Tape.keep(x));
    }

    /** @return the convolution of x, in an array from the pool */
    private INDArray convolve(INDArray x, Param w, Param b, int stride) {
        long[] s = x.shape();
        long out = (s[2] + stride - 1) / stride;
        INDArray y = tape.take(s[0], w.value().size(3), out, out);
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, w.value(), b.value()).addOutputs(y)
                .addIntegerArguments(convArgs(w, stride)).build());
        return y;
    }

    /** Writes the weights' gradients, frees {@code g} and returns the input's gradient (from the pool). */
    private INDArray convolveBackward(INDArray x, Param w, Param b, int stride, INDArray g) {
        INDArray gx = tape.take(x.shape());
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, w.value(), b.value(), g)
                .addOutputs(gx, w.grad(), b.grad()).addIntegerArguments(convArgs(w, stride)).build());
        tape.free(g);
        return gx;
    }

    /** @return ND4J's conv2d arguments: k x k, stride, same padding, NCHW, weights [k, k, in, out] */
    private static int[] convArgs(Param w, int stride) {
        int k = (int) w.value().size(0);
        return new int[] {k, k, stride, stride, 0, 0, 1, 1, 1, 0, 0};
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
            INDArray gs = Nd4j.create(RowSums.of(g.reshape(s[0] * s[1], s[2] * s[3])), new long[] {s[0], s[1]}, 'c');
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
