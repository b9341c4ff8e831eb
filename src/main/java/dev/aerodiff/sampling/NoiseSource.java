package dev.aerodiff.sampling;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Standard normal noise for one batch, drawn on the Java side. Row b of every array belongs to
 * one sample of the run and comes from that sample's own stream for the given step, so the noise
 * a sample sees does not depend on the batch it is drawn in.
 */
public interface NoiseSource {

    /** The step key of the initial noise x at t_0. */
    long INITIAL = -1;

    /**
     * @param step  step key: {@link #INITIAL} for the initial noise, else the sampler's step index
     * @param shape [B, ...]
     * @param type  data type of the result
     * @return independent N(0, 1) values of the given shape
     */
    INDArray normal(long step, long[] shape, DataType type);
}
