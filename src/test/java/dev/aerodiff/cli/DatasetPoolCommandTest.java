package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.io.NetcdfFieldDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataset pool} on the shipped stall test split and a subset of it. */
class DatasetPoolCommandTest {
    private static final Path STALL = Path.of("datasets/airfoil-stall/test.nc");
    private static final Path RANS = Path.of("datasets/airfoil-rans/test.nc");

    /** The stall test split without NACA 2415: its four other conditions, in the same order. */
    private static Path withoutNaca2415(Path dir) {
        Path thin = dir.resolve("thin.nc");
        CliRun r = CliRun.of("dataset", "merge", "--out", thin.toString(), "--drop-airfoil", "naca2415",
                STALL.toString());
        assertEquals(0, r.exitCode(), r.err());
        return thin;
    }

    @Test
    void joinsEvenlySpreadSamplesOfTheConditionsInEveryFile(@TempDir Path dir) throws Exception {
        Path thin = withoutNaca2415(dir);
        Path out = dir.resolve("pooled.nc");
        CliRun r = CliRun.of("dataset", "pool", "--out", out.toString(), "--samples-each", "5", STALL.toString(),
                thin.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        var json = new ObjectMapper().readTree(r.out());
        assertEquals(4, json.get("cases").asInt());
        assertEquals(10, json.get("samples_per_case").asInt());
        String err = CliRun.withoutProgress(r.err());
        assertTrue(err.contains("left out naca2415 aoa=18.00 Re=4.00e+06: not in " + thin), err);
        assertTrue(err.contains("left out naca2415 aoa=20.00 Re=1.00e+06: not in " + thin), err);
        try (NetcdfFieldDataset pooled = NetcdfFieldDataset.open(out);
             NetcdfFieldDataset stall = NetcdfFieldDataset.open(STALL)) {
            for (int c = 0; c < 4; c++) {
                assertEquals(stall.condition(c), pooled.condition(c));
            }
            FlowCase original = stall.readCase(3);
            FlowCase joined = pooled.readCase(3);
            int[] taken = {0, 4, 8, 12, 16, 0, 4, 8, 12, 16};
            for (int s = 0; s < taken.length; s++) {
                assertArrayEquals(original.field(taken[s], Channel.UY), joined.field(s, Channel.UY), "sample " + s);
                assertEquals(original.iterations()[taken[s]], joined.iterations()[s]);
                assertEquals(original.coefficients().drag()[taken[s]], joined.coefficients().drag()[s]);
            }
            assertEquals(original.mask(), joined.mask());
            assertTrue(pooled.metadata().history().contains("dataset pool --samples-each 5"),
                    pooled.metadata().history());
        }
    }

    @Test
    void differentSampleCountsNeedSamplesEach(@TempDir Path dir) throws Exception {
        Path thin = withoutNaca2415(dir);
        Path half = dir.resolve("half.nc");
        assertEquals(0, CliRun.of("dataset", "pool", "--out", half.toString(), "--samples-each", "5",
                STALL.toString(), thin.toString()).exitCode());
        Path out = dir.resolve("pooled.nc");
        CliRun r = CliRun.of("dataset", "pool", "--out", out.toString(), STALL.toString(), half.toString());
        assertEquals(AeroDiff.EXIT_FAILURE, r.exitCode());
        String err = CliRun.withoutProgress(r.err()).strip();
        assertTrue(err.startsWith("aerodiff: error: " + half + ": 10 samples per case, " + STALL + " has 20; give "
                + "--samples-each"), err);
        assertFalse(Files.exists(out));

        r = CliRun.of("dataset", "pool", "--out", out.toString(), "--samples-each", "10", STALL.toString(),
                half.toString());
        assertEquals(0, r.exitCode(), r.err());
        try (NetcdfFieldDataset pooled = NetcdfFieldDataset.open(out)) {
            assertEquals(20, pooled.samplesPerCase());
        }
    }

    @Test
    void tooManySamplesEachIsRefusedAndTheEarlierFileKept(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("pooled.nc");
        Files.writeString(out, "earlier result");
        CliRun r = CliRun.of("dataset", "pool", "--out", out.toString(), "--samples-each", "21", STALL.toString(),
                STALL.toString());
        assertEquals(AeroDiff.EXIT_FAILURE, r.exitCode());
        assertEquals("aerodiff: error: --samples-each must be from 1 to 20 (the fewest samples per case of the "
                + "files), got 21", CliRun.withoutProgress(r.err()).strip());
        assertEquals("earlier result", Files.readString(out));
    }

    @Test
    void filesWithNoConditionInCommonAreRefused(@TempDir Path dir) {
        Path out = dir.resolve("pooled.nc");
        CliRun r = CliRun.of("dataset", "pool", "--out", out.toString(), STALL.toString(), RANS.toString());
        assertEquals(AeroDiff.EXIT_FAILURE, r.exitCode());
        assertEquals("aerodiff: error: no condition is in every one of " + STALL + ", " + RANS,
                CliRun.withoutProgress(r.err()).strip());
        assertFalse(Files.exists(out));
    }
}
