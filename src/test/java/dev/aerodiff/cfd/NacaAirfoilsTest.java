package dev.aerodiff.cfd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NacaAirfoilsTest {

    /** Upper minus lower surface height, and their mean, at chord station x (linear interpolation). */
    private static double[] thicknessAndCamber(AirfoilShape s, double x) {
        double upper = Double.NaN;
        double lower = Double.NaN;
        for (int k = 0; k < s.size(); k++) {
            int next = (k + 1) % s.size();
            double x0 = s.x(k);
            double x1 = s.x(next);
            if ((x0 - x) * (x1 - x) <= 0 && x0 != x1) {
                double y = s.y(k) + (s.y(next) - s.y(k)) * (x - x0) / (x1 - x0);
                if (x1 < x0) {
                    upper = y; // upper surface runs from the trailing edge forward
                } else {
                    lower = y;
                }
            }
        }
        return new double[] {upper - lower, (upper + lower) / 2};
    }

    @Test
    void naca0012IsSymmetricWithTwelvePercentThicknessNearThirtyPercentChord() {
        AirfoilShape s = NacaAirfoils.create("naca0012", 150);
        assertEquals("naca0012", s.name());
        double maxThickness = 0;
        double where = 0;
        for (double x = 0.01; x < 1; x += 0.005) {
            double[] tc = thicknessAndCamber(s, x);
            assertEquals(0, tc[1], 1e-9, "symmetric at x=" + x);
            if (tc[0] > maxThickness) {
                maxThickness = tc[0];
                where = x;
            }
        }
        assertEquals(0.12, maxThickness, 5e-4);
        assertEquals(0.30, where, 0.02);
        assertEquals(1.0, s.x(0), 1e-12, "contour starts at the trailing edge");
        assertEquals(0.0, s.y(0), 1e-12, "closed trailing edge");
    }

    @Test
    void fourDigitCamberHasItsMaximumWhereTheDigitsSay() {
        AirfoilShape s = NacaAirfoils.create("2412", 200);
        assertEquals(0.02, thicknessAndCamber(s, 0.4)[1], 2e-4);
        assertTrue(thicknessAndCamber(s, 0.2)[1] < 0.02);
        assertTrue(thicknessAndCamber(s, 0.7)[1] < 0.02);
    }

    @Test
    void fiveDigitCamberPeaksNearFifteenPercentChord() {
        AirfoilShape s = NacaAirfoils.create("naca23012", 200);
        double best = 0;
        double where = 0;
        for (double x = 0.02; x < 0.9; x += 0.005) {
            double c = thicknessAndCamber(s, x)[1];
            if (c > best) {
                best = c;
                where = x;
            }
        }
        assertEquals(0.15, where, 0.02);
        assertEquals(0.0184, best, 1.5e-3, "23012 maximum camber is about 1.8% chord");
        assertEquals(0.12, thicknessAndCamber(s, 0.3)[0], 3e-3);
    }

    @Test
    void containsPointsInsideOnly() {
        AirfoilShape s = NacaAirfoils.create("naca0012", 80);
        assertTrue(s.contains(0.3, 0.0));
        assertTrue(s.contains(0.3, 0.05));
        assertFalse(s.contains(0.3, 0.07));
        assertFalse(s.contains(-0.01, 0.0));
        assertFalse(s.contains(1.01, 0.0));
    }

    @Test
    void rejectsDesignationsItCannotBuild() {
        assertFalse(NacaAirfoils.isNaca("naca6412a"));
        assertFalse(NacaAirfoils.isNaca("raf30"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NacaAirfoils.create("naca24x2", 50));
        assertTrue(e.getMessage().contains("naca24x2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NacaAirfoils.create("naca0000", 50));
    }
}
