package dev.aerodiff.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

class TransportSimplexTest {

    /** The same problem as a plain LP, solved by Hipparchus' dense simplex. */
    private static double linearProgramme(CostMatrix c, long[] supply, long[] demand) {
        int n = c.rows();
        int m = c.cols();
        double[] objective = new double[n * m];
        for (int k = 0; k < objective.length; k++) {
            objective[k] = c.get(k / m, k % m);
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[n * m];
            for (int j = 0; j < m; j++) {
                row[i * m + j] = 1;
            }
            constraints.add(new LinearConstraint(row, Relationship.EQ, supply[i]));
        }
        for (int j = 0; j < m; j++) {
            double[] col = new double[n * m];
            for (int i = 0; i < n; i++) {
                col[i * m + j] = 1;
            }
            constraints.add(new LinearConstraint(col, Relationship.EQ, demand[j]));
        }
        return new SimplexSolver().optimize(new LinearObjectiveFunction(objective, 0),
                new LinearConstraintSet(constraints), GoalType.MINIMIZE, new NonNegativeConstraint(true)).getValue();
    }

    private static long[] randomAmounts(Random random, int count, long total) {
        long[] a = new long[count];
        java.util.Arrays.fill(a, 1);
        for (long left = total - count; left > 0; left--) {
            a[random.nextInt(count)]++;
        }
        return a;
    }

    @Test
    void matchesALinearProgrammeOnRandomUnbalancedShapes() {
        Random random = new Random(17);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + random.nextInt(6);
            int m = 1 + random.nextInt(6);
            long total = Math.max(n, m) + random.nextInt(12);
            long[] supply = randomAmounts(random, n, total);
            long[] demand = randomAmounts(random, m, total);
            CostMatrix c = Clouds.costs(random, n, m, trial % 3 == 0);
            TransportPlan plan = TransportSimplex.solve(c, supply, demand);
            assertEquals(linearProgramme(c, supply, demand), plan.totalCost(), 1e-7, "trial " + trial);
            long[] shipped = new long[n];
            long[] received = new long[m];
            double cost = 0;
            for (int k = 0; k < plan.amounts().length; k++) {
                assertTrue(plan.amounts()[k] > 0);
                shipped[plan.rows()[k]] += plan.amounts()[k];
                received[plan.cols()[k]] += plan.amounts()[k];
                cost += plan.amounts()[k] * c.get(plan.rows()[k], plan.cols()[k]);
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(supply, shipped);
            org.junit.jupiter.api.Assertions.assertArrayEquals(demand, received);
            assertEquals(cost, plan.totalCost(), 1e-9);
            assertTrue(plan.amounts().length <= n + m - 1, "a basic plan has at most n + m - 1 flows");
        }
    }

    @Test
    void uniformMassesEqualTheReplicatedAssignment() {
        // W_p^p between clouds of 4 and 6 points = assignment between 12 replicated points each
        Random random = new Random(5);
        for (int trial = 0; trial < 5; trial++) {
            PointCloud a = Clouds.gaussian(random, 4, 2, 0, 1);
            PointCloud b = Clouds.gaussian(random, 6, 2, 1, 1);
            double viaTransport = ExactWasserstein.compute(a, b, 2).distancePowP();
            double viaAssignment = JonkerVolgenant.solve(CostMatrix.distancePower(Clouds.replicated(a, 3),
                    Clouds.replicated(b, 2), 2)).meanCost();
            assertEquals(viaAssignment, viaTransport, 1e-12);
        }
    }

    @Test
    void rejectsUnbalancedTotals() {
        CostMatrix c = CostMatrix.of(1, 2, new double[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> TransportSimplex.solve(c, new long[] {3}, new long[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> TransportSimplex.solve(c, new long[] {2}, new long[] {2, 0}));
    }
}
