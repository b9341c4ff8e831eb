package dev.aerodiff.metrics;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.Mask;
import java.util.Arrays;

/**
 * How much the members of a mixture of surrogates disagree about a condition's mean field: the
 * spread of the members' true mean fields, estimated from their samples, as the root of its
 * variance averaged over the fluid cells, then averaged over the channels. Members trained on the
 * same data agree where the data decide the answer and part where they do not, so this is the
 * mixture's own estimate of what it does not know (where the members share a mistake, it cannot
 * see it).
 *
 * <p>For K members with n_k samples each, the variance V (ddof 0) of the K member means at a pixel
 * has the expectation B + (K - 1) / K^2 sum_k sigma_k^2 / n_k, where B is the variance of the
 * members' true means and sigma_k^2 their spread. V - (K - 1) / K^2 sum_k s_k^2 / n_k, with s_k^2
 * the sample variance (ddof 1), is therefore unbiased for B; averaged over the fluid cells, its
 * root (0 where the average is negative) is the estimate, so that members drawing from one
 * distribution score about zero however few samples each has.
 */
public final class MemberDisagreement {
    private MemberDisagreement() {
    }

    /**
     * @param ensemble the samples, member after member
     * @param starts   index of each member's first sample, and the number of samples at the end
     * @return the estimate, averaged over the channels, in the units of the samples; NaN for fewer
     *         than 2 members or a member with fewer than 2 samples
     * @throws IllegalArgumentException if {@code starts} does not run from 0 to the number of
     *     samples without going back
     */
    public static double of(FlowCase ensemble, int[] starts) {
        int members = starts.length - 1;
        if (members < 1 || starts[0] != 0 || starts[members] != ensemble.samples()) {
            throw new IllegalArgumentException("member starts must run from 0 to the " + ensemble.samples()
                    + " samples, got " + Arrays.toString(starts));
        }
        boolean defined = members >= 2;
        for (int k = 0; k < members; k++) {
            if (starts[k + 1] < starts[k]) {
                throw new IllegalArgumentException("member " + k + " ends before it starts: "
                        + Arrays.toString(starts));
            }
            defined &= starts[k + 1] - starts[k] >= 2;
        }
        if (!defined) {
            return Double.NaN;
        }
        double sum = 0;
        for (Channel channel : Channel.ALL) {
            sum += ofChannel(ensemble, channel, starts);
        }
        return sum / Channel.count();
    }

    /** @return the root of the fluid average of the per-pixel variance estimate for one channel */
    private static double ofChannel(FlowCase ensemble, Channel channel, int[] starts) {
        int members = starts.length - 1;
        Mask mask = ensemble.mask();
        double[] means = new double[members];
        double total = 0;
        for (int cell = 0; cell < ensemble.cellCount(); cell++) {
            if (mask.isSolid(cell)) {
                continue;
            }
            double grand = 0;
            double noise = 0;
            for (int k = 0; k < members; k++) {
                int n = starts[k + 1] - starts[k];
                double mean = 0;
                for (int s = starts[k]; s < starts[k + 1]; s++) {
                    mean += ensemble.value(s, channel, cell);
                }
                mean /= n;
                double squares = 0;
                for (int s = starts[k]; s < starts[k + 1]; s++) {
                    double d = ensemble.value(s, channel, cell) - mean;
                    squares += d * d;
                }
                means[k] = mean;
                grand += mean / members;
                noise += squares / (n - 1) / n;
            }
            double between = 0;
            for (double mean : means) {
                between += (mean - grand) * (mean - grand) / members;
            }
            total += between - noise * (members - 1) / ((double) members * members);
        }
        return Math.sqrt(Math.max(0, total / mask.fluidCount()));
    }
}
