package dev.aerodiff.train;

import dev.aerodiff.cfd.AirfoilLibrary;
import dev.aerodiff.cfd.AirfoilShape;
import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.data.NearestReference;
import dev.aerodiff.field.FlowCase;
import java.util.List;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every sample of a training set as network tensors: scaled dimensionless fields (targets x_0)
 * and the condition channels of its case, [N, 3, H, W] and [N, C, H, W] flattened, N = cases x
 * samples, C = {@link FieldScaling#conditionChannels()}.
 */
public final class TrainingData {
    private final float[] targets;
    private final float[] conditions;
    private final int count;
    private final int resolution;
    private final int conditionChannels;

    private TrainingData(float[] targets, float[] conditions, int count, int resolution, int conditionChannels) {
        this.targets = targets;
        this.conditions = conditions;
        this.count = count;
        this.resolution = resolution;
        this.conditionChannels = conditionChannels;
    }

    /**
     * As {@link #of(FieldDataset, FieldScaling, Function)} with the NACA airfoils as the only known
     * contours (needed only for a scaling with a wall-distance channel).
     */
    public static TrainingData of(FieldDataset dataset, FieldScaling scaling) {
        return of(dataset, scaling, new AirfoilLibrary(List.of()));
    }

    /**
     * As {@link #of(FieldDataset, FieldScaling, Function, ReferenceFields)} for a scaling without
     * the nearest-reference channels.
     */
    public static TrainingData of(FieldDataset dataset, FieldScaling scaling, Function<String, AirfoilShape> shapes) {
        return of(dataset, scaling, shapes, null);
    }

    /**
     * The samples of a training run, its NACA airfoils' contours for the wall-distance channel.
     *
     * @param dataset   the training set
     * @param scaling   how to scale fields and conditions
     * @param reference the moments of {@code dataset} itself ({@link NearestReference#of}) when the scaling
     *                  has the nearest-reference channels, else null: each sample's reference leaves out
     *                  its own case or airfoil ({@link NearestReference#trainingFields})
     * @return all samples, case by case
     */
    public static TrainingData forTraining(FieldDataset dataset, FieldScaling scaling, NearestReference reference) {
        if (reference != null && reference.size() != dataset.caseCount()) {
            throw new IllegalArgumentException("the nearest reference has " + reference.size() + " cases, the training"
                    + " data " + dataset.caseCount());
        }
        return of(dataset, scaling, new AirfoilLibrary(List.of()),
                reference == null ? null : (c, s, fc) -> reference.trainingFields(c, s));
    }

    /** The nearest-reference fields of each sample (see {@link dev.aerodiff.data.NearestReference}). */
    @FunctionalInterface
    public interface ReferenceFields {
        /**
         * @param caseIndex     the case in the data set
         * @param snapshot      the sample of the case
         * @param dimensionless the case in dimensionless units
         * @return the reference fields of that sample, dimensionless
         */
        float[] of(int caseIndex, int snapshot, FlowCase dimensionless);
    }

    /**
     * @param dataset   a data set on a square grid
     * @param scaling   how to scale fields and conditions
     * @param shapes    airfoil name to contour, for the wall-distance channel
     * @param reference the reference fields of each sample, for a scaling with the nearest-reference
     *                  channels (else null)
     * @return all samples, case by case
     */
    public static TrainingData of(FieldDataset dataset, FieldScaling scaling, Function<String, AirfoilShape> shapes,
                                  ReferenceFields reference) {
        if (scaling.nearestReference() && reference == null) {
            throw new IllegalArgumentException("the network takes the nearest-reference channels: the training"
                    + " simulations' moments are needed to encode its conditions");
        }
        if (dataset.grid().nx() != dataset.grid().ny()) {
            throw new IllegalArgumentException("training needs a square grid, got " + dataset.grid().nx() + "x"
                    + dataset.grid().ny());
        }
        int res = dataset.grid().nx();
        int per = 3 * res * res;
        int condPer = scaling.conditionChannels() * res * res;
        int n = dataset.caseCount() * dataset.samplesPerCase();
        float[] targets = new float[n * per];
        float[] conditions = new float[n * condPer];
        int k = 0;
        for (int c = 0; c < dataset.caseCount(); c++) {
            FlowCase fc = DimensionlessNormalizer.normalize(dataset.readCase(c));
            float[] distance = scaling.hasWallDistance()
                    ? shapes.apply(fc.condition().airfoil()).signedDistanceOn(dataset.grid()) : null;
            float[] cond = scaling.nearestReference() ? null : scaling.encodeCondition(fc.condition(), fc.mask(),
                    distance);
            for (int s = 0; s < fc.samples(); s++, k++) {
                float[] fields = cond != null ? null : reference.of(c, s, fc);
                scaling.encodeTarget(fc, s, fields, targets, k * per);
                float[] sampleCondition = cond != null ? cond : scaling.encodeCondition(fc.condition(), fc.mask(),
                        distance, fields);
                System.arraycopy(sampleCondition, 0, conditions, k * condPer, condPer);
            }
        }
        return new TrainingData(targets, conditions, n, res, scaling.conditionChannels());
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

    /** @return condition channels per sample, C */
    public int conditionChannels() {
        return conditionChannels;
    }

    /** @return condition values per sample, C H W */
    public int conditionSize() {
        return conditionChannels * resolution * resolution;
    }

    /**
     * @param indices which samples
     * @return their targets x_0 as [n, 3, H, W]
     */
    public INDArray targets(int[] indices) {
        return gather(targets, indices, 3);
    }

    /**
     * @param indices which samples
     * @return their condition channels as [n, C, H, W]
     */
    public INDArray conditions(int[] indices) {
        return gather(conditions, indices, conditionChannels);
    }

    private INDArray gather(float[] values, int[] indices, int channels) {
        int size = channels * resolution * resolution;
        float[] out = new float[indices.length * size];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(values, indices[k] * size, out, k * size, size);
        }
        return Nd4j.create(out, new long[] {indices.length, channels, resolution, resolution}, 'c');
    }

    /** Copies sample {@code index}'s target into {@code out} at {@code offset}. */
    void copyTarget(int index, float[] out, int offset) {
        System.arraycopy(targets, index * sampleSize(), out, offset, sampleSize());
    }

    /** Copies sample {@code index}'s condition into {@code out} at {@code offset}. */
    void copyCondition(int index, float[] out, int offset) {
        System.arraycopy(conditions, index * conditionSize(), out, offset, conditionSize());
    }
}
