package dev.aerodiff.nn;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Float buffers kept for reuse from one training step to the next.
 *
 * <p>Closing an ND4J array frees its buffer, but with glibc's default settings the memory of a
 * freed buffer under 32 MB is not reused by the next allocation of the same size here: closing
 * and allocating one 16 MB array 30 times grew the process by 464 MB (by nothing with
 * {@code GLIBC_TUNABLES=glibc.malloc.mmap_threshold=1048576}, which a program cannot set for
 * itself). A training step allocates and drops the same arrays every time, so it takes them from
 * here and gives them back: after the first step it allocates nothing large, and the process
 * holds its working set and no more.
 *
 * <p>A request is served by the smallest idle buffer at least as long, if one is at most
 * {@value #MAX_SLACK} times as long, so buffers freed by the forward pass serve the gradients of
 * other shapes. Arrays that did not come from here are closed when given back.
 */
final class ArrayPool {
    /** The longest buffer a request may take, as a multiple of its length. */
    static final int MAX_SLACK = 2;
    private final TreeMap<Long, ArrayDeque<DataBuffer>> idle = new TreeMap<>();
    private final Set<DataBuffer> owned = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<DataBuffer> idleSet = Collections.newSetFromMap(new IdentityHashMap<>());
    private long ownedFloats;
    private long liveFloats;
    private long peakLiveFloats;

    /** @return a float array of this shape, c order, contents undefined */
    INDArray take(long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        Map.Entry<Long, ArrayDeque<DataBuffer>> fit = idle.ceilingEntry(n);
        if (fit == null || fit.getKey() > MAX_SLACK * n) {
            INDArray fresh = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
            owned.add(fresh.data());
            ownedFloats += n;
            lend(n);
            return fresh;
        }
        DataBuffer buffer = fit.getValue().pop();
        if (fit.getValue().isEmpty()) {
            idle.remove(fit.getKey());
        }
        idleSet.remove(buffer);
        lend(buffer.length());
        return Nd4j.create(buffer, shape);
    }

    /**
     * Takes back the buffer of {@code a}, which the caller and everything else are done with; an
     * array that did not come from here is closed. Views of arrays that did not come from here,
     * other types and buffers already given back are left alone.
     */
    void give(INDArray a) {
        if (a == null || a.wasClosed() || a.dataType() != DataType.FLOAT) {
            return;
        }
        DataBuffer buffer = a.data();
        if (!owned.contains(buffer)) {
            if (a.closeable()) {
                a.close();
            }
            return;
        }
        if (idleSet.add(buffer)) {
            idle.computeIfAbsent(buffer.length(), k -> new ArrayDeque<>()).push(buffer);
            liveFloats -= buffer.length();
        }
    }

    private void lend(long floats) {
        liveFloats += floats;
        peakLiveFloats = Math.max(peakLiveFloats, liveFloats);
    }

    /** @return the most floats in buffers lent out at one time */
    long peakLiveFloats() {
        return peakLiveFloats;
    }

    /** @return floats in all buffers this pool has allocated (idle or in use) */
    long allocatedFloats() {
        return ownedFloats;
    }
}
