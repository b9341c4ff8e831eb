package dev.aerodiff.train;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * AdamW on all weights at once, held as one flat buffer with their gradients in another: ND4J's
 * Adam step (the fused native op SameDiff applies weight by weight), then the decoupled weight
 * decay lr * decay * w, then w -= update. Element by element this is what SameDiff's training does
 * with the same Adam configuration and {@code WeightDecay(decay, true)}, in three native calls
 * instead of three per weight.
 *
 * <p>The state is the first moments of all weights followed by the second moments, [1, 2 n],
 * in the order of the flat weights.
 */
final class FlatAdamW {
    private final Adam adam;
    private final WeightDecay decay;
    private final INDArray state;
    private final GradientUpdater<?> updater;
    private final long size;

    /**
     * @param learningRate the learning rate schedule
     * @param weightDecay  decoupled weight decay per step, scaled by the learning rate
     * @param size         the number of weights
     * @param state        the moments [1, 2 size] to continue from, or null to start from zeros
     */
    FlatAdamW(WarmupLinearSchedule learningRate, double weightDecay, long size, INDArray state) {
        this.adam = new Adam(learningRate);
        this.decay = new WeightDecay(weightDecay, true);
        this.size = size;
        this.state = Nd4j.zeros(DataType.FLOAT, 1, 2 * size);
        if (state != null) {
            if (state.length() != 2 * size) {
                throw new IllegalArgumentException("optimizer state has " + state.length() + " values, expected "
                        + 2 * size + " (two per weight)");
            }
            this.state.assign(state.reshape(1, 2 * size));
        }
        this.updater = adam.instantiate(this.state, false);
    }

    /**
     * The state of SameDiff's per-weight Adam updaters (first and second moments by weight name),
     * laid out as this class keeps it.
     *
     * @param moments by weight name, the "M" and "V" arrays of each
     * @param names   the weights in flat order
     * @return the state [1, 2 n]
     */
    static INDArray stateOf(Map<String, Map<String, INDArray>> moments, List<String> names) {
        long n = 0;
        for (String name : names) {
            n += moments.get(name).get("M").length();
        }
        INDArray state = Nd4j.zeros(DataType.FLOAT, 1, 2 * n);
        long offset = 0;
        for (String name : names) {
            INDArray m = moments.get(name).get("M");
            INDArray v = moments.get(name).get("V");
            long len = m.length();
            state.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + len)).assign(m.reshape(len));
            state.get(NDArrayIndex.point(0), NDArrayIndex.interval(n + offset, n + offset + len))
                    .assign(v.reshape(len));
            offset += len;
        }
        return state;
    }

    /**
     * One step: updates {@code weights} in place; {@code gradients} is overwritten with the update.
     *
     * @param weights   all weights, flat [n]
     * @param gradients their gradients, flat [n]
     * @param iteration the 0-based step (drives the learning rate and Adam's bias correction)
     */
    void step(INDArray weights, INDArray gradients, int iteration) {
        INDArray g = gradients.reshape(1, size);
        updater.applyUpdater(g, iteration, iteration);
        decay.apply(weights.reshape(1, size), g, adam.getLearningRate(iteration, iteration), iteration, iteration);
        weights.subi(gradients);
    }

    /** @return the moments [1, 2 n] (live; copy to keep) */
    INDArray state() {
        return state;
    }
}
