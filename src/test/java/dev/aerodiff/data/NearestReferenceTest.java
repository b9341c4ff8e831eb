package dev.aerodiff.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The nearest reference on 2 x 2 cells where only ux / U varies: airfoil a (cell 0 solid) at 0
 * degrees with snapshots 1 and 3, at 10 degrees with 5 and 5; airfoil b (cells 0 and 1 solid) at 0
 * degrees with 7 and 9.
 */
class NearestReferenceTest {
    private static final int CELLS = 4;
    private static final Mask A = new Mask(2, 2, new boolean[] {true, false, false, false});
    private static final Mask B = new Mask(2, 2, new boolean[] {true, true, false, false});
    private static final List<FlowCase> CASES = List.of(
            snapshots(new FlowCondition("a", 0, 1e6, 10), A, 1, 3),
            snapshots(new FlowCondition("a", 10, 1e6, 10), A, 5, 5),
            snapshots(new FlowCondition("b", 0, 1e6, 20), B, 7, 9));
    private static final NearestReference REFERENCE = NearestReference.of(dataset(CASES));

    @Test
    void equallyNearCasesArePooledAsOneSetOfSnapshots() {
        float[] f = REFERENCE.fields(new FlowCondition("a", 5, 1e6, 30), A);
        // snapshots 1, 3, 5, 5: mean 3.5, deviations -2.5, -0.5, 1.5, 1.5, variance 11 / 4
        assertArrayEquals(new float[] {0, 3.5f, 3.5f, 3.5f}, channel(f, 1), 1e-6f);
        assertArrayEquals(new float[] {0, 1.6583124f, 1.6583124f, 1.6583124f}, channel(f, 4), 1e-6f);
        for (int ch : new int[] {0, 2, 3, 5}) {
            assertArrayEquals(new float[CELLS], channel(f, ch), "p and uy are zero: channel " + ch);
        }
        assertEquals(List.of("nearest_mean_p", "nearest_mean_ux", "nearest_mean_uy", "nearest_std_p",
                "nearest_std_ux", "nearest_std_uy"), NearestReference.CHANNEL_NAMES);
    }

    @Test
    void trainingLeavesOutTheCaseForEvenSnapshotsAndItsAirfoilForOddOnes() {
        assertArrayEquals(new float[] {0, 5, 5, 5}, channel(REFERENCE.leftOut(0, false), 1), 1e-6f);
        assertArrayEquals(new float[CELLS], channel(REFERENCE.leftOut(0, false), 4), 1e-6f);
        // airfoil b's moments, zero on its own solid cell 1 and on a's solid cell 0
        assertArrayEquals(new float[] {0, 0, 8, 8}, channel(REFERENCE.leftOut(0, true), 1), 1e-6f);
        assertArrayEquals(new float[] {0, 0, 1, 1}, channel(REFERENCE.leftOut(0, true), 4), 1e-6f);
        assertArrayEquals(REFERENCE.leftOut(1, false), REFERENCE.trainingFields(1, 4));
        assertArrayEquals(REFERENCE.leftOut(1, true), REFERENCE.trainingFields(1, 3));
        // b has no other case of its own: either way its nearest is an airfoil-a case at 0 degrees
        assertArrayEquals(new float[] {0, 0, 2, 2}, channel(REFERENCE.leftOut(2, false), 1), 1e-6f);
    }

    @Test
    void withOneAirfoilLeavingItOutLeavesOutOnlyTheCase() {
        NearestReference one = NearestReference.of(dataset(CASES.subList(0, 2)));
        assertArrayEquals(one.leftOut(0, false), one.leftOut(0, true));
        assertArrayEquals(new float[] {0, 2, 2, 2}, channel(one.leftOut(1, true), 1), 1e-6f);
    }

    @Test
    void anUnseenAirfoilTakesTheMostAlikeMask() {
        assertArrayEquals(new float[] {0, 5, 5, 5}, channel(REFERENCE.fields(new FlowCondition("d", 9, 1e6, 10), A),
                1), 1e-6f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> REFERENCE.fields(new FlowCondition("d", 9, 1e6, 10), Mask.allFluid(3, 2)));
        assertTrue(e.getMessage().contains("3 x 2") && e.getMessage().contains("2 x 2"), e.getMessage());
    }

    @Test
    void writeAndReadGiveTheSameReference() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            REFERENCE.write(out);
        }
        NearestReference read = NearestReference.read(new DataInputStream(new ByteArrayInputStream(
                bytes.toByteArray())));
        assertEquals(3, read.size());
        for (FlowCondition c : List.of(new FlowCondition("a", 5, 1e6, 30), new FlowCondition("d", 0, 2e6, 10))) {
            assertArrayEquals(REFERENCE.fields(c, A), read.fields(c, A));
        }
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(REFERENCE.leftOut(k, true), read.leftOut(k, true));
        }
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        assertThrows(IOException.class, () -> NearestReference.read(new DataInputStream(new ByteArrayInputStream(cut))));
        assertThrows(IOException.class, () -> NearestReference.read(new DataInputStream(new ByteArrayInputStream(
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))));
    }

    @Test
    void oneCaseIsNotEnough() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NearestReference.of(dataset(CASES.subList(0, 1))));
        assertTrue(e.getMessage().contains("at least two"), e.getMessage());
    }

    private static float[] channel(float[] fields, int channel) {
        return Arrays.copyOfRange(fields, channel * CELLS, (channel + 1) * CELLS);
    }

    private static InMemoryFieldDataset dataset(List<FlowCase> cases) {
        return new InMemoryFieldDataset(Grid.uniform(2, 2, 0, 1, 0, 1), cases, new DatasetMetadata("", "", ""));
    }

    /** ux = U v_s on the fluid cells, p = uy = 0. */
    private static FlowCase snapshots(FlowCondition condition, Mask mask, double... ux) {
        float[] values = new float[ux.length * Channel.count() * CELLS];
        for (int s = 0; s < ux.length; s++) {
            for (int cell = 0; cell < CELLS; cell++) {
                if (!mask.isSolid(cell)) {
                    values[(s * Channel.count() + Channel.UX.ordinal()) * CELLS + cell] =
                            (float) (condition.freestreamSpeed() * ux[s]);
                }
            }
        }
        return new FlowCase(condition, mask, FieldUnits.PHYSICAL, ux.length, values, null);
    }
}
