package dev.aerodiff.metrics;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Reproducible random streams: one generator per (seed, key...) tuple, so that a result does not
 * depend on how many other streams were drawn before it. Keys are mixed into the seed with the
 * SplitMix64 finaliser (Steele, Lea and Flood, OOPSLA 2014); the stream itself is a WELL19937c
 * generator from Hipparchus, whose Gaussian draws are the same on every JVM.
 */
public final class SeedStreams {
    private SeedStreams() {
    }

    /** @return a generator for the stream {@code (seed, keys...)} */
    public static RandomGenerator stream(long seed, long... keys) {
        long h = mix(seed);
        for (long key : keys) {
            h = mix(h ^ mix(key + 0x9E3779B97F4A7C15L));
        }
        return new Well19937c(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
