package dev.aerodiff.data;

import java.util.List;
import java.util.stream.Collectors;

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

    /**
     * @param title the title of the data set made from {@code parts}
     * @param parts the metadata of the data sets it was made from
     * @return their distinct sources and their histories, one per line, under {@code title}
     */
    public static DatasetMetadata combined(String title, List<DatasetMetadata> parts) {
        String source = parts.stream().map(DatasetMetadata::source).distinct()
                .collect(Collectors.joining("\n"));
        String history = parts.stream().map(DatasetMetadata::history).filter(h -> !h.isEmpty())
                .collect(Collectors.joining("\n"));
        return new DatasetMetadata(title, source, history);
    }

    /** @return a copy with one more history line */
    public DatasetMetadata withHistoryLine(String line) {
        return new DatasetMetadata(title, source, history.isEmpty() ? line : history + "\n" + line);
    }
}
