package dev.aerodiff.data;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Mask;
import dev.aerodiff.field.PixelMoments;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the training simulations say about a condition before any network does: the per-pixel mean
 * and standard deviation (ddof 0) of the snapshots of the nearest training cases
 * ({@link NearestCases}; equally near cases pooled as one set of snapshots), in dimensionless
 * units. A surrogate trained with {@code "nearest_reference": true} takes them as six more
 * condition channels ({@link FieldScaling}); with {@code "nearest_residual": true} its targets are
 * also the fields minus the reference's mean ({@link FieldScaling#nearestResidual()}), so that it
 * learns a correction to the nearest simulation rather than the whole field. In training each
 * case's reference leaves the case itself out (the nearest other condition of its airfoil) or, for
 * every other snapshot, its whole airfoil (the most alike other airfoil), as a condition of a new
 * airfoil would see it.
 *
 * <p>Only the moments are kept, {@code 2 x 3} fields per case (the stall train split's 29
 * conditions on 64 x 64 cells: 2.9 MB); a bundle stores them ({@link #write}).
 */
public final class NearestReference {
    /** Reference channels: the mean of p, ux and uy, then their standard deviation. */
    public static final List<String> CHANNEL_NAMES = List.of("nearest_mean_p", "nearest_mean_ux", "nearest_mean_uy",
            "nearest_std_p", "nearest_std_ux", "nearest_std_uy");
    private static final int MAGIC = 0x4e524546;
    private static final int VERSION = 1;

    private final NearestCases cases;
    private final int[] samples;
    private final float[][] means;
    private final float[][] variances;
    private final int cells;

    private NearestReference(NearestCases cases, int[] samples, float[][] means, float[][] variances) {
        this.cases = cases;
        this.samples = samples;
        this.means = means;
        this.variances = variances;
        this.cells = cases.mask(0).nx() * cases.mask(0).ny();
    }

    /**
     * @param training the training simulations, read one case at a time
     * @return their moments
     * @throws IllegalArgumentException with fewer than two cases (a case is left out of its own reference)
     */
    public static NearestReference of(FieldDataset training) {
        if (training.caseCount() < 2) {
            throw new IllegalArgumentException("the nearest reference needs at least two training cases, the data set"
                    + " has " + training.caseCount());
        }
        int n = training.caseCount();
        List<FlowCondition> conditions = new ArrayList<>();
        List<Mask> masks = new ArrayList<>();
        int[] samples = new int[n];
        float[][] means = new float[n][];
        float[][] variances = new float[n][];
        for (int c = 0; c < n; c++) {
            FlowCase fc = DimensionlessNormalizer.normalize(training.readCase(c));
            conditions.add(fc.condition());
            masks.add(fc.mask());
            samples[c] = fc.samples();
            int cells = fc.cellCount();
            means[c] = new float[Channel.count() * cells];
            variances[c] = new float[Channel.count() * cells];
            for (Channel ch : Channel.ALL) {
                PixelMoments moments = PixelMoments.of(fc, ch);
                double[] mean = moments.mean();
                double[] std = moments.std();
                for (int cell = 0; cell < cells; cell++) {
                    means[c][ch.ordinal() * cells + cell] = (float) mean[cell];
                    variances[c][ch.ordinal() * cells + cell] = (float) (std[cell] * std[cell]);
                }
            }
        }
        return new NearestReference(new NearestCases(conditions, masks), samples, means, variances);
    }

    /** @return the number of training cases */
    public int size() {
        return samples.length;
    }

    /** @return the rule and the cases' conditions and masks */
    public NearestCases cases() {
        return cases;
    }

    /**
     * @param condition an operating point
     * @param mask      its solid cells on the training grid
     * @return the {@link #CHANNEL_NAMES} fields of its nearest training cases, layout [channel][y][x], zero
     *         on the solid cells of {@code mask}
     * @throws IllegalArgumentException if the mask is not on the training grid
     */
    public float[] fields(FlowCondition condition, Mask mask) {
        if (mask.nx() != cases.mask(0).nx() || mask.ny() != cases.mask(0).ny()) {
            throw new IllegalArgumentException("the mask of " + condition.label() + " is " + mask.nx() + " x "
                    + mask.ny() + ", the nearest reference's grid " + cases.mask(0).nx() + " x " + cases.mask(0).ny());
        }
        return pooled(cases.nearest(condition, mask, k -> true), mask);
    }

    /**
     * The reference of a training case as training shows it.
     *
     * @param index        the case
     * @param wholeAirfoil leave out every case of its airfoil, not only the case (ignored when the
     *                     training data has no other airfoil)
     * @return its fields as {@link #fields} gives them, from the nearest cases that are left
     */
    public float[] leftOut(int index, boolean wholeAirfoil) {
        FlowCondition condition = cases.condition(index);
        String airfoil = condition.airfoil().toLowerCase(Locale.ROOT);
        boolean otherAirfoil = false;
        for (int k = 0; k < size(); k++) {
            otherAirfoil |= !sameAirfoil(k, airfoil);
        }
        boolean dropAirfoil = wholeAirfoil && otherAirfoil;
        return pooled(cases.nearest(condition, cases.mask(index),
                k -> k != index && !(dropAirfoil && sameAirfoil(k, airfoil))), cases.mask(index));
    }

    /**
     * @param index    a training case
     * @param snapshot one of its snapshots
     * @return the reference that training pairs with that snapshot: the case left out for even
     *     snapshots, its whole airfoil left out for odd ones ({@link #leftOut})
     */
    public float[] trainingFields(int index, int snapshot) {
        return leftOut(index, snapshot % 2 == 1);
    }

    private boolean sameAirfoil(int k, String airfoil) {
        return cases.condition(k).airfoil().toLowerCase(Locale.ROOT).equals(airfoil);
    }

    /** Pools the snapshots of cases {@code indices}: their mean, and the spread about it. */
    private float[] pooled(int[] indices, Mask mask) {
        int per = Channel.count() * cells;
        double total = 0;
        double[] mean = new double[per];
        for (int c : indices) {
            total += samples[c];
            for (int k = 0; k < per; k++) {
                mean[k] += samples[c] * (double) means[c][k];
            }
        }
        float[] out = new float[2 * per];
        for (int k = 0; k < per; k++) {
            mean[k] /= total;
            double variance = 0;
            for (int c : indices) {
                double d = means[c][k] - mean[k];
                variance += samples[c] * (variances[c][k] + d * d);
            }
            boolean solid = mask.isSolid(k % cells);
            out[k] = solid ? 0f : (float) mean[k];
            out[per + k] = solid ? 0f : (float) Math.sqrt(variance / total);
        }
        return out;
    }

    /** Writes the cases' conditions, masks, snapshot counts and moments. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(size());
        out.writeInt(cases.mask(0).nx());
        out.writeInt(cases.mask(0).ny());
        for (int c = 0; c < size(); c++) {
            FlowCondition fc = cases.condition(c);
            out.writeUTF(fc.airfoil());
            out.writeDouble(fc.angleOfAttackDeg());
            out.writeDouble(fc.reynolds());
            out.writeDouble(fc.freestreamSpeed());
            out.writeInt(samples[c]);
            for (boolean solid : cases.mask(c).toArray()) {
                out.writeBoolean(solid);
            }
            for (float v : means[c]) {
                out.writeFloat(v);
            }
            for (float v : variances[c]) {
                out.writeFloat(v);
            }
        }
    }

    /**
     * @param in what {@link #write} wrote
     * @return the reference
     * @throws IOException if the stream ends early or is not a reference
     */
    public static NearestReference read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a nearest reference");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("nearest reference version " + version + ", this AeroDiff reads " + VERSION);
        }
        int n = in.readInt();
        int nx = in.readInt();
        int ny = in.readInt();
        if (n < 2 || nx < 1 || ny < 1) {
            throw new IOException("nearest reference of " + n + " cases on " + nx + " x " + ny + " cells");
        }
        int per = Channel.count() * nx * ny;
        List<FlowCondition> conditions = new ArrayList<>();
        List<Mask> masks = new ArrayList<>();
        int[] samples = new int[n];
        float[][] means = new float[n][per];
        float[][] variances = new float[n][per];
        for (int c = 0; c < n; c++) {
            conditions.add(new FlowCondition(in.readUTF(), in.readDouble(), in.readDouble(), in.readDouble()));
            samples[c] = in.readInt();
            boolean[] solid = new boolean[nx * ny];
            for (int cell = 0; cell < solid.length; cell++) {
                solid[cell] = in.readBoolean();
            }
            masks.add(new Mask(nx, ny, solid));
            for (int k = 0; k < per; k++) {
                means[c][k] = in.readFloat();
            }
            for (int k = 0; k < per; k++) {
                variances[c][k] = in.readFloat();
            }
        }
        return new NearestReference(new NearestCases(conditions, masks), samples, means, variances);
    }
}
