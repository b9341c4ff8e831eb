package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.nn.UNet;
import dev.aerodiff.nn.UNetConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench unet: the figures' keys and their consistency (no timing thresholds). */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void benchUnetReportsConsistentFiguresAndWritesThemToAFile() throws Exception {
        Path file = dir.resolve("bench.json");
        CliRun r = CliRun.of("bench", "unet", "--network", "small", "--res", "16", "--batch", "2", "--threads", "1",
                "--warmup", "0", "--repeats", "2", "--out", file.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(j, new ObjectMapper().readTree(file.toFile()));
        assertEquals(637_475, j.get("params").asLong());
        assertEquals(UNet.build(UNetConfig.small(), 16, 1).flopsPerSample(), j.get("flops_per_sample").asLong());
        double perSample = j.get("forward_ms_per_sample").asDouble();
        assertEquals(j.get("forward_batch_ms").asDouble() / 2, perSample, 1e-9);
        assertEquals(j.get("flops_per_sample").asDouble() / (perSample * 1e6), j.get("gflops_forward").asDouble(),
                1e-6 * j.get("gflops_forward").asDouble());
        assertEquals(2, j.get("train_repeats_ms").size());
        assertTrue(j.get("train_step_ms").asDouble() > 0 && j.get("peak_rss_mb").asDouble() > 0, j.toString());
        for (String phase : List.of("forward_", "train_")) {
            assertEquals(2, j.get(phase + "jit_ms").size(), phase);
            assertEquals(0, j.get(phase + "warmup_runs").asInt(), "--warmup 0 means none: " + phase);
        }
    }

    @Test
    void profileListsTheOpsOfAForwardPassAndATrainingStep() throws Exception {
        CliRun r = CliRun.of("bench", "unet", "--network", "small", "--res", "16", "--batch", "2", "--threads", "1",
                "--warmup", "0", "--repeats", "1", "--profile", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        Map<String, Integer> forward = calls(j.get("forward_profile"));
        Map<String, Integer> train = calls(j.get("train_profile"));
        assertTrue(forward.keySet().stream().noneMatch(op -> op.endsWith("_bp")), forward.toString());
        assertTrue(forward.get("conv2d") > 10, forward.toString());
        // Every convolution runs once forward and once backward in a training step.
        assertEquals(forward.get("conv2d"), train.get("conv2d"));
        assertEquals(forward.get("conv2d"), train.get("conv2d_bp"));
        for (JsonNode p : List.of(j.get("forward_profile"), j.get("train_profile"))) {
            double opMs = 0;
            for (JsonNode op : p.get("ops")) {
                opMs += op.get("ms").asDouble();
            }
            assertEquals(opMs, p.get("op_ms").asDouble(), 1e-6 * opMs);
            assertTrue(opMs <= p.get("wall_ms").asDouble(), p.toString());
        }
    }

    @Test
    void trainOnlyTimesTheTrainingStepAlone() throws Exception {
        CliRun r = CliRun.of("bench", "unet", "--network", "small", "--res", "16", "--batch", "2", "--threads", "1",
                "--warmup", "0", "--repeats", "2", "--train-only", "--profile", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("train_only").asBoolean());
        assertEquals(637_475, j.get("params").asLong());
        assertEquals(2, j.get("train_repeats_ms").size());
        assertTrue(j.get("train_step_ms").asDouble() > 0, j.toString());
        assertTrue(calls(j.get("train_profile")).get("conv2d_bp") > 10, j.toString());
        for (String key : List.of("forward_ms_per_sample", "gflops_forward", "forward_profile")) {
            assertTrue(!j.has(key), key + " in " + j);
        }
    }

    private static Map<String, Integer> calls(JsonNode profile) {
        Map<String, Integer> calls = new HashMap<>();
        profile.get("ops").forEach(op -> calls.put(op.get("op").asText(), op.get("calls").asInt()));
        return calls;
    }

    @Test
    void unknownNetworkIsNamed() {
        CliRun.of("bench", "unet", "--network", "huge").assertFailedWithOneLine("--network", "huge");
    }
}
