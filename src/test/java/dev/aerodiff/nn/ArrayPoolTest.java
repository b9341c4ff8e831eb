package dev.aerodiff.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ArrayPoolTest {
    @Test
    void aBufferGivenBackServesTheNextRequestThatFitsAndOnlyOnce() {
        ArrayPool pool = new ArrayPool();
        INDArray a = pool.take(2, 3, 4);
        pool.give(a);
        pool.give(a);
        INDArray b = pool.take(4, 5);
        assertSame(a.data(), b.data(), "20 floats fit in 24, within the slack");
        assertEquals(20, b.length());
        INDArray c = pool.take(4, 5);
        assertNotSame(a.data(), c.data(), "given twice, lent once");
        pool.give(b);
        INDArray small = pool.take(5);
        assertNotSame(b.data(), small.data(), "24 floats are more than twice 5");
        assertEquals(24 + 20 + 5, pool.allocatedFloats());
    }

    @Test
    void arraysThatDidNotComeFromThePoolAreClosed() {
        ArrayPool pool = new ArrayPool();
        INDArray foreign = Nd4j.create(DataType.FLOAT, 10);
        pool.give(foreign);
        assertTrue(foreign.wasClosed());
        assertEquals(0, pool.allocatedFloats());
    }

    /** Every big array of a step goes back to the pool: later steps allocate nothing new. */
    @Test
    void trainingStepsAfterTheFirstTakeAllTheirArraysFromThePool() {
        UNetConfig config = new UNetConfig(6, 3, 8, new int[] {1, 2}, 1, new int[] {1});
        TapeUNet net = TapeUNet.of(UNet.build(config, 16, 3));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 16, 16);
        INDArray cond = Nd4j.rand(DataType.FLOAT, 2, 3, 16, 16);
        INDArray t = Nd4j.createFromArray(0.2f, 0.7f);
        net.lossAndGradients(x, cond, t, x, null);
        long first = net.pooledFloats();
        assertTrue(first > 0);
        for (int k = 0; k < 3; k++) {
            net.lossAndGradients(x, cond, t, x, null);
        }
        assertEquals(first, net.pooledFloats());
    }
}
