package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.nn.UNet;
import dev.aerodiff.nn.UNetConfig;
import java.nio.file.Path;
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
    }

    @Test
    void unknownNetworkIsNamed() {
        CliRun.of("bench", "unet", "--network", "huge").assertFailedWithOneLine("--network", "huge");
    }
}
