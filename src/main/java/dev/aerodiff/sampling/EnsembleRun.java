package dev.aerodiff.sampling;

import dev.aerodiff.diffusion.BatchArrays;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.TimeGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Draws an ensemble of {@code count} samples in batches: sample i starts from
 * sigma(t_0) z_i, z_i the {@link NoiseSource#INITIAL} stream of sample i, and every batch gets
 * the noise of its own samples, so the ensemble does not depend on the batch size.
 *
 * @param sampler   the sampler
 * @param denoiser  the model
 * @param schedule  its schedule
 * @param grid      the time grid
 * @param batchSize samples per batch, &gt;= 1
 * @param type      data type of the samples
 */
public record EnsembleRun(Sampler sampler, Denoiser denoiser, NoiseSchedule schedule, TimeGrid grid, int batchSize,
        DataType type) {

    /** @throws IllegalArgumentException for a batch size below 1 */
    public EnsembleRun {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
    }

    /**
     * @param count       number of samples, &gt;= 1
     * @param sampleShape shape of one sample, e.g. [d] or [3, H, W]
     * @param condition   conditioning [count, ...] or null
     * @param noise       the samples' noise streams (sample i draws from stream i whatever its batch)
     * @param listener    per-batch sampler callbacks
     * @param progress    receives the index of the last finished sample after each batch
     * @return all samples [count, ...]; nfe the largest per-sample count of any batch,
     *         denoiserCalls the total
     */
    public Samples run(int count, long[] sampleShape, INDArray condition, SampleStreams noise,
            SamplingListener listener, IntConsumer progress) {
        return Samples.stack(batches(count, sampleShape, condition, noise, listener, progress));
    }

    /**
     * As {@link #run}, batch by batch: batch j holds samples [j * batchSize, min((j + 1) * batchSize, count)).
     *
     * @return each batch's samples, in order
     */
    public List<Samples> batches(int count, long[] sampleShape, INDArray condition, SampleStreams noise,
            SamplingListener listener, IntConsumer progress) {
        if (count < 1) {
            throw new IllegalArgumentException("number of samples must be >= 1, got " + count);
        }
        double scale = schedule.sigma(grid.start());
        List<Samples> out = new ArrayList<>();
        for (int first = 0; first < count; first += batchSize) {
            int size = Math.min(batchSize, count - first);
            NoiseSource batchNoise = noise.forBatch(first);
            INDArray xInit = batchNoise.normal(NoiseSource.INITIAL, BatchArrays.batchShape(size, sampleShape), type)
                    .muli(scale);
            out.add(sampler.sample(denoiser, schedule, grid, xInit,
                    BatchArrays.rows(condition, first, first + size), batchNoise, listener));
            progress.accept(first + size - 1);
        }
        return out;
    }
}
