package dev.aerodiff.nn;

import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.Parameterization;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained {@link UNet} as a {@link Denoiser}. The graph evaluates one batch at a time, so calls
 * are serialized; give each thread its own instance for parallel sampling.
 */
public final class UNetDenoiser implements Denoiser {
    private final UNet net;
    private final Parameterization parameterization;

    /**
     * @param net              the network
     * @param parameterization what it was trained to predict
     */
    public UNetDenoiser(UNet net, Parameterization parameterization) {
        this.net = net;
        this.parameterization = parameterization;
    }

    @Override
    public Parameterization parameterization() {
        return parameterization;
    }

    /**
     * @param xt        noisy fields [B, 3, H, W]
     * @param t         time of each sample
     * @param condition condition channels [B, 3, H, W]; required
     */
    @Override
    public synchronized INDArray evaluate(INDArray xt, double[] t, INDArray condition) {
        if (condition == null) {
            throw new IllegalArgumentException("the U-Net denoiser needs condition channels");
        }
        float[] times = new float[t.length];
        for (int k = 0; k < t.length; k++) {
            times[k] = (float) t[k];
        }
        return net.forward(xt.castTo(DataType.FLOAT), condition.castTo(DataType.FLOAT), Nd4j.createFromArray(times));
    }
}
