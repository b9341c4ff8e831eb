package dev.aerodiff.metrics;

/**
 * An equal-weight empirical measure in R^dim: {@code size} points, each of weight 1/size.
 *
 * <p>Coordinates are stored row-major, point {@code k} at {@code coords[k*dim .. k*dim+dim)}.
 * Instances are immutable: the constructor and {@link #coords()} copy.
 */
public final class PointCloud {
    private final int size;
    private final int dim;
    private final double[] coords;

    /**
     * @param size   number of points, at least 1
     * @param dim    dimension of each point, at least 1
     * @param coords {@code size * dim} finite coordinates, row-major; copied
     * @throws IllegalArgumentException if the sizes disagree or a coordinate is not finite
     */
    public PointCloud(int size, int dim, double[] coords) {
        if (size < 1 || dim < 1) {
            throw new IllegalArgumentException("a point cloud needs at least one point of dimension >= 1, got "
                    + size + " points of dimension " + dim);
        }
        if ((long) size * dim != coords.length) {
            throw new IllegalArgumentException("expected " + size + " x " + dim + " = " + (long) size * dim
                    + " coordinates, got " + coords.length);
        }
        for (int k = 0; k < coords.length; k++) {
            if (!Double.isFinite(coords[k])) {
                throw new IllegalArgumentException("coordinate " + k % dim + " of point " + k / dim + " is "
                        + coords[k] + "; coordinates must be finite");
            }
        }
        this.size = size;
        this.dim = dim;
        this.coords = coords.clone();
    }

    /** @return number of points */
    public int size() {
        return size;
    }

    /** @return dimension of each point */
    public int dim() {
        return dim;
    }

    /** @return coordinate {@code axis} of point {@code point} */
    public double coord(int point, int axis) {
        return coords[point * dim + axis];
    }

    /** @return a copy of the coordinates, row-major {@code [point][axis]} */
    public double[] coords() {
        return coords.clone();
    }

    /** The coordinates without a copy, for the solvers of this package; callers must not modify them. */
    double[] coordsView() {
        return coords;
    }
}
