/**
 * The diffusion core: noise schedules, time grids, parameterizations and the denoiser contract.
 *
 * <p>One time convention holds everywhere: {@code t = 0} is data and {@code t = 1} is noise, for
 * diffusion and flow matching alike, and step {@code k} of a discrete {@code T}-step DDPM is
 * {@code t = k/T}. A schedule defines the Gaussian path
 * <pre>
 *   x_t = alpha(t) x_0 + sigma(t) eps,    eps ~ N(0, I)
 * </pre>
 * Variance-preserving schedules ({@link dev.aerodiff.diffusion.CosineSchedule},
 * {@link dev.aerodiff.diffusion.LinearSchedule}) have alpha^2 + sigma^2 = 1; the flow-matching
 * path {@link dev.aerodiff.diffusion.FlowMatchingPath} has alpha = 1 - t, sigma = t.
 *
 * <p>The marginals of this path solve the probability-flow ODE
 * <pre>
 *   dx/dt = E[alpha' x_0 + sigma' eps | x_t = x]            (the flow velocity)
 *         = (alpha'/alpha) x - (sigma sigma' - sigma^2 alpha'/alpha) score(x, t)
 * </pre>
 * and, in the scaled variables y = x/alpha and s = sigma/alpha, simply {@code dy/ds = E[eps | x_t]}.
 * Every network output (noise, clean data, v, flow velocity, score) is a fixed linear combination
 * of x_t and any other of them; {@link dev.aerodiff.diffusion.Conversions} holds all of these
 * conversions.
 */
package dev.aerodiff.diffusion;
