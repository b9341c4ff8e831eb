package dev.aerodiff.report;

import dev.aerodiff.field.Mask;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;

/**
 * Pictures of fields on the grid: panels side by side, each with a title and a colour bar labelled
 * with its range, row {@code y = 0} at the bottom, solid cells grey.
 */
public final class FieldPicture {
    private static final int SCALE = 4;
    private static final int MARGIN = 12;
    private static final int TITLE = 20;
    private static final int BAR = 34;
    private static final int SOLID = 0x808080;

    /**
     * One panel.
     *
     * @param title text above the panel
     * @param field values, {@code [y][x]} flat
     * @param scale colour scale
     * @param range value range of the colours, {lo, hi}; null for the field's own range
     */
    public record Panel(String title, double[] field, ColorScale scale, double[] range) {
        /** A panel coloured over the field's own range. */
        public Panel(String title, double[] field, ColorScale scale) {
            this(title, field, scale, null);
        }
    }

    private FieldPicture() {
    }

    /**
     * Writes the panels, {@code columns} per row, as one PNG.
     *
     * @param panels  the fields, all on the mask's grid
     * @param mask    solid cells, drawn grey and left out of the colour ranges
     * @param columns panels per row
     * @param file    the PNG to write (atomically)
     */
    public static void write(List<Panel> panels, Mask mask, int columns, Path file) {
        int w = mask.nx() * SCALE;
        int h = mask.ny() * SCALE;
        int rows = (panels.size() + columns - 1) / columns;
        int cellW = w + 2 * MARGIN;
        int cellH = TITLE + h + BAR;
        Canvas canvas = new Canvas(columns * cellW, rows * cellH + MARGIN);
        boolean[] fluid = mask.fluidCells();
        for (int k = 0; k < panels.size(); k++) {
            Panel panel = panels.get(k);
            if (panel.field().length != fluid.length) {
                throw new IllegalArgumentException("panel '" + panel.title() + "' has " + panel.field().length
                        + " values, the grid " + fluid.length);
            }
            int x0 = (k % columns) * cellW + MARGIN;
            int y0 = (k / columns) * cellH + TITLE;
            double[] range = panel.range() != null ? panel.range() : panel.scale().range(panel.field(), fluid);
            canvas.text(panel.title(), x0, y0 - 6, 13, w);
            for (int py = 0; py < h; py++) {
                int j = mask.ny() - 1 - py / SCALE;
                for (int px = 0; px < w; px++) {
                    int cell = j * mask.nx() + px / SCALE;
                    int rgb = fluid[cell] ? panel.scale().rgb(panel.field()[cell], range[0], range[1]) : SOLID;
                    canvas.pixel(x0 + px, y0 + py, rgb);
                }
            }
            colourBar(canvas, panel.scale(), range, x0, y0 + h + 4, w);
        }
        canvas.writePng(file);
    }

    private static void colourBar(Canvas canvas, ColorScale scale, double[] range, int x0, int y0, int width) {
        for (int px = 0; px < width; px++) {
            int rgb = scale.rgb(range[0] + (range[1] - range[0]) * px / (width - 1.0), range[0], range[1]);
            for (int py = 0; py < 8; py++) {
                canvas.pixel(x0 + px, y0 + py, rgb);
            }
        }
        canvas.graphics().setColor(Color.BLACK);
        canvas.text(Canvas.number(range[0]), x0, y0 + 22, 11);
        String hi = Canvas.number(range[1]);
        canvas.text(hi, x0 + width - 7 * hi.length(), y0 + 22, 11);
    }
}
