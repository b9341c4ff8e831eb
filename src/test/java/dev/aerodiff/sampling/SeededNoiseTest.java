package dev.aerodiff.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.diffusion.BatchArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class SeededNoiseTest {

    @Test
    void valuesAreStandardNormal() {
        double[] v = new double[200_000];
        SeededNoise.of(5).fill(v, 0, 0);
        double mean = 0;
        double m2 = 0;
        double m4 = 0;
        int tail = 0;
        for (double x : v) {
            mean += x / v.length;
            m2 += x * x / v.length;
            m4 += x * x * x * x / v.length;
            tail += Math.abs(x) > 1.959964 ? 1 : 0;
        }
        assertEquals(0, mean, 5 / Math.sqrt(v.length));
        assertEquals(1, m2, 5 * Math.sqrt(2.0 / v.length));
        assertEquals(3, m4, 0.05);
        assertEquals(0.05, (double) tail / v.length, 0.003);
    }

    @Test
    void streamsOfSamplesAndStepsAreIndependent() {
        int n = 50_000;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        SeededNoise noise = SeededNoise.of(5);
        noise.fill(a, 0, 0);
        noise.fill(b, 1, 0);
        noise.fill(c, 0, 1);
        assertTrue(Math.abs(correlation(a, b)) < 5 / Math.sqrt(n));
        assertTrue(Math.abs(correlation(a, c)) < 5 / Math.sqrt(n));
        double[] again = new double[n];
        SeededNoise.of(5).fill(again, 0, 0);
        assertArrayEquals(a, again, 0.0);
    }

    @Test
    void batchesTakeTheRowsOfTheirSamples() {
        SeededNoise noise = SeededNoise.of(17);
        INDArray all = noise.normal(3, new long[] {6, 2, 3}, DataType.DOUBLE);
        INDArray tail = noise.forBatch(4).normal(3, new long[] {2, 2, 3}, DataType.DOUBLE);
        assertArrayEquals(BatchArrays.toFlat(all.get(NDArrayIndex.interval(4, 6))), BatchArrays.toFlat(tail), 0.0);
        assertEquals(DataType.FLOAT, noise.normal(0, new long[] {1, 5}, DataType.FLOAT).dataType());
        assertThrows(IllegalArgumentException.class, () -> noise.forBatch(-1));
    }

    private static double correlation(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s / a.length;
    }
}
