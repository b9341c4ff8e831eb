package dev.aerodiff.metrics;

/**
 * Exact Wasserstein distances between two equal-weight point clouds in any dimension:
 * <pre>
 *   W_p(mu, nu) = ( min_{pi in Pi(mu, nu)} sum_ij |a_i - b_j|^p pi_ij )^(1/p),
 *   mu = (1/n) sum_i delta_{a_i},  nu = (1/m) sum_j delta_{b_j}
 * </pre>
 * with the Euclidean norm, solved as a linear programme without regularisation.
 *
 * <ul>
 *   <li>n = m: an optimal plan is a permutation (Birkhoff), found by {@link JonkerVolgenant};
 *       {@code W_p^p} is the mean matched cost.</li>
 *   <li>n != m: with g = gcd(n, m), scaling the masses by nm/g makes them integers (m/g per
 *       point of the first cloud, n/g per point of the second); {@link TransportSimplex}
 *       solves that transportation problem exactly and {@code W_p^p} is its cost per unit.</li>
 * </ul>
 *
 * <p>Method names say what they return: {@code w2} is the distance W_2, {@code w2Squared} its
 * square. Memory: one dense n x m cost matrix of doubles.
 */
public final class ExactWasserstein {
    /** Name of the assignment solver, as reported in results. */
    public static final String ASSIGNMENT = "jonker-volgenant assignment (auction warm start)";
    /** Name of the transportation solver, as reported in results. */
    public static final String TRANSPORT = "network simplex transportation";

    private ExactWasserstein() {
    }

    /**
     * The outcome of one exact computation.
     *
     * @param p            the exponent
     * @param distancePowP {@code W_p^p}, the optimal mean cost
     * @param solver       {@link #ASSIGNMENT} or {@link #TRANSPORT}
     */
    public record Result(double p, double distancePowP, String solver) {
        /** @return {@code W_p}, the distance itself */
        public double distance() {
            return p == 1 ? distancePowP : Math.pow(distancePowP, 1 / p);
        }
    }

    /**
     * @param a first cloud
     * @param b second cloud, of the same dimension
     * @param p exponent, at least 1
     * @return {@code W_p^p} and {@code W_p} with the solver used
     * @throws IllegalArgumentException if the dimensions differ or p < 1
     */
    public static Result compute(PointCloud a, PointCloud b, double p) {
        CostMatrix cost = CostMatrix.distancePower(a, b, p);
        int n = a.size();
        int m = b.size();
        if (n == m) {
            return new Result(p, JonkerVolgenant.solve(cost).meanCost(), ASSIGNMENT);
        }
        long g = gcd(n, m);
        long[] supply = new long[n];
        long[] demand = new long[m];
        java.util.Arrays.fill(supply, m / g);
        java.util.Arrays.fill(demand, n / g);
        return new Result(p, TransportSimplex.solve(cost, supply, demand).costPerUnit(), TRANSPORT);
    }

    /** @return the exact W_1 distance */
    public static double w1(PointCloud a, PointCloud b) {
        return compute(a, b, 1).distance();
    }

    /** @return the exact W_2 distance (not squared) */
    public static double w2(PointCloud a, PointCloud b) {
        return compute(a, b, 2).distance();
    }

    /** @return the exact squared W_2 distance, {@code W_2^2} */
    public static double w2Squared(PointCloud a, PointCloud b) {
        return compute(a, b, 2).distancePowP();
    }

    private static long gcd(long x, long y) {
        return y == 0 ? x : gcd(y, x % y);
    }
}
