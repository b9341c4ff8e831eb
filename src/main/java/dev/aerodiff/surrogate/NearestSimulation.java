package dev.aerodiff.surrogate;

import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.data.NearestCases;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;
import dev.aerodiff.metrics.RandomPermutation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The baseline a surrogate has to beat: answer a condition with the snapshots of the nearest
 * training simulation, as a lookup table of the training data would. Nearest is the rule of
 * {@link NearestCases}: the same airfoil (or the training airfoils with the most alike mask), then
 * the nearest (angle of attack, ln Re); cases at the same distance are pooled, so a condition
 * half-way between two training conditions gets the snapshots of both.
 *
 * An ensemble of n samples takes n of the pooled snapshots in an order shuffled by the request's
 * seed, each once before any repeats. The snapshots are the training simulations' dimensionless
 * fields, scaled to the requested freestream speed and zero on the requested mask's solid cells.
 * Every training snapshot is held in memory (the stall train split, 29 conditions of 20 snapshots on
 * 64 x 64 cells: 29 MB).
 */
public final class NearestSimulation {
    /** Its method and sampler in evaluations and ensembles. */
    public static final String METHOD = "nearest";

    private final Grid grid;
    private final List<FlowCase> training;
    private final NearestCases rule;

    private NearestSimulation(Grid grid, List<FlowCase> training) {
        this.grid = grid;
        this.training = training;
        this.rule = new NearestCases(training.stream().map(FlowCase::condition).toList(),
                training.stream().map(FlowCase::mask).toList());
    }
    /**
     * @param training the training simulations (all cases are read, in dimensionless units)
     * @return the baseline
     * @throws IllegalArgumentException if the data set has no case
     */
    public static NearestSimulation of(FieldDataset training) {
        if (training.caseCount() == 0) {
            throw new IllegalArgumentException("the nearest-simulation baseline needs training cases, the data set"
                    + " has none");
        }
        List<FlowCase> cases = new ArrayList<>();
        for (int c = 0; c < training.caseCount(); c++) {
            cases.add(DimensionlessNormalizer.normalize(training.readCase(c)));
        }
        return new NearestSimulation(training.grid(), List.copyOf(cases));
    }

    /** @return the grid of the training simulations */
    public Grid grid() {
        return grid;
    }

    /**
     * @param condition an operating point
     * @param mask      the solid cells of its airfoil on the grid
     * @return the conditions of the nearest training cases, in case order (several when equally near)
     */
    public List<FlowCondition> nearest(FlowCondition condition, Mask mask) {
        return nearestCases(condition, mask).stream().map(FlowCase::condition).toList();
    }

    /**
     * @param request the condition, its mask, the ensemble size and the seed of the shuffle
     * @return the ensemble in physical units, sampler "nearest", no network evaluations
     * @throws IllegalArgumentException if the request's mask is not on the training grid
     */
    public Ensemble predict(Surrogate.Request request) {
        Mask mask = request.mask();
        if (mask.nx() != grid.nx() || mask.ny() != grid.ny()) {
            throw new IllegalArgumentException("the mask of " + request.condition().label() + " is " + mask.nx() + " x "
                    + mask.ny() + ", the training simulations' grid " + grid.nx() + " x " + grid.ny());
        }
        List<FlowCase> pool = nearestCases(request.condition(), mask);
        int per = Channel.count() * grid.cellCount();
        int poolSize = pool.stream().mapToInt(FlowCase::samples).sum();
        int[] order = RandomPermutation.of(poolSize, new SplittableRandom(request.seed()));
        float[] values = new float[request.count() * per];
        for (int s = 0; s < request.count(); s++) {
            int snapshot = order[(int) ((request.firstSample() + s) % poolSize)];
            int k = 0;
            while (snapshot >= pool.get(k).samples()) {
                snapshot -= pool.get(k).samples();
                k++;
            }
            System.arraycopy(pool.get(k).values(), snapshot * per, values, s * per, per);
        }
        return new Ensemble(DimensionlessNormalizer.toPhysical(request.condition(), mask, request.count(), values),
                METHOD, 0, request.seed());
    }

    /** The training cases of the nearest airfoils at the nearest (angle, ln Re), ties pooled. */
    private List<FlowCase> nearestCases(FlowCondition condition, Mask mask) {
        return Arrays.stream(rule.nearest(condition, mask, k -> true)).mapToObj(training::get).toList();
    }
}
