package dev.aerodiff.nn;

import dev.aerodiff.nn.TapeOps.Param;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * GroupNorm of one batch [B, C, H, W] with per-channel scale gamma and shift beta, written as
 * y = x a + c with a = gamma / sqrt(group variance + eps) and c = beta - group mean * a per sample
 * and channel (as PyTorch's CPU kernel does): the statistics and coefficients of the batch, and
 * the gradient. The per-sample statistics (a few thousand numbers) are combined on the Java side,
 * which costs less than native calls on such small arrays.
 */
final class GroupNormPass {
    private static final double NORM_EPS = 1e-5;
    private final int batch;
    private final int channels;
    private final int groups;
    private final long cells;
    private final float[] mean;
    private final float[] rstd;
    private final float[] gamma;
    private final INDArray scaleRows;
    private final INDArray shiftRows;

    private GroupNormPass(long[] shape, float[] mean, float[] rstd, float[] gamma, float[] scale, float[] shift) {
        this.batch = (int) shape[0];
        this.channels = (int) shape[1];
        this.groups = UNetConfig.groups(channels);
        this.cells = shape[2] * shape[3];
        this.mean = mean;
        this.rstd = rstd;
        this.gamma = gamma;
        this.scaleRows = column(scale);
        this.shiftRows = column(shift);
    }

    /**
     * @param outputScale multiplies the output: 1 for GroupNorm itself, 1/2 for {@link TanhSilu}
     * @param scratch     an array of x's shape, overwritten
     * @return the statistics of {@code x} [B, C, H, W] and the coefficients they give with these
     *         weights, times {@code outputScale}
     */
    static GroupNormPass of(INDArray x, Param gamma, Param beta, double outputScale, INDArray scratch) {
        long[] s = x.shape();
        int batch = (int) s[0];
        int channels = (int) s[1];
        int groups = UNetConfig.groups(channels);
        int per = channels / groups;
        float[] mean = new float[batch * groups];
        float[] var = new float[batch * groups];
        long rows = batch * (long) groups;
        long length = per * s[2] * s[3];
        moments(x.reshape(rows, length), scratch.reshape(rows, length), mean, var);
        float[] g = gamma.value().reshape(channels).toFloatVector();
        float[] bta = beta.value().reshape(channels).toFloatVector();
        float[] rstd = new float[mean.length];
        for (int k = 0; k < rstd.length; k++) {
            rstd[k] = (float) (1.0 / Math.sqrt(var[k] + NORM_EPS));
        }
        float[] scale = new float[batch * channels];
        float[] shift = new float[batch * channels];
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                int bg = b * groups + c / per;
                double a = rstd[bg] * g[c];
                scale[b * channels + c] = (float) (outputScale * a);
                shift[b * channels + c] = (float) (outputScale * (bta[c] - mean[bg] * a));
            }
        }
        return new GroupNormPass(s, mean, rstd, g, scale, shift);
    }

    /** @return the normalized x a + c, written into {@code y} (same shape as x) */
    INDArray apply(INDArray x, INDArray y) {
        INDArray rows = rows(y);
        Nd4j.exec(new BroadcastMulOp(rows(x), scaleRows, rows, 0));
        Nd4j.exec(new BroadcastAddOp(rows, shiftRows, rows, 0));
        return y;
    }

    /**
     * The gradient: with n the normalized input of a group of m values, g = gamma dy,
     * dx = (g - mean(g) - n mean(g n)) / s, which is dy a + x b + c0 per sample and channel;
     * dgamma = sum dy n, dbeta = sum dy over the batch and the cells.
     *
     * @param x       the input
     * @param dy      the output's gradient divided by {@code dyScale}; overwritten with the
     *                input's, which is returned
     * @param scratch an array of the input's shape, overwritten
     * @param dGamma  receives gamma's gradient
     * @param dBeta   receives beta's gradient
     * @param dyScale what {@code dy} is to be multiplied by (so that a caller can leave a
     *                constant factor out of its pass over the field)
     * @return {@code dy}, now the gradient of x
     */
    INDArray backward(INDArray x, INDArray dy, INDArray scratch, INDArray dGamma, INDArray dBeta, double dyScale) {
        INDArray dyRows = rows(dy);
        INDArray xRows = rows(x);
        INDArray product = rows(scratch);
        float[] s1 = RowSums.of(dyRows);
        Nd4j.exec(new MulOp(dyRows, xRows, product));
        float[] s2 = RowSums.of(product);
        for (int k = 0; k < s1.length; k++) {
            s1[k] *= (float) dyScale;
            s2[k] *= (float) dyScale;
        }
        float[] gammaGrad = new float[channels];
        float[] betaGrad = new float[channels];
        float[] a = new float[batch * channels];
        float[] bx = new float[batch * channels];
        float[] c0 = new float[batch * channels];
        int per = channels / groups;
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
                    m1 += gamma[c] * s1[bc];
                    m2 += gamma[c] * centered;
                    gammaGrad[c] += (float) centered;
                    betaGrad[c] += s1[bc];
                }
                m1 /= n;
                m2 /= n;
                for (int c = grp * per; c < (grp + 1) * per; c++) {
                    int bc = b * channels + c;
                    a[bc] = (float) (dyScale * r * gamma[c]);
                    bx[bc] = (float) (-r * r * m2);
                    c0[bc] = (float) (r * (r * m2 * mu - m1));
                }
            }
        }
        dGamma.assign(Nd4j.create(gammaGrad, dGamma.shape(), 'c'));
        dBeta.assign(Nd4j.create(betaGrad, dBeta.shape(), 'c'));
        Nd4j.exec(new BroadcastMulOp(xRows, column(bx), product, 0));
        Nd4j.exec(new BroadcastMulOp(dyRows, column(a), dyRows, 0));
        dyRows.addi(product);
        Nd4j.exec(new BroadcastAddOp(dyRows, column(c0), dyRows, 0));
        return dy;
    }

    /** @return {@code a} [B, C, H, W] as [B C, H W] (a view) */
    private INDArray rows(INDArray a) {
        return a.reshape(batch * (long) channels, cells);
    }

    /**
     * @return {@code values} as a column [n, 1]: ND4J broadcasts a column over the rows of a matrix
     *         in one fast pass, a vector of rank 1 in a generic loop 25 times slower
     */
    private static INDArray column(float[] values) {
        return Nd4j.create(values, new long[] {values.length, 1}, 'c');
    }

    /**
     * Mean and biased variance of each row of {@code rows} [B G, n], from the sums and the sums of
     * squares ({@link RowSums}; ND4J's variance op takes five times as long), in double on the Java
     * side. Where the mean is so large against the spread that the difference of the two sums loses
     * more than about three digits, the variance is taken again with ND4J's two-pass op.
     *
     * @param squares scratch of the shape of {@code rows}, overwritten
     */
    private static void moments(INDArray rows, INDArray squares, float[] mean, float[] var) {
        double n = rows.size(1);
        float[] sums = RowSums.of(rows);
        Nd4j.exec(new MulOp(rows, rows, squares));
        float[] sumsOfSquares = RowSums.of(squares);
        boolean exact = false;
        for (int k = 0; k < sums.length; k++) {
            double m = sums[k] / n;
            double meanSquare = sumsOfSquares[k] / n;
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
}
