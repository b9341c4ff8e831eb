package dev.aerodiff.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.data.CaseSubset;
import dev.aerodiff.data.InMemoryFieldDataset;
import dev.aerodiff.metrics.RateFit;
import dev.aerodiff.nn.UNetConfig;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.train.DiffusionTrainerTestData;
import dev.aerodiff.train.TrainerConfig;
import dev.aerodiff.train.TrainingObjective;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSizeRateTest {
    private static final TrainerConfig TINY = new TrainerConfig(TrainingObjective.FLOW,
            new UNetConfig(6, 3, 8, new int[] {1, 2}, 1, new int[0]), 2, 4, 1e-3, 0, 0, 0.5, 3, null);

    @Test
    void drawsDistinctSortedConditionsThatDependOnlyOnSeedSizeAndRepeat() {
        int[] a = TrainingSizeRate.chooseCases(41, 8, 7, 0);
        assertEquals(8, a.length);
        assertEquals(8, Arrays.stream(a).distinct().count());
        assertTrue(Arrays.stream(a).allMatch(i -> i >= 0 && i < 41));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, a);
        assertArrayEquals(a, TrainingSizeRate.chooseCases(41, 8, 7, 0));
        assertFalse(Arrays.equals(a, TrainingSizeRate.chooseCases(41, 8, 7, 1)), "repeats draw other conditions");
        assertFalse(Arrays.equals(a, TrainingSizeRate.chooseCases(41, 8, 8, 0)), "seeds draw other conditions");
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, TrainingSizeRate.chooseCases(5, 5, 7, 3));
        // every index is drawn about equally often
        int[] counts = new int[10];
        for (int repeat = 0; repeat < 2000; repeat++) {
            for (int i : TrainingSizeRate.chooseCases(10, 3, 1, repeat)) {
                counts[i]++;
            }
        }
        for (int c : counts) {
            assertEquals(600, c, 5 * Math.sqrt(600), Arrays.toString(counts));
        }
    }

    @Test
    void caseSubsetReadsTheChosenCasesAndRejectsBadIndices() {
        InMemoryFieldDataset all = DiffusionTrainerTestData.synthetic(1, 2, 3, 4);
        CaseSubset subset = new CaseSubset(all, new int[] {3, 1});
        assertEquals(2, subset.caseCount());
        assertEquals(4.0, subset.condition(0).angleOfAttackDeg());
        assertEquals(2.0, subset.readCase(1).condition().angleOfAttackDeg());
        assertThrows(IllegalArgumentException.class, () -> new CaseSubset(all, new int[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new CaseSubset(all, new int[] {4}));
        assertThrows(IllegalArgumentException.class, () -> new CaseSubset(all, new int[0]));
    }

    @Test
    void everyPointIsTheDragW1OfItsOwnBundleAndBundlesAreReused(@TempDir Path dir) {
        InMemoryFieldDataset train = DiffusionTrainerTestData.synthetic(0, 2, 4, 6, 8, 10);
        InMemoryFieldDataset heldOut = DiffusionTrainerTestData.synthetic(3, 7);
        SamplerSpec sampler = SamplerSpec.parse("euler:2");
        TrainingSizeRate.Config config = new TrainingSizeRate.Config(TINY, new int[] {2, 4}, 2, 11, 3, sampler,
                TrainingSizeRate.Summary.DRAG);
        Path models = dir.resolve("models");
        List<String> events = new ArrayList<>();
        TrainingSizeRate.Result first = TrainingSizeRate.run(train, "data-1", heldOut, config, models, "test",
                Map.of("command", "test"), recording(events));
        assertEquals(List.of("train 2 0", "train 2 1", "train 4 0", "train 4 1"), events);
        assertEquals(4, first.runs().size());

        double[] n = new double[4];
        double[] w = new double[4];
        for (int k = 0; k < 4; k++) {
            TrainingSizeRate.Run run = first.runs().get(k);
            assertFalse(run.reused());
            assertArrayEquals(TrainingSizeRate.chooseCases(6, run.n(), 11, run.repeat()), run.cases());
            // the bundle knows its training conditions ...
            Map<?, ?> entry = (Map<?, ?>) ModelBundle.read(run.bundle()).manifest().provenance().get("rate_check");
            assertEquals(Arrays.stream(run.cases()).boxed().toList(), entry.get("cases"));
            // ... and evaluating it again on its own gives the same W1 of the drag coefficient
            ModelEvaluation again = SurrogateEvaluation.evaluate("again", Surrogate.load(run.bundle(), name -> null),
                    heldOut, 3, sampler, 11, i -> { });
            assertEquals(again.dragW1(), run.w1(), 1e-12);
            assertTrue(run.w1() > 0);
            n[k] = run.n();
            w[k] = run.w1();
        }
        assertEquals(2, first.points().size());
        assertArrayEquals(new double[] {w[0], w[1]}, first.points().get(0).w1());
        assertEquals(RateFit.fit(n, w), first.fit());

        events.clear();
        TrainingSizeRate.Result second = TrainingSizeRate.run(train, "data-1", heldOut, config, models, "test",
                Map.of("command", "test"), recording(events));
        assertEquals(List.of(), events, "nothing is trained again");
        assertTrue(second.runs().stream().allMatch(TrainingSizeRate.Run::reused));
        assertEquals(first.fit(), second.fit());

        TrainingSizeRate.Run lift = TrainingSizeRate.run(train, "data-2", heldOut, new TrainingSizeRate.Config(TINY,
                new int[] {2, 4}, 2, 11, 3, sampler, TrainingSizeRate.Summary.LIFT), models, "test", Map.of(),
                recording(events)).runs().get(0);
        assertEquals(4, events.size(), "other data: every bundle is trained again");
        assertNotEquals(first.runs().get(0).w1(), lift.w1());
        assertEquals(lift.evaluation().liftW1(), lift.w1());
    }

    @Test
    void rejectsSizesBeyondTheDataAndUnfittableSettings() {
        InMemoryFieldDataset train = DiffusionTrainerTestData.synthetic(0, 2, 4);
        SamplerSpec sampler = SamplerSpec.parse("euler:2");
        TrainingSizeRate.Config tooMany = new TrainingSizeRate.Config(TINY, new int[] {2, 4}, 2, 1, 3, sampler,
                TrainingSizeRate.Summary.DRAG);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingSizeRate.run(train,
                "d", train, tooMany, null, "test", Map.of(), recording(new ArrayList<>())));
        assertTrue(e.getMessage().contains("size 4 exceeds the 3 conditions"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainingSizeRate.Config(TINY, new int[] {2, 2}, 3, 1,
                3, sampler, TrainingSizeRate.Summary.DRAG));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSizeRate.Config(TINY, new int[] {1, 2}, 1, 1,
                3, sampler, TrainingSizeRate.Summary.DRAG));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSizeRate.Config(TINY, new int[] {1, 2}, 2, 1,
                1, sampler, TrainingSizeRate.Summary.DRAG));
        assertThrows(IllegalArgumentException.class, () -> TrainingSizeRate.Summary.of("moment"));
    }

    private static TrainingSizeRate.Listener recording(List<String> events) {
        return new TrainingSizeRate.Listener() {
            @Override
            public IntConsumer training(int n, int repeat, int steps) {
                events.add("train " + n + " " + repeat);
                return i -> { };
            }

            @Override
            public IntConsumer evaluation(int n, int repeat, int conditions) {
                return i -> { };
            }

            @Override
            public void finished(TrainingSizeRate.Run run) {
            }
        };
    }
}
