package dev.aerodiff.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.data.InMemoryFieldDataset;
import dev.aerodiff.data.NearestReference;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Mask;
import dev.aerodiff.io.DataFileException;
import dev.aerodiff.nn.ConditionEmbedding;
import dev.aerodiff.nn.UNetConfig;
import dev.aerodiff.train.DiffusionTrainer;
import dev.aerodiff.train.TrainerConfig;
import dev.aerodiff.train.TrainingData;
import dev.aerodiff.train.TrainingObjective;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelBundleTest {

    @ParameterizedTest(name = "condition embedding {0}")
    @ValueSource(booleans = {false, true})
    void roundTripsTheAveragedWeightsAndTheManifest(boolean conditionEmbedding, @TempDir Path dir) {
        InMemoryFieldDataset ds = dev.aerodiff.train.DiffusionTrainerTestData.synthetic();
        FieldScaling scaling = FieldScaling.fit(ds);
        TrainerConfig cfg = new TrainerConfig(TrainingObjective.DDPM,
                new UNetConfig(6, 3, 8, new int[] {1, 2}, 1, new int[0],
                        conditionEmbedding ? new ConditionEmbedding(4, 4.4) : null), 10, 4, 1e-3, 0, 0,
                0.5, 3, null);
        DiffusionTrainer trainer = DiffusionTrainer.create(cfg, 16, scaling);
        TrainingData data = TrainingData.of(ds, scaling);
        trainer.step(data);
        trainer.step(data);
        Path file = dir.resolve("m.aerodiff");
        ModelBundle.write(trainer, ds.grid(), TrainingConditions.of(ds.conditions()), null, "test", Map.of("seed", 3),
                file);

        ModelBundle b = ModelBundle.read(file);
        assertEquals("ddpm", b.manifest().method());
        assertEquals("EPSILON", b.manifest().parameterization());
        assertEquals(cfg.network(), b.manifest().network());
        assertEquals(scaling, b.manifest().scaling());
        assertEquals(ds.grid(), b.grid());
        trainer.emaWeights().forEach((name, w) -> assertEquals(0.0,
                w.sub(b.network().graph().getVariable(name).getArr()).amaxNumber().doubleValue(), 0.0, name));
        TrainingConditions trained = b.manifest().trainingConditions();
        assertEquals(List.of("naca0012"), trained.airfoils());
        assertArrayEquals(new double[] {2, 10}, trained.angleOfAttackDeg());
        assertArrayEquals(new double[] {1e6, 1e6}, trained.reynolds());
        assertEquals(2, trained.count());
    }

    @Test
    void aBundleWrittenBeforeTrainingConditionsWereRecordedStillLoads(@TempDir Path dir) throws IOException {
        InMemoryFieldDataset ds = dev.aerodiff.train.DiffusionTrainerTestData.synthetic();
        TrainerConfig cfg = new TrainerConfig(TrainingObjective.FLOW, new UNetConfig(6, 3, 8, new int[] {1, 2}, 1,
                new int[0], null), 1, 4, 1e-3, 0, 0, 0.5, 3, null);
        DiffusionTrainer trainer = DiffusionTrainer.create(cfg, 16, FieldScaling.fit(ds));
        Path current = dir.resolve("current.aerodiff");
        ModelBundle.write(trainer, ds.grid(), TrainingConditions.of(ds.conditions()), null, "test", Map.of(), current);
        Path earlier = dir.resolve("earlier.aerodiff");
        ObjectMapper json = new ObjectMapper();
        try (ZipFile in = new ZipFile(current.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(earlier))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("manifest.json")) {
                    ObjectNode manifest = (ObjectNode) json.readTree(bytes);
                    assertTrue(manifest.has("trainingConditions"), manifest.toString());
                    manifest.remove("trainingConditions");
                    bytes = json.writeValueAsBytes(manifest);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
            }
        }
        ModelBundle b = ModelBundle.read(earlier);
        assertNull(b.manifest().trainingConditions());
        assertEquals("flow", b.manifest().method());
    }

    @Test
    void rejectsForeignAndNewerFiles(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("notes.aerodiff");
        Files.writeString(text, "hello");
        assertTrue(assertThrows(DataFileException.class, () -> ModelBundle.read(text)).getMessage()
                .contains("not an AeroDiff model bundle"));
        Path newer = dir.resolve("future.aerodiff");
        try (OutputStream out = Files.newOutputStream(newer); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write("{\"format\": 7, \"aerodiffVersion\": \"9.0\"}".getBytes(StandardCharsets.UTF_8));
        }
        DataFileException e = assertThrows(DataFileException.class, () -> ModelBundle.read(newer));
        assertTrue(e.getMessage().contains("bundle format 7 is newer") && e.getMessage().contains("9.0"),
                e.getMessage());
    }

    @Test
    void aNearestReferenceBundleCarriesTheTrainingMomentsAndFeedsThemToTheNetwork(@TempDir Path dir)
            throws IOException {
        InMemoryFieldDataset ds = dev.aerodiff.train.DiffusionTrainerTestData.synthetic(2, 6, 10);
        FieldScaling scaling = FieldScaling.fit(ds).withNearestReference(true);
        TrainerConfig cfg = new TrainerConfig(TrainingObjective.FLOW, new UNetConfig(12, 3, 8, new int[] {1, 2}, 1,
                new int[0], null), 1, 4, 1e-3, 0, 0, 0.5, 3, null);
        DiffusionTrainer trainer = DiffusionTrainer.create(cfg, 16, scaling);
        NearestReference reference = NearestReference.of(ds);
        trainer.step(TrainingData.forTraining(ds, scaling, reference));
        Path file = dir.resolve("reference.aerodiff");
        TrainingConditions conditions = TrainingConditions.of(ds.conditions());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ModelBundle.write(trainer, ds.grid(), conditions, null, "test", Map.of(), file));
        assertTrue(missing.getMessage().contains("nearest-reference"), missing.getMessage());
        ModelBundle.write(trainer, ds.grid(), conditions, reference, "test", Map.of(), file);

        ModelBundle b = ModelBundle.read(file);
        assertEquals(2, b.manifest().format());
        NearestReference read = b.reference().orElseThrow();
        FlowCondition between = new FlowCondition("naca0012", 4, 1e6, 10);
        Mask mask = ds.readCase(0).mask();
        assertArrayEquals(reference.fields(between, mask), read.fields(between, mask));
        // the network's condition at 6 degrees: the moments of 6 degrees itself (all cases are in the table)
        Surrogate surrogate = Surrogate.load(file, name -> {
            throw new IllegalStateException("the mask comes with the data");
        });
        float[] encoded = surrogate.trainingData(ds).conditions(new int[] {4}).data().asFloat();
        FlowCondition six = ds.readCase(1).condition();
        assertArrayEquals(scaling.encodeCondition(six, mask, null, reference.fields(six, mask)), encoded);

        Path stripped = dir.resolve("stripped.aerodiff");
        try (ZipFile in = new ZipFile(file.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(stripped))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                if (!e.getName().startsWith("reference/")) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(in.getInputStream(e).readAllBytes());
                }
            }
        }
        DataFileException e = assertThrows(DataFileException.class, () -> ModelBundle.read(stripped));
        assertTrue(e.getMessage().contains("reference/nearest is missing"), e.getMessage());
    }
}
