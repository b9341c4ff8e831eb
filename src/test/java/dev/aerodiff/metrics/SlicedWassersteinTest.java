package dev.aerodiff.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SlicedWassersteinTest {

    @Test
    void inOneDimensionEqualsTheExactDistance() {
        Random random = new Random(1);
        PointCloud a = Clouds.gaussian(random, 40, 1, 0, 1);
        PointCloud b = Clouds.gaussian(random, 30, 1, 1, 2);
        assertEquals(ExactWasserstein.w1(a, b), SlicedWasserstein.slicedW1(a, b, 3, 9), 1e-12);
        assertEquals(ExactWasserstein.w2(a, b), SlicedWasserstein.slicedW2(a, b, 3, 9), 1e-12);
    }

    @Test
    void aTranslationGivesTheMeanAbsoluteProjection() {
        // SW_1 of a translation by t in d dims = |t| E|theta_1| = |t| Gamma(d/2) / (sqrt(pi) Gamma((d+1)/2)); d = 3: |t|/2
        PointCloud a = Clouds.gaussian(new Random(2), 60, 3, 0, 1);
        PointCloud b = Clouds.translated(a, new double[] {0, 0, 2});
        assertEquals(1.0, SlicedWasserstein.slicedW1(a, b, 20_000, 5), 0.02);
    }

    @Test
    void isDeterministicInTheSeedAndBelowTheExactDistance() {
        Random random = new Random(3);
        PointCloud a = Clouds.gaussian(random, 50, 10, 0, 1);
        PointCloud b = Clouds.gaussian(random, 50, 10, 0.3, 1);
        double first = SlicedWasserstein.slicedW2(a, b, 64, 42);
        assertEquals(first, SlicedWasserstein.slicedW2(a, b, 64, 42), 0);
        assertNotEquals(first, SlicedWasserstein.slicedW2(a, b, 64, 43));
        assertTrue(first <= ExactWasserstein.w2(a, b));
        assertEquals(0, SlicedWasserstein.slicedW1(a, a, 16, 1), 1e-12);
    }
}
