package dev.aerodiff.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.data.InMemoryFieldDataset;
import dev.aerodiff.nn.UNetConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class DiffusionTrainerTest {
    private static final int RES = 16;
    private static final UNetConfig TINY = new UNetConfig(6, 3, 8, new int[] {1, 2}, 1, new int[0]);

    private static TrainerConfig config(TrainingObjective objective) {
        return new TrainerConfig(objective, TINY, 100, 8, 2e-3, 0, 1e-4, 0.9, 11);
    }

    @Test
    void lossFallsOnBothObjectives() {
        InMemoryFieldDataset ds = DiffusionTrainerTestData.synthetic();
        FieldScaling scaling = FieldScaling.fit(ds);
        TrainingData data = TrainingData.of(ds, scaling);
        assertEquals(8, data.count());
        for (TrainingObjective objective : TrainingObjective.values()) {
            DiffusionTrainer trainer = DiffusionTrainer.create(config(objective), RES, scaling);
            double before = 0;
            for (int probe = 0; probe < 4; probe++) {
                before += trainer.loss(data, 10_000 + probe);
            }
            for (int k = 0; k < 30; k++) {
                trainer.step(data);
            }
            double after = 0;
            for (int probe = 0; probe < 4; probe++) {
                after += trainer.loss(data, 10_000 + probe);
            }
            assertTrue(after < 0.8 * before, objective + ": loss " + before / 4 + " -> " + after / 4);
        }
    }

    @Test
    void theMovingAverageIsDecayTimesTheOldAveragePlusTheRestTimesTheNewWeights() {
        InMemoryFieldDataset ds = DiffusionTrainerTestData.synthetic();
        FieldScaling scaling = FieldScaling.fit(ds);
        TrainingData data = TrainingData.of(ds, scaling);
        DiffusionTrainer trainer = DiffusionTrainer.create(config(TrainingObjective.DDPM), RES, scaling);
        trainer.step(data);
        Map<String, INDArray> before = new java.util.HashMap<>();
        trainer.emaWeights().forEach((name, value) -> before.put(name, value.dup()));
        trainer.step(data);
        for (Map.Entry<String, INDArray> e : trainer.emaWeights().entrySet()) {
            INDArray weights = trainer.network().graph().getVariable(e.getKey()).getArr();
            INDArray expected = before.get(e.getKey()).mul(0.9).addi(weights.mul(0.1));
            assertEquals(0.0, expected.sub(e.getValue()).amaxNumber().doubleValue(), 1e-6, e.getKey());
            assertTrue(before.get(e.getKey()).sub(e.getValue()).amaxNumber().doubleValue() > 0, "it moved");
        }
    }

    @Test
    void aResumedRunContinuesExactlyAsTheUninterruptedOne(@TempDir Path dir) {
        InMemoryFieldDataset ds = DiffusionTrainerTestData.synthetic();
        FieldScaling scaling = FieldScaling.fit(ds);
        TrainingData data = TrainingData.of(ds, scaling);
        DiffusionTrainer straight = DiffusionTrainer.create(config(TrainingObjective.FLOW), RES, scaling);
        for (int k = 0; k < 4; k++) {
            straight.step(data);
        }
        DiffusionTrainer first = DiffusionTrainer.create(config(TrainingObjective.FLOW), RES, scaling);
        first.step(data);
        first.step(data);
        Path ckpt = dir.resolve("run.ckpt");
        TrainingCheckpoint.save(first, ckpt);
        DiffusionTrainer resumed = TrainingCheckpoint.load(ckpt);
        assertEquals(2, resumed.completedSteps());
        assertEquals(scaling, resumed.scaling());
        resumed.step(data);
        resumed.step(data);
        for (Map.Entry<String, INDArray> e : straight.emaWeights().entrySet()) {
            INDArray live = straight.network().graph().getVariable(e.getKey()).getArr();
            INDArray other = resumed.network().graph().getVariable(e.getKey()).getArr();
            assertEquals(0.0, live.sub(other).amaxNumber().doubleValue(), 1e-6, "weights of " + e.getKey());
            assertEquals(0.0, e.getValue().sub(resumed.emaWeights().get(e.getKey())).amaxNumber().doubleValue(), 1e-6,
                    "averaged weights of " + e.getKey());
        }
    }
}
