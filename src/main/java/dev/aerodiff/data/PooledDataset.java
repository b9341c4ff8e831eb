package dev.aerodiff.data;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.ForceCoefficients;
import dev.aerodiff.field.Grid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same conditions simulated several times, e.g. on different meshes, read as one data set whose
 * every case holds the samples of all of them: the conditions found in every source, in the order of
 * the first, each with {@code samplesEach} samples of the first source, then as many of the next,
 * and so on. The samples taken from a source of n per case are spread evenly over them (indices
 * floor(i n / samplesEach)). Closing it leaves the sources open.
 */
public final class PooledDataset implements FieldDataset {
    private final List<FieldDataset> sources;
    private final List<String> names;
    private final int samplesEach;
    private final List<int[]> caseIndices = new ArrayList<>();
    private final List<FlowCondition> conditions = new ArrayList<>();
    private final Map<FlowCondition, List<String>> leftOut = new LinkedHashMap<>();
    private final DatasetMetadata metadata;

    /**
     * @param sources     the data sets, at least two, on one grid
     * @param names       a name for each source (its file), for messages
     * @param samplesEach samples taken from each source's case, from 1 to the fewest samples per case
     * @param metadata    the metadata of the pool
     * @throws IllegalArgumentException if the grids differ, samplesEach is out of range, a source has a
     *                                  condition twice, or no condition is in every source
     */
    public PooledDataset(List<FieldDataset> sources, List<String> names, int samplesEach, DatasetMetadata metadata) {
        if (sources.size() < 2 || sources.size() != names.size()) {
            throw new IllegalArgumentException("need at least two data sets to pool, and one name for each");
        }
        FieldDataset first = sources.get(0);
        int fewest = sources.stream().mapToInt(FieldDataset::samplesPerCase).min().orElseThrow();
        if (samplesEach < 1 || samplesEach > fewest) {
            throw new IllegalArgumentException("samples taken from each file must be from 1 to " + fewest
                    + " (the fewest samples per case of the files), got " + samplesEach);
        }
        List<Map<String, Integer>> byKey = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            if (!sources.get(s).grid().equals(first.grid())) {
                throw new IllegalArgumentException(names.get(s) + ": grid " + sources.get(s).grid() + " differs from "
                        + names.get(0) + "'s " + first.grid());
            }
            byKey.add(indexByCondition(sources.get(s), names.get(s)));
        }
        Map<String, FlowCondition> seen = new LinkedHashMap<>();
        sources.forEach(source -> source.conditions().forEach(c -> seen.putIfAbsent(c.key(), c)));
        for (FlowCondition condition : seen.values()) {
            int[] indices = new int[sources.size()];
            List<String> lacking = new ArrayList<>();
            for (int s = 0; s < sources.size(); s++) {
                Integer index = byKey.get(s).get(condition.key());
                indices[s] = index == null ? -1 : index;
                if (index == null) {
                    lacking.add(names.get(s));
                }
            }
            if (lacking.isEmpty()) {
                conditions.add(first.condition(indices[0]));
                caseIndices.add(indices);
            } else {
                leftOut.put(condition, List.copyOf(lacking));
            }
        }
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("no condition is in every one of " + String.join(", ", names));
        }
        this.sources = List.copyOf(sources);
        this.names = List.copyOf(names);
        this.samplesEach = samplesEach;
        this.metadata = metadata;
    }

    /**
     * @return the conditions not in every source, in the order first met, each with the names of the
     *         sources that lack it
     */
    public Map<FlowCondition, List<String>> leftOut() {
        return Collections.unmodifiableMap(leftOut);
    }

    @Override
    public Grid grid() {
        return sources.get(0).grid();
    }

    @Override
    public int caseCount() {
        return conditions.size();
    }

    @Override
    public int samplesPerCase() {
        return samplesEach * sources.size();
    }

    @Override
    public FlowCondition condition(int index) {
        return conditions.get(index);
    }

    /**
     * Reads the condition's case from every source and joins their selected samples.
     *
     * @throws IllegalArgumentException if the sources' masks or units for the condition differ
     */
    @Override
    public FlowCase readCase(int index) {
        int[] indices = caseIndices.get(index);
        List<FlowCase> parts = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            FlowCase part = sources.get(s).readCase(indices[s]);
            if (!parts.isEmpty() && !part.mask().equals(parts.get(0).mask())) {
                throw new IllegalArgumentException(names.get(s) + ": the mask of " + part.condition().label()
                        + " differs from " + names.get(0) + "'s");
            }
            if (!parts.isEmpty() && part.units() != parts.get(0).units()) {
                throw new IllegalArgumentException(names.get(s) + ": " + part.condition().label() + " is in "
                        + part.units() + ", " + names.get(0) + "'s in " + parts.get(0).units());
            }
            parts.add(part.selectSamples(spread(part.samples())));
        }
        return join(conditions.get(index), parts);
    }

    @Override
    public DatasetMetadata metadata() {
        return metadata;
    }

    private int[] spread(int available) {
        int[] picked = new int[samplesEach];
        for (int i = 0; i < samplesEach; i++) {
            picked[i] = (int) ((long) i * available / samplesEach);
        }
        return picked;
    }

    private static FlowCase join(FlowCondition condition, List<FlowCase> parts) {
        FlowCase first = parts.get(0);
        int block = first.samples() * Channel.count() * first.cellCount();
        int samples = first.samples() * parts.size();
        float[] values = new float[block * parts.size()];
        int[] iterations = new int[samples];
        double[] lift = new double[samples];
        double[] drag = new double[samples];
        boolean haveIterations = true;
        boolean haveCoefficients = true;
        for (int p = 0; p < parts.size(); p++) {
            FlowCase part = parts.get(p);
            System.arraycopy(part.values(), 0, values, p * block, block);
            int at = p * first.samples();
            int[] partIterations = part.iterations();
            ForceCoefficients partCoefficients = part.coefficients();
            haveIterations &= partIterations != null;
            haveCoefficients &= partCoefficients != null;
            if (partIterations != null) {
                System.arraycopy(partIterations, 0, iterations, at, part.samples());
            }
            if (partCoefficients != null) {
                System.arraycopy(partCoefficients.lift(), 0, lift, at, part.samples());
                System.arraycopy(partCoefficients.drag(), 0, drag, at, part.samples());
            }
        }
        return new FlowCase(condition, first.mask(), first.units(), samples, values,
                haveIterations ? iterations : null, haveCoefficients ? new ForceCoefficients(lift, drag) : null);
    }

    private static Map<String, Integer> indexByCondition(FieldDataset source, String name) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < source.caseCount(); c++) {
            FlowCondition condition = source.condition(c);
            if (index.putIfAbsent(condition.key(), c) != null) {
                throw new IllegalArgumentException(name + ": condition " + condition.label() + " appears twice");
            }
        }
        return index;
    }
}
