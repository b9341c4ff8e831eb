package dev.aerodiff.data;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Mask;

/**
 * How flow cases become network tensors and back. Targets are the dimensionless fields of
 * {@link DimensionlessNormalizer} divided by a per-channel scale (their standard deviation over
 * the fluid cells of the training set), so every channel has about unit spread. The condition has
 * three channels like the anchor's input: freestream u_x and u_y divided by a reference speed in
 * the fluid (0 in solid cells), and the mask. Because the viscosity and chord are fixed in a data
 * set, the freestream speed carries the Reynolds number. Optionally a fourth channel holds the
 * signed distance to the airfoil's contour (negative inside) divided by {@code wallDistanceScale}
 * and clipped to [-1, 1]: the shape below the grid's resolution, which the mask cannot show (a
 * 12% and a 15% thick airfoil differ by about one cell of the 64 x 64 grids). Optionally six more
 * channels hold the mean and standard deviation of p, ux and uy over the snapshots of the nearest
 * training simulations ({@link NearestReference}), each divided by its channel's scale; with them
 * the targets can be the difference from that mean ({@code nearestResidual}), so that a network
 * that outputs nothing reproduces the nearest simulation's mean.
 *
 * @param channelScale   per-channel divisor of the dimensionless fields (p, ux, uy)
 * @param referenceSpeed divisor of the freestream velocity in the condition channels (m/s)
 * @param targetMin      per-channel smallest scaled training value over fluid cells, or null
 *                       (bundles written before it was recorded)
 * @param targetMax      per-channel largest scaled training value, or null
 * @param wallDistanceScale divisor of the signed wall distance in chords, or 0 for no distance
 *                       channel (bundles written before it existed)
 * @param nearestReference whether the condition ends with the six {@link NearestReference} channels
 *                       (false in bundles written before they existed)
 * @param nearestResidual whether the targets are the fields minus the nearest reference's mean (needs
 *                       {@code nearestReference}; the target range is then not recorded)
 */
