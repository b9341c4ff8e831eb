package dev.aerodiff.metrics;

import dev.aerodiff.diffusion.BatchArrays;
import dev.aerodiff.diffusion.Conversions;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.sampling.SeededNoise;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How well a denoiser recovers clean data in one step, noise level by noise level: each clean
 * sample x_0 is noised to x_t = alpha x_0 + sigma eps, the denoiser's prediction is converted to
 * its clean-data estimate, and the root-mean-square error against x_0 is reported per level and
 * per channel (axis 1). A sampler starts at the highest level, so a model that is poor there sends
 * every sample on a wrong path however good it is near the data.
 *
 * <p>Reference points: the error of the exact conditional mean E[x_0 | x_t] is the least any
 * model can reach; {@link Result#baselineRms} is the error of the mean of the given samples, a
 * predictor that ignores both the noisy state and the condition.
 */
public final class DenoisingError {

    /**
     * One noise level.
     *
     * @param t            time
     * @param alpha        signal scale at t
     * @param sigma        noise scale at t
     * @param rms          root-mean-square error of the clean-data estimate over all values
     * @param rmsByChannel the same per channel
     */
    public record Level(double t, double alpha, double sigma, double rms, double[] rmsByChannel) {
    }

    /**
     * @param levels           one entry per requested time, in the order given
     * @param baselineRms      error of the sample mean as the estimate, all values
     * @param baselineByChannel the same per channel
     * @param samples          number of clean samples
     */
    public record Result(List<Level> levels, double baselineRms, double[] baselineByChannel, long samples) {
    }

    private DenoisingError() {
    }

    /**
     * @param denoiser  the model
     * @param schedule  the schedule it was trained on
     * @param times     times in [0, 1) at which to measure (alpha &gt; 0)
     * @param x0        clean samples [N, C, ...]
     * @param condition their conditioning [N, ...], or null
     * @param seed      seed of the noise; sample i gets the same noise whatever the batch size
     * @param batch     samples per denoiser call
     * @return the error at every time
     * @throws IllegalArgumentException for a time outside [0, 1), a level without signal, or empty input
     */
    public static Result measure(Denoiser denoiser, NoiseSchedule schedule, double[] times, INDArray x0,
            INDArray condition, long seed, int batch) {
        if (x0.rank() < 2 || x0.size(0) == 0) {
            throw new IllegalArgumentException("need clean samples [N, C, ...] with N >= 1, got "
                    + Arrays.toString(x0.shape()));
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        long n = x0.size(0);
        SeededNoise noise = SeededNoise.of(seed);
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            if (!(t >= 0 && t < 1)) {
                throw new IllegalArgumentException("times must be in [0, 1), got " + t);
            }
            NoiseLevel level = schedule.level(t);
            if (!(level.alpha() > 0)) {
                throw new IllegalArgumentException("no signal left at t = " + t + " (alpha = 0)");
            }
            double[] sums = new double[(int) x0.size(1)];
            for (long from = 0; from < n; from += batch) {
                long to = Math.min(n, from + batch);
                INDArray clean = BatchArrays.rows(x0, from, to);
                INDArray eps = noise.forBatch(from).normal(i, clean.shape(), clean.dataType());
                INDArray xt = clean.mul(level.alpha()).addi(eps.muli(level.sigma()));
                double[] ts = new double[(int) (to - from)];
                Arrays.fill(ts, t);
                INDArray cond = condition == null ? null : BatchArrays.rows(condition, from, to);
                INDArray estimate = Conversions.convert(denoiser.evaluate(xt, ts, cond), denoiser.parameterization(),
                        Parameterization.X0, xt, level);
                addSquares(estimate.sub(clean), sums);
            }
            levels.add(new Level(t, level.alpha(), level.sigma(), rms(sums, x0), rmsByChannel(sums, x0)));
        }
        double[] baseline = new double[(int) x0.size(1)];
        addSquares(x0.sub(x0.mean(true, 0)), baseline);
        return new Result(levels, rms(baseline, x0), rmsByChannel(baseline, x0), n);
    }

    /** Adds the per-channel sums of squares of {@code d} [B, C, ...] to {@code sums}. */
    private static void addSquares(INDArray d, double[] sums) {
        INDArray byChannel = d.reshape(d.size(0), d.size(1), -1);
        double[] s = byChannel.mul(byChannel).sum(0, 2).toDoubleVector();
        for (int c = 0; c < sums.length; c++) {
            sums[c] += s[c];
        }
    }

    private static double rms(double[] sums, INDArray x0) {
        return Math.sqrt(Arrays.stream(sums).sum() / x0.length());
    }

    private static double[] rmsByChannel(double[] sums, INDArray x0) {
        double perChannel = (double) x0.length() / x0.size(1);
        return Arrays.stream(sums).map(s -> Math.sqrt(s / perChannel)).toArray();
    }
}
