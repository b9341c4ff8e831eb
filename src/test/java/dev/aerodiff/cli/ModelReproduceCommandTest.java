package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aerodiff.io.NetcdfDatasetWriter;
import dev.aerodiff.surrogate.TrainingReplay;
import dev.aerodiff.train.DiffusionTrainerTestData;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code model reproduce}: a bundle's recorded training run, replayed and compared block by block. */
class ModelReproduceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path bundle;

    @BeforeAll
    static void trainTwoBlocks() throws Exception {
        NetcdfDatasetWriter.write(DiffusionTrainerTestData.synthetic(), dir.resolve("data.nc"), i -> { });
        Files.writeString(dir.resolve("train.json"), """
                {"method": "flow", "steps": 200, "batch_size": 2, "learning_rate": 0.002, "warmup_steps": 10,
                 "seed": 3, "network": {"base": 8, "mult": [1, 2], "res_blocks": 1, "attention_levels": []}}
                """);
        bundle = dir.resolve("model.aerodiff");
        CliRun train = CliRun.of("train", "--config", dir.resolve("train.json").toString(), "--data",
                dir.resolve("data.nc").toString(), "--out", bundle.toString(), "--checkpoint-every", "1000");
        assertEquals(0, train.exitCode(), train.err());
    }

    @Test
    void theWholeRunComesOutAsRecordedLossesAndWeights() throws Exception {
        CliRun run = CliRun.of("model", "reproduce", bundle.toString(), "--all", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(200, result.get("replayed_steps").asInt());
        assertTrue(result.get("data_as_recorded").asBoolean());
        assertEquals(2, result.get("blocks").size());
        assertEquals(0.0, result.get("largest_relative_difference").asDouble());
        assertEquals(0.0, result.get("largest_weight_difference").asDouble());
        assertTrue(result.get("reproduced").asBoolean());
        double recorded = result.get("blocks").get(0).get("recorded").asDouble();
        assertTrue(recorded > 0 && recorded == result.get("blocks").get(0).get("replayed").asDouble(), run.out());
        // the run recorded its thread count, which model info shows
        CliRun info = CliRun.of("model", "info", bundle.toString());
        assertTrue(info.out().contains("native threads:"), info.out());
    }

    @Test
    void theFirstBlockAloneIsTheStartOfTheSameRun() {
        CliRun run = CliRun.of("model", "reproduce", bundle.toString(), "--steps", "100");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("100 of 200 steps replayed") && run.out().contains("reproduced: largest"
                + " relative difference 0.00"), run.out());
    }

    @Test
    void aLossThatDiffersFromTheRecordFailsAtItsBlock() throws Exception {
        Path altered = dir.resolve("altered.aerodiff");
        withManifest(bundle, altered, m -> {
            ArrayNode means = (ArrayNode) m.get("provenance").get("training_loss").get("mean");
            means.set(1, means.get(1).asDouble() * (1 + 1e-4));
        });
        CliRun run = CliRun.of("model", "reproduce", altered.toString(), "--json");
        assertEquals(AeroDiff.EXIT_FAILURE, run.exitCode(), run.err());
        assertTrue(run.err().contains("not reproduced") && run.err().contains(altered.toString()), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(false, result.get("reproduced").asBoolean());
        assertEquals(0.0, result.get("blocks").get(0).get("relative_difference").asDouble());
        assertEquals(1e-4, result.get("blocks").get(1).get("relative_difference").asDouble(), 1e-8);
        // a tolerance above the difference accepts it
        assertEquals(0, CliRun.of("model", "reproduce", altered.toString(), "--tolerance", "2e-4").exitCode());
    }

    @Test
    void otherDataOrAStepCountOffTheBlocksIsRefusedBeforeTraining() throws Exception {
        Path other = dir.resolve("other.nc");
        NetcdfDatasetWriter.write(DiffusionTrainerTestData.synthetic(2, 11), other, i -> { });
        CliRun wrongData = CliRun.of("model", "reproduce", bundle.toString(), "--data", other.toString());
        assertEquals(AeroDiff.EXIT_FAILURE, wrongData.exitCode());
        assertTrue(wrongData.err().contains(other + ": SHA-256") && wrongData.err().contains("was trained on data"
                + " with") && wrongData.err().contains("--other-data"), wrongData.err());
        CliRun missing = CliRun.of("model", "reproduce", bundle.toString(), "--data",
                dir.resolve("none.nc").toString());
        missing.assertFailedWithOneLine("none.nc", "no such training data file", "--data");
        CliRun offBlock = CliRun.of("model", "reproduce", bundle.toString(), "--steps", "150");
        offBlock.assertFailedWithOneLine("--steps", "multiple of 100", "150");
        CliRun tooMany = CliRun.of("model", "reproduce", bundle.toString(), "--steps", "300");
        tooMany.assertFailedWithOneLine("--steps", "to 200");
    }

    @Test
    void otherDataReplaysOnRequestAndShowsInTheLosses() throws Exception {
        Path other = dir.resolve("other-angles.nc");
        NetcdfDatasetWriter.write(DiffusionTrainerTestData.synthetic(2, 11), other, i -> { });
        CliRun run = CliRun.of("model", "reproduce", bundle.toString(), "--data", other.toString(), "--other-data",
                "--steps", "100", "--json");
        assertEquals(AeroDiff.EXIT_FAILURE, run.exitCode(), run.err());
        assertTrue(run.err().contains("warning: " + other + " is not the data"), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(false, result.get("data_as_recorded").asBoolean());
        assertTrue(result.get("largest_relative_difference").asDouble() > 1e-4, run.out());
    }

    @Test
    void aFineTunedRunIsReplayedFromTheBundleItStartedFrom() throws Exception {
        Path start = dir.resolve("start.aerodiff");
        Files.copy(bundle, start);
        Path tuned = dir.resolve("tuned.aerodiff");
        CliRun train = CliRun.of("train", "--config", dir.resolve("train.json").toString(), "--data",
                dir.resolve("data.nc").toString(), "--init", start.toString(), "--steps", "100", "--lr", "0.001",
                "--seed", "5", "--out", tuned.toString(), "--checkpoint-every", "1000");
        assertEquals(0, train.exitCode(), train.err());
        CliRun run = CliRun.of("model", "reproduce", tuned.toString(), "--all", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(0.0, result.get("largest_relative_difference").asDouble(), run.out());
        assertEquals(0.0, result.get("largest_weight_difference").asDouble(), run.out());

        Files.delete(start);
        CliRun.of("model", "reproduce", tuned.toString(), "--all").assertFailedWithOneLine(start.toString(),
                "no such model bundle", tuned.toString());
        Files.copy(dir.resolve("data.nc"), start);
        CliRun.of("model", "reproduce", tuned.toString(), "--all").assertFailedWithOneLine(start.toString(),
                "SHA-256");
    }

    @Test
    void aBundleWithoutALossRecordSaysSo() throws Exception {
        Path old = dir.resolve("old.aerodiff");
        withManifest(bundle, old, m -> ((ObjectNode) m.get("provenance")).remove("training_loss"));
        CliRun.of("model", "reproduce", old.toString()).assertFailedWithOneLine(old.toString(),
                "records no training loss");
    }

    @Test
    void theTextOfALongRunShowsItsStartItsEndAndWhatDiffers() {
        List<TrainingReplay.Block> blocks = new ArrayList<>();
        for (int k = 1; k <= 120; k++) {
            blocks.add(new TrainingReplay.Block(100 * k, 1.0 / k, k == 50 ? 1.01 / k : 1.0 / k));
        }
        assertEquals(List.of(0, 1, 2, 49, 119), ModelReproduceCommand.shownBlocks(blocks, 1e-6));
        assertEquals(List.of(0, 1, 2, 3), ModelReproduceCommand.shownBlocks(blocks.subList(0, 4), 1e-6));
    }

    /** Copies a bundle with its manifest changed. */
    private static void withManifest(Path from, Path to, java.util.function.Consumer<ObjectNode> change)
            throws Exception {
        try (ZipFile zip = new ZipFile(from.toFile()); OutputStream os = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(os)) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    if (entry.getName().equals("manifest.json")) {
                        ObjectNode manifest = (ObjectNode) JSON.readTree(in);
                        change.accept(manifest);
                        out.write(JSON.writeValueAsBytes(manifest));
                    } else {
                        in.transferTo(out);
                    }
                }
            }
        }
    }
}
