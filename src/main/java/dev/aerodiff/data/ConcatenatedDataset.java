package dev.aerodiff.data;

import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several data sets on one grid read as one: the cases of the first, then those of the next, each
 * read through from its source. Closing it leaves the sources open.
 */
public final class ConcatenatedDataset implements FieldDataset {
    private final List<FieldDataset> parts;
    private final int[] firstIndex;
    private final DatasetMetadata metadata;

    /**
     * @param parts    the data sets, at least one, in order
     * @param names    a name for each part (its file), for error messages
     * @param metadata the metadata of the whole
     * @throws IllegalArgumentException if the grids or the samples per case differ, or a condition
     *                                  (airfoil, angle, Reynolds number) appears twice
     */
    public ConcatenatedDataset(List<FieldDataset> parts, List<String> names, DatasetMetadata metadata) {
        if (parts.isEmpty() || parts.size() != names.size()) {
            throw new IllegalArgumentException("need one name per data set and at least one data set");
        }
        FieldDataset first = parts.get(0);
        Map<String, String> seen = new HashMap<>();
        firstIndex = new int[parts.size() + 1];
        for (int p = 0; p < parts.size(); p++) {
            FieldDataset part = parts.get(p);
            if (!part.grid().equals(first.grid())) {
                throw new IllegalArgumentException(names.get(p) + ": grid " + part.grid() + " differs from "
                        + names.get(0) + "'s " + first.grid());
            }
            if (part.samplesPerCase() != first.samplesPerCase()) {
                throw new IllegalArgumentException(names.get(p) + ": " + part.samplesPerCase()
                        + " samples per case, " + names.get(0) + " has " + first.samplesPerCase());
            }
            for (int c = 0; c < part.caseCount(); c++) {
                FlowCondition condition = part.condition(c);
                String before = seen.putIfAbsent(condition.key(), names.get(p));
                if (before != null) {
                    throw new IllegalArgumentException(names.get(p) + ": condition " + condition.label()
                            + " is also in " + before);
                }
            }
            firstIndex[p + 1] = firstIndex[p] + part.caseCount();
        }
        this.parts = List.copyOf(parts);
        this.metadata = metadata;
    }

    @Override
    public Grid grid() {
        return parts.get(0).grid();
    }

    @Override
    public int caseCount() {
        return firstIndex[parts.size()];
    }

    @Override
    public int samplesPerCase() {
        return parts.get(0).samplesPerCase();
    }

    @Override
    public FlowCondition condition(int index) {
        int p = part(index);
        return parts.get(p).condition(index - firstIndex[p]);
    }

    @Override
    public FlowCase readCase(int index) {
        int p = part(index);
        return parts.get(p).readCase(index - firstIndex[p]);
    }

    @Override
    public DatasetMetadata metadata() {
        return metadata;
    }

    private int part(int index) {
        if (index < 0 || index >= caseCount()) {
            throw new IndexOutOfBoundsException("case " + index + " of " + caseCount());
        }
        int p = 0;
        while (index >= firstIndex[p + 1]) {
            p++;
        }
        return p;
    }
}
