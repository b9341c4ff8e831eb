package dev.aerodiff.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A matrix of numbers as a CSV file: one row per line, values separated by commas (spaces around
 * them allowed). Reading skips empty lines and lines starting with {@code #}, and a first line
 * that is not numeric (a header). Writing puts one row per line, no header, each value in Java's
 * shortest round-trip form.
 */
public final class CsvMatrix {

    private CsvMatrix() {
    }

    /**
     * @param file a CSV file
     * @return its rows, all of the same length, all values finite
     * @throws DataFileException if the file is missing or unreadable, holds no row, a value is not a
     *                           finite number, or rows differ in length
     */
    public static double[][] read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "no such file");
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read: " + e.getMessage(), e);
        }
        List<double[]> rows = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s*,\\s*", -1);
            if (first && !isNumber(fields[0])) {
                first = false;
                continue;
            }
            first = false;
            double[] row = new double[fields.length];
            for (int j = 0; j < fields.length; j++) {
                if (!isNumber(fields[j])) {
                    throw new DataFileException(file, "line " + (i + 1) + ", column " + (j + 1) + ": '" + fields[j]
                            + "' is not a finite number");
                }
                row[j] = Double.parseDouble(fields[j]);
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new DataFileException(file, "line " + (i + 1) + " has " + row.length + " values, expected "
                        + rows.get(0).length + " like the first row");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new DataFileException(file, "no numeric row; expected comma-separated numbers, one row per line");
        }
        return rows.toArray(double[][]::new);
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Writes the rows atomically (see {@link AtomicFile}).
     *
     * @param file target
     * @param rows the rows
     */
    public static void write(Path file, double[][] rows) {
        AtomicFile.write(file, path -> {
            try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                for (double[] row : rows) {
                    for (int j = 0; j < row.length; j++) {
                        if (j > 0) {
                            w.write(',');
                        }
                        w.write(Double.toString(row[j]));
                    }
                    w.newLine();
                }
            }
        });
    }
}
