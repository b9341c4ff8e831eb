package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.io.NetcdfFieldDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataset merge} on the shipped test splits. */
class DatasetMergeCommandTest {
    private static final Path STALL = Path.of("datasets/airfoil-stall/test.nc");
    private static final Path RANS = Path.of("datasets/airfoil-rans/test.nc");

    @Test
    void concatenatesTheCasesOfEachFileInOrder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("both.nc");
        CliRun r = CliRun.of("dataset", "merge", "--out", out.toString(), STALL.toString(), RANS.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(14, new ObjectMapper().readTree(r.out()).get("cases").asInt());
        try (NetcdfFieldDataset merged = NetcdfFieldDataset.open(out);
             NetcdfFieldDataset stall = NetcdfFieldDataset.open(STALL);
             NetcdfFieldDataset rans = NetcdfFieldDataset.open(RANS)) {
            assertEquals(stall.caseCount() + rans.caseCount(), merged.caseCount());
            assertEquals(stall.condition(5), merged.condition(5));
            assertEquals(rans.condition(0), merged.condition(6));
            assertArrayEquals(rans.readCase(7).field(19, Channel.UX), merged.readCase(13).field(19, Channel.UX));
            assertArrayEquals(stall.readCase(2).coefficients().drag(), merged.readCase(2).coefficients().drag());
            assertTrue(merged.metadata().history().contains("dataset merge"), merged.metadata().history());
        }
    }

    @Test
    void dropsTheCasesOfTheNamedAirfoils(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("thin.nc");
        CliRun r = CliRun.of("dataset", "merge", "--out", out.toString(), "--drop-airfoil", "naca2415",
                STALL.toString(), RANS.toString());
        assertEquals(0, r.exitCode(), r.err());
        try (NetcdfFieldDataset merged = NetcdfFieldDataset.open(out);
             NetcdfFieldDataset stall = NetcdfFieldDataset.open(STALL);
             NetcdfFieldDataset rans = NetcdfFieldDataset.open(RANS)) {
            List<FlowCondition> expected = new ArrayList<>(without2415(stall.conditions()));
            int kept = expected.size();
            assertEquals(4, kept);
            expected.addAll(without2415(rans.conditions()));
            assertEquals(expected, merged.conditions());
            int last = stall.caseCount() - 1;
            assertArrayEquals(stall.readCase(last - 2).field(7, Channel.P),
                    merged.readCase(kept - 1).field(7, Channel.P));
            assertTrue(merged.metadata().history().contains("--drop-airfoil naca2415"), merged.metadata().history());
        }
    }

    @Test
    void oneFileIsEnoughWhenAirfoilsAreDropped(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("thin.nc");
        CliRun r = CliRun.of("dataset", "merge", "--out", out.toString(), "--drop-airfoil", "naca2415",
                STALL.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(": 4 cases x ") && r.out().contains(" from 1 file\n"), r.out());
        try (NetcdfFieldDataset merged = NetcdfFieldDataset.open(out);
             NetcdfFieldDataset stall = NetcdfFieldDataset.open(STALL)) {
            assertEquals(without2415(stall.conditions()), merged.conditions());
        }
    }

    private static List<FlowCondition> without2415(List<FlowCondition> conditions) {
        return conditions.stream().filter(c -> !c.airfoil().equals("naca2415")).toList();
    }

    @Test
    void anAirfoilToDropThatIsInNoFileIsRefusedByName(@TempDir Path dir) {
        Path out = dir.resolve("thin.nc");
        CliRun r = CliRun.of("dataset", "merge", "--out", out.toString(), "--drop-airfoil", "naca9999",
                STALL.toString());
        assertEquals(AeroDiff.EXIT_FAILURE, r.exitCode());
        String err = CliRun.withoutProgress(r.err()).strip();
        assertTrue(err.startsWith("aerodiff: error: --drop-airfoil: no case of naca9999 in " + STALL), err);
        assertTrue(err.contains("naca2415"), err);
        assertFalse(Files.exists(out));
    }

    @Test
    void aConditionInTwoFilesIsRefusedByNameAndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("both.nc");
        Files.writeString(out, "earlier result");
        CliRun r = CliRun.of("dataset", "merge", "--out", out.toString(), RANS.toString(), STALL.toString(),
                RANS.toString());
        assertEquals(AeroDiff.EXIT_FAILURE, r.exitCode());
        String err = CliRun.withoutProgress(r.err()).strip();
        assertTrue(err.startsWith("aerodiff: error: " + RANS + ": condition naca0012 aoa=7.50"), err);
        assertTrue(err.contains("is also in " + RANS), err);
        assertEquals("earlier result", Files.readString(out));
    }
}
