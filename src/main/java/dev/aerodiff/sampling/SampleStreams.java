package dev.aerodiff.sampling;

/**
 * The noise streams of an ensemble, one per sample, from which a batch of consecutive samples
 * draws: row b of a batch that starts at sample {@code first} gets the streams of sample
 * {@code first + b}, so a sample's noise does not depend on how the ensemble is cut into batches.
 */
public interface SampleStreams {

    /**
     * @param first index of the batch's first sample in the ensemble, &gt;= 0
     * @return the noise of that batch
     */
    NoiseSource forBatch(long first);
}
