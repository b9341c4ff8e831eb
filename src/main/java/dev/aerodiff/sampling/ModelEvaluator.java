package dev.aerodiff.sampling;

import dev.aerodiff.diffusion.BatchArrays;
import dev.aerodiff.diffusion.Conversions;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.Parameterization;
import java.util.Arrays;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Calls a denoiser for one run of a sampler: fills in the time of every row, checks the result's
 * shape and finiteness, converts to the parameterization a step needs, and counts the calls.
 */
final class ModelEvaluator {
    private final String sampler;
    private final Denoiser denoiser;
    private final INDArray condition;
    private int calls;

    ModelEvaluator(String sampler, Denoiser denoiser, INDArray condition) {
        this.sampler = sampler;
        this.denoiser = denoiser;
        this.condition = condition;
    }

    /** A denoiser output at one state, convertible to any parameterization. */
    record Prediction(String sampler, INDArray raw, Parameterization parameterization, INDArray x,
            NoiseLevel level) {
        INDArray as(Parameterization wanted) {
            return guard(() -> Conversions.convert(raw, parameterization, wanted, x, level), wanted.toString());
        }

        INDArray reverseSdeDrift() {
            return guard(() -> Conversions.reverseSdeDrift(raw, parameterization, x, level), "the reverse SDE drift");
        }

        private INDArray guard(Supplier<INDArray> conversion, String target) {
            try {
                return conversion.get();
            } catch (ArithmeticException e) {
                throw new SamplingException(sampler, level.t(), -1, "cannot convert " + parameterization + " to "
                        + target + " (alpha = " + level.alpha() + ", sigma = " + level.sigma() + ")");
            }
        }
    }

    /**
     * @param x     states [B, ...]
     * @param level noise level of all rows; the model is called at level.t()
     * @return the prediction
     */
    Prediction evaluate(INDArray x, NoiseLevel level) {
        INDArray out = raw(x, level);
        if (!BatchArrays.allFinite(out)) {
            throw new SamplingException(sampler, level.t(), -1, "the denoiser returned non-finite values");
        }
        return new Prediction(sampler, out, denoiser.parameterization(), x, level);
    }

    /**
     * @param x     states [B, ...]
     * @param level noise level of all rows; the model is called at level.t()
     * @return the denoiser output in x's data type, shape checked, finiteness not checked
     */
    INDArray raw(INDArray x, NoiseLevel level) {
        double[] t = new double[Math.toIntExact(x.size(0))];
        Arrays.fill(t, level.t());
        INDArray out = denoiser.evaluate(x, t, condition);
        calls++;
        if (!Arrays.equals(out.shape(), x.shape())) {
            throw new IllegalStateException("denoiser returned shape " + Arrays.toString(out.shape())
                    + " for input of shape " + Arrays.toString(x.shape()));
        }
        return out.dataType() == x.dataType() ? out : out.castTo(x.dataType());
    }

    /** @return the parameterization of the denoiser's output */
    Parameterization parameterization() {
        return denoiser.parameterization();
    }

    /** @return calls made so far */
    int calls() {
        return calls;
    }
}
