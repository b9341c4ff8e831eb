package dev.aerodiff.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseSubtraction;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SiLU of full-size fields through tanh: with h = x / 2 and u = 1 + tanh h,
 * silu(x) = x sigmoid(x) = h u and silu'(x) = (u / 2)(1 + h (2 - u)).
 *
 * <p>ND4J 1.0.0-M2.1's {@code tanh} custom op runs oneDNN's vectorized kernel; its {@code Swish}
 * and {@code SwishDerivative} transforms are scalar loops. On a [16, 32, 64, 64] field on two
 * threads, {@code Swish} took 5.4-6.3 ms and {@code SwishDerivative} 10 ms, {@code tanh} 0.8-1.8 ms
 * and each of the multiplications and additions here 0.4-1.2 ms. The callers hand in h, which
 * GroupNorm writes at no extra cost by halving its coefficients.
 */
final class TanhSilu {
    private TanhSilu() {
    }

    /**
     * Overwrites {@code half} (h = x / 2) with silu(x).
     *
     * @param scratch an array of the same shape, overwritten
     */
    static void activate(INDArray half, INDArray scratch) {
        onePlusTanh(half, scratch);
        Nd4j.exec(new MulOp(half, scratch, half));
    }

    /**
     * Writes silu(x) into {@code activated} and overwrites {@code half} (h = x / 2) with twice the
     * slope, 2 silu'(x) = u + silu(x) (2 - u).
     *
     * @param scratch an array of the same shape, overwritten
     */
    static void activateWithSlope(INDArray half, INDArray activated, INDArray scratch) {
        onePlusTanh(half, scratch);
        Nd4j.exec(new MulOp(half, scratch, activated));
        Nd4j.exec(new ScalarReverseSubtraction(scratch, null, half, 2.0));
        Nd4j.exec(new MulOp(half, activated, half));
        Nd4j.exec(new AddOp(half, scratch, half));
    }

    /** Writes 1 + tanh(h) into {@code out}. */
    private static void onePlusTanh(INDArray half, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("tanh").addInputs(half).addOutputs(out).build());
        Nd4j.exec(new ScalarAdd(out, 1.0));
    }
}
