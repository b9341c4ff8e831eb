package dev.aerodiff.sampling;

import java.util.Arrays;

/**
 * Several seeded ensembles one after another, drawn as one: sample i of part k is sample
 * {@code offset(k) + i} of the whole and gets the noise that sample {@code first_k + i} of
 * {@code SeededNoise.of(seed_k)} gets, so an ensemble comes out the same whether it is drawn alone or
 * stacked with others (and whatever the batches, which may span parts), and a part may continue
 * another's stream where it stopped.
 */
public final class StackedStreams implements SampleStreams {
    private final SeededNoise[] parts;
    /** Index, in its seed's stream, of the first sample of each part. */
    private final long[] firsts;
    /** Index of the first sample of each part, and the total at the end. */
    private final long[] offsets;

    private StackedStreams(SeededNoise[] parts, long[] firsts, long[] offsets) {
        this.parts = parts;
        this.firsts = firsts;
        this.offsets = offsets;
    }

    /**
     * @param seeds  each part's seed
     * @param counts each part's number of samples, &gt;= 1
     * @return the parts stacked in order
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or a count is below 1
     */
    public static StackedStreams of(long[] seeds, int[] counts) {
        return of(seeds, new long[seeds.length], counts);
    }

    /**
     * @param seeds  each part's seed
     * @param firsts index, in its seed's stream, of each part's first sample, &gt;= 0
     * @param counts each part's number of samples, &gt;= 1
     * @return the parts stacked in order
     * @throws IllegalArgumentException if the arrays differ in length, are empty, a first index is
     *     negative or a count is below 1
     */
    public static StackedStreams of(long[] seeds, long[] firsts, int[] counts) {
        if (seeds.length != counts.length || seeds.length != firsts.length || seeds.length == 0) {
            throw new IllegalArgumentException("need one first index and one count per seed and at least one part, got "
                    + seeds.length + " seeds, " + firsts.length + " first indices and " + counts.length + " counts");
        }
        SeededNoise[] parts = new SeededNoise[seeds.length];
        long[] offsets = new long[seeds.length + 1];
        for (int k = 0; k < seeds.length; k++) {
            if (counts[k] < 1) {
                throw new IllegalArgumentException("part " + k + " must have at least 1 sample, got " + counts[k]);
            }
            if (firsts[k] < 0) {
                throw new IllegalArgumentException("part " + k + " must start at a sample index >= 0, got "
                        + firsts[k]);
            }
            parts[k] = SeededNoise.of(seeds[k]);
            offsets[k + 1] = offsets[k] + counts[k];
        }
        return new StackedStreams(parts, firsts.clone(), offsets);
    }

    /** @return the number of samples of all parts */
    public long count() {
        return offsets[parts.length];
    }

    @Override
    public NoiseSource forBatch(long first) {
        if (first < 0) {
            throw new IllegalArgumentException("first sample index must be >= 0, got " + first);
        }
        return (step, shape, type) -> SeededNoise.byRow(shape, type, (row, out) -> {
            long sample = first + row;
            int k = part(sample);
            parts[k].fill(out, firsts[k] + sample - offsets[k], step);
        });
    }

    private int part(long sample) {
        if (sample >= count()) {
            throw new IllegalArgumentException("sample " + sample + " is beyond the " + count() + " stacked samples");
        }
        int k = Arrays.binarySearch(offsets, sample);
        return k >= 0 ? k : -k - 2;
    }
}
