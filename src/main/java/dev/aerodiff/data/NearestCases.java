package dev.aerodiff.data;

import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Mask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * Which training simulations are nearest to a condition, the rule shared by the lookup baseline
 * and the nearest-reference condition channels. Nearest means, in this order:
 *
 * <ol>
 *   <li>the same airfoil; for an airfoil not among the eligible cases, the airfoils whose mask
 *       differs from the condition's in the fewest grid cells;</li>
 *   <li>among their cases, the smallest distance in (angle of attack, ln Re), each coordinate
 *       divided by its range over all the cases (left out where that range is 0);</li>
 *   <li>cases at the same distance are all nearest: a condition half-way between two training
 *       conditions has both.</li>
 * </ol>
 */
public final class NearestCases {
    /** Difference of distances (relative above 1) below which two cases count as equally near. */
    private static final double SAME_DISTANCE = 1e-9;

    private final List<FlowCondition> conditions;
    private final List<Mask> masks;
    private final double angleRangeDeg;
    private final double logReynoldsRange;

    /**
     * @param conditions the cases' operating points
     * @param masks      their solid cells, in the same order, all on one grid
     * @throws IllegalArgumentException without cases or with lists of different lengths
     */
    public NearestCases(List<FlowCondition> conditions, List<Mask> masks) {
        if (conditions.isEmpty() || conditions.size() != masks.size()) {
            throw new IllegalArgumentException("nearest cases: need one mask per condition and at least one case, got "
                    + conditions.size() + " conditions and " + masks.size() + " masks");
        }
        this.conditions = List.copyOf(conditions);
        this.masks = List.copyOf(masks);
        this.angleRangeDeg = range(conditions.stream().mapToDouble(FlowCondition::angleOfAttackDeg).toArray());
        this.logReynoldsRange = range(conditions.stream().mapToDouble(c -> Math.log(c.reynolds())).toArray());
    }

    /** @return the number of cases */
    public int size() {
        return conditions.size();
    }

    /** @return case {@code index}'s operating point */
    public FlowCondition condition(int index) {
        return conditions.get(index);
    }

    /** @return case {@code index}'s solid cells */
    public Mask mask(int index) {
        return masks.get(index);
    }

    /**
     * @param condition an operating point
     * @param mask      the solid cells of its airfoil on the cases' grid
     * @param eligible  which case indices may be chosen (a case left out of its own reference: {@code k != c})
     * @return the indices of the nearest eligible cases, ascending (several when equally near)
     * @throws IllegalArgumentException if no case is eligible
     */
    public int[] nearest(FlowCondition condition, Mask mask, IntPredicate eligible) {
        String airfoil = condition.airfoil().toLowerCase(Locale.ROOT);
        List<Integer> candidates = new ArrayList<>();
        List<Integer> sameAirfoil = new ArrayList<>();
        for (int k = 0; k < conditions.size(); k++) {
            if (eligible.test(k)) {
                candidates.add(k);
                if (conditions.get(k).airfoil().toLowerCase(Locale.ROOT).equals(airfoil)) {
                    sameAirfoil.add(k);
                }
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no training case left to be nearest to " + condition.label());
        }
        List<Integer> airfoils = sameAirfoil.isEmpty()
                ? closest(candidates, k -> differingCells(mask, masks.get(k))) : sameAirfoil;
        return closest(airfoils, k -> distance(condition, conditions.get(k))).stream().mapToInt(Integer::intValue)
                .toArray();
    }

    /** @return the indices at the smallest distance, and those within {@value #SAME_DISTANCE} of it, in order */
    private static List<Integer> closest(List<Integer> indices, IntToDoubleFunction distance) {
        double[] distances = indices.stream().mapToDouble(distance::applyAsDouble).toArray();
        double best = Arrays.stream(distances).min().orElseThrow();
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < distances.length; k++) {
            if (distances[k] <= best + SAME_DISTANCE * Math.max(1, best)) {
                out.add(indices.get(k));
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
        return Arrays.stream(values).max().orElse(0) - Arrays.stream(values).min().orElse(0);
    }
}
