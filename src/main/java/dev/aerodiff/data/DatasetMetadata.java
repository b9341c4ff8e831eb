package dev.aerodiff.data;

/**
 * Descriptive attributes of a data set, stored as CF global attributes.
 *
 * @param title   one line naming the data set
 * @param source  how the data were made: solver, turbulence model, mesh, iterations
 * @param history what was done to the file, one line per step, newest last
 */
public record DatasetMetadata(String title, String source, String history) {

    /** Normalizes nulls to empty strings. */
    public DatasetMetadata {
        title = title == null ? "" : title;
        source = source == null ? "" : source;
        history = history == null ? "" : history;
    }

    /** @return a copy with one more history line */
    public DatasetMetadata withHistoryLine(String line) {
        return new DatasetMetadata(title, source, history.isEmpty() ? line : history + "\n" + line);
    }
}
