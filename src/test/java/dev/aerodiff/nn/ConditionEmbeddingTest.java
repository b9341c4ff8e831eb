package dev.aerodiff.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.field.FlowCondition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionEmbeddingTest {

    private static FlowCondition at(double angleDeg, double reynolds) {
        return new FlowCondition("naca0012", angleDeg, reynolds, reynolds * 1e-5);
    }

    @Test
    void fastestPeriodsAreFourTimesTheSmallestSpacingOfTheTrainingConditions() {
        // the layout of airfoil-stall's training split: 16-22 degrees at Re 1e6 and 1e7, 17 and 21 at 3e6
        List<FlowCondition> stall = new ArrayList<>();
        for (double aoa = 16; aoa <= 22; aoa += 2) {
            stall.add(at(aoa, 1e6));
            stall.add(at(aoa, 1e7));
        }
        stall.add(at(17, 3e6));
        stall.add(at(21, 3e6));
        ConditionEmbedding e = ConditionEmbedding.fit(stall);
        assertEquals(4.0, e.anglePeriodDeg(), 1e-12);
        assertEquals(4 * Math.log(3), e.logSpeedPeriod(), 1e-12, "1e6 to 3e6 is the closest pair of speeds");

        // airfoil-rans: 5 degrees apart; a repeated condition and float noise in the angle do not count
        List<FlowCondition> rans = List.of(at(0, 1e6), at(5, 1e6), at(5 + 1e-9, 1e6), at(10, 4e6), at(15, 1e7),
                at(15, 1e7));
        ConditionEmbedding r = ConditionEmbedding.fit(rans);
        assertEquals(20.0, r.anglePeriodDeg(), 1e-6);
        assertEquals(4 * Math.log(2.5), r.logSpeedPeriod(), 1e-12);
    }

    @Test
    void aSingleAngleOrSpeedGetsTheDefaultPeriod() {
        ConditionEmbedding e = ConditionEmbedding.fit(List.of(at(4, 1e6), at(4, 2e6)));
        assertEquals(ConditionEmbedding.DEFAULT_ANGLE_PERIOD_DEG, e.anglePeriodDeg());
        assertEquals(4 * Math.log(2), e.logSpeedPeriod(), 1e-12);
        assertEquals(ConditionEmbedding.DEFAULT_LOG_SPEED_PERIOD, ConditionEmbedding.fit(List.of(at(4, 1e6)))
                .logSpeedPeriod());
    }

    @Test
    void periodsMustBePositive() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ConditionEmbedding(0, 1)).getMessage()
                .contains("positive"));
        assertThrows(IllegalArgumentException.class, () -> new ConditionEmbedding(4, Double.NaN));
    }
}
