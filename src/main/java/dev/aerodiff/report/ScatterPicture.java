package dev.aerodiff.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.nio.file.Path;
import java.util.List;

/**
 * Points of several series on common axes, each axis linear or logarithmic, optionally with the
 * diagonal y = x (for calibration and predicted-against-simulated plots).
 */
public final class ScatterPicture {
    private static final int WIDTH = 480;
    private static final int HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 46;
    private static final int BOTTOM = 45;

    /**
     * One series.
     *
     * @param name  legend text
     * @param x     abscissae
     * @param y     ordinates, as many as {@code x}
     * @param rgb   colour, 0xRRGGBB
     * @param lines whether consecutive points are joined
     */
    public record Series(String name, double[] x, double[] y, int rgb, boolean lines) {
        /** Checks the lengths. */
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": " + x.length + " x but " + y.length + " y");
            }
        }
    }

    /**
     * Axes.
     *
     * @param xLabel   name of the abscissa
     * @param yLabel   name of the ordinate
     * @param logX     logarithmic abscissa (non-positive values are left out)
     * @param logY     logarithmic ordinate (non-positive values are left out)
     * @param diagonal draw y = x
     */
    public record Axes(String xLabel, String yLabel, boolean logX, boolean logY, boolean diagonal) {
    }

    private ScatterPicture() {
    }

    /** Writes the plot to {@code file} (PNG, atomically). */
    public static void write(String title, Axes axes, List<Series> series, Path file) {
        double[] xr = range(series, true, axes.logX());
        double[] yr = range(series, false, axes.logY());
        if (axes.diagonal()) {
            xr = yr = ColorScale.union(xr, yr);
        }
        Canvas canvas = new Canvas(WIDTH, HEIGHT);
        Graphics2D g = canvas.graphics();
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotW, plotH);
        if (axes.diagonal()) {
            g.setColor(Color.GRAY);
            g.drawLine(LEFT, TOP + plotH, LEFT + plotW, TOP);
        }
        g.setStroke(new BasicStroke(1.5f));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            g.setColor(new Color(s.rgb()));
            int px = -1;
            int py = -1;
            for (int i = 0; i < s.x().length; i++) {
                double fx = fraction(s.x()[i], xr, axes.logX());
                double fy = fraction(s.y()[i], yr, axes.logY());
                if (!Double.isFinite(fx) || !Double.isFinite(fy)) {
                    continue;
                }
                int x = LEFT + (int) Math.round(fx * plotW);
                int y = TOP + plotH - (int) Math.round(fy * plotH);
                g.fillOval(x - 4, y - 4, 8, 8);
                if (s.lines() && px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
            g.fillRect(LEFT + 8, TOP + 8 + 16 * k, 10, 10);
            canvas.text(s.name(), LEFT + 24, TOP + 17 + 16 * k, 11, plotW - 28);
        }
        canvas.text(title, LEFT, 18, 13, WIDTH - LEFT - 4);
        for (int t = 0; t <= 2; t++) {
            String xl = Canvas.number(value(t / 2.0, xr, axes.logX()));
            int centred = LEFT + plotW * t / 2 - 3 * xl.length();
            canvas.text(xl, Math.min(centred, WIDTH - 4 - 8 * xl.length()), TOP + plotH + 16, 11);
            canvas.text(Canvas.number(value(t / 2.0, yr, axes.logY())), 4, TOP + plotH - plotH * t / 2 + 4, 11);
        }
        canvas.text(axes.xLabel(), LEFT + plotW / 2 - 3 * axes.xLabel().length(), TOP + plotH + 34, 12);
        canvas.text(axes.yLabel(), 4, TOP - 8, 11);
        canvas.writePng(file);
    }

    private static double[] range(List<Series> series, boolean x, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : x ? s.x() : s.y()) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return log ? new double[] {1, 10} : new double[] {0, 1};
        }
        if (log) {
            double pad = Math.max(Math.log10(hi / lo) * 0.05, 0.05);
            return new double[] {lo / Math.pow(10, pad), hi * Math.pow(10, pad)};
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(Math.abs(lo) * 0.05, 1e-12);
        return new double[] {lo - pad, hi + pad};
    }

    private static double fraction(double v, double[] r, boolean log) {
        if (log) {
            return v > 0 ? Math.log(v / r[0]) / Math.log(r[1] / r[0]) : Double.NaN;
        }
        return (v - r[0]) / (r[1] - r[0]);
    }

    private static double value(double f, double[] r, boolean log) {
        return log ? r[0] * Math.pow(r[1] / r[0], f) : r[0] + f * (r[1] - r[0]);
    }
}
