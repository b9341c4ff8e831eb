package dev.aerodiff.diffusion;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The equal average of several denoisers' predictions: one model whose every evaluation asks each
 * member and returns the mean. Members that estimate the same conditional mean (networks trained on
 * one data set with different seeds) err partly by chance; averaging their estimates keeps what they
 * agree on and shrinks what each gets wrong alone. At given x_t and t every parameterization is an
 * affine function of the clean-data estimate, so the average in the members' common parameterization is
 * the average of their clean-data estimates; the average of the exact denoisers of Gaussian data sets
 * that differ only in their mean is the exact denoiser of the data set with the mean of their means.
 * Costs one evaluation of every member per call.
 */
public final class AveragedDenoiser implements Denoiser {
    private final List<Denoiser> members;

    /**
     * @param members at least one denoiser, all predicting in one parameterization
     * @throws IllegalArgumentException if there are none or their parameterizations differ
     */
    public AveragedDenoiser(List<Denoiser> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an average needs at least one denoiser");
        }
        Parameterization first = members.get(0).parameterization();
        for (Denoiser d : members) {
            if (d.parameterization() != first) {
                throw new IllegalArgumentException("cannot average a denoiser predicting " + d.parameterization()
                        + " with one predicting " + first + ": every member must predict the same quantity");
            }
        }
        this.members = List.copyOf(members);
    }

    /** @return the number of member evaluations per call */
    public int size() {
        return members.size();
    }

    @Override
    public Parameterization parameterization() {
        return members.get(0).parameterization();
    }

    @Override
    public INDArray evaluate(INDArray xt, double[] t, INDArray condition) {
        INDArray sum = members.get(0).evaluate(xt, t, condition).dup();
        for (Denoiser d : members.subList(1, members.size())) {
            sum.addi(d.evaluate(xt, t, condition).castTo(sum.dataType()));
        }
        return sum.divi(members.size());
    }
}
