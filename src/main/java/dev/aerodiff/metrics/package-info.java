/**
 * Metrics: distances between samples and uncertainty scores of predicted ensembles, each with its
 * definition and units stated where it is computed. Nothing here prints; results are records.
 *
 * <h2>Wasserstein distances</h2>
 * <pre>
 *   W_p(mu, nu) = ( min over couplings pi of  sum_ij |a_i - b_j|^p pi_ij )^(1/p)
 * </pre>
 * between equal-weight empirical measures. Names say whether a value is the distance or a power
 * of it ({@code w2} against {@code w2Squared}, {@code distancePowP}).
 * <ul>
 *   <li>{@link dev.aerodiff.metrics.Wasserstein1D}: exact 1-D W_p from sorted samples through the
 *       quantile functions, any sizes; exact W_1 to a normal distribution in closed form.</li>
 *   <li>{@link dev.aerodiff.metrics.ExactWasserstein}: exact W_p between point clouds in any
 *       dimension: {@link dev.aerodiff.metrics.JonkerVolgenant} assignment for n = m (warm-started by
 *       {@link dev.aerodiff.metrics.AuctionWarmStart}), {@link dev.aerodiff.metrics.TransportSimplex}
 *       for n != m. No entropic regularisation anywhere.</li>
 *   <li>{@link dev.aerodiff.metrics.SlicedWasserstein}: Monte-Carlo sliced W_p over random
 *       directions from a seed, for whole fields ({@link dev.aerodiff.metrics.FieldVectors}).</li>
 *   <li>{@link dev.aerodiff.metrics.MarginalW1Map}: per-pixel W_1 between two field ensembles.</li>
 * </ul>
 *
 * <h2>Field uncertainty</h2>
 * {@link dev.aerodiff.metrics.FieldUncertainty} compares a predicted ensemble with reference
 * snapshots in the dimensionless units of {@link dev.aerodiff.data.DimensionlessNormalizer}, over
 * fluid cells: error of mean and of std, spatially averaged std, {@link dev.aerodiff.metrics.Crps}
 * (fair or standard estimator), central-interval coverage ({@link dev.aerodiff.metrics.EnsembleQuantile})
 * and the {@link dev.aerodiff.metrics.SpreadSkill} ratio with the correction sqrt((M+1)/M).
 *
 * <h2>Rates</h2>
 * {@link dev.aerodiff.metrics.RateFit} fits log W = log C + slope log n with a 95% interval and
 * extrapolates the n for a target W; {@link dev.aerodiff.metrics.GaussianRateExperiment} measures
 * the W_1 rate of Gaussian samples against the theory (-1/2 for D = 1, 2; -1/D for D >= 3).
 */
package dev.aerodiff.metrics;
