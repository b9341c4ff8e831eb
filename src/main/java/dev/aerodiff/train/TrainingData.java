package dev.aerodiff.train;

import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.field.FlowCase;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every sample of a training set as network tensors: scaled dimensionless fields (targets x_0)
 * and the condition channels of its case, both [N, 3, H, W] flattened, N = cases x samples.
 */
public final class TrainingData {
    private final float[] targets;
    private final float[] conditions;
    private final int count;
    private final int resolution;

    private TrainingData(float[] targets, float[] conditions, int count, int resolution) {
        this.targets = targets;
        this.conditions = conditions;
        this.count = count;
        this.resolution = resolution;
    }

    /**
     * @param dataset a data set on a square grid
     * @param scaling how to scale fields and conditions
     * @return all samples, case by case
     */
    public static TrainingData of(FieldDataset dataset, FieldScaling scaling) {
        if (dataset.grid().nx() != dataset.grid().ny()) {
            throw new IllegalArgumentException("training needs a square grid, got " + dataset.grid().nx() + "x"
                    + dataset.grid().ny());
        }
        int res = dataset.grid().nx();
        int per = 3 * res * res;
        int n = dataset.caseCount() * dataset.samplesPerCase();
        float[] targets = new float[n * per];
        float[] conditions = new float[n * per];
        int k = 0;
        for (int c = 0; c < dataset.caseCount(); c++) {
            FlowCase fc = DimensionlessNormalizer.normalize(dataset.readCase(c));
            float[] cond = scaling.encodeCondition(fc.condition(), fc.mask());
            for (int s = 0; s < fc.samples(); s++, k++) {
                scaling.encodeTarget(fc, s, targets, k * per);
                System.arraycopy(cond, 0, conditions, k * per, per);
            }
        }
        return new TrainingData(targets, conditions, n, res);
    }

    /** @return number of samples */
    public int count() {
        return count;
    }

    /** @return H = W */
    public int resolution() {
        return resolution;
    }

    /** @return values per sample, 3 H W */
    public int sampleSize() {
        return 3 * resolution * resolution;
    }

    /**
     * @param indices which samples
     * @return their targets x_0 as [n, 3, H, W]
     */
    public INDArray targets(int[] indices) {
        return gather(targets, indices);
    }

    /**
     * @param indices which samples
     * @return their condition channels as [n, 3, H, W]
     */
    public INDArray conditions(int[] indices) {
        return gather(conditions, indices);
    }

    private INDArray gather(float[] values, int[] indices) {
        float[] out = new float[indices.length * sampleSize()];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(values, indices[k] * sampleSize(), out, k * sampleSize(), sampleSize());
        }
        return Nd4j.create(out, new long[] {indices.length, 3, resolution, resolution}, 'c');
    }

    /** Copies sample {@code index}'s target into {@code out} at {@code offset}. */
    void copyTarget(int index, float[] out, int offset) {
        System.arraycopy(targets, index * sampleSize(), out, offset, sampleSize());
    }

    /** Copies sample {@code index}'s condition into {@code out} at {@code offset}. */
    void copyCondition(int index, float[] out, int offset) {
        System.arraycopy(conditions, index * sampleSize(), out, offset, sampleSize());
    }
}
