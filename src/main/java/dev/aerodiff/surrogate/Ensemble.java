package dev.aerodiff.surrogate;

import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.field.ForceCoefficients;
import dev.aerodiff.field.Grid;
import dev.aerodiff.metrics.EnsembleQuantile;
import dev.aerodiff.metrics.MemberDisagreement;
import dev.aerodiff.metrics.PressureForces;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.PixelMoments;
import java.util.Arrays;

/**
 * A predicted distribution of flow fields for one condition: the samples in physical units (as a
 * {@link FlowCase}), how they were drawn, and per-pixel statistics.
 *
 * @param samples the predicted fields, physical units, solid cells zero
 * @param sampler the sampler specification used (e.g. "ddpm", "euler:20")
 * @param nfe     network evaluations per sample
 * @param seed    the seed of the draw
 * @param members how many bundles drew the samples, in the shares of {@link SurrogateMixture}
 */
public record Ensemble(FlowCase samples, String sampler, int nfe, long seed, int members) {

    /** @throws IllegalArgumentException if {@code members < 1} */
    public Ensemble {
        if (members < 1) {
            throw new IllegalArgumentException("an ensemble is drawn by at least 1 bundle, got " + members);
        }
    }

    /** An ensemble that one bundle drew. */
    public Ensemble(FlowCase samples, String sampler, int nfe, long seed) {
        this(samples, sampler, nfe, seed, 1);
    }

    /** @return index of each member's first sample, and the number of samples at the end */
    public int[] memberStarts() {
        int[] starts = new int[members + 1];
        for (int k = 0; k <= members; k++) {
            starts[k] = SurrogateMixture.shareStart(samples.samples(), k, members);
        }
        return starts;
    }

    /**
     * @return how much the members disagree about the mean field, dimensionless
     *         ({@link MemberDisagreement}); NaN for one member or a member with fewer than 2 samples
     */
    public double memberDisagreement() {
        return MemberDisagreement.of(DimensionlessNormalizer.normalize(samples), memberStarts());
    }

    /**
     * @param grid the grid of the samples (the surrogate's)
     * @return per-sample lift and drag coefficients of the pressure on the body, integrated from the
     *         fields around the mask ({@link PressureForces}: no skin friction)
     */
    public ForceCoefficients pressureForces(Grid grid) {
        return PressureForces.of(DimensionlessNormalizer.normalize(samples), grid);
    }

    /** @return per-pixel mean and standard deviation (ddof 0) of a channel */
    public PixelMoments moments(Channel channel) {
        return PixelMoments.of(samples, channel);
    }

    /**
     * @param channel  which channel
     * @param quantile in [0, 1]; linear interpolation between order statistics
     * @return the per-pixel quantile field, [y][x] flat
     */
    public double[] quantile(Channel channel, double quantile) {
        if (!(quantile >= 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + quantile);
        }
        int n = samples.samples();
        int cells = samples.cellCount();
        double[] out = new double[cells];
        double[] column = new double[n];
        for (int cell = 0; cell < cells; cell++) {
            for (int s = 0; s < n; s++) {
                column[s] = samples.value(s, channel, cell);
            }
            Arrays.sort(column);
            out[cell] = EnsembleQuantile.of(column, quantile);
        }
        return out;
    }
}
