package dev.aerodiff.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Reads NumPy {@code .npz} archives, both {@code savez} (stored) and {@code savez_compressed} (deflate). */
public final class NpzArchive {

    private NpzArchive() {
    }

    /**
     * @param path the archive
     * @return its arrays by name (entry name without ".npy"), in archive order
     * @throws DataFileException if the file is missing, not a zip or holds a bad array
     */
    public static Map<String, NpyArray> read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new DataFileException(path, "no such file");
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || !e.getName().endsWith(".npy")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    String name = e.getName().substring(0, e.getName().length() - 4);
                    arrays.put(name, NpyArray.read(in, "entry " + e.getName()));
                }
            }
        } catch (ZipException e) {
            throw new DataFileException(path, "not an NPZ archive (a zip of .npy arrays expected): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DataFileException(path, e.getMessage(), e);
        }
        if (arrays.isEmpty()) {
            throw new DataFileException(path, "the archive holds no .npy array");
        }
        return arrays;
    }
}
