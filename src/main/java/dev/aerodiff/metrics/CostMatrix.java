package dev.aerodiff.metrics;

/**
 * Dense transport costs between two point clouds, {@code c[i][j] = |a_i - b_j|^p} with the
 * Euclidean norm, stored row-major in one {@code double[rows * cols]} (rows: points of the first
 * cloud, columns: points of the second).
 *
 * <p>The whole matrix is held in memory: 8 bytes per pair, so 32 MB for 2000 x 2000 points.
 */
public final class CostMatrix {
    /** Largest number of entries one Java array can hold. */
    static final long MAX_ENTRIES = Integer.MAX_VALUE - 8;

    private final int rows;
    private final int cols;
    private final double[] values;

    private CostMatrix(int rows, int cols, double[] values) {
        this.rows = rows;
        this.cols = cols;
        this.values = values;
    }

    /**
     * @param rows   number of rows
     * @param cols   number of columns
     * @param values {@code rows * cols} finite costs, row-major; copied
     * @return the matrix
     * @throws IllegalArgumentException if the sizes disagree or a cost is not finite
     */
    public static CostMatrix of(int rows, int cols, double[] values) {
        if (rows < 1 || cols < 1 || (long) rows * cols != values.length) {
            throw new IllegalArgumentException("expected " + rows + " x " + cols + " costs, got " + values.length);
        }
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("cost [" + k / cols + "][" + k % cols + "] is " + values[k]);
            }
        }
        return new CostMatrix(rows, cols, values.clone());
    }

    /**
     * @param a first cloud (rows)
     * @param b second cloud (columns), of the same dimension
     * @param p exponent, at least 1
     * @return {@code |a_i - b_j|^p}; p = 2 is computed without a square root, so exactly
     * @throws IllegalArgumentException if the dimensions differ, p < 1, or the matrix is too large
     */
    public static CostMatrix distancePower(PointCloud a, PointCloud b, double p) {
        if (a.dim() != b.dim()) {
            throw new IllegalArgumentException("point clouds of different dimensions: " + a.dim() + " and " + b.dim());
        }
        checkExponent(p);
        long entries = (long) a.size() * b.size();
        if (entries > MAX_ENTRIES) {
            throw new IllegalArgumentException(a.size() + " x " + b.size() + " costs exceed the largest dense matrix ("
                    + MAX_ENTRIES + " entries)");
        }
        int n = a.size();
        int m = b.size();
        double[] c = new double[(int) entries];
        distances(a.coordsView(), b.coordsView(), n, m, a.dim(), p == 1, c);
        if (p != 1 && p != 2) {
            for (int k = 0; k < c.length; k++) {
                c[k] = Math.pow(c[k], p / 2);
            }
        }
        return new CostMatrix(n, m, c);
    }

    /** Fills {@code out[i*m + j]} with {@code |x_i - y_j|} if {@code root}, else with its square. */
    private static void distances(double[] x, double[] y, int n, int m, int dim, boolean root, double[] out) {
        RowBlocks.forEach(n, m * dim, (from, to) -> distances(x, y, from, to, m, dim, root, out));
    }

    private static void distances(double[] x, double[] y, int from, int to, int m, int dim, boolean root,
                                  double[] out) {
        for (int i = from; i < to; i++) {
            int xi = i * dim;
            int row = i * m;
            for (int j = 0; j < m; j++) {
                int yj = j * dim;
                double sq = 0;
                for (int k = 0; k < dim; k++) {
                    double diff = x[xi + k] - y[yj + k];
                    sq += diff * diff;
                }
                out[row + j] = root ? Math.sqrt(sq) : sq;
            }
        }
    }

    /** @throws IllegalArgumentException unless {@code p} is finite and at least 1 */
    static void checkExponent(double p) {
        if (!(p >= 1) || !Double.isFinite(p)) {
            throw new IllegalArgumentException("the Wasserstein exponent p must be finite and >= 1, got " + p);
        }
    }

    /** @return number of rows */
    public int rows() {
        return rows;
    }

    /** @return number of columns */
    public int cols() {
        return cols;
    }

    /** @return the cost of row {@code i} and column {@code j} */
    public double get(int i, int j) {
        return values[i * cols + j];
    }

    /** The entries without a copy, for the solvers of this package; callers must not modify them. */
    double[] view() {
        return values;
    }
}
