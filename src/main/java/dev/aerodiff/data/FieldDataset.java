package dev.aerodiff.data;

import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A data set of flow cases on one grid, every case with the same number of samples.
 *
 * <p>Implementations read lazily where they can: {@link #readCase(int)} loads one case, so a data
 * set larger than memory can be processed case by case.
 */
public interface FieldDataset extends AutoCloseable {

    /** @return the grid every field lies on */
    Grid grid();

    /** @return number of cases (flow conditions) */
    int caseCount();

    /** @return number of samples in every case */
    int samplesPerCase();

    /** @return the condition of case {@code index}, without reading its fields */
    FlowCondition condition(int index);

    /** @return the conditions of all cases, in case order, without reading their fields */
    default List<FlowCondition> conditions() {
        return IntStream.range(0, caseCount()).mapToObj(this::condition).toList();
    }

    /**
     * Reads one case in physical units.
     *
     * @param index case index, 0-based
     * @return the case
     * @throws dev.aerodiff.io.DataFileException if its data are invalid
     */
    FlowCase readCase(int index);

    /** @return title, provenance and history of the data set */
    DatasetMetadata metadata();

    /** Releases open files; the default does nothing. */
    @Override
    default void close() {
    }
}
