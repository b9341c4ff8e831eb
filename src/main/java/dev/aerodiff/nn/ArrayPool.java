package dev.aerodiff.nn;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Float buffers kept for reuse from one training step to the next, by length.
 *
 * <p>Closing an ND4J array frees its buffer, but with glibc's default settings the memory of a
 * freed buffer under 32 MB is not reused by the next allocation of the same size here: closing
 * and allocating one 16 MB array 30 times grew the process by 464 MB (by nothing with
 * {@code GLIBC_TUNABLES=glibc.malloc.mmap_threshold=1048576}, which a program cannot set for
 * itself). A training step allocates and drops the same arrays every time, so it takes them from
 * here and gives them back: after the first step it allocates nothing large, and the process
 * holds its working set and no more.
 */
final class ArrayPool {
    private final Map<Long, ArrayDeque<DataBuffer>> idle = new HashMap<>();
    private final Set<DataBuffer> pooled = Collections.newSetFromMap(new IdentityHashMap<>());

    /** @return a float array of this shape, c order, contents undefined */
    INDArray take(long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        ArrayDeque<DataBuffer> queue = idle.get(n);
        DataBuffer buffer = queue == null ? null : queue.poll();
        if (buffer == null) {
            return Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
        }
        pooled.remove(buffer);
        return Nd4j.create(buffer, shape);
    }

    /**
     * Keeps the buffer of {@code a} for reuse; the caller and everything else must be done with
     * it. Views of part of a buffer, other types and buffers already given back are ignored.
     */
    void give(INDArray a) {
        if (a == null || a.wasClosed() || a.dataType() != DataType.FLOAT) {
            return;
        }
        DataBuffer buffer = a.data();
        if (a.length() != buffer.length() || a.offset() != 0 || !pooled.add(buffer)) {
            return;
        }
        idle.computeIfAbsent(buffer.length(), k -> new ArrayDeque<>()).push(buffer);
    }
}
