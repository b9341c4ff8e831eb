package dev.aerodiff.report;

import dev.aerodiff.io.AtomicFile;
import java.awt.Color;
import java.awt.Font;
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
