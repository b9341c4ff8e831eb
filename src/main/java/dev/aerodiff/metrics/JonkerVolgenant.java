package dev.aerodiff.metrics;

import java.util.Arrays;

/**
 * Exact solver of the linear assignment problem {@code min_sigma sum_i c[i][sigma(i)]} over
 * permutations: the shortest augmenting path method of Jonker and Volgenant (Computing 38, 1987)
 * on the dense cost matrix, warm-started by an epsilon-scaling auction.
 *
 * <ol>
 *   <li><b>Column reduction</b>: column duals {@code v[j] = min_i c[i][j]}.</li>
 *   <li><b>Warm start</b> ({@link AuctionWarmStart}): near-optimal duals and a matching. Every
 *       row whose column is not an exact minimiser of its reduced costs {@code c[i][j] - v[j]}
 *       is set free again, so that the invariant below holds exactly.</li>
 *   <li><b>Augmentation</b>: for each free row, Dijkstra's shortest path in reduced costs to a
 *       free column, settling columns in batches of equal distance, then the dual update
 *       {@code v[j] += d[j] - d_min} of the settled columns and a flip of the matching along the
 *       path.</li>
 * </ol>
 *
 * <p>Invariant of the augmentation: every matched row's column minimises {@code c[i][j] - v[j]}
 * over j. The final matching is then complementary-slack with the duals, hence optimal; the cost
 * is exact up to floating-point rounding in the dual updates. Worst-case time O(n^3), memory O(n)
 * beside the matrix. The loops run over primitive arrays and allocate nothing.
 */
public final class JonkerVolgenant {
    private final int n;
    private final double[] c;
    private final int[] colOfRow;
    private final int[] rowOfCol;
    private final double[] v;
    // workspace of the augmentation step
    private final double[] dist;
    private final int[] pred;
    private final int[] cols;

    private JonkerVolgenant(CostMatrix cost) {
        this.n = cost.rows();
        this.c = cost.view();
        this.colOfRow = new int[n];
        this.rowOfCol = new int[n];
        this.v = new double[n];
        this.dist = new double[n];
        this.pred = new int[n];
        this.cols = new int[n];
    }

    /**
     * @param cost a square cost matrix
     * @return an optimal assignment
     * @throws IllegalArgumentException if the matrix is not square
     */
    public static Assignment solve(CostMatrix cost) {
        if (cost.rows() != cost.cols()) {
            throw new IllegalArgumentException("the assignment problem needs a square cost matrix, got "
                    + cost.rows() + " x " + cost.cols());
        }
        JonkerVolgenant solver = new JonkerVolgenant(cost);
        solver.columnReduction();
        AuctionWarmStart.run(solver.c, solver.n, solver.v, solver.colOfRow, solver.rowOfCol, solver.cols);
        int[] free = solver.releaseRowsWithSlack();
        for (int row : free) {
            solver.augment(row);
        }
        double total = 0;
        for (int i = 0; i < solver.n; i++) {
            total += solver.c[i * solver.n + solver.colOfRow[i]];
        }
        return new Assignment(solver.colOfRow.clone(), total);
    }

    private void columnReduction() {
        Arrays.fill(v, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int base = i * n;
            for (int j = 0; j < n; j++) {
                v[j] = Math.min(v[j], c[base + j]);
            }
        }
    }

    /** Frees every matched row whose column is not an exact minimiser; returns the free rows. */
    private int[] releaseRowsWithSlack() {
        boolean[] keep = new boolean[n];
        RowBlocks.forEach(n, n, (from, to) -> {
            for (int i = from; i < to; i++) {
                keep[i] = colOfRow[i] >= 0 && isExactMinimum(i, colOfRow[i]);
            }
        });
        int[] free = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!keep[i]) {
                if (colOfRow[i] >= 0) {
                    rowOfCol[colOfRow[i]] = -1;
                    colOfRow[i] = -1;
                }
                free[count++] = i;
            }
        }
        return Arrays.copyOf(free, count);
    }

    /** @return whether column {@code own} minimises the reduced cost of row {@code i} */
    private boolean isExactMinimum(int i, int own) {
        int base = i * n;
        double mine = c[base + own] - v[own];
        for (int j = 0; j < n; j++) {
            if (c[base + j] - v[j] < mine) {
                return false;
            }
        }
        return true;
    }

    /** Shortest augmenting path from free row {@code start} to a free column; flips the matching. */
    private void augment(int start) {
        int base = start * n;
        for (int j = 0; j < n; j++) {
            dist[j] = c[base + j] - v[j];
            pred[j] = start;
            cols[j] = j;
        }
        // cols[0, low): settled; cols[low, up): distance == min, to scan; cols[up, n): unsettled
        int low = 0;
        int up = 0;
        double min = 0;
        int end = -1;
        search:
        while (true) {
            if (low == up) {
                min = dist[cols[up++]];
                for (int k = up; k < n; k++) {
                    int j = cols[k];
                    double h = dist[j];
                    if (h <= min) {
                        if (h < min) {
                            up = low;
                            min = h;
                        }
                        cols[k] = cols[up];
                        cols[up++] = j;
                    }
                }
                for (int k = low; k < up; k++) {
                    if (rowOfCol[cols[k]] < 0) {
                        end = cols[k];
                        break search;
                    }
                }
            }
            int j1 = cols[low++];
            int i = rowOfCol[j1];
            int rowBase = i * n;
            double h = c[rowBase + j1] - v[j1] - min;
            for (int k = up; k < n; k++) {
                int j = cols[k];
                double candidate = c[rowBase + j] - v[j] - h;
                if (candidate < dist[j]) {
                    pred[j] = i;
                    if (candidate == min) {
                        if (rowOfCol[j] < 0) {
                            end = j;
                            break search;
                        }
                        cols[k] = cols[up];
                        cols[up++] = j;
                    }
                    dist[j] = candidate;
                }
            }
        }
        for (int k = 0; k < low; k++) {
            int j = cols[k];
            v[j] += dist[j] - min;
        }
        int i;
        do {
            i = pred[end];
            rowOfCol[end] = i;
            int previous = colOfRow[i];
            colOfRow[i] = end;
            end = previous;
        } while (i != start);
    }
}
