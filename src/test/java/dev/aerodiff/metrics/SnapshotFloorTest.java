package dev.aerodiff.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.ForceCoefficients;
import dev.aerodiff.field.Mask;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SnapshotFloorTest {
    private static final int N = 64;
    private static final FlowCondition CONDITION = new FlowCondition("naca0012", 18, 1e6, 10.0);

    /** K snapshots whose cells are independent N(offset + 0.01 cell, sigma^2), no solid cell. */
    private static FlowCase snapshots(int k, double sigma, double offset, long seed) {
        Random random = new Random(seed);
        int cells = N * N;
        float[] v = new float[k * Channel.count() * cells];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (offset + 0.01 * (i % cells) / cells + sigma * random.nextGaussian());
        }
        double[] lift = new double[k];
        double[] drag = new double[k];
        for (int s = 0; s < k; s++) {
            lift[s] = s;
            drag[s] = -s;
        }
        return new FlowCase(CONDITION, new Mask(N, N, new boolean[cells]), FieldUnits.DIMENSIONLESS, k, v, null,
                new ForceCoefficients(lift, drag));
    }

    @Test
    void errorOfTheMeanMatchesTwoIndependentHalvesOfGaussianSnapshots() {
        double sigma = 0.05;
        SnapshotFloor floor = SnapshotFloor.of(snapshots(20, sigma, 0, 1), 7);
        // mean of 10 minus mean of 10 other draws ~ N(0, sigma^2 (2/10)); E|X| = sqrt(2/pi) sd
        double expected = Math.sqrt(2 / Math.PI) * sigma * Math.sqrt(0.2);
        assertEquals(expected, floor.errorOfMean(), 0.04 * expected);
        assertTrue(floor.errorOfStd() > 0.1 * sigma && floor.errorOfStd() < 0.5 * sigma, "" + floor.errorOfStd());
    }

    @Test
    void scalesWithTheSpreadAndIgnoresACommonShift() {
        SnapshotFloor small = SnapshotFloor.of(snapshots(12, 0.01, 0, 3), 5);
        SnapshotFloor large = SnapshotFloor.of(snapshots(12, 0.04, 2.5, 3), 5);
        assertEquals(4 * small.errorOfMean(), large.errorOfMean(), 1e-3 * large.errorOfMean());
        assertEquals(4 * small.errorOfStd(), large.errorOfStd(), 1e-3 * large.errorOfStd());
    }

    @Test
    void snapshotsThatAgreeHaveNoFloorAndTheSplitsAreSeeded() {
        SnapshotFloor none = SnapshotFloor.of(snapshots(6, 0, 1, 2), 1);
        assertEquals(0, none.errorOfMean(), 1e-7);
        assertEquals(0, none.errorOfStd(), 1e-7);
        FlowCase noisy = snapshots(8, 0.1, 0, 4);
        assertEquals(SnapshotFloor.of(noisy, 11), SnapshotFloor.of(noisy, 11));
    }

    @Test
    void fewerThanFourSnapshotsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SnapshotFloor.of(snapshots(3, 0.1, 0, 1), 1));
        assertTrue(e.getMessage().contains("naca0012") && e.getMessage().contains("at least 4"), e.getMessage());
    }

    @Test
    void selectedSamplesKeepTheirFieldsAndForces() {
        FlowCase all = snapshots(5, 0.1, 0, 9);
        FlowCase picked = all.selectSamples(new int[] {4, 1, 1});
        assertEquals(3, picked.samples());
        assertArrayEquals(all.field(4, Channel.UY), picked.field(0, Channel.UY));
        assertArrayEquals(all.field(1, Channel.P), picked.field(2, Channel.P));
        assertArrayEquals(new double[] {4, 1, 1}, picked.coefficients().lift());
        assertThrows(IndexOutOfBoundsException.class, () -> all.selectSamples(new int[] {5}));
    }
}
