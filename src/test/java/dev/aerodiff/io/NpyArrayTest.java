package dev.aerodiff.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyArrayTest {

    private static byte[] npy(String descr, boolean fortran, String shape, ByteBuffer data) throws IOException {
        String header = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': " + shape + ", }\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(data.array(), 0, data.position());
        return out.toByteArray();
    }

    @Test
    void readsLittleEndianFloat32InCOrder() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < 6; k++) {
            b.putFloat(k * 1.5f);
        }
        NpyArray a = NpyArray.read(new ByteArrayInputStream(npy("<f4", false, "(2, 3)", b)), "t");
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertEquals(1.5 * 5, a.get(1, 2));
        assertEquals(1.5 * 1, a.get(0, 1));
    }

    @Test
    void convertsFortranOrderToCOrder() throws IOException {
        // the 2x3 matrix [[0,1,2],[3,4,5]] stored column-major: 0,3,1,4,2,5, big-endian float64
        ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.BIG_ENDIAN);
        for (double v : new double[] {0, 3, 1, 4, 2, 5}) {
            b.putDouble(v);
        }
        NpyArray a = NpyArray.read(new ByteArrayInputStream(npy(">f8", true, "(2, 3)", b)), "t");
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, a.data());
    }

    @Test
    void rejectsWhatIsNotNpy() {
        IOException e = assertThrows(IOException.class,
                () -> NpyArray.read(new ByteArrayInputStream("hello world".getBytes(StandardCharsets.US_ASCII)), "x"));
        assertTrue(e.getMessage().contains("not a .npy"), e.getMessage());
    }

    @Test
    void rejectsTruncatedData() {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(1);
        IOException e = assertThrows(IOException.class,
                () -> NpyArray.read(new ByteArrayInputStream(npy("<f8", false, "(4,)", b)), "x"));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void readsACompressedPublishedSnapshot() throws IOException {
        Path file = TestData.raf30Files().get(0);
        Map<String, NpyArray> arrays = NpzArchive.read(file);
        NpyArray a = arrays.get("a");
        assertArrayEquals(new int[] {6, 128, 128}, a.shape());
        int solid = 0;
        for (int i = 0; i < 128; i++) {
            for (int j = 0; j < 128; j++) {
                solid += (int) a.get(2, i, j);
            }
        }
        assertEquals(343, solid, "mask cells documented in the data README");
        assertEquals(98.6677, a.get(0, 0, 0), 1e-4);
        assertEquals(35.9121, a.get(1, 0, 0), 1e-4);
    }

    @Test
    void rejectsAFileThatIsNotAZip(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.npz");
        Files.writeString(bad, "not a zip");
        DataFileException e = assertThrows(DataFileException.class, () -> NpzArchive.read(bad));
        assertTrue(e.getMessage().contains("bad.npz") && e.getMessage().contains("not an NPZ"), e.getMessage());
    }
}
