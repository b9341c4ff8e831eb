package dev.aerodiff.diffusion;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A weighted average of several denoisers' predictions, weights summing to 1: one model whose every
 * evaluation asks each member. At given x_t and t every parameterization is an affine function of the
 * clean-data estimate, so such an average in the members' common parameterization is the same average of
 * their clean-data estimates; that of the exact denoisers of Gaussian data sets that differ only in
 * their mean is the exact denoiser of the data set with the same average of their means.
 * <ul>
 * <li>Equal weights: members that estimate the same conditional mean (networks trained on one data set
 * with different seeds) err partly by chance; averaging keeps what they agree on and shrinks what each
 * gets wrong alone.</li>
 * <li>{@link #guided}: w times a network's prediction minus w - 1 times that of a weaker version of it
 * (autoguidance, Karras et al. 2024, "Guiding a diffusion model with a bad version of itself"): where
 * the weaker network errs in a direction the better one errs less in, the samples move further from
 * it.</li>
 * </ul>
 * Costs one evaluation of every member per call.
 */
public final class AveragedDenoiser implements Denoiser {
    private final List<Denoiser> members;
    /** The members' weights, or null for equal ones. */
    private final double[] weights;

    /**
     * @param members at least one denoiser, all predicting in one parameterization, weighed equally
     * @throws IllegalArgumentException if there are none or their parameterizations differ
     */
    public AveragedDenoiser(List<Denoiser> members) {
        this(members, null);
    }

    private AveragedDenoiser(List<Denoiser> members, double[] weights) {
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
        this.weights = weights;
    }

    /**
     * @param main     the denoiser that is guided
     * @param guide    a weaker version of it (fewer training steps, a smaller network), predicting the same
     *                 quantity
     * @param guidance w &gt;= 1: the prediction is w main - (w - 1) guide; 1 is {@code main} alone
     * @return the guided denoiser
     * @throws IllegalArgumentException if w is below 1 or not finite, or the two predict different quantities
     */
    public static AveragedDenoiser guided(Denoiser main, Denoiser guide, double guidance) {
        checkGuidance(guidance);
        return new AveragedDenoiser(List.of(main, guide), new double[] {guidance, 1 - guidance});
    }

    /**
     * @param guidance w of {@link #guided}
     * @return w
     * @throws IllegalArgumentException if w is below 1 or not finite
     */
    public static double checkGuidance(double guidance) {
        if (!(guidance >= 1) || Double.isInfinite(guidance)) {
            throw new IllegalArgumentException("guidance must be a finite number of at least 1 (1: the first network"
                    + " alone), got " + guidance);
        }
        return guidance;
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
        INDArray first = members.get(0).evaluate(xt, t, condition);
        INDArray sum = weights == null ? first.dup() : first.mul(weights[0]);
        for (int k = 1; k < members.size(); k++) {
            INDArray out = members.get(k).evaluate(xt, t, condition).castTo(sum.dataType());
            sum.addi(weights == null ? out : out.mul(weights[k]));
        }
        return weights == null ? sum.divi(members.size()) : sum;
    }
}
