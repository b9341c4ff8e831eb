package dev.aerodiff.field;

/**
 * Per-pixel mean and population standard deviation (ddof 0) of one channel across the samples of
 * a case. Solid cells hold zero in both fields.
 *
 * @param mean {@code [y][x]} flat mean field
 * @param std  {@code [y][x]} flat standard-deviation field
 */
public record PixelMoments(double[] mean, double[] std) {

    /**
     * @param flowCase the samples
     * @param channel  which channel
     * @return the moments, computed in two passes in double precision
     */
    public static PixelMoments of(FlowCase flowCase, Channel channel) {
        int cells = flowCase.cellCount();
        int n = flowCase.samples();
        Mask mask = flowCase.mask();
        double[] mean = new double[cells];
        double[] std = new double[cells];
        for (int s = 0; s < n; s++) {
            for (int cell = 0; cell < cells; cell++) {
                mean[cell] += flowCase.value(s, channel, cell);
            }
        }
        for (int cell = 0; cell < cells; cell++) {
            mean[cell] = mask.isSolid(cell) ? 0 : mean[cell] / n;
        }
        for (int s = 0; s < n; s++) {
            for (int cell = 0; cell < cells; cell++) {
                double d = flowCase.value(s, channel, cell) - mean[cell];
                std[cell] += d * d;
            }
        }
        for (int cell = 0; cell < cells; cell++) {
            std[cell] = mask.isSolid(cell) ? 0 : Math.sqrt(std[cell] / n);
        }
        return new PixelMoments(mean, std);
    }

    /** @return the average of {@code field} over the fluid cells of {@code mask} */
    public static double fluidAverage(double[] field, Mask mask) {
        double sum = 0;
        for (int cell = 0; cell < field.length; cell++) {
            if (!mask.isSolid(cell)) {
                sum += field[cell];
            }
        }
        return sum / mask.fluidCount();
    }
}
