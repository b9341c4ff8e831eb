package dev.aerodiff.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {

    @Test
    void isOneForAnyIncreasingMapAndMinusOneForADecreasingOne() {
        double[] spread = {0.0004, 0.12, 0.03, 0.0002, 0.05};
        double[] increasing = {Math.log(0.0004), Math.log(0.12), Math.log(0.03), Math.log(0.0002), Math.log(0.05)};
        double[] decreasing = {1 / 0.0004, 1 / 0.12, 1 / 0.03, 1 / 0.0002, 1 / 0.05};
        assertEquals(1.0, RankCorrelation.spearman(spread, increasing), 1e-12);
        assertEquals(-1.0, RankCorrelation.spearman(spread, decreasing), 1e-12);
    }

    @Test
    void tiesShareTheirAverageRank() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, RankCorrelation.ranks(new double[] {1, 2, 2, 3}));
        // ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4): 4.5 / sqrt(4.5 * 5)
        assertEquals(4.5 / Math.sqrt(22.5), RankCorrelation.spearman(new double[] {1, 2, 2, 3},
                new double[] {10, 20, 30, 40}), 1e-12);
    }

    @Test
    void matchesTheClosedFormWithoutTies() {
        // rho = 1 - 6 sum d^2 / (n (n^2 - 1)); ranks of b: 2, 1, 4, 3, 5 -> sum d^2 = 4
        double rho = RankCorrelation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {0.2, 0.1, 0.9, 0.5, 1.5});
        assertEquals(1 - 6.0 * 4 / (5 * 24), rho, 1e-12);
    }

    @Test
    void isUndefinedForAConstantSideAndRefusesTooFewPairs() {
        assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {0.05, 0.05, 0.05})));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> RankCorrelation.spearman(new double[] {1, 2}, new double[] {1, 2})).getMessage()
                .contains("at least 3 pairs"));
    }
}
