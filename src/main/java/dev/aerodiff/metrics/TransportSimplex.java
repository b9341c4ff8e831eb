package dev.aerodiff.metrics;

/**
 * Exact solver of the dense balanced transportation problem
 * <pre>
 *   min sum_ij c[i][j] x[i][j]   subject to   sum_j x[i][j] = supply[i],  sum_i x[i][j] = demand[j],  x >= 0
 * </pre>
 * with positive integer supplies and demands, by the primal network simplex method on a spanning
 * tree (Ahuja, Magnanti and Orlin, <i>Network Flows</i>, 1993, chapter 11).
 *
 * <ul>
 *   <li>Nodes: rows {@code 0..n-1}, columns {@code n..n+m-1} and an artificial root. The first
 *       basis ships every supply to the root and every demand from it along artificial arcs
 *       costing {@code (n + m + 1) (max c + 1)} per unit, more than any real rerouting, so an
 *       optimum carries nothing on them.</li>
 *   <li>Potentials {@code pi} make every tree arc's reduced cost
 *       {@code c(x, y) + pi[x] - pi[y]} zero; a real arc with negative reduced cost enters. Block
 *       search pricing scans {@code sqrt(n m)} arcs at a time, from where the last search
 *       stopped, and takes the most negative of the first block that has one.</li>
 *   <li>The leaving arc is the last blocking arc met when the cycle is walked in its
 *       orientation from its apex (Cunningham's strongly feasible rule), which prevents cycling
 *       on degenerate pivots. The subtree cut off is re-hung under the entering arc and its
 *       potentials are recomputed from the parents, so rounding does not accumulate.</li>
 * </ul>
 *
 * <p>Optimality is declared when no real arc has a reduced cost below {@code -1e-14 (n + m + 1)
 * (max c + 1)}, which bounds the gap to the exact optimum far below 1e-9 relative for any
 * non-degenerate cost scale. Flows are integers. The loops run over primitive arrays and
 * allocate nothing.
 */
public final class TransportSimplex {
    private static final double TOLERANCE = 1e-14;

    private final int n;
    private final int m;
    private final int root;
    private final double[] c;
    private final double artificialCost;
    private final double tolerance;
    // spanning tree: for each node but the root, its parent and the arc to it
    private final int[] parent;
    private final boolean[] upward;      // arc goes node -> parent (else parent -> node)
    private final long[] flow;           // flow on the arc to the parent
    private final double[] arcCost;      // cost of the arc to the parent
    private final int[] depth;
    private final double[] pi;
    private final int[] firstChild;
    private final int[] nextSibling;
    private final int[] prevSibling;
    private final int[] stack;

    private TransportSimplex(CostMatrix cost) {
        n = cost.rows();
        m = cost.cols();
        root = n + m;
        c = cost.view();
        double max = 0;
        for (double x : c) {
            max = Math.max(max, Math.abs(x));
        }
        artificialCost = (n + m + 1.0) * (max + 1.0);
        tolerance = TOLERANCE * artificialCost;
        int nodes = n + m + 1;
        parent = new int[nodes];
        upward = new boolean[nodes];
        flow = new long[nodes];
        arcCost = new double[nodes];
        depth = new int[nodes];
        pi = new double[nodes];
        firstChild = new int[nodes];
        nextSibling = new int[nodes];
        prevSibling = new int[nodes];
        stack = new int[nodes];
    }

    /**
     * @param cost   costs, rows = supply nodes, columns = demand nodes
     * @param supply positive amount at each row
     * @param demand positive amount at each column, same total as {@code supply}
     * @return an optimal plan
     * @throws IllegalArgumentException if the sizes disagree, an amount is not positive or the
     *                                  totals differ
     */
    public static TransportPlan solve(CostMatrix cost, long[] supply, long[] demand) {
        if (supply.length != cost.rows() || demand.length != cost.cols()) {
            throw new IllegalArgumentException("expected " + cost.rows() + " supplies and " + cost.cols()
                    + " demands, got " + supply.length + " and " + demand.length);
        }
        long total = positiveTotal("supply", supply);
        long totalDemand = positiveTotal("demand", demand);
        if (total != totalDemand) {
            throw new IllegalArgumentException("total supply " + total + " differs from total demand " + totalDemand);
        }
        TransportSimplex simplex = new TransportSimplex(cost);
        simplex.initialBasis(supply, demand);
        simplex.pivotToOptimum();
        return simplex.plan(total);
    }

    private static long positiveTotal(String what, long[] amounts) {
        long total = 0;
        for (int k = 0; k < amounts.length; k++) {
            if (amounts[k] <= 0) {
                throw new IllegalArgumentException(what + "[" + k + "] must be positive, got " + amounts[k]);
            }
            total = Math.addExact(total, amounts[k]);
        }
        return total;
    }

    private void initialBasis(long[] supply, long[] demand) {
        java.util.Arrays.fill(firstChild, -1);
        parent[root] = -1;
        for (int node = 0; node < root; node++) {
            boolean isRow = node < n;
            parent[node] = root;
            upward[node] = isRow;
            flow[node] = isRow ? supply[node] : demand[node - n];
            arcCost[node] = isRow ? 0 : artificialCost;
            depth[node] = 1;
            pi[node] = isRow ? 0 : artificialCost;
            attach(node, root);
        }
    }

