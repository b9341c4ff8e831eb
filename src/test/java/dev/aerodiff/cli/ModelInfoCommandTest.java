package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.io.FileDigest;
import dev.aerodiff.io.NetcdfFieldDataset;
import dev.aerodiff.surrogate.TrainingConditions;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

class ModelInfoCommandTest {
    private static final Path SHIPPED = Path.of("examples/flow-matching.aerodiff");

    @Test
    void theShippedFlowBundleDescribesItsWeightsAndTheDataItWasTrainedOn() throws IOException {
        CliRun run = CliRun.of("model", "info", SHIPPED.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode info = new ObjectMapper().readTree(run.out());
        assertEquals("flow", info.get("method").asText());
        assertEquals(weightCount(SHIPPED), info.get("parameters").asLong(), "parameters are the stored weights");
        assertEquals("[\"freestream_ux\",\"freestream_uy\",\"mask\"]", info.get("condition_channels").toString());

        Path data = Path.of(info.get("provenance").get("data").asText());
        assertEquals(FileDigest.sha256(data), info.get("provenance").get("data_sha256").asText(),
                "the shipped bundle was trained on the shipped data");
        TrainingConditions expected;
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(data)) {
            expected = TrainingConditions.of(ds.conditions());
        }
        JsonNode trained = info.get("training_conditions");
        assertEquals(expected.count(), trained.get("count").asInt());
        assertEquals(expected.airfoils(), List.of(new ObjectMapper().treeToValue(trained.get("airfoils"),
                String[].class)));
        assertArrayEquals(expected.angleOfAttackDeg(), new ObjectMapper().treeToValue(trained.get("angleOfAttackDeg"),
                double[].class));
        assertArrayEquals(expected.reynolds(), new ObjectMapper().treeToValue(trained.get("reynolds"),
                double[].class));

        CliRun text = CliRun.of("model", "info", SHIPPED.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("trained on:  " + expected.describe()), text.out());
        assertTrue(text.out().contains("condition:   freestream_ux, freestream_uy, mask\n"), text.out());
        assertTrue(text.out().contains("training:    batch 8, learning rate 0.0005 after 100 warm-up steps, weight decay"
                + " 0.0001, seed 1; moving average of the weights, decay 0.995\n"), text.out());
    }

    @Test
    void theLossLineGivesTheLastStepsAndFivePointsOfTheRecordedBlocks() {
        List<Double> means = new ArrayList<>();
        for (int k = 0; k < 9; k++) {
            means.add(1.0 / (k + 1));
        }
        Map<String, Object> losses = new LinkedHashMap<>();
        losses.put("every", 100);
        losses.put("first_step", 200);
        losses.put("mean", means);
        losses.put("final_mean", 0.1);
        losses.put("final_steps", 100);
        assertEquals("0.1000 (mean of the last 100 steps); per 100 steps 1.000 at 300, 0.3333 at 500, 0.2000 at 700,"
                + " 0.1429 at 900, 0.1111 at 1100", ModelInfoCommand.lossCurve(losses));
        losses.put("mean", List.of());
        losses.put("final_steps", 6);
        assertEquals("0.1000 (mean of the last 6 steps)", ModelInfoCommand.lossCurve(losses));
        losses.remove("final_mean");
        assertEquals("not recorded (the run resumed from a checkpoint that kept none)",
                ModelInfoCommand.lossCurve(losses));
    }

    @Test
    void aBundleWithoutOneOfItsWeightsIsRejectedNamingIt(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.aerodiff");
        String dropped;
        try (ZipFile in = new ZipFile(SHIPPED.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(broken))) {
            List<? extends ZipEntry> entries = Collections.list(in.entries());
            dropped = entries.stream().map(ZipEntry::getName).filter(n -> n.startsWith("weights/")).findFirst()
                    .orElseThrow();
            for (ZipEntry e : entries) {
                if (!e.getName().equals(dropped)) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(in.getInputStream(e).readAllBytes());
                }
            }
        }
        CliRun.of("model", "info", broken.toString())
                .assertFailedWithOneLine(broken.toString(), dropped.substring("weights/".length()), "missing");
    }

    private static long weightCount(Path bundle) throws IOException {
        long n = 0;
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().startsWith("weights/")) {
                    n += Nd4j.read(new DataInputStream(zip.getInputStream(e))).length();
                }
            }
        }
        return n;
    }
}
