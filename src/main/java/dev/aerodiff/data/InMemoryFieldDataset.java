package dev.aerodiff.data;

import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import java.util.List;

/** A {@link FieldDataset} whose cases are all held in memory, e.g. after an import. */
public final class InMemoryFieldDataset implements FieldDataset {
    private final Grid grid;
    private final List<FlowCase> cases;
    private final DatasetMetadata metadata;

    /**
     * @param grid     the grid; every case's mask must match its size
     * @param cases    at least one case, all with the same number of samples
     * @param metadata title, source, history
     * @throws IllegalArgumentException if the cases are empty or inconsistent
     */
    public InMemoryFieldDataset(Grid grid, List<FlowCase> cases, DatasetMetadata metadata) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("a data set needs at least one case");
        }
        int samples = cases.get(0).samples();
        for (FlowCase c : cases) {
            if (c.mask().nx() != grid.nx() || c.mask().ny() != grid.ny()) {
                throw new IllegalArgumentException("case " + c.condition().label() + " is " + c.mask().nx() + "x"
                        + c.mask().ny() + ", grid is " + grid.nx() + "x" + grid.ny());
            }
            if (c.samples() != samples) {
                throw new IllegalArgumentException("every case needs the same number of samples: case "
                        + cases.get(0).condition().label() + " has " + samples + ", case "
                        + c.condition().label() + " has " + c.samples());
            }
        }
        this.grid = grid;
        this.cases = List.copyOf(cases);
        this.metadata = metadata;
    }

    @Override
    public Grid grid() {
        return grid;
    }

    @Override
    public int caseCount() {
        return cases.size();
    }

    @Override
    public int samplesPerCase() {
        return cases.get(0).samples();
    }

    @Override
    public FlowCondition condition(int index) {
        return cases.get(index).condition();
    }

    @Override
    public FlowCase readCase(int index) {
        return cases.get(index);
    }

    @Override
    public DatasetMetadata metadata() {
        return metadata;
    }
}
