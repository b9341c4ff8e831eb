package dev.aerodiff.cfd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.io.DataFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeligFileTest {

    @Test
    void seligAndLednicerFilesOfOneContourAgree(@TempDir Path dir) throws IOException {
        AirfoilShape naca = NacaAirfoils.create("naca2412", 30);
        StringBuilder selig = new StringBuilder("NACA 2412\n");
        for (int k = 0; k < naca.size(); k++) {
            selig.append(naca.x(k)).append(' ').append(naca.y(k)).append('\n');
        }
        selig.append(naca.x(0)).append(' ').append(naca.y(0)).append('\n'); // closing point, as most files have
        Path s = dir.resolve("MyFoil.dat");
        Files.writeString(s, selig);
        // Lednicer: counts, then upper LE->TE, blank line, lower LE->TE
        int le = 29; // index of the leading edge in the NACA contour (30 points per side)
        StringBuilder lednicer = new StringBuilder("NACA 2412\n30. 30.\n\n");
        for (int k = le; k >= 0; k--) {
            lednicer.append(naca.x(k)).append(' ').append(naca.y(k)).append('\n');
        }
        lednicer.append('\n');
        for (int k = le; k <= naca.size(); k++) {
            int idx = k % naca.size();
            lednicer.append(naca.x(idx)).append(' ').append(naca.y(idx)).append('\n');
        }
        Path l = dir.resolve("other.dat");
        Files.writeString(l, lednicer);

        AirfoilShape a = SeligFile.read(s);
        AirfoilShape b = SeligFile.read(l);
        assertEquals("myfoil", a.name());
        assertEquals(naca.size(), a.size());
        assertEquals(naca.size(), b.size());
        for (int k = 0; k < naca.size(); k++) {
            assertEquals(naca.x(k), a.x(k), 1e-12);
            assertEquals(naca.y(k), b.y(k), 1e-12);
        }
    }

    @Test
    void namesTheBadLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.dat");
        Files.write(f, List.of("name", "1.0 0.0", "0.5 zero"));
        DataFileException e = assertThrows(DataFileException.class, () -> SeligFile.read(f));
        assertTrue(e.getMessage().contains("bad.dat: line 3"), e.getMessage());
    }

    @Test
    void libraryFindsNacaAndDatFilesAndNamesWhatIsMissing(@TempDir Path dir) throws IOException {
        AirfoilLibrary lib = new AirfoilLibrary(List.of(dir));
        assertEquals("naca4412", lib.apply("naca4412").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lib.apply("clarky"));
        assertTrue(e.getMessage().contains("clarky.dat"), e.getMessage());
    }
}
