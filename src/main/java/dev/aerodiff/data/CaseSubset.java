package dev.aerodiff.data;

import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import java.util.Arrays;

/**
 * Chosen cases of another data set, in the given order, read through from it. Closing the subset
 * leaves the source open.
 */
public final class CaseSubset implements FieldDataset {
    private final FieldDataset source;
    private final int[] indices;

    /**
     * @param source  the full data set
     * @param indices distinct case indices of {@code source}, at least one
     * @throws IllegalArgumentException for an empty list, an index out of range or a repeated index
     */
    public CaseSubset(FieldDataset source, int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a subset needs at least one case");
        }
        boolean[] seen = new boolean[source.caseCount()];
        for (int i : indices) {
            if (i < 0 || i >= seen.length) {
                throw new IllegalArgumentException("case index " + i + " is outside 0.." + (seen.length - 1));
            }
            if (seen[i]) {
                throw new IllegalArgumentException("case index " + i + " is chosen twice");
            }
            seen[i] = true;
        }
        this.source = source;
        this.indices = indices.clone();
    }

    /** @return the chosen indices into the source, in order */
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public Grid grid() {
        return source.grid();
    }

    @Override
    public int caseCount() {
        return indices.length;
    }

    @Override
    public int samplesPerCase() {
        return source.samplesPerCase();
    }

    @Override
    public FlowCondition condition(int index) {
        return source.condition(indices[index]);
    }

    @Override
    public FlowCase readCase(int index) {
        return source.readCase(indices[index]);
    }

    @Override
    public DatasetMetadata metadata() {
        return source.metadata();
    }

    @Override
    public String toString() {
        return "cases " + Arrays.toString(indices) + " of " + source.metadata().title();
    }
}
