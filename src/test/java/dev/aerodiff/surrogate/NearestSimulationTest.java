package dev.aerodiff.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aerodiff.data.DatasetMetadata;
import dev.aerodiff.data.InMemoryFieldDataset;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The nearest-simulation baseline on a 4 x 4 grid whose training cases are told apart by their
 * velocity: snapshot s of case c has ux / U = 10 c + s + 1 on every fluid cell.
 */
class NearestSimulationTest {
    private static final int N = 4;
    private static final int SNAPSHOTS = 3;
    private static final Mask A = mask(5);
    private static final Mask B = mask(5, 6);
    private static final Mask C = mask(9, 10, 11);
    private static final List<FlowCase> CASES = List.of(
            snapshots(0, new FlowCondition("a", 0, 1e6, 10), A),
            snapshots(1, new FlowCondition("a", 10, 1e6, 10), A),
            snapshots(2, new FlowCondition("a", 0, 1e7, 100), A),
            snapshots(3, new FlowCondition("b", 0, 1e6, 10), B),
            snapshots(4, new FlowCondition("b", 10, 1e6, 10), B),
            snapshots(5, new FlowCondition("c", 0, 1e6, 10), C));
    private static final NearestSimulation BASELINE = NearestSimulation.of(new InMemoryFieldDataset(
            Grid.uniform(N, N, 0, 1, 0, 1), CASES, new DatasetMetadata("", "", "")));

    @Test
    void aTrainingConditionGetsItsOwnSnapshotsEachOnceInTheRequestedUnits() {
        FlowCondition twiceAsFast = new FlowCondition("A", 10, 1e6, 20);
        Ensemble e = BASELINE.predict(new Surrogate.Request(twiceAsFast, A, SNAPSHOTS, 7));
        assertEquals(List.of(CASES.get(1).condition()), BASELINE.nearest(twiceAsFast, A));
        assertEquals(List.of(11.0, 12.0, 13.0), sortedIds(e.samples()));
        assertEquals("nearest", e.sampler());
        assertEquals(0, e.nfe());
    }

    @Test
    void halfWayBetweenTwoAnglesPoolsBoth() {
        FlowCondition between = new FlowCondition("a", 5, 1e6, 10);
        assertEquals(List.of(CASES.get(0).condition(), CASES.get(1).condition()), BASELINE.nearest(between, A));
        Ensemble e = BASELINE.predict(new Surrogate.Request(between, A, 2 * SNAPSHOTS, 3));
        assertEquals(List.of(1.0, 2.0, 3.0, 11.0, 12.0, 13.0), sortedIds(e.samples()));
    }

    @Test
    void reynoldsCountsInLogOverItsRangeAsTheAngleOverItsOwn() {
        // 8 of the 10 degrees and a tenth of the decade from (0 deg, 1e7); 2 degrees and nine tenths from (10, 1e6)
        FlowCondition c = new FlowCondition("a", 8, Math.pow(10, 6.9), 10);
        assertEquals(List.of(CASES.get(2).condition()), BASELINE.nearest(c, A));
        FlowCondition decadeMiddle = new FlowCondition("a", 0, Math.sqrt(1e6 * 1e7), 10);
        assertEquals(List.of(CASES.get(0).condition(), CASES.get(2).condition()), BASELINE.nearest(decadeMiddle, A));
    }

    @Test
    void anUnseenAirfoilTakesTheTrainingAirfoilWithTheLeastDifferentMask() {
        Mask unseen = mask(5, 6, 7);   // one cell more than b, two more than a
        FlowCondition c = new FlowCondition("d", 9, 1e6, 10);
        assertEquals(List.of(CASES.get(4).condition()), BASELINE.nearest(c, unseen));
        FlowCase samples = BASELINE.predict(new Surrogate.Request(c, unseen, SNAPSHOTS, 0)).samples();
        assertEquals(List.of(41.0, 42.0, 43.0), sortedIds(samples));
        for (int s = 0; s < SNAPSHOTS; s++) {
            assertEquals(0f, samples.value(s, Channel.UX, 7), "cell 7 is solid in the request, fluid in b");
        }
    }

    @Test
    void theSameSeedGivesTheSameEnsembleAndBeyondThePoolEverySnapshotRepeatsEvenly() {
        FlowCondition c = CASES.get(5).condition();
        FlowCase seven = BASELINE.predict(new Surrogate.Request(c, C, 7, 11)).samples();
        assertArrayEquals(seven.values(), BASELINE.predict(new Surrogate.Request(c, C, 7, 11)).samples().values());
        assertEquals(List.of(51.0, 52.0, 53.0), sortedIds(seven).stream().distinct().toList());
        List<Double> firstThree = ids(seven).subList(0, SNAPSHOTS);
        assertEquals(SNAPSHOTS, firstThree.stream().distinct().count(), "each once before any repeats: " + ids(seven));
        assertEquals(List.of(2L, 2L, 3L), firstThree.stream()
                .map(id -> ids(seven).stream().filter(id::equals).count()).sorted().toList());
        FlowCase tail = BASELINE.predict(new Surrogate.Request(c, C, 4, 11, 3)).samples();
        int per = Channel.count() * N * N;
        assertArrayEquals(Arrays.copyOfRange(seven.values(), 3 * per, 7 * per), tail.values());
        List<Double> orders = new ArrayList<>();
        for (long seed = 0; seed < 20; seed++) {
            orders.add(ids(BASELINE.predict(new Surrogate.Request(c, C, 1, seed)).samples()).get(0));
        }
        assertEquals(3, orders.stream().distinct().count(), "the first snapshot varies with the seed: " + orders);
    }

    @Test
    void aMaskOffTheGridIsRefused() {
        FlowCondition c = CASES.get(0).condition();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BASELINE.predict(new Surrogate.Request(c, Mask.allFluid(N + 1, N), 2, 0)));
        assertEquals("the mask of " + c.label() + " is 5 x 4, the training simulations' grid 4 x 4", e.getMessage());
    }

    private static Mask mask(int... solid) {
        boolean[] cells = new boolean[N * N];
        for (int cell : solid) {
            cells[cell] = true;
        }
        return new Mask(N, N, cells);
    }

    /** Case {@code index}: ux = U (10 index + s + 1) on fluid cells, uy = 0, p = U^2 s. */
    private static FlowCase snapshots(int index, FlowCondition condition, Mask mask) {
        int cells = N * N;
        float[] values = new float[SNAPSHOTS * Channel.count() * cells];
        double speed = condition.freestreamSpeed();
        for (int s = 0; s < SNAPSHOTS; s++) {
            for (int cell = 0; cell < cells; cell++) {
                if (!mask.isSolid(cell)) {
                    values[(s * Channel.count() + Channel.P.ordinal()) * cells + cell] = (float) (speed * speed * s);
                    values[(s * Channel.count() + Channel.UX.ordinal()) * cells + cell] =
                            (float) (speed * (10 * index + s + 1));
                }
            }
        }
        return new FlowCase(condition, mask, FieldUnits.PHYSICAL, SNAPSHOTS, values, null);
    }

    /** @return ux / U of each sample, read at the first fluid cell (cell 0 in every mask here) */
    private static List<Double> ids(FlowCase samples) {
        List<Double> out = new ArrayList<>();
        for (int s = 0; s < samples.samples(); s++) {
            out.add((double) Math.round(samples.value(s, Channel.UX, 0) / samples.condition().freestreamSpeed()));
        }
        return out;
    }

    private static List<Double> sortedIds(FlowCase samples) {
        return ids(samples).stream().sorted().toList();
    }
}
