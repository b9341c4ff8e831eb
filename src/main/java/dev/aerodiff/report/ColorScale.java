package dev.aerodiff.report;

/**
 * Maps values to colours by piecewise-linear interpolation between anchor colours: a sequential
 * scale (dark blue to yellow, after viridis) for magnitudes such as std and errors, and a diverging
 * scale (blue, white, red) centred on zero for signed fields such as pressure.
 */
public enum ColorScale {
    /** Magnitudes, from the minimum (dark) to the maximum (bright). */
    SEQUENTIAL(new int[] {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725}),
    /** Signed values, symmetric about zero: negative blue, zero white, positive red. */
    DIVERGING(new int[] {0x2166ac, 0x67a9cf, 0xf7f7f7, 0xef8a62, 0xb2182b});

    private final int[] anchors;

    ColorScale(int[] anchors) {
        this.anchors = anchors;
    }

    /**
     * @param field values; non-finite values are ignored
     * @param fluid which values count (others, e.g. solid cells, are ignored); null for all
     * @return the value range shown: [min, max] for sequential, [-m, m] with m the largest
     *         magnitude for diverging; never empty
     */
    public double[] range(double[] field, boolean[] fluid) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < field.length; k++) {
            if ((fluid == null || fluid[k]) && Double.isFinite(field[k])) {
                lo = Math.min(lo, field[k]);
                hi = Math.max(hi, field[k]);
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (this == DIVERGING) {
            double m = Math.max(Math.abs(lo), Math.abs(hi));
            return m > 0 ? new double[] {-m, m} : new double[] {-1, 1};
        }
        return hi > lo ? new double[] {lo, hi} : new double[] {lo, lo + Math.max(Math.abs(lo), 1e-30)};
    }

    /**
     * @param a a range {lo, hi}
     * @param b another
     * @return the smallest range holding both (symmetric if both are)
     */
    public static double[] union(double[] a, double[] b) {
        return new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])};
    }

    /**
     * @param value the value
     * @param lo    value shown with the first anchor colour
     * @param hi    value shown with the last anchor colour
     * @return 0xRRGGBB
     */
    public int rgb(double value, double lo, double hi) {
        double f = (value - lo) / (hi - lo);
        f = Double.isFinite(f) ? Math.max(0, Math.min(1, f)) : 0;
        double pos = f * (anchors.length - 1);
        int k = Math.min((int) pos, anchors.length - 2);
        double w = pos - k;
        int a = anchors[k];
        int b = anchors[k + 1];
        int r = (int) Math.round((a >> 16 & 0xff) * (1 - w) + (b >> 16 & 0xff) * w);
        int g = (int) Math.round((a >> 8 & 0xff) * (1 - w) + (b >> 8 & 0xff) * w);
        int bl = (int) Math.round((a & 0xff) * (1 - w) + (b & 0xff) * w);
        return r << 16 | g << 8 | bl;
    }
}