    private void pivotToOptimum() {
        long arcs = (long) n * m;
        int block = (int) Math.max(10, Math.min(arcs, Math.round(Math.sqrt((double) arcs))));
        long maxPivots = 50L * arcs + 1000;
        long next = 0;
        for (long pivot = 0; ; pivot++) {
            if (pivot > maxPivots) {
                throw new IllegalStateException("network simplex made " + pivot + " pivots without reaching the "
                        + "optimum of a " + n + " x " + m + " transportation problem");
            }
            // block search pricing
            double best = -tolerance;
            long entering = -1;
            long scanned = 0;
            long e = next;
            while (scanned < arcs) {
                int i = (int) (e / m);
                int j = (int) (e - (long) i * m);
                double piRow = pi[i];
                int base = i * m;
                int end = (int) Math.min(m, j + (block - scanned % block));
                for (; j < end; j++) {
                    double r = c[base + j] + piRow - pi[n + j];
                    if (r < best) {
                        best = r;
                        entering = (long) base + j;
                    }
                }
                long step = end - (int) (e - (long) i * m);
                scanned += step;
                e += step;
                if (e == arcs) {
                    e = 0;
                }
                if (entering >= 0 && scanned % block == 0) {
                    break;
                }
            }
            if (entering < 0) {
                return;
            }
            next = e;
            pivot((int) (entering / m), n + (int) (entering % m));
        }
    }

    /** Brings arc (x -> y), x a row and y a column, into the basis. */
    private void pivot(int x, int y) {
        int apex = apex(x, y);
        long theta = Long.MAX_VALUE;
        int out = -1;
        boolean outOnSourceSide = true;
        for (int w = x; w != apex; w = parent[w]) {   // walked apex -> x: decreasing where the arc points up
            if (upward[w] && flow[w] < theta) {
                theta = flow[w];
                out = w;
            }
        }
        for (int w = y; w != apex; w = parent[w]) {   // walked y -> apex: decreasing where the arc points down
            if (!upward[w] && flow[w] <= theta) {
                theta = flow[w];
                out = w;
                outOnSourceSide = false;
            }
        }
        for (int w = x; w != apex; w = parent[w]) {
            flow[w] += upward[w] ? -theta : theta;
        }
        for (int w = y; w != apex; w = parent[w]) {
            flow[w] += upward[w] ? theta : -theta;
        }
        double cost = c[x * m + (y - n)];
        if (outOnSourceSide) {
            rehang(x, y, true, theta, cost, out);
        } else {
            rehang(y, x, false, theta, cost, out);
        }
    }

    private int apex(int x, int y) {
        while (depth[x] > depth[y]) {
            x = parent[x];
        }
        while (depth[y] > depth[x]) {
            y = parent[y];
        }
        while (x != y) {
            x = parent[x];
            y = parent[y];
        }
        return x;
    }

    /**
     * Cuts the arc above {@code out}, re-roots the cut subtree at {@code start} and hangs it under
     * {@code newParent} by the entering arc, reversing the parent links on the path start..out.
     */
    private void rehang(int start, int newParent, boolean newUpward, long newFlow, double newCost, int out) {
        int w = start;
        int above = newParent;
        boolean up = newUpward;
        long f = newFlow;
        double cost = newCost;
        while (true) {
            int oldParent = parent[w];
            boolean oldUpward = upward[w];
            long oldFlow = flow[w];
            double oldCost = arcCost[w];
            detach(w, oldParent);
            parent[w] = above;
            upward[w] = up;
            flow[w] = f;
            arcCost[w] = cost;
            attach(w, above);
            if (w == out) {
                break;
            }
            above = w;
            up = !oldUpward;
            f = oldFlow;
            cost = oldCost;
            w = oldParent;
        }
        refreshSubtree(start);
    }

    /** Recomputes depth and potential of every node in the subtree of {@code top} from its parent. */
    private void refreshSubtree(int top) {
        int size = 0;
        stack[size++] = top;
        while (size > 0) {
            int w = stack[--size];
            int p = parent[w];
            depth[w] = depth[p] + 1;
            pi[w] = upward[w] ? pi[p] - arcCost[w] : pi[p] + arcCost[w];
            for (int child = firstChild[w]; child >= 0; child = nextSibling[child]) {
                stack[size++] = child;
            }
        }
    }

    private void attach(int w, int p) {
        int first = firstChild[p];
        nextSibling[w] = first;
        prevSibling[w] = -1;
        if (first >= 0) {
            prevSibling[first] = w;
        }
        firstChild[p] = w;
    }

    private void detach(int w, int p) {
        int before = prevSibling[w];
        int after = nextSibling[w];
        if (before >= 0) {
            nextSibling[before] = after;
        } else {
            firstChild[p] = after;
        }
        if (after >= 0) {
            prevSibling[after] = before;
        }
    }

    private TransportPlan plan(long total) {
        int count = 0;
        for (int w = 0; w < root; w++) {
            if (flow[w] > 0 && parent[w] != root) {
                count++;
            } else if (flow[w] > 0) {
                throw new IllegalStateException("network simplex ended with " + flow[w]
                        + " units on an artificial arc");
            }
        }
        int[] rows = new int[count];
        int[] cols = new int[count];
        long[] amounts = new long[count];
        double cost = 0;
        int k = 0;
        for (int w = 0; w < root; w++) {
            if (flow[w] > 0) {
                int row = upward[w] ? w : parent[w];
                int col = (upward[w] ? parent[w] : w) - n;
                rows[k] = row;
                cols[k] = col;
                amounts[k] = flow[w];
                cost += c[row * m + col] * flow[w];
                k++;
            }
        }
        return new TransportPlan(rows, cols, amounts, cost, total);
    }
}