public record FieldScaling(double[] channelScale, double referenceSpeed, double[] targetMin, double[] targetMax,
                           double wallDistanceScale, boolean nearestReference, boolean nearestResidual) {
    /** The {@code wallDistanceScale} of {@code train}'s {@code "wall_distance": true}, in chords. */
    public static final double WALL_DISTANCE_SCALE = 0.25;

    /** A scaling without a recorded target range. */
    public FieldScaling(double[] channelScale, double referenceSpeed) {
        this(channelScale, referenceSpeed, null, null);
    }

    /** A scaling without a distance channel. */
    public FieldScaling(double[] channelScale, double referenceSpeed, double[] targetMin, double[] targetMax) {
        this(channelScale, referenceSpeed, targetMin, targetMax, 0);
    }

    /** A scaling without the nearest-reference channels. */
    public FieldScaling(double[] channelScale, double referenceSpeed, double[] targetMin, double[] targetMax,
                        double wallDistanceScale) {
        this(channelScale, referenceSpeed, targetMin, targetMax, wallDistanceScale, false, false);
    }

    /** Checks and copies. */
    public FieldScaling {
        if (channelScale.length != Channel.count()) {
            throw new IllegalArgumentException("need " + Channel.count() + " channel scales, got " + channelScale.length);
        }
        for (double s : channelScale) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("channel scales must be positive, got " + s);
            }
        }
        if (!(referenceSpeed > 0)) {
            throw new IllegalArgumentException("reference speed must be positive, got " + referenceSpeed);
        }
        channelScale = channelScale.clone();
        if ((targetMin == null) != (targetMax == null) || targetMin != null
                && (targetMin.length != Channel.count() || targetMax.length != Channel.count())) {
            throw new IllegalArgumentException("the target range needs " + Channel.count()
                    + " minima and maxima, or neither");
        }
        targetMin = targetMin == null ? null : targetMin.clone();
        targetMax = targetMax == null ? null : targetMax.clone();
        if (!(wallDistanceScale >= 0) || Double.isInfinite(wallDistanceScale)) {
            throw new IllegalArgumentException("wall distance scale must be 0 (none) or positive, got "
                    + wallDistanceScale);
        }
        if (nearestResidual && (!nearestReference || targetMin != null)) {
            throw new IllegalArgumentException("targets relative to the nearest reference need its channels and no"
                    + " recorded target range");
        }
    }

    /**
     * @param scale divisor of the signed wall distance in chords, 0 for none
     * @return this scaling with (or without) the distance channel
     */
    public FieldScaling withWallDistance(double scale) {
        return new FieldScaling(channelScale, referenceSpeed, targetMin, targetMax, scale, nearestReference,
                nearestResidual);
    }

    /**
     * @param reference whether the condition ends with the nearest-reference channels
     * @return this scaling with (or without) them
     */
    public FieldScaling withNearestReference(boolean reference) {
        return new FieldScaling(channelScale, referenceSpeed, targetMin, targetMax, wallDistanceScale, reference,
                false);
    }

    /**
     * @return this scaling with the nearest-reference channels and targets relative to the reference's
     *     mean, without the target range (it was fitted to the fields, not to their differences)
     */
    public FieldScaling withNearestResidual() {
        return new FieldScaling(channelScale, referenceSpeed, null, null, wallDistanceScale, true, true);
    }

    /** @return whether the condition carries the signed wall distance as a fourth channel */
    public boolean hasWallDistance() {
        return wallDistanceScale > 0;
    }

    /**
     * @return condition channels: freestream u_x, u_y, mask, the wall distance if there is one, and the
     *     nearest reference if there is one
     */
    public int conditionChannels() {
        return conditionChannelNames().size();
    }

    /** @return the names of the condition channels in order */
    public java.util.List<String> conditionChannelNames() {
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of("freestream_ux", "freestream_uy",
                "mask"));
        if (hasWallDistance()) {
            names.add("wall_distance");
        }
        if (nearestReference) {
            names.addAll(NearestReference.CHANNEL_NAMES);
        }
        return java.util.List.copyOf(names);
    }

    @Override
    public double[] channelScale() {
        return channelScale.clone();
    }

    @Override
    public double[] targetMin() {
        return targetMin == null ? null : targetMin.clone();
    }

    @Override
    public double[] targetMax() {
        return targetMax == null ? null : targetMax.clone();
    }

    /** @return whether the range of the scaled training targets is known */
    public boolean hasTargetRange() {
        return targetMin != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldScaling f && java.util.Arrays.equals(channelScale, f.channelScale)
                && referenceSpeed == f.referenceSpeed && java.util.Arrays.equals(targetMin, f.targetMin)
                && java.util.Arrays.equals(targetMax, f.targetMax) && wallDistanceScale == f.wallDistanceScale
                && nearestReference == f.nearestReference && nearestResidual == f.nearestResidual;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(channelScale) * 31 + Double.hashCode(referenceSpeed);
    }

    /**
     * Fits the scaling to a training set, reading it one case at a time.
     *
     * @param dataset the training data
     * @return per-channel root-mean-square of the dimensionless fields over fluid cells, the
     *     largest freestream speed, and the range of the scaled fields
     */
    public static FieldScaling fit(FieldDataset dataset) {
        double[] sumSquares = new double[Channel.count()];
        double[] min = new double[Channel.count()];
        double[] max = new double[Channel.count()];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        long count = 0;
        double maxSpeed = 0;
        for (int c = 0; c < dataset.caseCount(); c++) {
            FlowCase fc = DimensionlessNormalizer.normalize(dataset.readCase(c));
            maxSpeed = Math.max(maxSpeed, fc.condition().freestreamSpeed());
            for (int s = 0; s < fc.samples(); s++) {
                for (int cell = 0; cell < fc.cellCount(); cell++) {
                    if (fc.mask().isSolid(cell)) {
                        continue;
                    }
                    for (Channel ch : Channel.ALL) {
                        double v = fc.value(s, ch, cell);
                        sumSquares[ch.ordinal()] += v * v;
                        min[ch.ordinal()] = Math.min(min[ch.ordinal()], v);
                        max[ch.ordinal()] = Math.max(max[ch.ordinal()], v);
                    }
                }
                count += fc.mask().fluidCount();
            }
        }
        double[] scale = new double[Channel.count()];
        for (int k = 0; k < scale.length; k++) {
            scale[k] = Math.sqrt(sumSquares[k] / count);
            min[k] /= scale[k];
            max[k] /= scale[k];
        }
        return new FieldScaling(scale, maxSpeed, min, max);
    }

    /**
     * @param dimensionless a case in dimensionless units
     * @param sample        which sample
     * @param out           receives {@code 3 * cells} scaled values, layout [channel][y][x]
     * @param offset        where to start writing
     */
    public void encodeTarget(FlowCase dimensionless, int sample, float[] out, int offset) {
        encodeTarget(dimensionless, sample, null, out, offset);
    }

    /**
     * @param dimensionless a case in dimensionless units
     * @param sample        which sample
     * @param reference     the sample's {@link NearestReference} fields when the targets are relative to
     *                      them ({@link #nearestResidual()}), else ignored
     * @param out           receives {@code 3 * cells} scaled values, layout [channel][y][x]
     * @param offset        where to start writing
     */
    public void encodeTarget(FlowCase dimensionless, int sample, float[] reference, float[] out, int offset) {
        if (dimensionless.units() != FieldUnits.DIMENSIONLESS) {
            throw new IllegalArgumentException("targets are encoded from dimensionless cases");
        }
        int cells = dimensionless.cellCount();
        float[] shift = residualShift(reference, cells);
        for (Channel ch : Channel.ALL) {
            double scale = channelScale[ch.ordinal()];
            for (int cell = 0; cell < cells; cell++) {
                int k = ch.ordinal() * cells + cell;
                double value = dimensionless.value(sample, ch, cell) - (shift == null ? 0 : shift[k]);
                out[offset + k] = (float) (value / scale);
            }
        }
    }

    /** @return the reference's mean fields when the targets are relative to them, else null (no shift) */
    private float[] residualShift(float[] reference, int cells) {
        if (!nearestResidual) {
            return null;
        }
        if (reference == null || reference.length < Channel.count() * cells) {
            throw new IllegalStateException("this scaling's targets are relative to the nearest reference: need its"
                    + " fields");
        }
        return reference;
    }

    /**
     * Inverse of {@link #encodeTarget}: network output to dimensionless values, solid cells zero.
     *
     * @param encoded {@code 3 * cells} scaled values of one sample
     * @param mask    the solid cells
     * @return dimensionless values, layout [channel][y][x]
     */
    public float[] decodeTarget(float[] encoded, Mask mask) {
        return decodeTarget(encoded, mask, null);
    }

    /**
     * Inverse of {@link #encodeTarget(FlowCase, int, float[], float[], int)}.
     *
     * @param encoded   {@code 3 * cells} scaled values of one sample
     * @param mask      the solid cells
     * @param reference the sample's {@link NearestReference} fields when the targets are relative to them,
     *                  else ignored
     * @return dimensionless values, layout [channel][y][x]
     */
    public float[] decodeTarget(float[] encoded, Mask mask, float[] reference) {
        int cells = mask.nx() * mask.ny();
        float[] shift = residualShift(reference, cells);
        float[] out = new float[encoded.length];
        for (Channel ch : Channel.ALL) {
            double scale = channelScale[ch.ordinal()];
            for (int cell = 0; cell < cells; cell++) {
                int k = ch.ordinal() * cells + cell;
                out[k] = mask.isSolid(cell) ? 0f : (float) (encoded[k] * scale + (shift == null ? 0 : shift[k]));
            }
        }
        return out;
    }

    /**
     * @param condition the operating point
     * @param mask      the solid cells of its airfoil on the grid
     * @return the three condition channels, layout [channel][y][x]
     * @throws IllegalStateException if this scaling has a distance channel
     */
    public float[] encodeCondition(FlowCondition condition, Mask mask) {
        return encodeCondition(condition, mask, null);
    }

    /**
     * @param condition    the operating point
     * @param mask         the solid cells of its airfoil on the grid
     * @param wallDistance signed distance of every cell to the contour in chords (negative inside), or
     *                     null when this scaling has no distance channel
     * @return the {@link #conditionChannels()} condition channels, layout [channel][y][x]
     */
    public float[] encodeCondition(FlowCondition condition, Mask mask, float[] wallDistance) {
        return encodeCondition(condition, mask, wallDistance, null);
    }

    /**
     * @param condition    the operating point
     * @param mask         the solid cells of its airfoil on the grid
     * @param wallDistance signed distance of every cell to the contour in chords (negative inside), or
     *                     null when this scaling has no distance channel
     * @param reference    the {@link NearestReference} fields of the condition (dimensionless), or null
     *                     when this scaling has no reference channels
     * @return the {@link #conditionChannels()} condition channels, layout [channel][y][x]
     */
    public float[] encodeCondition(FlowCondition condition, Mask mask, float[] wallDistance, float[] reference) {
        int cells = mask.nx() * mask.ny();
        int referenceSize = NearestReference.CHANNEL_NAMES.size() * cells;
        if (nearestReference && (reference == null || reference.length != referenceSize)) {
            throw new IllegalStateException("this scaling's condition has the nearest-reference channels: need "
                    + referenceSize + " reference values for " + condition.label()
                    + (reference == null ? "" : ", got " + reference.length));
        }
        if (hasWallDistance() && (wallDistance == null || wallDistance.length != cells)) {
            throw new IllegalStateException("this scaling's condition has a wall-distance channel: need the distance"
                    + " of each of the " + cells + " cells to " + condition.airfoil()
                    + (wallDistance == null ? "" : ", got " + wallDistance.length));
        }
        float[] out = new float[conditionChannels() * cells];
        float ux = (float) (condition.freestreamUx() / referenceSpeed);
        float uy = (float) (condition.freestreamUy() / referenceSpeed);
        for (int cell = 0; cell < cells; cell++) {
            boolean solid = mask.isSolid(cell);
            out[cell] = solid ? 0f : ux;
            out[cells + cell] = solid ? 0f : uy;
            out[2 * cells + cell] = solid ? 1f : 0f;
            if (hasWallDistance()) {
                out[3 * cells + cell] = (float) Math.max(-1, Math.min(1, wallDistance[cell] / wallDistanceScale));
            }
        }
        if (nearestReference) {
            int first = conditionChannels() - NearestReference.CHANNEL_NAMES.size();
            for (int k = 0; k < referenceSize; k++) {
                double scale = channelScale[(k / cells) % Channel.count()];
                out[first * cells + k] = (float) (reference[k] / scale);
            }
        }
        return out;
    }
}
