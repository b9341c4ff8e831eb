package dev.aerodiff.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @Test
    void replacesTheTargetOnlyOnSuccess(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("sub").resolve("out.txt");
        AtomicFile.write(target, p -> Files.writeString(p, "one"));
        assertEquals("one", Files.readString(target));
        assertThrows(UncheckedIOException.class, () -> AtomicFile.write(target, p -> {
            Files.writeString(p, "half");
            throw new IOException("disk full");
        }));
        assertEquals("one", Files.readString(target));
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(target, p -> {
            Files.writeString(p, "half");
            throw new IllegalStateException("bug");
        }));
        assertEquals("one", Files.readString(target));
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertEquals(1, s.count(), "temporary files are removed");
        }
    }
}
