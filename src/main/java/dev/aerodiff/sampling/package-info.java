/**
 * Samplers that carry noise to data with a {@link dev.aerodiff.diffusion.Denoiser}: ancestral
 * DDPM, DDIM, flow-matching Euler and Heun, the probability-flow ODE on any Hipparchus
 * integrator, and the reverse SDE with Euler-Maruyama.
 *
 * <p>Samplers are stateless: the denoiser, schedule, time grid, initial noise, noise source and
 * listener all come in as arguments, and the result carries the number of network evaluations
 * actually used. All randomness comes from Java-side seeds, one stream per sample and step
 * ({@link dev.aerodiff.sampling.SeededNoise}), so a seed gives the same samples whatever the
 * batch size. {@link dev.aerodiff.sampling.SamplerSpec} maps names such as {@code ddim:50} or
 * {@code ode-dopri5:1e-4} to samplers.
 *
 * <p>Common rule: a step that ends where sigma = 0 (t = 0 for variance-preserving schedules and
 * for flow matching without sigma_min) is a denoising step, x = E[x_0 | x_t] at the last positive
 * time; no sampler evaluates a model at sigma = 0. For DDPM and DDIM this is their usual last
 * step; for flow-matching Euler it is the Euler step itself.
 */
package dev.aerodiff.sampling;
