package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.io.CsvMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TheoryCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path mean;
    private Path cov;

    @BeforeEach
    void writeInputs() throws IOException {
        mean = dir.resolve("mean.csv");
        cov = dir.resolve("cov.csv");
        Files.writeString(mean, "# mu\n1.0\n-0.5\n2.0\n");
        Files.writeString(cov, "a,b,c\n1.0, 0.3, -0.2\n0.3, 0.6, 0.1\n-0.2, 0.1, 0.4\n");
    }

    private CliRun gaussian(String sampler, int samples, String... extra) {
        List<String> args = new ArrayList<>(List.of("theory", "gaussian-sample", "--mean", mean.toString(), "--cov",
                cov.toString(), "--sampler", sampler, "--samples", Integer.toString(samples), "--seed", "7", "--out",
                dir.resolve("out.csv").toString(), "--json"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ddpm", "ddim", "ode-dopri5", "ode-rk4", "sde-euler", "euler:50", "heun:10", "ode-gbs:1e-4",
        "ode-dopri5:1e-3:scaled"})
    void gaussianSampleWritesOneRowPerSampleAndReportsMoments(String sampler) throws IOException {
        CliRun r = gaussian(sampler, 300);
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(300, j.get("samples").asInt());
        assertTrue(j.get("nfe").asInt() > 0);
        assertTrue(j.get("sampler").asText().startsWith(sampler.split(":")[0]));
        assertEquals(3, j.get("sample_mean").size());
        assertEquals(3, j.get("sample_cov").get(2).size());
        assertTrue(j.get("mean_error_se").asDouble() < 5, r.out());
        assertTrue(j.get("cov_rel_error").asDouble() < 0.25, r.out());
        double[][] rows = CsvMatrix.read(dir.resolve("out.csv"));
        assertEquals(300, rows.length);
        assertEquals(3, rows[0].length);
        assertEquals(j.get("sample_mean").get(1).asDouble(), Stream.of(rows).mapToDouble(x -> x[1]).average()
                .orElseThrow(), 1e-12);
    }

    @Test
    void stepsAndScheduleOptionsApply() throws IOException {
        JsonNode j = JSON.readTree(gaussian("ddim", 50, "--steps", "7", "--schedule", "linear").out());
        assertEquals("ddim:7", j.get("sampler").asText());
        assertEquals(7, j.get("nfe").asInt());
        assertEquals("linear", j.get("schedule").asText());
        JsonNode rk4 = JSON.readTree(gaussian("ode-rk4", 20, "--steps", "5").out());
        assertEquals(22, rk4.get("nfe").asInt(), "4 per step, the start and the denoising step");
        JsonNode euler = JSON.readTree(gaussian("euler", 20).out());
        assertEquals("ot", euler.get("schedule").asText());
        assertEquals("VELOCITY", euler.get("parameterization").asText());
        JsonNode dopri = JSON.readTree(gaussian("ode-dopri5:1e-3", 20, "--steps", "9").out());
        assertTrue(dopri.get("steps").isNull());
        assertEquals(1e-3, dopri.get("tolerance").asDouble());
    }

    @Test
    void theSameSeedGivesTheSameFirstSamples() throws IOException {
        gaussian("ddpm:50", 30);
        double[][] more = CsvMatrix.read(dir.resolve("out.csv"));
        gaussian("ddpm:50", 10);
        double[][] fewer = CsvMatrix.read(dir.resolve("out.csv"));
        for (int i = 0; i < 10; i++) {
            assertEquals(more[i][0], fewer[i][0], 0.0);
        }
    }

    @Test
    void empiricalSampleLandsOnTheTrainingPoints() throws IOException {
        Path train = dir.resolve("train.csv");
        Files.writeString(train, "0,0\n1,0\n0,1\n1,1\n0.5,2\n-1,0.3\n");
        CliRun r = CliRun.of("theory", "empirical-sample", "--train", train.toString(), "--sampler", "ode-rk4:100",
                "--samples", "200", "--seed", "3", "--out", dir.resolve("e.csv").toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(6, j.get("train_points").asInt());
        assertEquals(1.0, j.get("fraction_near_train").asDouble());
        assertEquals(1.0, j.get("copy_fraction").asDouble());
        assertTrue(j.get("nn_distance_max").asDouble() < 1e-6 * j.get("typical_spacing").asDouble(), r.out());
        assertEquals(6, j.get("train_points_reached").asInt());
        assertEquals(200, CsvMatrix.read(dir.resolve("e.csv")).length);
    }

    @Test
    void textOutputSummarizes() {
        CliRun r = CliRun.of("theory", "gaussian-sample", "--mean", mean.toString(), "--cov", cov.toString(),
                "--sampler", "ddim:20", "--samples", "100", "--seed", "1", "--out", dir.resolve("t.csv").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("ddim:20 on cosine: 100 samples of dimension 3, 20 network evaluations"), r.out());
    }

    @Test
    void badInputsGiveOneLineAndExitCodeOneAndKeepAnExistingOutput() throws IOException {
        Path out = dir.resolve("out.csv");
        Files.writeString(out, "earlier result");
        Files.writeString(cov, "1,0\n0,1\n");
        assertError(gaussian("ddim", 10), "cov.csv: holds 2 x 2 values; expected 3 x 3");
        Files.writeString(cov, "1,0,0\n0,1,x\n0,0,1\n");
        assertError(gaussian("ddim", 10), "cov.csv: line 2, column 3: 'x' is not a finite number");
        Files.writeString(cov, "1,2,0\n2,1,0\n0,0,1\n");
        assertError(gaussian("ddim", 10), "not positive semi-definite");
        Files.writeString(cov, "1,0,0\n0,1,0\n0,0,1\n");
        assertError(gaussian("dpm-solver", 10), "--sampler: unknown sampler 'dpm-solver'; valid: ddpm[:T], ddim");
        assertError(gaussian("ddim", 0), "--samples must be >= 1, got 0");
        assertError(gaussian("ddim", 10, "--steps", "0"), "--steps must be >= 1, got 0");
        assertError(gaussian("sde-euler", 10, "--schedule", "ot"), "sde-euler needs alpha > 0");
        Files.delete(mean);
        assertError(gaussian("ddim", 10), "mean.csv: no such file");
        assertEquals("earlier result", Files.readString(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2, s.count(), "only cov.csv and the old output remain");
        }
    }

    @Test
    void missingOptionsAreUsageErrors() {
        CliRun r = CliRun.of("theory", "gaussian-sample", "--sampler", "ddim");
        assertEquals(AeroDiff.EXIT_USAGE, r.exitCode());
        assertTrue(r.err().contains("Missing required option"), r.err());
        assertEquals(0, CliRun.of("theory", "--help").exitCode());
    }

    private static void assertError(CliRun r, String mentions) {
        assertEquals(AeroDiff.EXIT_FAILURE, r.exitCode(), r.out());
        String[] lines = r.err().lines().filter(l -> !l.matches("\\S+: \\d+/\\d+ \\(.*")).toArray(String[]::new);
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("aerodiff: error: "), r.err());
        assertTrue(lines[0].contains(mentions), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
