package dev.aerodiff.metrics;

import dev.aerodiff.field.FlowCase;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How small the errors of the mean and of the std can be when both ensembles are finite: the
 * simulation's own snapshots split at random into two halves, one half compared with the other by
 * {@link FieldUncertainty} (averaged over the channels), averaged over {@link #DRAWS} splits. An
 * exact surrogate sampled as often as half the snapshots would score about this against the other
 * half; against all K snapshots with M samples its expected errors are smaller by about
 * sqrt((1/M + 1/K) / (4/K)) for independent snapshots (0.87 for M = 10, K = 20). Errors of a model
 * near this floor cannot be told from the simulation's own sampling noise.
 *
 * @param errorOfMean fluid-averaged |mean of one half - mean of the other|, averaged over channels and splits
 * @param errorOfStd  the same for the per-pixel std
 */
public record SnapshotFloor(double errorOfMean, double errorOfStd) {
    /** Random splits averaged. */
    public static final int DRAWS = 16;

    /**
     * @param reference the simulation's snapshots of one condition, at least 4
     * @param seed      seed of the random splits
     * @return the floor
     * @throws IllegalArgumentException if there are fewer than 4 snapshots
     */
    public static SnapshotFloor of(FlowCase reference, long seed) {
        int n = reference.samples();
        if (n < 4) {
            throw new IllegalArgumentException("splitting " + reference.condition().label()
                    + " into two ensembles needs at least 4 snapshots, got " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int half = n / 2;
        double mean = 0;
        double std = 0;
        for (int draw = 0; draw < DRAWS; draw++) {
            int[] order = RandomPermutation.of(n, random);
            int[] first = Arrays.copyOfRange(order, 0, half);
            int[] second = Arrays.copyOfRange(order, half, 2 * half);
            List<ChannelUncertainty> channels = FieldUncertainty.compare(reference.selectSamples(first),
                    reference.selectSamples(second), Crps.Estimator.FAIR);
            mean += channels.stream().mapToDouble(ChannelUncertainty::errorOfMean).average().orElseThrow();
            std += channels.stream().mapToDouble(ChannelUncertainty::errorOfStd).average().orElseThrow();
        }
        return new SnapshotFloor(mean / DRAWS, std / DRAWS);
    }

    /** @return "mean / std" to three significant digits, or "-" for no floor (tables and reports) */
    public static String describe(SnapshotFloor floor) {
        return floor == null ? "-"
                : String.format(Locale.ROOT, "%.3g / %.3g", floor.errorOfMean(), floor.errorOfStd());
    }
}
