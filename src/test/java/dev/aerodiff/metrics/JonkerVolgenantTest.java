package dev.aerodiff.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JonkerVolgenantTest {

    /** Minimum over all n! permutations, by Heap's algorithm. */
    private static double bruteForce(CostMatrix c) {
        int n = c.rows();
        int[] perm = new int[n];
        for (int k = 0; k < n; k++) {
            perm[k] = k;
        }
        double best = cost(c, perm);
        int[] counter = new int[n];
        int k = 1;
        while (k < n) {
            if (counter[k] < k) {
                int swap = k % 2 == 0 ? 0 : counter[k];
                int tmp = perm[swap];
                perm[swap] = perm[k];
                perm[k] = tmp;
                best = Math.min(best, cost(c, perm));
                counter[k]++;
                k = 1;
            } else {
                counter[k] = 0;
                k++;
            }
        }
        return best;
    }

    private static double cost(CostMatrix c, int[] perm) {
        double s = 0;
        for (int i = 0; i < perm.length; i++) {
            s += c.get(i, perm[i]);
        }
        return s;
    }

    @Test
    void matchesBruteForceOverAllPermutationsUpToSeven() {
        Random random = new Random(11);
        for (int n = 1; n <= 7; n++) {
            for (int trial = 0; trial < 40; trial++) {
                CostMatrix c = Clouds.costs(random, n, n, trial % 2 == 0);
                Assignment a = JonkerVolgenant.solve(c);
                int[] sorted = a.columnOfRow().clone();
                Arrays.sort(sorted);
                int[] identity = new int[n];
                Arrays.setAll(identity, k -> k);
                assertArrayEquals(identity, sorted, "not a permutation");
                assertEquals(cost(c, a.columnOfRow()), a.totalCost(), 1e-12);
                assertEquals(bruteForce(c), a.totalCost(), 1e-9, "n = " + n + ", trial " + trial);
            }
        }
    }

    @Test
    void agreesWithTheTransportSimplexOnLargerInstances() {
        Random random = new Random(3);
        for (int n : new int[] {20, 150, 400}) {
            CostMatrix c = CostMatrix.distancePower(Clouds.gaussian(random, n, 3, 0, 1),
                    Clouds.gaussian(random, n, 3, 0.5, 1.5), 1);
            long[] ones = new long[n];
            Arrays.fill(ones, 1);
            double simplex = TransportSimplex.solve(c, ones, ones).totalCost();
            assertEquals(simplex, JonkerVolgenant.solve(c).totalCost(), 1e-9 * simplex, "n = " + n);
        }
    }

    @Test
    void handlesAllEqualCosts() {
        CostMatrix c = CostMatrix.of(3, 3, new double[] {2, 2, 2, 2, 2, 2, 2, 2, 2});
        assertEquals(6, JonkerVolgenant.solve(c).totalCost(), 0);
    }

    @Test
    void rejectsRectangularMatrices() {
        assertThrows(IllegalArgumentException.class, () -> JonkerVolgenant.solve(CostMatrix.of(2, 3, new double[6])));
    }
}
