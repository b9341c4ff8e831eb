package dev.aerodiff.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.TestData;
import dev.aerodiff.data.DatasetMetadata;
import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.FlowCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.nc2.NetcdfFile;

class NetcdfRoundTripTest {

    @Test
    void writtenFileReadsBackExactlyWithCfAttributes(@TempDir Path dir) throws IOException {
        FieldDataset imported = new AirfoilNpzImporter(1.0, 1e-5).importFiles(TestData.raf30Files(), i -> { });
        Path out = dir.resolve("raf30.nc");
        NetcdfDatasetWriter.write(imported, out, i -> { });

        try (NetcdfFieldDataset back = NetcdfFieldDataset.open(out)) {
            assertEquals(imported.grid(), back.grid());
            assertEquals(imported.condition(0), back.condition(0));
            FlowCase a = imported.readCase(0);
            FlowCase b = back.readCase(0);
            assertArrayEquals(a.values(), b.values());
            assertArrayEquals(a.iterations(), b.iterations());
            assertEquals(a.mask(), b.mask());
        }
        byte[] magic = java.util.Arrays.copyOf(Files.readAllBytes(out), 4);
        assertArrayEquals(new byte[] {'C', 'D', 'F', 2}, magic, "NetCDF-3 64-bit offset");
        try (NetcdfFile nc = NetcdfFile.open(out.toString())) {
            assertEquals("CF-1.8", nc.findGlobalAttribute("Conventions").getStringValue());
            for (var v : nc.getVariables()) {
                if (!v.getShortName().equals("airfoil")) {
                    assertTrue(v.findAttribute("units") != null, "units on " + v.getShortName());
                }
            }
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("keep.nc");
        Files.writeString(out, "old content");
        FieldDataset source = new AirfoilNpzImporter(1.0, 1e-5).importFiles(TestData.raf30Files(), i -> { });
        FieldDataset broken = new FieldDataset() {
            @Override public Grid grid() { return source.grid(); }
            @Override public int caseCount() { return 2; }
            @Override public int samplesPerCase() { return source.samplesPerCase(); }
            @Override public FlowCondition condition(int index) { return source.condition(0); }
            @Override public DatasetMetadata metadata() { return source.metadata(); }
            @Override public FlowCase readCase(int index) {
                if (index == 1) {
                    throw new DataFileException(Path.of("input.nc"), "broken on purpose");
                }
                return source.readCase(0);
            }
        };
        assertThrows(DataFileException.class, () -> NetcdfDatasetWriter.write(broken, out, i -> { }));
        assertEquals("old content", Files.readString(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> !p.equals(out)), "no temporary file left behind");
        }
    }
}
