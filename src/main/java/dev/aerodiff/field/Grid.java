package dev.aerodiff.field;

import java.util.Arrays;

/**
 * A regular Cartesian grid in chord units on which flow fields are sampled.
 *
 * <p>Coordinates are the positions of the pixel centres (or corners: AeroDiff only needs them to
 * be strictly increasing). Arrays on this grid are stored row-major as {@code [y][x]}, so the
 * flat index of cell {@code (j, i)} is {@code j * nx + i}.
 */
public final class Grid {
    private final double[] x;
    private final double[] y;

    /**
     * @param x streamwise coordinates, strictly increasing, at least one
     * @param y cross-stream coordinates, strictly increasing, at least one
     * @throws IllegalArgumentException if a coordinate array is empty, not finite or not increasing
     */
    public Grid(double[] x, double[] y) {
        this.x = checkAxis("x", x);
        this.y = checkAxis("y", y);
    }

    /**
     * The grid of the published airfoil data sets: {@code nx} by {@code ny} cells over
     * {@code [x0, x1) x [y0, y1)}, coordinate {@code x0 + i (x1 - x0) / nx}.
     *
     * @return the grid
     */
    public static Grid uniform(int nx, int ny, double x0, double x1, double y0, double y1) {
        if (nx < 1 || ny < 1) {
            throw new IllegalArgumentException("grid needs at least 1x1 cells, got " + nx + "x" + ny);
        }
        double[] xs = new double[nx];
        double[] ys = new double[ny];
        for (int i = 0; i < nx; i++) {
            xs[i] = x0 + i * (x1 - x0) / nx;
        }
        for (int j = 0; j < ny; j++) {
            ys[j] = y0 + j * (y1 - y0) / ny;
        }
        return new Grid(xs, ys);
    }

    private static double[] checkAxis(String name, double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("grid axis " + name + " is empty");
        }
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("grid axis " + name + "[" + k + "] is " + values[k]);
            }
            if (k > 0 && values[k] <= values[k - 1]) {
                throw new IllegalArgumentException("grid axis " + name + " must be strictly increasing, but "
                        + name + "[" + k + "] = " + values[k] + " <= " + values[k - 1]);
            }
        }
        return values.clone();
    }

    /** @return number of cells along x */
    public int nx() {
        return x.length;
    }

    /** @return number of cells along y */
    public int ny() {
        return y.length;
    }

    /** @return nx * ny */
    public int cellCount() {
        return x.length * y.length;
    }

    /** @return a copy of the x coordinates */
    public double[] x() {
        return x.clone();
    }

    /** @return a copy of the y coordinates */
    public double[] y() {
        return y.clone();
    }

    /** @return x coordinate of column i */
    public double x(int i) {
        return x[i];
    }

    /** @return y coordinate of row j */
    public double y(int j) {
        return y[j];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid g && Arrays.equals(x, g.x) && Arrays.equals(y, g.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    /** @return the size and extent for people: "64 x 64, x in [-0.5000, 1.469], y in [...] (chords)" */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%d x %d, x in [%.4g, %.4g], y in [%.4g, %.4g] (chords)", nx(),
                ny(), x[0], x[nx() - 1], y[0], y[ny() - 1]);
    }

    @Override
    public String toString() {
        return "Grid[" + nx() + "x" + ny() + ", x in [" + x[0] + ", " + x[nx() - 1] + "], y in ["
                + y[0] + ", " + y[ny() - 1] + "]]";
    }
}
