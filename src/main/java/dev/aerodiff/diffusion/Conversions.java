package dev.aerodiff.diffusion;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * All conversions between parameterizations, the probability-flow ODE drift and the reverse-SDE
 * drift. Every quantity q is a linear combination q = c_0 x_0 + c_1 eps of clean data and noise:
 * <pre>
 *   EPSILON (0, 1)   X0 (1, 0)   V (-sigma, alpha)   VELOCITY (alpha', sigma')   SCORE (0, -1/sigma)
 * </pre>
 * Given x_t = alpha x_0 + sigma eps and a prediction p = c_0 x_0 + c_1 eps, solving the 2x2 system
 * (determinant D = alpha c_1 - sigma c_0) gives any other quantity d_0 x_0 + d_1 eps as
 * <pre>
 *   q = [(d_0 c_1 - d_1 c_0) x_t + (d_1 alpha - d_0 sigma) p] / D
 * </pre>
 * Drifts are quantities too: the probability-flow ODE drift is the velocity (alpha', sigma');
 * the reverse SDE drift f x - g^2 score is (alpha', 2 sigma' - sigma alpha'/alpha); the drift of
 * y = x/alpha in s = sigma/alpha is dy/ds = eps. Conversions divide by D, i.e. by alpha when
 * starting from EPSILON or SCORE and by sigma when starting from X0: the caller keeps away from
 * alpha = 0 or sigma = 0 as needed; a conversion whose weights are not finite there throws an
 * {@link ArithmeticException}.
 *
 * <p>Arrays have a leading batch dimension [B, ...]; a {@link NoiseLevel} applies to all rows, a
 * {@code NoiseLevel[]} gives one per row. Results are new arrays of x_t's shape and type, except
 * that converting to the same parameterization returns the prediction itself.
 */
public final class Conversions {

    private Conversions() {
    }

    /**
     * A result of the form {@code state * x_t + prediction * p}.
     *
     * @param state      weight of x_t
     * @param prediction weight of the prediction
     */
    public record LinearForm(double state, double prediction) {
    }

    /**
     * @param p     a parameterization
     * @param level the noise level
     * @return (c_0, c_1) with p = c_0 x_0 + c_1 eps
     */
    public static double[] cleanAndNoiseWeights(Parameterization p, NoiseLevel level) {
        return switch (p) {
            case EPSILON -> new double[] {0, 1};
            case X0 -> new double[] {1, 0};
            case V -> new double[] {-level.sigma(), level.alpha()};
            case VELOCITY -> new double[] {level.alphaDot(), level.sigmaDot()};
            case SCORE -> new double[] {0, -1 / level.sigma()};
        };
    }

    /**
     * @param from  parameterization of the prediction
     * @param to    wanted parameterization
     * @param level the noise level
     * @return the weights of x_t and of the prediction that give {@code to}
     */
    public static LinearForm form(Parameterization from, Parameterization to, NoiseLevel level) {
        if (from == to) {
            return new LinearForm(0, 1);
        }
        return solve(cleanAndNoiseWeights(from, level), cleanAndNoiseWeights(to, level), level);
    }

    private static LinearForm solve(double[] c, double[] d, NoiseLevel level) {
        double det = level.alpha() * c[1] - level.sigma() * c[0];
        return new LinearForm((d[0] * c[1] - d[1] * c[0]) / det, (d[1] * level.alpha() - d[0] * level.sigma()) / det);
    }

    /**
     * @param prediction a denoiser output [B, ...]
     * @param from       its parameterization
     * @param to         wanted parameterization
     * @param xt         the noisy input [B, ...]
     * @param level      noise level of every row
     * @return the prediction in {@code to}
     */
    public static INDArray convert(INDArray prediction, Parameterization from, Parameterization to, INDArray xt,
            NoiseLevel level) {
        checkShapes(prediction, xt);
        if (from == to) {
            return prediction;
        }
        return apply(form(from, to, level), xt, prediction);
    }

    /**
     * @param prediction a denoiser output [B, ...]
     * @param from       its parameterization
     * @param to         wanted parameterization
     * @param xt         the noisy input [B, ...]
     * @param levels     noise level of each row, length B
     * @return the prediction in {@code to}
     */
    public static INDArray convert(INDArray prediction, Parameterization from, Parameterization to, INDArray xt,
            NoiseLevel[] levels) {
        checkShapes(prediction, xt);
        if (from == to) {
            return prediction;
        }
        LinearForm[] forms = new LinearForm[levels.length];
        for (int i = 0; i < levels.length; i++) {
            forms[i] = form(from, to, levels[i]);
        }
        return applyPerRow(forms, xt, prediction);
    }

    /**
     * The quantity {@code to} for known clean data and noise: the regression target of training,
     * and the output of closed-form denoisers.
     *
     * @param x0    clean data or its estimate [B, ...]
     * @param eps   noise or its estimate [B, ...]
     * @param to    wanted parameterization
     * @param level noise level of every row
     * @return c_0 x0 + c_1 eps
     */
    public static INDArray fromCleanAndNoise(INDArray x0, INDArray eps, Parameterization to, NoiseLevel level) {
        checkShapes(eps, x0);
        double[] c = cleanAndNoiseWeights(to, level);
        return apply(new LinearForm(c[0], c[1]), x0, eps);
    }

    /**
     * @param x0     clean data [B, ...]
     * @param eps    noise [B, ...]
     * @param to     wanted parameterization
     * @param levels noise level of each row, length B
     * @return c_0 x0 + c_1 eps, row by row
     */
    public static INDArray fromCleanAndNoise(INDArray x0, INDArray eps, Parameterization to, NoiseLevel[] levels) {
        checkShapes(eps, x0);
        LinearForm[] forms = new LinearForm[levels.length];
        for (int i = 0; i < levels.length; i++) {
            double[] c = cleanAndNoiseWeights(to, levels[i]);
            forms[i] = new LinearForm(c[0], c[1]);
        }
        return applyPerRow(forms, x0, eps);
    }

    /**
     * The probability-flow ODE drift dx/dt = E[alpha' x_0 + sigma' eps | x_t].
     *
     * @param prediction denoiser output [B, ...]
     * @param from       its parameterization
     * @param xt         the state [B, ...]
     * @param level      noise level
     * @return dx/dt
     */
    public static INDArray probabilityFlowDrift(INDArray prediction, Parameterization from, INDArray xt,
            NoiseLevel level) {
        return convert(prediction, from, Parameterization.VELOCITY, xt, level);
    }

    /**
     * The drift of the probability-flow ODE in the scaled variables y = x/alpha, s = sigma/alpha:
     * dy/ds = E[eps | x_t].
     *
     * @param prediction denoiser output [B, ...]
     * @param from       its parameterization
     * @param xt         the state x = alpha y [B, ...]
     * @param level      noise level
     * @return dy/ds
     */
    public static INDArray scaledDrift(INDArray prediction, Parameterization from, INDArray xt, NoiseLevel level) {
        return convert(prediction, from, Parameterization.EPSILON, xt, level);
    }

    /**
     * The drift of the reverse-time SDE dx = [f x - g^2 score] dt + g dW (Anderson, 1982; Song et
     * al., 2021), with f = alpha'/alpha and g^2 from {@link NoiseLevel#diffusionSquared()}:
     * as a combination of clean data and noise, (alpha', 2 sigma' - sigma alpha'/alpha).
     *
     * @param prediction denoiser output [B, ...]
     * @param from       its parameterization
     * @param xt         the state [B, ...]
     * @param level      noise level
     * @return the drift, to be integrated backwards in time
     */
    public static INDArray reverseSdeDrift(INDArray prediction, Parameterization from, INDArray xt,
            NoiseLevel level) {
        checkShapes(prediction, xt);
        double[] drift = {level.alphaDot(), 2 * level.sigmaDot() - level.sigma() * level.driftCoefficient()};
        return apply(solve(cleanAndNoiseWeights(from, level), drift, level), xt, prediction);
    }

    private static INDArray apply(LinearForm f, INDArray x, INDArray p) {
        checkFinite(f);
        if (f.state() == 0) {
            return p.mul(f.prediction());
        }
        return x.mul(f.state()).addi(p.mul(f.prediction()));
    }

    /**
     * ND4J multiplies by a NaN scalar as if it were 1e-5 (1.0.0-M2.1), so undefined conversions
     * must fail here rather than produce plausible numbers.
     */
    private static void checkFinite(LinearForm f) {
        if (!Double.isFinite(f.state()) || !Double.isFinite(f.prediction())) {
            throw new ArithmeticException("conversion undefined at this noise level (weights " + f.state() + ", "
                    + f.prediction() + "): alpha or sigma is 0");
        }
    }

    private static INDArray applyPerRow(LinearForm[] forms, INDArray x, INDArray p) {
        long rows = x.size(0);
        if (forms.length != rows) {
            throw new IllegalArgumentException("expected " + rows + " noise levels (one per row), got " + forms.length);
        }
        if (Arrays.stream(forms).distinct().count() == 1) {
            return apply(forms[0], x, p);
        }
        double[] a = new double[forms.length];
        double[] b = new double[forms.length];
        for (int i = 0; i < forms.length; i++) {
            checkFinite(forms[i]);
            a[i] = forms[i].state();
            b[i] = forms[i].prediction();
        }
        INDArray x2 = x.reshape('c', rows, -1);
        INDArray p2 = p.reshape('c', rows, -1);
        INDArray colA = Nd4j.createFromArray(a).castTo(x.dataType()).reshape(rows, 1);
        INDArray colB = Nd4j.createFromArray(b).castTo(x.dataType()).reshape(rows, 1);
        return x2.mulColumnVector(colA).addi(p2.mulColumnVector(colB)).reshape('c', x.shape());
    }

    private static void checkShapes(INDArray a, INDArray xt) {
        if (!Arrays.equals(a.shape(), xt.shape())) {
            throw new IllegalArgumentException("Expected tensor of shape " + Arrays.toString(xt.shape()) + " but got "
                    + Arrays.toString(a.shape()));
        }
    }
}
