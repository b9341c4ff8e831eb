package dev.aerodiff.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A table of finite numbers read from a comma-separated text file: one record per line, the same
 * number of fields on every line, an optional header line first (recognised by a field that is not
 * a number), blank lines ignored. Fields may be surrounded by spaces.
 *
 * @param file    where the table was read from
 * @param rows    number of records, at least 1
 * @param columns fields per record, at least 1
 * @param values  {@code rows * columns} values, row-major
 */
public record NumericCsv(Path file, int rows, int columns, double[] values) {

    /**
     * @param file a CSV file
     * @return its numbers
     * @throws DataFileException if the file is missing, empty, ragged, or holds a field that is
     *                           not a finite number (the message names the line)
     */
    public static NumericCsv read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file, in);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static NumericCsv parse(Path file, BufferedReader in) throws IOException {
        double[] values = new double[1024];
        int count = 0;
        int columns = -1;
        int rows = 0;
        int lineNumber = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (columns < 0 && rows == 0 && !isNumber(fields[0].strip())) {
                columns = fields.length;
                continue;
            }
            if (columns < 0) {
                columns = fields.length;
            } else if (fields.length != columns) {
                throw new DataFileException(file, "line " + lineNumber + " has " + fields.length
                        + " fields, expected " + columns + " like the lines before it");
            }
            if (count + columns > values.length) {
                values = Arrays.copyOf(values, Math.max(2 * values.length, count + columns));
            }
            for (int k = 0; k < columns; k++) {
                values[count++] = number(file, lineNumber, k, fields[k].strip());
            }
            rows++;
        }
        if (rows == 0) {
            throw new DataFileException(file, "no data lines; expected one point per line, numbers separated by "
                    + "commas");
        }
        return new NumericCsv(file, rows, columns, Arrays.copyOf(values, count));
    }

    private static boolean isNumber(String field) {
        try {
            Double.parseDouble(field);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double number(Path file, int lineNumber, int field, String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DataFileException(file, "line " + lineNumber + ", field " + (field + 1) + ": '" + text
                    + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new DataFileException(file, "line " + lineNumber + ", field " + (field + 1) + " is " + text
                    + "; expected a finite number");
        }
        return value;
    }
}
