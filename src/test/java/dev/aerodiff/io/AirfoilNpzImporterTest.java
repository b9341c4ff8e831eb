package dev.aerodiff.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.TestData;
import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AirfoilNpzImporterTest {
    private final AirfoilNpzImporter importer = new AirfoilNpzImporter(1.0, 1e-5);

    @Test
    void tenPublishedSnapshotsBecomeOneCaseOrderedByIteration() throws IOException {
        List<Path> files = new ArrayList<>(TestData.raf30Files());
        Collections.reverse(files);
        FieldDataset ds = importer.importFiles(files, i -> { });
        assertEquals(1, ds.caseCount());
        assertEquals(10, ds.samplesPerCase());
        assertEquals(128, ds.grid().nx());
        var c = ds.condition(0);
        assertEquals("raf30", c.airfoil());
        assertEquals(20.0, c.angleOfAttackDeg(), 1e-3);
        assertEquals(105.0, c.freestreamSpeed(), 1e-3);
        assertEquals(1.05e7, c.reynolds(), 2e3);
        FlowCase fc = ds.readCase(0);
        assertArrayEquals(new int[] {2510, 2520, 2530, 2540, 2550, 2560, 2570, 2580, 2590, 2600}, fc.iterations());
        assertEquals(343, fc.mask().solidCount());
    }

    @Test
    void transposesTheChannelXYLayoutToRowsOfY() throws IOException {
        Path file = TestData.raf30Files().get(0);
        NpyArray a = NpzArchive.read(file).get("a");
        FlowCase fc = importer.importFiles(List.of(file), i -> { }).readCase(0);
        int nx = 128;
        for (int[] ij : new int[][] {{5, 90}, {64, 70}, {100, 3}}) {
            int i = ij[0];
            int j = ij[1];
            assertEquals(a.get(3, i, j), fc.value(0, Channel.P, j * nx + i), 1e-3);
            assertEquals(a.get(4, i, j), fc.value(0, Channel.UX, j * nx + i), 1e-4);
            assertEquals(a.get(5, i, j), fc.value(0, Channel.UY, j * nx + i), 1e-4);
            assertEquals(a.get(2, i, j) == 1, fc.mask().isSolid(j * nx + i));
        }
    }

    @Test
    void groupsFilesByCondition(@TempDir Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Path a = dir.resolve("naca0012_a_" + k + ".npz");
            TestData.writeNpz(a, new int[] {6, 8, 4}, TestData.airfoilSnapshot(8, 4, 30, 0, k));
            Path b = dir.resolve("naca0012_b_" + k + ".npz");
            TestData.writeNpz(b, new int[] {6, 8, 4}, TestData.airfoilSnapshot(8, 4, 20, 20, k));
            files.add(a);
            files.add(b);
        }
        FieldDataset ds = importer.importFiles(files, i -> { });
        assertEquals(2, ds.caseCount());
        assertEquals(3, ds.samplesPerCase());
        assertEquals(0.0, ds.condition(0).angleOfAttackDeg(), 1e-9);
        assertEquals(45.0, ds.condition(1).angleOfAttackDeg(), 1e-9);
        assertEquals(2.0, ds.readCase(1).value(2, Channel.UY, 0), 1e-6);
    }

    @Test
    void rejectsConditionsWithDifferentSnapshotCounts(@TempDir Path dir) throws IOException {
        Path a1 = dir.resolve("f_1.npz");
        Path a2 = dir.resolve("f_2.npz");
        Path b1 = dir.resolve("f_3.npz");
        TestData.writeNpz(a1, new int[] {6, 8, 4}, TestData.airfoilSnapshot(8, 4, 30, 0, 0));
        TestData.writeNpz(a2, new int[] {6, 8, 4}, TestData.airfoilSnapshot(8, 4, 30, 0, 1));
        TestData.writeNpz(b1, new int[] {6, 8, 4}, TestData.airfoilSnapshot(8, 4, 10, 1, 0));
        DataFileException e = assertThrows(DataFileException.class,
                () -> importer.importFiles(List.of(a1, a2, b1), i -> { }));
        assertTrue(e.getMessage().contains("same number of snapshots"), e.getMessage());
    }

    @Test
    void rejectsBadSnapshots(@TempDir Path dir) throws IOException {
        double[] nan = TestData.airfoilSnapshot(8, 4, 30, 0, 0);
        nan[3 * 32 + 5] = Double.NaN;
        Path nanFile = dir.resolve("nan.npz");
        TestData.writeNpz(nanFile, new int[] {6, 8, 4}, nan);
        assertMessage(nanFile, "nan.npz", "finite");

        Path shapeFile = dir.resolve("shape.npz");
        TestData.writeNpz(shapeFile, new int[] {5, 8, 4}, new double[5 * 32]);
        assertMessage(shapeFile, "shape.npz", "expected (6, nx, ny)");

        double[] gust = TestData.airfoilSnapshot(8, 4, 30, 0, 0);
        gust[0] = 31;
        Path gustFile = dir.resolve("gust.npz");
        TestData.writeNpz(gustFile, new int[] {6, 8, 4}, gust);
        assertMessage(gustFile, "gust.npz", "not uniform");
    }

    private void assertMessage(Path file, String... parts) {
        DataFileException e = assertThrows(DataFileException.class, () -> importer.importFiles(List.of(file), i -> { }));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), e.getMessage());
        }
    }
}
