package dev.aerodiff.report;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.nio.file.Path;
import java.util.List;

/**
 * Overlaid histograms of several samples of one quantity (e.g. a predicted and a simulated drag
 * coefficient) on common bins, each normalized to a density so samples of different size compare.
 */
public final class HistogramPicture {
    private static final int WIDTH = 480;
    private static final int HEIGHT = 300;
    private static final int LEFT = 50;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 45;

    /**
     * One sample.
     *
     * @param name   legend text
     * @param values the sample
     * @param rgb    colour, 0xRRGGBB
     */
    public record Series(String name, double[] values, int rgb) {
    }

    private HistogramPicture() {
    }

    /**
     * @param title  text above the plot
     * @param xLabel name of the quantity
     * @param bins   number of bins over the range of all samples together
     * @param series the samples, drawn in order, half transparent
     * @param file   the PNG to write (atomically)
     */
    public static void write(String title, String xLabel, int bins, List<Series> series, Path file) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            throw new IllegalArgumentException("no finite value to plot for " + title);
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(Math.abs(lo) * 1e-3, 1e-12);
        lo -= pad;
        hi += pad;
        double[][] density = new double[series.size()][];
        double top = 0;
        for (int k = 0; k < series.size(); k++) {
            density[k] = density(series.get(k).values(), lo, hi, bins);
            for (double d : density[k]) {
                top = Math.max(top, d);
            }
        }
        Canvas canvas = new Canvas(WIDTH, HEIGHT);
        Graphics2D g = canvas.graphics();
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.55f));
        for (int k = 0; k < series.size(); k++) {
            g.setColor(new Color(series.get(k).rgb()));
            for (int b = 0; b < bins; b++) {
                int x = LEFT + b * plotW / bins;
                int w = (b + 1) * plotW / bins - b * plotW / bins;
                int h = (int) Math.round(plotH * density[k][b] / top);
                g.fillRect(x, TOP + plotH - h, Math.max(w - 1, 1), h);
            }
        }
        g.setComposite(AlphaComposite.SrcOver);
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        g.drawLine(LEFT, TOP, LEFT, TOP + plotH);
        canvas.text(title, LEFT, TOP - 12, 13, WIDTH - LEFT - 4);
        for (int t = 0; t <= 2; t++) {
            String label = Canvas.number(lo + (hi - lo) * t / 2);
            canvas.text(label, LEFT + plotW * t / 2 - 3 * label.length(), TOP + plotH + 16, 11);
        }
        canvas.text(xLabel, LEFT + plotW / 2 - 3 * xLabel.length(), TOP + plotH + 34, 12);
        canvas.text("density", 4, TOP + 10, 11);
        int legendX = LEFT + plotW - 132;   // the names; their colour boxes 18 pixels before
        for (int k = 0; k < series.size(); k++) {
            int y = TOP + 8 + 16 * k;
            g.setColor(new Color(series.get(k).rgb()));
            g.fillRect(legendX - 18, y - 9, 12, 10);
            canvas.text(series.get(k).name(), legendX, y, 11, WIDTH - legendX - 4);
        }
        canvas.writePng(file);
    }

    private static double[] density(double[] values, double lo, double hi, int bins) {
        double[] d = new double[bins];
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                d[Math.min(bins - 1, (int) ((v - lo) / (hi - lo) * bins))]++;
                n++;
            }
        }
        double width = (hi - lo) / bins;
        for (int b = 0; b < bins; b++) {
            d[b] = n > 0 ? d[b] / (n * width) : 0;
        }
        return d;
    }
}
