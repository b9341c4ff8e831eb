package dev.aerodiff.theory;

import dev.aerodiff.diffusion.BatchArrays;
import dev.aerodiff.diffusion.Conversions;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A denoiser whose posterior means E[x_0 | x_t] and E[eps | x_t] are known in closed form,
 * evaluated row by row in double precision and returned as c_0 E[x_0 | x_t] + c_1 E[eps | x_t]
 * in the requested parameterization. Unconditional: the condition is ignored.
 */
abstract class ClosedFormDenoiser implements Denoiser {
    private final NoiseSchedule schedule;
    private final Parameterization parameterization;
    private final int dimension;

    ClosedFormDenoiser(NoiseSchedule schedule, Parameterization parameterization, int dimension) {
        this.schedule = schedule;
        this.parameterization = parameterization;
        this.dimension = dimension;
    }

    @Override
    public final Parameterization parameterization() {
        return parameterization;
    }

    /** @return the schedule that defines x_t */
    public final NoiseSchedule schedule() {
        return schedule;
    }

    @Override
    public final INDArray evaluate(INDArray xt, double[] t, INDArray condition) {
        if (t.length != xt.size(0)) {
            throw new IllegalArgumentException("expected " + xt.size(0) + " times (one per row), got " + t.length);
        }
        if (BatchArrays.rowLength(xt) != dimension) {
            throw new IllegalArgumentException("expected samples of " + dimension + " values, got "
                    + BatchArrays.rowLength(xt));
        }
        double[][] rows = BatchArrays.toRows(xt);
        double[] x0 = new double[dimension];
        double[] eps = new double[dimension];
        for (int b = 0; b < rows.length; b++) {
            NoiseLevel level = schedule.level(t[b]);
            posteriorMeans(rows[b], level, x0, eps);
            double[] c = Conversions.cleanAndNoiseWeights(parameterization, level);
            for (int i = 0; i < dimension; i++) {
                rows[b][i] = c[0] * x0[i] + c[1] * eps[i];
            }
        }
        return BatchArrays.fromRows(rows, xt.shape(), xt.dataType());
    }

    /**
     * @param x     one state, flattened
     * @param level its noise level
     * @param x0    receives E[x_0 | x_t = x]
     * @param eps   receives E[eps | x_t = x]
     */
    abstract void posteriorMeans(double[] x, NoiseLevel level, double[] x0, double[] eps);
}
