/**
 * Closed-form models of the theory toolbox: exact denoisers against which samplers and trained
 * networks are checked.
 *
 * <ul>
 *   <li>{@link dev.aerodiff.theory.GaussianData} and {@link dev.aerodiff.theory.GaussianDenoiser}:
 *       for data N(mu, Sigma), x_t ~ N(alpha mu, Sigma_t) with Sigma_t = alpha^2 Sigma + sigma^2 I,
 *       E[x_0 | x_t] = mu + alpha Sigma Sigma_t^-1 (x_t - alpha mu) and
 *       E[eps | x_t] = sigma Sigma_t^-1 (x_t - alpha mu); the probability-flow map is linear.</li>
 *   <li>{@link dev.aerodiff.theory.EmpiricalOptimalDenoiser}: the exact score of the noised
 *       empirical distribution of a finite training set, the minimizer of the denoising loss on
 *       that set (Cao et al., 2025; Yi et al., 2023). Its reverse dynamics collapse onto the
 *       training points.</li>
 *   <li>{@link dev.aerodiff.theory.SinglePointSolution}: the explicit solution of the reverse
 *       dynamics when the data is one fixed point (Cao et al., 2025).</li>
 * </ul>
 */
package dev.aerodiff.theory;
