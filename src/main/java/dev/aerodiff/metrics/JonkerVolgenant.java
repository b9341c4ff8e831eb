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
    /** Distance of the current scan set in {@link #augment}. */
    private double min;

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
        double range = solver.columnReduction();
        AuctionWarmStart.run(solver.c, solver.n, range, solver.v, solver.colOfRow, solver.rowOfCol, solver.cols);
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

    /** Sets {@code v} to the column minima; returns the largest minus the smallest cost. */
    private double columnReduction() {
        Arrays.fill(v, Double.POSITIVE_INFINITY);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int base = i * n;
            for (int j = 0; j < n; j++) {
                double x = c[base + j];
                if (x < v[j]) {
                    v[j] = x;
                }
                if (x > max) {
                    max = x;
                }
            }
        }
        double min = Double.POSITIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
        }
        return max - min;
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
        int end;
        while (true) {
            if (low == up) {
                up = collectMinimum(low);
                end = freeColumnAmong(low, up);
                if (end >= 0) {
                    break;
                }
            }
            int j1 = cols[low++];
            up = scanRow(rowOfCol[j1], j1, up);
            if (up < 0) {
                end = -up - 1;
                break;
            }
        }
        for (int k = 0; k < low; k++) {
            int j = cols[k];
            v[j] += dist[j] - min;
        }
        flip(start, end);
    }

    /** Moves the unsettled columns of least distance to cols[low, up); returns up; sets {@link #min}. */
    private int collectMinimum(int low) {
        int up = low;
        double least = dist[cols[up++]];
        for (int k = up; k < n; k++) {
            int j = cols[k];
            double h = dist[j];
            if (h <= least) {
                if (h < least) {
                    up = low;
                    least = h;
                }
                cols[k] = cols[up];
                cols[up++] = j;
            }
        }
        min = least;
        return up;
    }

    /** @return a column of cols[low, up) with no row, or -1 */
    private int freeColumnAmong(int low, int up) {
        for (int k = low; k < up; k++) {
            if (rowOfCol[cols[k]] < 0) {
                return cols[k];
            }
        }
        return -1;
    }

    /**
     * Relaxes the unsettled columns through row {@code i}, reached at distance {@link #min} via its
     * column {@code j1}. Returns the new end of the scan set, or {@code -(column + 1)} if a free
     * column was reached at distance min.
     */
    private int scanRow(int i, int j1, int up) {
        int rowBase = i * n;
        double least = min;
        double h = c[rowBase + j1] - v[j1] - least;
        for (int k = up; k < n; k++) {
            int j = cols[k];
            double candidate = c[rowBase + j] - v[j] - h;
            if (candidate < dist[j]) {
                pred[j] = i;
                if (candidate == least) {
                    if (rowOfCol[j] < 0) {
                        return -j - 1;
                    }
                    cols[k] = cols[up];
                    cols[up++] = j;
                }
                dist[j] = candidate;
            }
        }
        return up;
    }

    /** Flips the matching along the predecessors from column {@code end} back to row {@code start}. */
    private void flip(int start, int end) {
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
