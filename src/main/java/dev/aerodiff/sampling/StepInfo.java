package dev.aerodiff.sampling;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One finished sampler step.
 *
 * @param index   step number, from 0
 * @param t       time at the start of the step
 * @param tNext   time reached
 * @param x       the state at tNext [B, ...] (do not modify)
 * @param nfe     network evaluations so far
 */
public record StepInfo(int index, double t, double tNext, INDArray x, int nfe) {
}
