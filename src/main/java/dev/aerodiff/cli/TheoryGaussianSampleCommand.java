package dev.aerodiff.cli;

import dev.aerodiff.io.CsvMatrix;
import dev.aerodiff.io.DataFileException;
import dev.aerodiff.theory.GaussianData;
import dev.aerodiff.theory.GaussianDenoiser;
import dev.aerodiff.theory.SampleMoments;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aerodiff theory gaussian-sample}: sample N(mu, Sigma) through its exact denoiser. */
@Command(name = "gaussian-sample", mixinStandardHelpOptions = true,
        description = "Sample Gaussian data N(mu, Sigma) with a sampler driven by the exact denoiser, and compare "
            + "the sample mean and covariance with mu and Sigma. mean_error_se: largest |mean error| in standard "
            + "errors sqrt(Sigma_jj / K); cov_rel_error: ||C - Sigma||_F / ||Sigma||_F.")
final class TheoryGaussianSampleCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private SamplingOptions sampling;

    @Option(names = "--mean", required = true, paramLabel = "M.csv", description = "mu: d values, one row or column.")
    private Path mean;

    @Option(names = "--cov", required = true, paramLabel = "C.csv", description = "Sigma: d rows of d values.")
    private Path cov;

    @Override
    public void run() {
        GaussianData data = load();
        SamplingOptions.Run run = sampling.run(s -> new GaussianDenoiser(data, s,
                SamplingOptions.parameterization(s)), data.dimension(), spec.commandLine().getErr());
        SampleMoments moments = SampleMoments.of(run.rows());
        Map<String, Object> m = run.summary();
        m.put("sample_mean", moments.mean());
        m.put("sample_cov", moments.covariance());
        m.put("target_mean", data.mean());
        m.put("target_cov", data.covariance());
        m.put("mean_error_se", moments.meanErrorInStandardErrors(data));
        m.put("cov_rel_error", moments.covarianceRelativeError(data));
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            Json.print(out, m);
        } else {
            out.printf(Locale.ROOT, "%s on %s: %d samples of dimension %d, %d network evaluations -> %s%n",
                    m.get("sampler"), m.get("schedule"), sampling.samples, data.dimension(), m.get("nfe"), sampling.out);
            out.printf(Locale.ROOT, "mean error %.2f standard errors, covariance error %.2f%%%n",
                    moments.meanErrorInStandardErrors(data), 100 * moments.covarianceRelativeError(data));
        }
    }

    private GaussianData load() {
        double[][] mu = CsvMatrix.read(mean);
        double[] vector;
        if (mu.length == 1) {
            vector = mu[0];
        } else if (mu[0].length == 1) {
            vector = new double[mu.length];
            for (int i = 0; i < mu.length; i++) {
                vector[i] = mu[i][0];
            }
        } else {
            throw new DataFileException(mean, "holds " + mu.length + " x " + mu[0].length
                    + " values; expected one row or one column");
        }
        double[][] sigma = CsvMatrix.read(cov);
        if (sigma.length != vector.length || sigma[0].length != vector.length) {
            throw new DataFileException(cov, "holds " + sigma.length + " x " + sigma[0].length + " values; expected "
                    + vector.length + " x " + vector.length + " for a mean of length " + vector.length);
        }
        try {
            return new GaussianData(vector, sigma);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(cov, e.getMessage() + "; expected a symmetric positive semi-definite matrix");
        }
    }
}
