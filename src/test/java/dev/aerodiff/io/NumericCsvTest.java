package dev.aerodiff.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumericCsvTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsAHeaderSpacesBlankLinesAndExponents() throws IOException {
        NumericCsv t = NumericCsv.read(write("x, y\n\n 1.5 , -2\n3e-2,4E1\n\n"));
        assertEquals(2, t.rows());
        assertEquals(2, t.columns());
        assertArrayEquals(new double[] {1.5, -2, 0.03, 40}, t.values(), 0);
    }

    @Test
    void readsOneColumnWithoutHeader() throws IOException {
        NumericCsv t = NumericCsv.read(write("1\n2\n3\n"));
        assertEquals(3, t.rows());
        assertEquals(1, t.columns());
    }

    @Test
    void namesTheLineOfABadField() throws IOException {
        Path file = write("1,2\n3,\n");
        DataFileException e = assertThrows(DataFileException.class, () -> NumericCsv.read(file));
        assertTrue(e.getMessage().startsWith(file + ": line 2, field 2: '' is not a number"), e.getMessage());
        Path inf = write("1,2\n3,Infinity\n");
        assertThrows(DataFileException.class, () -> NumericCsv.read(inf));
    }
}
