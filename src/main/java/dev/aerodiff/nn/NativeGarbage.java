package dev.aerodiff.nn;

import java.lang.reflect.Method;
import org.bytedeco.javacpp.Pointer;

/**
 * Runs the garbage collector between network steps, in at most a fixed share of the wall time.
 *
 * <p>ND4J frees an array's native buffer only once the garbage collector finds the array
 * unreachable, and SameDiff leaves many of a step's arrays to that route. Those arrays are small
 * Java objects holding large native buffers, so the Java heap feels little pressure, the collector
 * runs rarely, and dead buffers pile up: on the peer U-Net at batch 16, 12 training steps grew the
 * resident memory from 4.1 to 9.3 GB, and the steps that grew it took up to 12 s instead of 2.3 s
 * (every new page faults in and is zeroed). Collecting after every step kept it at 4.0 GB, at 40
 * to 70 ms per collection.
 *
 * <p>After a collection, glibc's free memory is handed back to the system ({@link #trimMalloc}).
 *
 * <p>{@link #afterStep()} collects when the time since the last collection is at least
 * 1/share times what that collection took, so collections cost at most that share of the time
 * (default 0.05; system property {@value #SHARE_PROPERTY}, 0 turns them off). {@link #collect()}
 * collects at once, whatever the share: a trainer does when it is built, so that its first step
 * does not start on top of what came before (in {@code bench unet}, the forward timings' network
 * and session arrays: the process peaked at 2,191 MB, 1,686 MB with this).
 */
public final class NativeGarbage {
    /** System property: the largest share of wall time for collections, in [0, 1]. */
    public static final String SHARE_PROPERTY = "aerodiff.gc.share";
    private static double configuredShare = Double.NaN;
    private static long lastEnd = System.nanoTime();
    private static long lastCost;
    private static Method trim = findTrim();

    private NativeGarbage() {
    }

    /**
     * Call after a forward pass or a training step; collects when one is due.
     *
     * @throws IllegalArgumentException if the system property {@value #SHARE_PROPERTY} is not a number in [0, 1]
     */
    public static synchronized void afterStep() {
        if (Double.isNaN(configuredShare)) {
            configuredShare = share(System.getProperty(SHARE_PROPERTY, "0.05"));
        }
        if (configuredShare <= 0 || !due(System.nanoTime() - lastEnd, lastCost, configuredShare)) {
            return;
        }
        collect();
    }

    /**
     * Collects now, whether due or not: where a phase's arrays (a network's, a session's) are done
     * with and the next phase should not start on top of them.
     */
    public static synchronized void collect() {
        long start = System.nanoTime();
        System.gc();
        trimMalloc();
        lastEnd = System.nanoTime();
        lastCost = lastEnd - start;
    }

    /**
     * Hands the free memory of glibc's heaps back to the system ({@code malloc_trim}, through
     * JavaCPP's private {@code Pointer.trimMemory}; nothing where that is not there). Buffers that
     * ND4J frees stay in glibc's free lists, and here new buffers are mostly not carved from them:
     * a training process of the peer U-Net held 1.41 GB after a step, 1.05 GB with a trim after
     * each (about 33 ms each).
     */
    static void trimMalloc() {
        if (trim == null) {
            return;
        }
        try {
            trim.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            trim = null;
        }
    }

    private static Method findTrim() {
        try {
            Method m = Pointer.class.getDeclaredMethod("trimMemory");
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param sinceLastNanos time since the end of the last collection
     * @param lastCostNanos  what the last collection took (0 before the first)
     * @param share          the largest share of time for collections
     * @return whether a collection now keeps their share within {@code share}
     */
    static boolean due(long sinceLastNanos, long lastCostNanos, double share) {
        return sinceLastNanos * share >= lastCostNanos;
    }

    static double share(String value) {
        double share;
        try {
            share = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + SHARE_PROPERTY + " must be a number in [0, 1],"
                    + " got '" + value + "'", e);
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("system property " + SHARE_PROPERTY + " must be in [0, 1], got "
                    + value);
        }
        return share;
    }
}
