package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.io.NetcdfDatasetWriter;
import dev.aerodiff.train.DiffusionTrainerTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rate-check --train}: the rate check of trained surrogates, on tiny models trained here. */
class RateCheckTrainedCommandTest {
    @TempDir
    static Path dir;
    static Path train;
    static Path heldOut;
    static Path config;

    @BeforeAll
    static void writeData() throws Exception {
        train = dir.resolve("train.nc");
        heldOut = dir.resolve("held-out.nc");
        config = dir.resolve("tiny.json");
        NetcdfDatasetWriter.write(DiffusionTrainerTestData.synthetic(0, 4, 8, 12), train, i -> { });
        NetcdfDatasetWriter.write(DiffusionTrainerTestData.synthetic(6), heldOut, i -> { });
        Files.writeString(config, """
                {"method": "flow", "steps": 2, "batch_size": 4, "seed": 5, "ema_decay": 0.5,
                 "network": {"base": 8, "mult": [1, 2], "res_blocks": 1, "attention_levels": []}}
                """);
    }

    private static CliRun rateCheck(String... more) {
        String[] base = {"rate-check", "--train", train.toString(), "--against", heldOut.toString(), "--config",
            config.toString(), "--samples", "3", "--sampler", "euler:2", "--seed", "4"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void reportsOnePointPerSizeWithItsRunsAndTheFit() throws Exception {
        CliRun r = rateCheck("--sizes", "1,3", "--repeats", "2", "--target-w1", "1e-4", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("trained", json.get("mode").asText());
        assertEquals("drag", json.get("summary").asText());
        assertEquals("euler:2", json.get("sampler").asText());
        assertEquals("training conditions", json.get("sizes_unit").asText());
        assertEquals(-0.5, json.get("theoretical_slope").asDouble());
        assertEquals(2, json.get("slope_ci").size());
        double slope = json.get("slope").asDouble();
        assertTrue(json.get("slope_ci").get(0).asDouble() <= slope && slope <= json.get("slope_ci").get(1).asDouble());
        assertEquals(2, json.get("points").size());
        for (JsonNode point : json.get("points")) {
            int n = point.get("n").asInt();
            JsonNode runs = point.get("runs");
            assertEquals(2, runs.size());
            double sum = 0;
            for (int k = 0; k < 2; k++) {
                JsonNode run = runs.get(k);
                assertEquals(k, run.get("repeat").asInt());
                assertEquals(n, run.get("cases").size());
                assertEquals(run.get("drag_w1").asDouble(), run.get("w1").asDouble());
                assertEquals(point.get("w1").get(k).asDouble(), run.get("w1").asDouble());
                assertEquals(2, run.get("nfe").asInt());
                assertTrue(run.get("bundle").isNull(), "no --models: the bundles are not kept");
                sum += run.get("w1").asDouble();
            }
            assertEquals(sum / 2, point.get("w1_mean").asDouble(), 1e-15);
        }
        assertTrue(json.has("n_for_target"), json.toString());
        assertTrue(r.err().contains("run 4/4"), r.err());
    }

    @Test
    void badOptionsFailWithOneLineNamingTheOption() {
        CliRun.of("rate-check", "--train", train.toString(), "--sizes", "1,2", "--repeats", "2")
                .assertFailedWithOneLine("--against");
        CliRun.of("rate-check", "--train", train.toString(), "--synthetic", "gaussian", "--sizes", "1,2")
                .assertFailedWithOneLine("--synthetic", "--train");
        rateCheck("--sizes", "1,9", "--repeats", "2").assertFailedWithOneLine("size 9 exceeds the 4 conditions");
        rateCheck("--sizes", "1,2", "--repeats", "2", "--summary", "moment").assertFailedWithOneLine("--summary",
                "moment");
        rateCheck("--sizes", "1,2", "--repeats", "1").assertFailedWithOneLine("--sizes", "3 runs");
        CliRun.of("rate-check", "--train", dir.resolve("missing.nc").toString(), "--against", heldOut.toString(),
                "--sizes", "1,2", "--repeats", "2").assertFailedWithOneLine("missing.nc");
    }
}
