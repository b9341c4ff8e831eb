package dev.aerodiff.surrogate;

import dev.aerodiff.field.FlowCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a surrogate was trained on, summarized: its airfoils and the ranges of angle of attack and
 * Reynolds number over its training conditions. A condition outside them asks the network to
 * extrapolate, where its errors tend to be larger (on the airfoil-stall test split, the unseen
 * airfoil has about twice the error of the mean of the others); {@link #outside} says where.
 *
 * @param count            number of training conditions
 * @param airfoils         their airfoils, sorted, without repeats
 * @param angleOfAttackDeg smallest and largest angle of attack, degrees
 * @param reynolds         smallest and largest chord Reynolds number
 */
public record TrainingConditions(int count, List<String> airfoils, double[] angleOfAttackDeg, double[] reynolds) {
    /** Airfoils named in a message; more are counted. */
    private static final int NAMED_AIRFOILS = 8;
    /** Relative slack on the Reynolds range, for numbers that went through a file and back. */
    private static final double RELATIVE_SLACK = 1e-9;

    /**
     * @throws IllegalArgumentException without conditions or airfoils, or with a range that is not [min, max]
     */
    public TrainingConditions {
        if (count < 1 || airfoils == null || airfoils.isEmpty()) {
            throw new IllegalArgumentException("training conditions: at least one condition and airfoil needed");
        }
        checkRange("angle of attack", angleOfAttackDeg);
        checkRange("Reynolds number", reynolds);
        airfoils = List.copyOf(airfoils);
    }

    private static void checkRange(String what, double[] range) {
        if (range == null || range.length != 2 || !(range[0] <= range[1])) {
            throw new IllegalArgumentException("training conditions: the " + what + " range must be [min, max]");
        }
    }

    /**
     * @param conditions the training conditions
     * @return their summary
     * @throws IllegalArgumentException for an empty list
     */
    public static TrainingConditions of(List<FlowCondition> conditions) {
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("training conditions: the training data has no conditions");
        }
        List<String> names = conditions.stream().map(c -> c.airfoil().toLowerCase(Locale.ROOT)).distinct().sorted()
                .toList();
        double[] aoa = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] re = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (FlowCondition c : conditions) {
            aoa[0] = Math.min(aoa[0], c.angleOfAttackDeg());
            aoa[1] = Math.max(aoa[1], c.angleOfAttackDeg());
            re[0] = Math.min(re[0], c.reynolds());
            re[1] = Math.max(re[1], c.reynolds());
        }
        return new TrainingConditions(conditions.size(), names, aoa, re);
    }

    /**
     * @param condition an operating point
     * @return one sentence for each way it lies outside the training conditions (airfoil, angle of
     *         attack, Reynolds number); empty when it lies within them
     */
    public List<String> outside(FlowCondition condition) {
        List<String> reasons = new ArrayList<>();
        String airfoil = condition.airfoil().toLowerCase(Locale.ROOT);
        if (!airfoils.contains(airfoil)) {
            reasons.add(String.format(Locale.ROOT, "airfoil %s is not one of the %d training airfoils (%s)", airfoil,
                    airfoils.size(), namedAirfoils()));
        }
        double aoa = condition.angleOfAttackDeg();
        if (aoa < angleOfAttackDeg[0] - 1e-9 || aoa > angleOfAttackDeg[1] + 1e-9) {
            reasons.add(String.format(Locale.ROOT, "angle of attack %.2f deg is outside the training range"
                    + " [%.2f, %.2f]", aoa, angleOfAttackDeg[0], angleOfAttackDeg[1]));
        }
        double re = condition.reynolds();
        if (re < reynolds[0] * (1 - RELATIVE_SLACK) || re > reynolds[1] * (1 + RELATIVE_SLACK)) {
            reasons.add(String.format(Locale.ROOT, "Reynolds number %.3g is outside the training range [%.3g, %.3g]",
                    re, reynolds[0], reynolds[1]));
        }
        return reasons;
    }

    /** @return one line: the number of conditions, the airfoils and both ranges */
    public String describe() {
        return String.format(Locale.ROOT, "%d conditions of %d airfoil%s (%s), angle of attack %.2f to %.2f deg,"
                + " Reynolds number %.3g to %.3g", count, airfoils.size(), airfoils.size() == 1 ? "" : "s",
                namedAirfoils(), angleOfAttackDeg[0], angleOfAttackDeg[1], reynolds[0], reynolds[1]);
    }

    private String namedAirfoils() {
        return String.join(", ", airfoils.subList(0, Math.min(NAMED_AIRFOILS, airfoils.size())))
                + (airfoils.size() > NAMED_AIRFOILS ? ", ..." : "");
    }
}
