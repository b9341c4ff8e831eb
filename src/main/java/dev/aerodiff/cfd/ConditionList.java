package dev.aerodiff.cfd;

import dev.aerodiff.io.DataFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A list of simulation conditions in a CSV file with the header {@code airfoil,aoa,reynolds}
 * (angle of attack in degrees, chord Reynolds number); blank lines and lines starting with '#'
 * are ignored.
 */
public final class ConditionList {

    /**
     * @param airfoil          airfoil name: a NACA designation or the name of a .dat file
     * @param angleOfAttackDeg angle of attack in degrees
     * @param reynolds         chord Reynolds number
     */
    public record Entry(String airfoil, double angleOfAttackDeg, double reynolds) {

        /** @return a file-system-safe identifier, e.g. "naca2412_aoa+08.00_re2.000e+06" */
        public String id() {
            return String.format(Locale.ROOT, "%s_aoa%+06.2f_re%.3e", airfoil, angleOfAttackDeg, reynolds)
                    .replaceAll("[^A-Za-z0-9_.+-]", "_");
        }
    }

    private ConditionList() {
    }

    /**
     * @param file the CSV file
     * @return its entries in file order
     * @throws DataFileException naming the line of a malformed entry or a duplicate
     */
    public static List<Entry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new DataFileException(file, Files.exists(file) ? "cannot read: " + e.getMessage() : "no such file");
        }
        List<Entry> entries = new ArrayList<>();
        boolean header = false;
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = Arrays.stream(line.split(",")).map(String::strip).toArray(String[]::new);
            if (!header) {
                if (!Arrays.equals(f, new String[] {"airfoil", "aoa", "reynolds"})) {
                    throw new DataFileException(file, "line " + (k + 1) + ": expected the header 'airfoil,aoa,reynolds',"
                            + " got '" + line + "'");
                }
                header = true;
                continue;
            }
            entries.add(parse(file, k + 1, line, f));
        }
        if (entries.isEmpty()) {
            throw new DataFileException(file, "lists no condition");
        }
        for (int a = 0; a < entries.size(); a++) {
            for (int b = a + 1; b < entries.size(); b++) {
                if (entries.get(a).id().equals(entries.get(b).id())) {
                    throw new DataFileException(file, "condition " + entries.get(a).id() + " is listed twice");
                }
            }
        }
        return List.copyOf(entries);
    }

    private static Entry parse(Path file, int lineNumber, String line, String[] f) {
        if (f.length != 3 || f[0].isEmpty()) {
            throw new DataFileException(file, "line " + lineNumber + ": expected 'airfoil,aoa,reynolds', got '" + line
                    + "'");
        }
        double aoa;
        double re;
        try {
            aoa = Double.parseDouble(f[1]);
            re = Double.parseDouble(f[2]);
        } catch (NumberFormatException e) {
            throw new DataFileException(file, "line " + lineNumber + ": aoa and reynolds must be numbers, got '" + line
                    + "'");
        }
        if (!Double.isFinite(aoa) || Math.abs(aoa) > 30 || !(re > 0) || !Double.isFinite(re)) {
            throw new DataFileException(file, "line " + lineNumber + ": need |aoa| <= 30 degrees and reynolds > 0, got '"
                    + line + "'");
        }
        return new Entry(f[0].toLowerCase(Locale.ROOT), aoa, re);
    }
}
