package dev.aerodiff.surrogate;

import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;
import dev.aerodiff.metrics.RandomPermutation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The baseline a surrogate has to beat: answer a condition with the snapshots of the nearest
 * training simulation, as a lookup table of the training data would. Nearest means, in this order:
 *
 * <ol>
 *   <li>the same airfoil; for an airfoil not in the training data, the training airfoils whose
 *       mask differs from the condition's in the fewest grid cells;</li>
 *   <li>among their cases, the smallest distance in (angle of attack, ln Re), each coordinate
 *       divided by its range over all training conditions (left out where that range is 0);</li>
 *   <li>cases at the same distance are pooled: a condition half-way between two training
 *       conditions gets the snapshots of both.</li>
 * </ol>
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
    /** Difference of distances (relative above 1) below which two cases count as equally near. */
    private static final double SAME_DISTANCE = 1e-9;

    private final Grid grid;
    private final List<FlowCase> training;
    private final double angleRangeDeg;
    private final double logReynoldsRange;

    private NearestSimulation(Grid grid, List<FlowCase> training) {
        this.grid = grid;
        this.training = training;
        this.angleRangeDeg = range(training.stream().mapToDouble(c -> c.condition().angleOfAttackDeg()).toArray());
        this.logReynoldsRange = range(training.stream().mapToDouble(c -> Math.log(c.condition().reynolds())).toArray());
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
        String airfoil = condition.airfoil().toLowerCase(Locale.ROOT);
        List<FlowCase> sameAirfoil = training.stream()
                .filter(c -> c.condition().airfoil().toLowerCase(Locale.ROOT).equals(airfoil)).toList();
        List<FlowCase> candidates = sameAirfoil.isEmpty()
                ? closest(training, c -> differingCells(mask, c.mask())) : sameAirfoil;
        return closest(candidates, c -> distance(condition, c.condition()));
    }

    /** @return the cases at the smallest distance, and those within {@value #SAME_DISTANCE} of it, in order */
    private static List<FlowCase> closest(List<FlowCase> cases, ToDoubleFunction<FlowCase> distance) {
        double[] distances = cases.stream().mapToDouble(distance).toArray();
        double best = Arrays.stream(distances).min().orElseThrow();
        List<FlowCase> out = new ArrayList<>();
        for (int k = 0; k < distances.length; k++) {
            if (distances[k] <= best + SAME_DISTANCE * Math.max(1, best)) {
                out.add(cases.get(k));
            }
        }
        return out;
    }

    private static int differingCells(Mask a, Mask b) {
        int n = 0;
        for (int cell = 0; cell < a.nx() * a.ny(); cell++) {
            if (a.isSolid(cell) != b.isSolid(cell)) {
                n++;
            }
        }
        return n;
    }

    private double distance(FlowCondition a, FlowCondition b) {
        double angle = angleRangeDeg > 0 ? (a.angleOfAttackDeg() - b.angleOfAttackDeg()) / angleRangeDeg : 0;
        double reynolds = logReynoldsRange > 0 ? Math.log(a.reynolds() / b.reynolds()) / logReynoldsRange : 0;
        return Math.hypot(angle, reynolds);
    }

    private static double range(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }
}
