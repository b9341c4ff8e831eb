package dev.aerodiff.cfd;

import dev.aerodiff.field.Grid;
import java.util.Arrays;

/**
 * An airfoil contour in chord units: a closed polygon running from the trailing edge over the
 * upper surface to the leading edge and back along the lower surface (the Selig order), without
 * repeating the first point at the end.
 */
public final class AirfoilShape {
    private final String name;
    private final double[] x;
    private final double[] y;

    /**
     * @param name airfoil name, e.g. "naca2412"
     * @param x    contour x coordinates (chord units)
     * @param y    contour y coordinates
     * @throws IllegalArgumentException for fewer than 8 points, non-finite or mismatched coordinates
     */
    public AirfoilShape(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("airfoil " + name + ": " + x.length + " x but " + y.length + " y");
        }
        int n = x.length;
        if (n > 1 && Math.hypot(x[0] - x[n - 1], y[0] - y[n - 1]) < 1e-9) {
            n--; // drop the repeated closing point
        }
        if (n < 8) {
            throw new IllegalArgumentException("airfoil " + name + " needs at least 8 contour points, got " + n);
        }
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(x[k]) || !Double.isFinite(y[k])) {
                throw new IllegalArgumentException("airfoil " + name + ": point " + k + " is not finite");
            }
        }
        this.name = name;
        this.x = Arrays.copyOf(x, n);
        this.y = Arrays.copyOf(y, n);
    }

    /** @return the airfoil name */
    public String name() {
        return name;
    }

    /** @return number of contour points */
    public int size() {
        return x.length;
    }

    /** @return x of contour point k */
    public double x(int k) {
        return x[k];
    }

    /** @return y of contour point k */
    public double y(int k) {
        return y[k];
    }

    /** @return the largest thickness-direction extent max(y) - min(y), in chords */
    public double thickness() {
        return Arrays.stream(y).max().orElseThrow() - Arrays.stream(y).min().orElseThrow();
    }

    /**
     * @return true if the point lies inside the contour (even-odd ray casting)
     */
    public boolean contains(double px, double py) {
        boolean inside = false;
        for (int i = 0, j = x.length - 1; i < x.length; j = i++) {
            if ((y[i] > py) != (y[j] > py) && px < (x[j] - x[i]) * (py - y[i]) / (y[j] - y[i]) + x[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /**
     * @return the distance from the point to the contour, in chords: negative inside, positive outside
     */
    public double signedDistance(double px, double py) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = 0, j = x.length - 1; i < x.length; j = i++) {
            double ex = x[i] - x[j];
            double ey = y[i] - y[j];
            double along = ((px - x[j]) * ex + (py - y[j]) * ey) / (ex * ex + ey * ey);
            double s = Math.max(0, Math.min(1, along));
            nearest = Math.min(nearest, Math.hypot(px - x[j] - s * ex, py - y[j] - s * ey));
        }
        return contains(px, py) ? -nearest : nearest;
    }

    /**
     * @param grid cell centres in chords, the airfoil in its own frame as for the mask
     * @return {@link #signedDistance} of every cell, flat index {@code j * nx + i}
     */
    public float[] signedDistanceOn(Grid grid) {
        float[] out = new float[grid.cellCount()];
        for (int cell = 0; cell < out.length; cell++) {
            out[cell] = (float) signedDistance(grid.x(cell % grid.nx()), grid.y(cell / grid.nx()));
        }
        return out;
    }
}
