package dev.aerodiff.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The training loss of a run, step by step condensed to the mean of each block of {@link #every()}
 * consecutive steps: what shows whether a run has converged. A single batch's loss scatters by a
 * factor of two or more from step to step (each batch draws its own noise levels), a block's mean
 * far less. {@link DiffusionTrainer} keeps it, {@link TrainingCheckpoint} saves it with the block in
 * progress, so a resumed run's record is the uninterrupted run's, and a bundle records it.
 */
public final class LossHistory {
    /** Steps per block unless a run says otherwise. */
    public static final int DEFAULT_EVERY = 100;

    private final int every;
    private final int firstStep;
    private final List<Double> means;
    private double blockSum;
    private int blockSteps;

    /**
     * @param every     steps per block, at least 1
     * @param firstStep the step before the first one recorded: 0, or the step at which a run resumed
     *                  from a checkpoint that kept no record
     */
    public LossHistory(int every, int firstStep) {
        this(new Saved(every, firstStep, List.of(), 0, 0));
    }

    LossHistory(Saved saved) {
        if (saved.every() < 1 || saved.firstStep() < 0 || saved.blockSteps() < 0 || saved.blockSteps() >= saved.every()) {
            throw new IllegalArgumentException("inconsistent loss record: " + saved);
        }
        this.every = saved.every();
        this.firstStep = saved.firstStep();
        this.means = new ArrayList<>(saved.means());
        this.blockSum = saved.blockSum();
        this.blockSteps = saved.blockSteps();
    }

    /**
     * Records one step's loss.
     *
     * @param loss the loss of the step's batch
     */
    void add(double loss) {
        blockSum += loss;
        blockSteps++;
        if (blockSteps == every) {
            means.add(blockSum / every);
            blockSum = 0;
            blockSteps = 0;
        }
    }

    /** @return steps per block */
    public int every() {
        return every;
    }

    /** @return the step before the first recorded one; block k ends at step firstStep + (k + 1) every */
    public int firstStep() {
        return firstStep;
    }

    /** @return the mean loss of each completed block, oldest first */
    public List<Double> blockMeans() {
        return Collections.unmodifiableList(means);
    }

    /**
     * @return the mean loss of the block in progress, or of the last completed block when a block
     *         has just ended; NaN before the first step
     */
    public double recentMean() {
        if (blockSteps > 0) {
            return blockSum / blockSteps;
        }
        return means.isEmpty() ? Double.NaN : means.get(means.size() - 1);
    }

    /** @return steps that {@link #recentMean()} averages */
    public int recentSteps() {
        return blockSteps > 0 ? blockSteps : means.isEmpty() ? 0 : every;
    }

    /** @return the record as a checkpoint keeps it, the block in progress included */
    Saved saved() {
        return new Saved(every, firstStep, List.copyOf(means), blockSum, blockSteps);
    }

    /** The record as {@code trainer.json} of a checkpoint holds it. */
    record Saved(int every, int firstStep, List<Double> means, double blockSum, int blockSteps) {
    }
}
