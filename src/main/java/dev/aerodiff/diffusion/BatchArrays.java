package dev.aerodiff.diffusion;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Moves batched arrays [B, ...] between ND4J and plain Java: rows flattened in C order to
 * {@code double[B][D]} with D the product of the trailing dimensions, and back.
 */
public final class BatchArrays {

    private BatchArrays() {
    }

    /**
     * @param x an array [B, ...]
     * @return its rows flattened in C order, as doubles
     */
    public static double[][] toRows(INDArray x) {
        int rows = Math.toIntExact(x.size(0));
        int length = rowLength(x);
        double[] flat = toFlat(x);
        double[][] out = new double[rows][];
        for (int b = 0; b < rows; b++) {
            out[b] = Arrays.copyOfRange(flat, b * length, (b + 1) * length);
        }
        return out;
    }

    /**
     * @param x any array
     * @return its values in C order, as doubles
     */
    public static double[] toFlat(INDArray x) {
        INDArray d = x.dataType() == DataType.DOUBLE ? x : x.castTo(DataType.DOUBLE);
        if (d.isView() || d.ordering() != 'c' || d.data().length() != d.length()) {
            d = d.dup('c');
        }
        return d.data().asDouble();
    }

    /**
     * @param rows  B rows of D values
     * @param shape target shape [B, ...] whose trailing dimensions multiply to D
     * @param type  data type of the result
     * @return the array
     */
    public static INDArray fromRows(double[][] rows, long[] shape, DataType type) {
        if (rows.length != shape[0]) {
            throw new IllegalArgumentException("expected " + shape[0] + " rows, got " + rows.length);
        }
        long length = 1;
        for (int i = 1; i < shape.length; i++) {
            length *= shape[i];
        }
        double[] flat = new double[Math.multiplyExact(rows.length, Math.toIntExact(length))];
        for (int b = 0; b < rows.length; b++) {
            if (rows[b].length != length) {
                throw new IllegalArgumentException("row " + b + " has " + rows[b].length + " values, expected " + length);
            }
            System.arraycopy(rows[b], 0, flat, (int) (b * length), (int) length);
        }
        INDArray x = Nd4j.createFromArray(flat).reshape('c', shape);
        return type == DataType.DOUBLE ? x : x.castTo(type);
    }

    /**
     * @param x an array [B, ...]
     * @return the number of values per row
     */
    public static int rowLength(INDArray x) {
        long length = 1;
        for (int i = 1; i < x.rank(); i++) {
            length *= x.size(i);
        }
        return Math.toIntExact(length);
    }

    /**
     * @param x    an array [B, ...], or null
     * @param from first row
     * @param to   one past the last row
     * @return rows from..to-1 as an array [to - from, ...] (a view), or null for null input
     */
    public static INDArray rows(INDArray x, long from, long to) {
        if (x == null) {
            return null;
        }
        INDArrayIndex[] idx = new INDArrayIndex[x.rank()];
        idx[0] = NDArrayIndex.interval(from, to);
        for (int i = 1; i < idx.length; i++) {
            idx[i] = NDArrayIndex.all();
        }
        return x.get(idx);
    }

    /**
     * @param x any array
     * @return whether every value is finite (values near Double.MAX_VALUE count as not finite)
     */
    public static boolean allFinite(INDArray x) {
        // a NaN or an infinity makes the sum non-finite; so would finite values near Double.MAX_VALUE
        return Double.isFinite(x.sumNumber().doubleValue());
    }

    /**
     * @param batch   B
     * @param trailing the shape of one sample
     * @return [B, trailing...]
     */
    public static long[] batchShape(long batch, long[] trailing) {
        long[] shape = new long[trailing.length + 1];
        shape[0] = batch;
        System.arraycopy(trailing, 0, shape, 1, trailing.length);
        return shape;
    }

    /**
     * @param x an array [B, ...]
     * @return its trailing shape
     */
    public static long[] sampleShape(INDArray x) {
        return Arrays.copyOfRange(x.shape(), 1, x.rank());
    }
}
