package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NC4 = TestData.FIXTURES.resolve("xarray-nc4.nc").toString();

    @Test
    void infoJsonHasShapeAndChannels() throws IOException {
        CliRun r = CliRun.of("dataset", "info", NC4, "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(3, j.get("cases").asInt());
        assertEquals(5, j.get("samples_per_case").asInt());
        assertEquals(12, j.get("nx").asInt());
        assertEquals(10, j.get("ny").asInt());
        assertEquals("[\"p\",\"ux\",\"uy\"]", j.get("channels").toString());
        assertEquals("flat-plate", j.get("conditions").get(2).get("airfoil").asText());
    }

    @Test
    void statsJsonMatchesNumpy() throws IOException {
        CliRun r = CliRun.of("dataset", "stats", "--json", NC4);
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        JsonNode expected = JSON.readTree(TestData.FIXTURES.resolve("xarray-expected.json").toFile());
        assertEquals(3, j.get("cases").asInt());
        assertEquals(5, j.get("samples_per_case").asInt());
        for (String ch : List.of("p", "ux", "uy")) {
            double want = expected.get("mean_std").get(ch).asDouble();
            assertEquals(want, j.get("mean_std").get(ch).asDouble(), 1e-6 * want, ch);
        }
        assertEquals(3, j.get("per_case").size());
    }

    @Test
    void importWritesANetcdfThatInfoAndStatsRead(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("raf30.nc");
        List<String> args = new ArrayList<>(List.of("dataset", "import", "--format", "npz", "--out", out.toString(),
                "--json"));
        TestData.raf30Files().forEach(p -> args.add(p.toString()));
        CliRun imp = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, imp.exitCode(), imp.err());
        assertEquals(10, JSON.readTree(imp.out()).get("samples_per_case").asInt());

        JsonNode stats = JSON.readTree(CliRun.of("dataset", "stats", out.toString(), "--json").out());
        assertEquals(1, stats.get("cases").asInt());
        double pStd = stats.get("mean_std").get("p").asDouble();
        assertTrue(pStd > 1e-3 && pStd < 1e-1, "the snapshots differ: p spread " + pStd);
    }

    @Test
    void aBadInputFileKeepsAnExistingOutputAndLeavesNothingBehind(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("existing.nc");
        Files.writeString(out, "earlier result");
        Path bad = dir.resolve("broken.npz");
        Files.writeString(bad, "garbage");
        List<String> args = new ArrayList<>(List.of("dataset", "import", "--format", "npz", "--out", out.toString()));
        TestData.raf30Files().forEach(p -> args.add(p.toString()));
        args.add(bad.toString());
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(AeroDiff.EXIT_FAILURE, r.exitCode());
        assertOneCleanLine(r.err(), "broken.npz");
        assertEquals("earlier result", Files.readString(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2, s.count(), "only the old output and the bad input remain");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-netcdf.nc", "missing-ux.nc", "wrong-shape.nc", "empty-case.nc", "nonfinite-fluid.nc",
        "does-not-exist.nc"})
    void badDataFilesGiveOneLineAndExitCodeOne(String name) {
        String file = TestData.FIXTURES.resolve(name).toString();
        CliRun r = CliRun.of("dataset", "stats", file);
        assertEquals(AeroDiff.EXIT_FAILURE, r.exitCode(), r.out());
        assertOneCleanLine(r.err(), file);
    }

    @Test
    void debugShowsTheStackTrace() {
        CliRun r = CliRun.of("dataset", "stats", "--debug", TestData.FIXTURES.resolve("missing-ux.nc").toString());
        assertEquals(AeroDiff.EXIT_FAILURE, r.exitCode());
        assertTrue(r.err().contains("at dev.aerodiff."), r.err());
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        CliRun r = CliRun.of("dataset", "info", "--frobnicate", NC4);
        assertEquals(AeroDiff.EXIT_USAGE, r.exitCode());
        assertTrue(r.err().contains("Unknown option: '--frobnicate'"), r.err());
        assertTrue(r.err().contains("aerodiff dataset info --help"), r.err());

        CliRun missing = CliRun.of("dataset", "import", "--format", "npz", "x.npz");
        assertEquals(AeroDiff.EXIT_USAGE, missing.exitCode());
        assertTrue(missing.err().contains("--out"), missing.err());
    }

    private static void assertOneCleanLine(String err, String mentions) {
        String[] lines = CliRun.withoutProgress(err).strip().split("\n");
        assertEquals(1, lines.length, err);
        assertTrue(lines[0].startsWith("aerodiff: error: "), err);
        assertTrue(lines[0].contains(mentions), err);
        assertFalse(err.contains("Exception"), err);
    }
}
