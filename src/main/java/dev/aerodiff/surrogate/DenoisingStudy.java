package dev.aerodiff.surrogate;

import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.metrics.DenoisingError;
import dev.aerodiff.train.TrainingData;

/**
 * The one-step denoising error of a surrogate's network on the fields of a data set
 * ({@link DenoisingError}), in the network's units: each channel of the dimensionless fields
 * divided by its RMS over the training set, as in the bundle's scaling. The network is used as
 * trained, without the clipping that sampling applies.
 */
public final class DenoisingStudy {
    private DenoisingStudy() {
    }

    /**
     * @param surrogate      the model
     * @param data           fields on the model's grid (e.g. the held-out test split)
     * @param samplesPerCase the first this many samples of every case are used
     * @param times          times in [0, 1)
     * @param seed           noise seed
     * @return the error at every time
     * @throws IllegalArgumentException for another grid or a sample count out of range
     */
    public static DenoisingError.Result run(Surrogate surrogate, FieldDataset data, int samplesPerCase,
            double[] times, long seed) {
        if (!surrogate.grid().equals(data.grid())) {
            throw new IllegalArgumentException("the model's grid " + surrogate.grid() + " differs from the data's "
                    + data.grid());
        }
        if (samplesPerCase < 1 || samplesPerCase > data.samplesPerCase()) {
            throw new IllegalArgumentException("samples per case must be in 1.." + data.samplesPerCase() + ", got "
                    + samplesPerCase);
        }
        TrainingData fields = surrogate.trainingData(data);
        int[] rows = new int[data.caseCount() * samplesPerCase];
        for (int c = 0, k = 0; c < data.caseCount(); c++) {
            for (int s = 0; s < samplesPerCase; s++) {
                rows[k++] = c * data.samplesPerCase() + s;
            }
        }
        return DenoisingError.measure(surrogate.networkDenoiser(), surrogate.objective().schedule(), times,
                fields.targets(rows), fields.conditions(rows), seed, Surrogate.BATCH);
    }
}
