package dev.aerodiff.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aerodiff.diffusion.BatchArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class StackedStreamsTest {
    private static final long[] SHAPE = {2, 3};

    /** @return the first {@code count} samples' noise of seed's ensemble at the given step */
    private static double[] alone(long seed, int count, long step) {
        return BatchArrays.toFlat(SeededNoise.of(seed).normal(step, new long[] {count, SHAPE[0], SHAPE[1]},
                DataType.DOUBLE));
    }

    @Test
    void eachPartDrawsWhatItsSeedDrawsAlone() {
        StackedStreams stacked = StackedStreams.of(new long[] {7, 3, 11}, new int[] {3, 1, 4});
        assertEquals(8, stacked.count());
        for (long step : new long[] {NoiseSource.INITIAL, 0, 5}) {
            INDArray all = stacked.forBatch(0).normal(step, new long[] {8, SHAPE[0], SHAPE[1]}, DataType.DOUBLE);
            double[] flat = BatchArrays.toFlat(all);
            int row = 6;
            double[] expected = new double[flat.length];
            System.arraycopy(alone(7, 3, step), 0, expected, 0, 3 * row);
            System.arraycopy(alone(3, 1, step), 0, expected, 3 * row, row);
            System.arraycopy(alone(11, 4, step), 0, expected, 4 * row, 4 * row);
            assertArrayEquals(expected, flat, 0.0, "step " + step);
        }
    }

    @Test
    void aPartStartingLaterContinuesItsSeedsStream() {
        StackedStreams split = StackedStreams.of(new long[] {7, 7}, new long[] {0, 3}, new int[] {3, 2});
        for (long step : new long[] {NoiseSource.INITIAL, 4}) {
            INDArray both = split.forBatch(0).normal(step, new long[] {5, SHAPE[0], SHAPE[1]}, DataType.DOUBLE);
            assertArrayEquals(alone(7, 5, step), BatchArrays.toFlat(both), 0.0, "step " + step);
        }
        assertThrows(IllegalArgumentException.class, () -> StackedStreams.of(new long[] {1}, new long[] {-1},
                new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> StackedStreams.of(new long[] {1}, new long[] {0, 0},
                new int[] {1}));
    }

    @Test
    void aBatchMaySpanParts() {
        StackedStreams stacked = StackedStreams.of(new long[] {7, 3, 11}, new int[] {3, 1, 4});
        INDArray all = stacked.forBatch(0).normal(2, new long[] {8, SHAPE[0], SHAPE[1]}, DataType.DOUBLE);
        INDArray middle = stacked.forBatch(2).normal(2, new long[] {4, SHAPE[0], SHAPE[1]}, DataType.DOUBLE);
        assertArrayEquals(BatchArrays.toFlat(all.get(NDArrayIndex.interval(2, 6))), BatchArrays.toFlat(middle), 0.0);
    }

    @Test
    void rejectsBadPartsAndRowsBeyondThem() {
        assertThrows(IllegalArgumentException.class, () -> StackedStreams.of(new long[] {1}, new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> StackedStreams.of(new long[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> StackedStreams.of(new long[] {1, 2}, new int[] {2, 0}));
        StackedStreams stacked = StackedStreams.of(new long[] {1, 2}, new int[] {2, 1});
        assertThrows(IllegalArgumentException.class, () -> stacked.forBatch(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stacked.forBatch(2).normal(0, new long[] {2, 1}, DataType.DOUBLE));
        assertEquals("sample 3 is beyond the 3 stacked samples", e.getMessage());
    }
}
