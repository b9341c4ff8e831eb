package dev.aerodiff.diffusion;

/**
 * What a denoiser returns for x_t = alpha x_0 + sigma eps. Each is a linear combination of the
 * clean data x_0 and the noise eps (coefficients in {@link Conversions}):
 * <ul>
 *   <li>{@link #EPSILON}: eps (Ho et al., 2020)</li>
 *   <li>{@link #X0}: x_0</li>
 *   <li>{@link #V}: v = alpha eps - sigma x_0 (Salimans and Ho, 2022)</li>
 *   <li>{@link #VELOCITY}: the flow velocity u = alpha' x_0 + sigma' eps, dx_t/dt along the path
 *       (flow matching; its conditional mean is the probability-flow ODE drift)</li>
 *   <li>{@link #SCORE}: grad log p_t(x) = -eps / sigma</li>
 * </ul>
 * A denoiser's output is the conditional mean E[. | x_t] of the quantity.
 */
public enum Parameterization {
    /** The noise eps. */
    EPSILON,
    /** The clean data x_0. */
    X0,
    /** v = alpha eps - sigma x_0. */
    V,
    /** Flow velocity alpha' x_0 + sigma' eps. */
    VELOCITY,
    /** Score -eps / sigma. */
    SCORE
}
