package dev.aerodiff.cfd;

import dev.aerodiff.io.DataFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads airfoil coordinate files of the UIUC database: the Selig format (a name line, then x y
 * pairs from the trailing edge over the upper surface to the leading edge and back) and the
 * Lednicer format (a name line, a line with the point counts of both surfaces, then each surface
 * from leading to trailing edge).
 */
public final class SeligFile {

    private SeligFile() {
    }

    /**
     * @param path the .dat file; the airfoil is named after the file (without extension)
     * @return the contour
     * @throws DataFileException if the file cannot be parsed
     */
    public static AirfoilShape read(Path path) {
        List<double[]> rows = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new DataFileException(path, "cannot read: " + e.getMessage(), e);
        }
        for (int k = 1; k < lines.size(); k++) {
            String line = lines.get(k).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new DataFileException(path, "line " + (k + 1) + ": expected two numbers 'x y', got '" + line + "'");
            }
            try {
                rows.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
            } catch (NumberFormatException e) {
                throw new DataFileException(path, "line " + (k + 1) + ": not a number in '" + line + "'");
            }
        }
        String name = path.getFileName().toString().replaceFirst("\\.[^.]*$", "").toLowerCase(java.util.Locale.ROOT);
        if (!rows.isEmpty() && rows.get(0)[0] > 1.5) {
            rows = lednicerToSelig(path, rows);
        }
        double[] x = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] y = rows.stream().mapToDouble(r -> r[1]).toArray();
        try {
            return new AirfoilShape(name, x, y);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(path, e.getMessage());
        }
    }

    private static List<double[]> lednicerToSelig(Path path, List<double[]> rows) {
        int upper = (int) rows.get(0)[0];
        int lower = (int) rows.get(0)[1];
        if (rows.size() != 1 + upper + lower) {
            throw new DataFileException(path, "Lednicer header announces " + upper + " + " + lower + " points, file has "
                    + (rows.size() - 1));
        }
        List<double[]> selig = new ArrayList<>(rows.subList(1, 1 + upper));
        java.util.Collections.reverse(selig);
        selig.addAll(rows.subList(2 + upper, 1 + upper + lower)); // skip the repeated leading edge
        return selig;
    }
}
