package dev.aerodiff.field;

import java.util.Arrays;

/**
 * One flow condition with its samples: several snapshots of the solution, each a set of
 * {@link Channel} fields on a grid. The spread across samples is the distribution a surrogate learns.
 *
 * <p>Values are stored flat as {@code [sample][channel][y][x]} in a float array. Instances are
 * immutable: constructors and accessors copy.
 */
public final class FlowCase {
    private final FlowCondition condition;
    private final Mask mask;
    private final FieldUnits units;
    private final int samples;
    private final float[] values;
    private final int[] iterations;
    private final ForceCoefficients coefficients;

    /**
     * @param condition  the operating point
     * @param mask       solid/fluid cells; fixes the grid size
     * @param units      what units {@code values} are in
     * @param samples    number of samples, at least one
     * @param values     {@code samples * channels * ny * nx} values, layout {@code [sample][channel][y][x]}
     * @param iterations solver iteration of each sample, or null if unknown
     */
    public FlowCase(FlowCondition condition, Mask mask, FieldUnits units, int samples, float[] values,
                    int[] iterations) {
        this(condition, mask, units, samples, values, iterations, null);
    }

    /**
     * @param condition    the operating point
     * @param mask         solid/fluid cells; fixes the grid size
     * @param units        what units {@code values} are in
     * @param samples      number of samples, at least one
     * @param values       {@code samples * channels * ny * nx} values, layout {@code [sample][channel][y][x]}
     * @param iterations   solver iteration of each sample, or null if unknown
     * @param coefficients lift and drag of each sample as the solver computed them, or null if unknown
     */
    public FlowCase(FlowCondition condition, Mask mask, FieldUnits units, int samples, float[] values,
                    int[] iterations, ForceCoefficients coefficients) {
        if (samples < 1) {
            throw new IllegalArgumentException("case " + condition.label() + " has no samples");
        }
        int expected = samples * Channel.count() * mask.nx() * mask.ny();
        if (values.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " values (" + samples + " samples x "
                    + Channel.count() + " channels x " + mask.ny() + " x " + mask.nx() + "), got " + values.length);
        }
        if (iterations != null && iterations.length != samples) {
            throw new IllegalArgumentException("expected " + samples + " iteration numbers, got " + iterations.length);
        }
        this.condition = condition;
        this.mask = mask;
        this.units = units;
        this.samples = samples;
        this.values = values.clone();
        if (coefficients != null && coefficients.lift().length != samples) {
            throw new IllegalArgumentException("expected " + samples + " force coefficients, got "
                    + coefficients.lift().length);
        }
        this.iterations = iterations == null ? null : iterations.clone();
        this.coefficients = coefficients;
    }

    /** @return the operating point */
    public FlowCondition condition() {
        return condition;
    }

    /** @return the solid/fluid mask */
    public Mask mask() {
        return mask;
    }

    /** @return the units of the values */
    public FieldUnits units() {
        return units;
    }

    /** @return number of samples (snapshots) */
    public int samples() {
        return samples;
    }

    /** @return number of cells of one field, ny * nx */
    public int cellCount() {
        return mask.nx() * mask.ny();
    }

    /** @return the value of a channel at flat cell index {@code j * nx + i} in one sample */
    public float value(int sample, Channel channel, int cell) {
        return values[offset(sample, channel) + cell];
    }

    /** @return a copy of one channel of one sample, {@code [y][x]} flat */
    public float[] field(int sample, Channel channel) {
        int from = offset(sample, channel);
        return Arrays.copyOfRange(values, from, from + cellCount());
    }

    /** @return a copy of all values, {@code [sample][channel][y][x]} flat */
    public float[] values() {
        return values.clone();
    }

    /** @return solver iteration of each sample (copy), or null if unknown */
    public int[] iterations() {
        return iterations == null ? null : iterations.clone();
    }

    /** @return lift and drag of each sample from the solver, or null if unknown */
    public ForceCoefficients coefficients() {
        return coefficients;
    }

    /** @return the same samples in other units (used by normalizers) */
    public FlowCase withValues(FieldUnits newUnits, float[] newValues) {
        return new FlowCase(condition, mask, newUnits, samples, newValues, iterations, coefficients);
    }

    /**
     * @param sampleIndices which samples to keep, in the order wanted (repeats allowed)
     * @return a case with just those samples, their iterations and force coefficients
     * @throws IndexOutOfBoundsException if an index is not a sample of this case
     */
    public FlowCase selectSamples(int[] sampleIndices) {
        int block = Channel.count() * cellCount();
        float[] picked = new float[sampleIndices.length * block];
        int[] pickedIterations = iterations == null ? null : new int[sampleIndices.length];
        for (int k = 0; k < sampleIndices.length; k++) {
            int s = sampleIndices[k];
            System.arraycopy(values, offset(s, Channel.ALL.get(0)), picked, k * block, block);
            if (pickedIterations != null) {
                pickedIterations[k] = iterations[s];
            }
        }
        return new FlowCase(condition, mask, units, sampleIndices.length, picked, pickedIterations,
                coefficients == null ? null : coefficients.select(sampleIndices));
    }

    private int offset(int sample, Channel channel) {
        if (sample < 0 || sample >= samples) {
            throw new IndexOutOfBoundsException("sample " + sample + " of " + samples);
        }
        return (sample * Channel.count() + channel.ordinal()) * cellCount();
    }
}
