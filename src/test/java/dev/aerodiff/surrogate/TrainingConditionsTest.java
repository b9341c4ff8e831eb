package dev.aerodiff.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.field.FlowCondition;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingConditionsTest {
    private static final TrainingConditions TRAINED = TrainingConditions.of(List.of(
            new FlowCondition("naca0012", 2, 5e5, 7.3), new FlowCondition("NACA2412", 8, 2e6, 29.2),
            new FlowCondition("naca0012", -4, 1e6, 14.6)));

    @Test
    void summarizesAirfoilsAndRanges() {
        assertEquals(3, TRAINED.count());
        assertEquals(List.of("naca0012", "naca2412"), TRAINED.airfoils());
        assertArrayEquals(new double[] {-4, 8}, TRAINED.angleOfAttackDeg());
        assertArrayEquals(new double[] {5e5, 2e6}, TRAINED.reynolds());
    }

    @Test
    void describesItselfInOneLine() {
        assertEquals("3 conditions of 2 airfoils (naca0012, naca2412), angle of attack -4.00 to 8.00 deg,"
                + " Reynolds number 5.00e+05 to 2.00e+06", TRAINED.describe());
    }

    @Test
    void aConditionWithinTheRangesIsNotExtrapolated() {
        assertEquals(List.of(), TRAINED.outside(new FlowCondition("naca2412", 0, 1.5e6, 20)));
        assertEquals(List.of(), TRAINED.outside(new FlowCondition("NACA0012", 8, 2e6, 29.2)));
    }

    @Test
    void eachWayOutsideIsNamed() {
        List<String> airfoil = TRAINED.outside(new FlowCondition("naca2415", 4, 1e6, 14.6));
        assertEquals(List.of("airfoil naca2415 is not one of the 2 training airfoils (naca0012, naca2412)"), airfoil);
        List<String> all = TRAINED.outside(new FlowCondition("raf30", 12.5, 4e6, 58));
        assertEquals(3, all.size(), all.toString());
        assertTrue(all.get(1).equals("angle of attack 12.50 deg is outside the training range [-4.00, 8.00]"), all.get(1));
        assertTrue(all.get(2).equals("Reynolds number 4.00e+06 is outside the training range [5.00e+05, 2.00e+06]"),
                all.get(2));
        assertEquals(1, TRAINED.outside(new FlowCondition("naca0012", 0, 4.9e5, 7)).size());
        TrainingConditions many = TrainingConditions.of(java.util.stream.IntStream.range(0, 12)
                .mapToObj(k -> new FlowCondition("naca00" + (10 + k), 0, 1e6, 10)).toList());
        assertEquals(List.of("airfoil naca0009 is not one of the 12 training airfoils (naca0010, naca0011, naca0012,"
                + " naca0013, naca0014, naca0015, naca0016, naca0017, ...)"),
                many.outside(new FlowCondition("naca0009", 0, 1e6, 10)));
    }

    @Test
    void rejectsEmptyOrInvertedSummaries() {
        assertThrows(IllegalArgumentException.class, () -> TrainingConditions.of(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new TrainingConditions(1, List.of("naca0012"), new double[] {3, 2}, new double[] {1, 2}));
    }
}
