package dev.aerodiff.metrics;

import java.util.Arrays;

/**
 * Warm start for {@link JonkerVolgenant}: Bertsekas' forward auction with epsilon scaling
 * (Bertsekas, Ann. Oper. Res. 14, 1988) in minimisation form. It leaves column duals {@code v}
 * close to optimal and a matching that is epsilon-complementary-slack.
 *
 * <p>A free row {@code i} bids for its cheapest column {@code j1} in reduced cost
 * {@code c[i][j] - v[j]}: it lowers {@code v[j1]} by the gap to its second cheapest column plus
 * {@code eps}, and evicts the column's previous row. Each phase starts from an empty matching with
 * the duals of the previous phase and an epsilon six times smaller, from 1/36 of the cost range
 * down to 1e-5 of it. Bids are bounded (40 per row and phase); past the bound the auction stops
 * where it is. The result is only a starting point: the caller keeps the rows whose column is an
 * exact minimiser and re-routes the others by shortest augmenting paths, so exactness never
 * depends on this step.
 *
 * <p>Candidate cache: duals only ever decrease, so reduced costs only grow. A full scan of a row
 * keeps its {@value #CACHED} cheapest columns and the next-cheapest reduced cost as a lower bound
 * for all the others; a bid needs only the cached columns while their best stays within that
 * bound (the bound also stands in for a second-best outside the cache, which keeps the bid
 * epsilon-complementary-slack), and rescans the row otherwise. The caches of all rows are first
 * filled against the starting duals, in parallel ({@link RowBlocks}); the bids themselves run in
 * one thread, so the result does not depend on the number of threads.
 */
final class AuctionWarmStart {
    /** Ratio of successive epsilons. */
    private static final double SCALING = 6.0;
    /** The last epsilon, relative to the cost range. */
    private static final double FINAL_EPS = 1e-5;
    /** Bids allowed per row and phase, beyond the first. */
    private static final int BIDS_PER_ROW = 40;
    /** Columns cached per row. */
    private static final int CACHED = 8;

    private final double[] c;
    private final int n;
    private final double[] v;
    private final int cached;
    private final int[] cacheCols;
    private final double[] cacheBound;
    private final double[] topValue;
    private final int[] topCol;

    private AuctionWarmStart(double[] c, int n, double[] v) {
        this.c = c;
        this.n = n;
        this.v = v;
        this.cached = Math.min(CACHED, n - 1);
        this.cacheCols = new int[n * cached];
        this.cacheBound = new double[n];
        this.topValue = new double[cached + 1];
        this.topCol = new int[cached + 1];
    }

    /**
     * @param c        n x n costs, row-major
     * @param n        size
     * @param range    largest minus smallest cost
     * @param v        column duals, updated in place (start: column minima)
     * @param colOfRow matching, filled (-1 where a row is left free)
     * @param rowOfCol inverse matching, filled (-1 where a column is left free)
     * @param queue    workspace of n ints
     */
    static void run(double[] c, int n, double range, double[] v, int[] colOfRow, int[] rowOfCol, int[] queue) {
        Arrays.fill(colOfRow, -1);
        Arrays.fill(rowOfCol, -1);
        if (n < 2 || range == 0) {
            return;
        }
        AuctionWarmStart auction = new AuctionWarmStart(c, n, v);
        RowBlocks.forEach(n, n, auction::fillCaches);
        double finalEps = FINAL_EPS * range;
        for (double eps = range / (SCALING * SCALING); ; eps = Math.max(eps / SCALING, finalEps)) {
            if (!auction.phase(colOfRow, rowOfCol, queue, eps) || eps == finalEps) {
                return;
            }
        }
    }

    /** One auction at fixed {@code eps} from an empty matching; false if the bid budget ran out. */
    private boolean phase(int[] colOfRow, int[] rowOfCol, int[] queue, double eps) {
        Arrays.fill(colOfRow, -1);
        Arrays.fill(rowOfCol, -1);
        for (int i = 0; i < n; i++) {
            queue[i] = i;
        }
        int head = 0;
        int pending = n;
        long budget = (long) BIDS_PER_ROW * n + n;
        while (pending > 0) {
            if (budget-- == 0) {
                return false;
            }
            int i = queue[head];
            head = head + 1 == n ? 0 : head + 1;
            pending--;
            int j = bid(i, eps);
            int evicted = rowOfCol[j];
            colOfRow[i] = j;
            rowOfCol[j] = i;
            if (evicted >= 0) {
                colOfRow[evicted] = -1;
                int tail = head + pending;
                queue[tail >= n ? tail - n : tail] = evicted;
                pending++;
            }
        }
        return true;
    }

    /** Row {@code i} bids: lowers the dual of its cheapest column and returns that column. */
    private int bid(int i, double eps) {
        int base = i * n;
        int cacheBase = i * cached;
        double bound = cacheBound[i];
        double u1 = Double.POSITIVE_INFINITY;
        double u2 = Double.POSITIVE_INFINITY;
        int j1 = -1;
        for (int t = 0; t < cached; t++) {
            int j = cacheCols[cacheBase + t];
            double h = c[base + j] - v[j];
            if (h < u2) {
                if (h < u1) {
                    u2 = u1;
                    u1 = h;
                    j1 = j;
                } else {
                    u2 = h;
                }
            }
        }
        if (u1 <= bound) {
            v[j1] -= Math.min(u2, bound) - u1 + eps;
            return j1;
        }
        fullScan(base, topValue, topCol);
        System.arraycopy(topCol, 0, cacheCols, cacheBase, cached);
        cacheBound[i] = topValue[cached];
        j1 = topCol[0];
        v[j1] -= topValue[1] - topValue[0] + eps;
        return j1;
    }

    /** Fills topValue/topCol with the {@code cached + 1} smallest reduced costs of a row, ascending. */
    private void fullScan(int base, double[] topValue, int[] topCol) {
        int keep = cached + 1;
        for (int j = 0; j < keep; j++) {
            insert(topValue, topCol, j, j, c[base + j] - v[j]);
        }
        double worst = topValue[cached];
        for (int j = keep; j < n; j++) {
            double h = c[base + j] - v[j];
            if (h < worst) {
                insert(topValue, topCol, cached, j, h);
                worst = topValue[cached];
            }
        }
    }

    /** Inserts (h, j) into the ascending list topValue/topCol, whose slot {@code pos} is free. */
    private static void insert(double[] topValue, int[] topCol, int pos, int j, double h) {
        while (pos > 0 && topValue[pos - 1] > h) {
            topValue[pos] = topValue[pos - 1];
            topCol[pos] = topCol[pos - 1];
            pos--;
        }
        topValue[pos] = h;
        topCol[pos] = j;
    }

    /** Fills the candidate cache of rows [from, to) by full scans against the current duals. */
    private void fillCaches(int from, int to) {
        double[] topValue = new double[cached + 1];
        int[] topCol = new int[cached + 1];
        for (int i = from; i < to; i++) {
            fullScan(i * n, topValue, topCol);
            System.arraycopy(topCol, 0, cacheCols, i * cached, cached);
            cacheBound[i] = topValue[cached];
        }
    }
}
