package dev.aerodiff.sampling;

import dev.aerodiff.diffusion.BatchArrays;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.diffusion.TimeGrid;
import dev.aerodiff.theory.GaussianData;
import dev.aerodiff.theory.GaussianDenoiser;
import dev.aerodiff.theory.SampleMoments;
import org.nd4j.linalg.api.buffer.DataType;

/** The analytic test problem: d = 4 Gaussian data, non-zero mean, non-diagonal covariance. */
final class GaussianProblem {
    static final double[] MEAN = {1.0, -0.5, 2.0, 0.25};
    static final double[][] COV = {
        {1.00, 0.40, -0.20, 0.10},
        {0.40, 0.80, 0.15, -0.05},
        {-0.20, 0.15, 0.50, 0.20},
        {0.10, -0.05, 0.20, 0.30},
    };
    static final GaussianData DATA = new GaussianData(MEAN, COV);

    private GaussianProblem() {
    }

    static GaussianDenoiser denoiser(NoiseSchedule schedule, Parameterization p) {
        return new GaussianDenoiser(DATA, schedule, p);
    }

    /** Runs an ensemble and returns its moments and NFE. */
    static Result run(Sampler sampler, NoiseSchedule schedule, Parameterization p, TimeGrid grid, int count,
            long seed) {
        Samples s = new EnsembleRun(sampler, denoiser(schedule, p), schedule, grid, 1000, DataType.DOUBLE)
                .run(count, new long[] {4}, null, SeededNoise.of(seed), SamplingListener.NONE, i -> { });
        return new Result(SampleMoments.of(BatchArrays.toRows(s.x())), s.nfe());
    }

    record Result(SampleMoments moments, int nfe) {
        double meanSe() {
            return moments.meanErrorInStandardErrors(DATA);
        }

        double covError() {
            return moments.covarianceRelativeError(DATA);
        }
    }
}
