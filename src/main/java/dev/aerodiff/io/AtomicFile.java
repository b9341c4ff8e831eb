package dev.aerodiff.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old content or the complete new content, never a
 * half-written file: the writer fills a temporary file in the same directory, which replaces the
 * target only when the writer returns normally. On failure the temporary file is deleted and an
 * existing target is left untouched.
 */
public final class AtomicFile {

    /**
     * Creates a folder and its parents if missing.
     *
     * @param dir the folder
     * @throws IllegalArgumentException naming the folder if it cannot be created
     */
    public static void createDirectories(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot create output folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Something that writes a complete file at the given path. */
    @FunctionalInterface
    public interface Writer {
        /**
         * @param path where to write; the file does not exist yet
         * @throws IOException on failure
         */
        void writeTo(Path path) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * @param target the file to create or replace
     * @param writer writes the whole content
     * @throws UncheckedIOException if writing or renaming fails (target unchanged)
     */
    public static void write(Path target, Writer writer) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".part");
            Files.delete(tmp); // writers such as NetCDF want to create the file themselves
            writer.writeTo(tmp);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort; the original exception matters more
                }
            }
        }
    }
}
