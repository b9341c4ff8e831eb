package dev.aerodiff.sampling;

import dev.aerodiff.diffusion.BatchArrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Noise from a seed: the values for sample i at step k come from a generator seeded with a hash
 * of (seed, i, k) (SplitMix64 finalizer), and Gaussians from the Box-Muller transform of its
 * uniforms. The same seed therefore gives the same noise for sample i whatever batch it is drawn
 * in, on any thread. A {@code SeededNoise} is bound to a batch by the index of its first sample.
 */
public final class SeededNoise implements NoiseSource, SampleStreams {
    private final long seed;
    private final long firstSample;

    private SeededNoise(long seed, long firstSample) {
        this.seed = seed;
        this.firstSample = firstSample;
    }

    /**
     * @param seed the run's seed
     * @return noise for a batch that starts with sample 0
     */
    public static SeededNoise of(long seed) {
        return new SeededNoise(seed, 0);
    }

    /**
     * @param first index of the batch's first sample in the run
     * @return the same seed, bound to a batch starting at {@code first}
     */
    @Override
    public SeededNoise forBatch(long first) {
        if (first < 0) {
            throw new IllegalArgumentException("first sample index must be >= 0, got " + first);
        }
        return new SeededNoise(seed, first);
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    @Override
    public INDArray normal(long step, long[] shape, DataType type) {
        return byRow(shape, type, (row, out) -> fill(out, firstSample + row, step));
    }

    /** Fills one row of a batch with its sample's noise. */
    interface RowFill {
        void fill(int row, double[] out);
    }

    /**
     * @param shape [B, ...]
     * @param type  data type of the result
     * @param fill  fills row b
     * @return the rows as one array
     */
    static INDArray byRow(long[] shape, DataType type, RowFill fill) {
        long length = 1;
        for (int i = 1; i < shape.length; i++) {
            length *= shape[i];
        }
        double[][] values = new double[Math.toIntExact(shape[0])][];
        for (int b = 0; b < values.length; b++) {
            values[b] = new double[Math.toIntExact(length)];
            fill.fill(b, values[b]);
        }
        return BatchArrays.fromRows(values, shape, type);
    }

    /**
     * Fills {@code out} with the N(0, 1) stream of one sample and step.
     *
     * @param out    target
     * @param sample sample index in the run
     * @param step   step key
     */
    public void fill(double[] out, long sample, long step) {
        SplittableRandom random = new SplittableRandom(streamSeed(seed, sample, step));
        for (int i = 0; i < out.length; i += 2) {
            double u1 = 1.0 - random.nextDouble(); // (0, 1]
            double u2 = random.nextDouble();
            double r = Math.sqrt(-2 * Math.log(u1));
            out[i] = r * Math.cos(2 * Math.PI * u2);
            if (i + 1 < out.length) {
                out[i + 1] = r * Math.sin(2 * Math.PI * u2);
            }
        }
    }

    /**
     * @param seed   the run's seed
     * @param sample sample index
     * @param step   step key
     * @return the seed of that stream
     */
    static long streamSeed(long seed, long sample, long step) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ (sample * 0xBF58476D1CE4E5B9L + 0x632BE59BD9B4E019L));
        return mix(h ^ (step * 0x94D049BB133111EBL + 0x2545F4914F6CDD1DL));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
