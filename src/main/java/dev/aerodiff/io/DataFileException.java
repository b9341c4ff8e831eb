package dev.aerodiff.io;

import java.nio.file.Path;

/**
 * A data file that cannot be used as given: not the expected format, a missing or misshapen
 * variable, invalid values. The message names the file and says what was expected, so it can be
 * shown to a user as it is.
 */
public class DataFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file    the offending file
     * @param problem what is wrong and what was expected
     */
    public DataFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    /**
     * @param file    the offending file
     * @param problem what is wrong and what was expected
     * @param cause   the underlying error
     */
    public DataFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
