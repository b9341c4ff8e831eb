package dev.aerodiff;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Paths of the real data files the tests read, and a writer for small NPZ inputs. */
public final class TestData {
    /** The ten raf30 snapshots shipped in datasets/. */
    public static final Path RAF30_DIR = Path.of("datasets", "raf30-sample");
    /** Files written by xarray (see src/test/resources/fixtures/make_fixtures.py). */
    public static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");

    private TestData() {
    }

    /** @return the raf30 snapshot files, sorted by name */
    public static List<Path> raf30Files() throws IOException {
        try (Stream<Path> s = Files.list(RAF30_DIR)) {
            return s.filter(p -> p.toString().endsWith(".npz")).sorted().toList();
        }
    }

    /**
     * Writes a {@code savez_compressed}-style archive holding one little-endian float64 array "a".
     *
     * @param path   target
     * @param shape  array shape
     * @param values row-major values
     */
    public static void writeNpz(Path path, int[] shape, double[] values) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims.toString().trim() + "), }";
        header = header + " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        ByteBuffer data = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            data.putDouble(v);
        }
        try (OutputStream out = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("a.npy"));
            zip.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            zip.write(new byte[] {(byte) (header.length() & 0xff), (byte) (header.length() >> 8)});
            zip.write(header.getBytes(StandardCharsets.US_ASCII));
            zip.write(data.array());
            zip.closeEntry();
        }
    }

    /**
     * Values of an airfoil NPZ snapshot (6, nx, ny): uniform freestream, a solid block, and fields
     * p = base + offset, ux = U + offset, uy = offset, where base varies over the grid.
     */
    public static double[] airfoilSnapshot(int nx, int ny, double ux, double uy, double offset) {
        double[] a = new double[6 * nx * ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                boolean solid = i >= nx / 4 && i < nx / 2 && j == ny / 2;
                int cell = i * ny + j;
                int per = nx * ny;
                a[cell] = solid ? 0 : ux;
                a[per + cell] = solid ? 0 : uy;
                a[2 * per + cell] = solid ? 1 : 0;
                a[3 * per + cell] = solid ? 0 : 100 + i - j + offset;
                a[4 * per + cell] = solid ? 0 : ux + offset;
                a[5 * per + cell] = solid ? 0 : offset;
            }
        }
        return a;
    }
}
