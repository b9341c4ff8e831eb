package dev.aerodiff.report;

import dev.aerodiff.io.AtomicFile;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A white picture to draw on, written as PNG. Text is drawn with the platform's sans-serif font; on
 * a machine without fonts the labels are left out rather than failing, since every picture's
 * content is also given in words in the report.
 */
final class Canvas {
    private static final String ELLIPSIS = "...";
    private final BufferedImage image;
    private final Graphics2D g;
    private boolean textWorks = true;

    Canvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    Graphics2D graphics() {
        return g;
    }

    void pixel(int x, int y, int rgb) {
        image.setRGB(x, y, rgb);
    }

    /** Draws text with its baseline at (x, y); {@code size} in points. */
    void text(String s, int x, int y, int size) {
        if (!textWorks) {
            return;
        }
        try {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
            g.drawString(s, x, y);
        } catch (RuntimeException | Error e) {
            textWorks = false;
        }
    }

    /**
     * Draws text as {@link #text(String, int, int, int)} does, shortened in the middle where it would
     * be wider than {@code maxWidth} pixels, so that a long model name keeps its start and its end.
     */
    void text(String s, int x, int y, int size, int maxWidth) {
        text(fitted(s, size, maxWidth), x, y, size);
    }

    /**
     * @return {@code s}, or where it is wider than {@code maxWidth} pixels in the sans-serif font of
     *         {@code size} points, its start and end joined by "..." to fit; {@code s} itself where
     *         the machine has no fonts to measure with
     */
    String fitted(String s, int size, int maxWidth) {
        if (!textWorks) {
            return s;
        }
        try {
            FontMetrics metrics = g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, size));
            for (int keep = s.length(); keep > 0; keep--) {
                String t = keep == s.length() ? s
                        : s.substring(0, (keep + 1) / 2) + ELLIPSIS + s.substring(s.length() - keep / 2);
                if (metrics.stringWidth(t) <= maxWidth) {
                    return t;
                }
            }
            return ELLIPSIS;
        } catch (RuntimeException | Error e) {
            textWorks = false;
            return s;
        }
    }

    /** @return a number in 3 significant digits, for axis and colour-bar labels */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** Writes the picture to {@code file} atomically. */
    void writePng(Path file) {
        g.dispose();
        AtomicFile.write(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
