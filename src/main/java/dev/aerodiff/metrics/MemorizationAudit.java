package dev.aerodiff.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * The nearest-neighbour memorization test of generated samples against a training set (DESIGN
 * section 8, after the seed paper on generalization of diffusion models): for each generated sample
 * the Euclidean distance to its nearest training sample over that to the second-nearest; a sample
 * whose ratio is below {@link #COPY_THRESHOLD} is counted as a copy.
 *
 * @param ratios d1/d2 of every generated sample, in order
 */
public record MemorizationAudit(double[] ratios) {
    /** A generated sample is a copy when its d1/d2 is below this. */
    public static final double COPY_THRESHOLD = 1.0 / 3.0;

    /** Copies the ratios. */
    public MemorizationAudit {
        ratios = ratios.clone();
    }

    @Override
    public double[] ratios() {
        return ratios.clone();
    }

    /**
     * @param generated generated samples, each as long as every training sample
     * @param training  at least two training samples
     * @return the audit
     * @throws IllegalArgumentException for fewer than two training samples or unequal lengths
     */
    public static MemorizationAudit of(List<float[]> generated, List<float[]> training) {
        if (training.size() < 2) {
            throw new IllegalArgumentException("the nearest-neighbour ratio needs at least 2 training samples, got "
                    + training.size());
        }
        double[] ratios = new double[generated.size()];
        for (int g = 0; g < ratios.length; g++) {
            float[] x = generated.get(g);
            double d1 = Double.POSITIVE_INFINITY;
            double d2 = Double.POSITIVE_INFINITY;
            for (float[] t : training) {
                double d = squaredDistance(x, t);
                if (d < d1) {
                    d2 = d1;
                    d1 = d;
                } else if (d < d2) {
                    d2 = d;
                }
            }
            ratios[g] = d2 > 0 ? Math.sqrt(d1 / d2) : 0;
        }
        return new MemorizationAudit(ratios);
    }

    private static double squaredDistance(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("samples of " + a.length + " and " + b.length + " values");
        }
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            s += d * d;
        }
        return s;
    }

    /** @return the fraction of generated samples that are copies (d1/d2 below 1/3) */
    public double copyFraction() {
        return Arrays.stream(ratios).filter(r -> r < COPY_THRESHOLD).count() / (double) ratios.length;
    }

    /** @return the median of d1/d2 */
    public double medianRatio() {
        double[] s = ratios.clone();
        Arrays.sort(s);
        return EnsembleQuantile.of(s, 0.5);
    }
}
