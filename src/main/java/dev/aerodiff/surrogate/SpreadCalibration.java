package dev.aerodiff.surrogate;

import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.Mask;
import dev.aerodiff.field.PixelMoments;
import java.util.Arrays;
import java.util.List;

/**
 * A correction of a surrogate's per-pixel spread, fitted where the simulations are known, in the
 * spirit of ensemble model output statistics in weather forecasting (Gneiting et al. 2005). A
 * trained network does not fit its data exactly, and where a condition's runs settle on one field
 * its fit error still scatters the samples a little: the ensemble shows spread the flow does not
 * have. Where the runs scatter the networks give them a little less than their spread. Per channel,
 * the calibrated per-pixel standard deviation (dimensionless units, {@link DimensionlessNormalizer})
 * is
 * <pre>
 *   std_cal = sqrt(gain * max(0, std^2 - noiseFloor^2))
 * </pre>
 * of the ensemble's std: the floor is the spread of the fit error, taken out in quadrature as if it
 * were independent of the flow's own, and the gain what the network's spread is short of or over.
 * {@link #apply} moves each sample towards or away from the per-pixel ensemble mean by
 * std_cal / std, so the mean stays and the spread becomes std_cal. {@link #fit} picks the floor, and
 * if asked the gain, that minimize the error of the std (DESIGN.md section 8: fluid mean of
 * |std_pred - std_ref|, averaged over conditions) on conditions with known simulations: the floor
 * on a grid of {@link #FLOOR_STEPS} steps, for each floor the best gain as a weighted median. The
 * floor carries over from the networks' own training conditions to unseen ones on the stall data;
 * the gain did not, so it is fitted only on request.
 *
 * @param noiseFloor per channel in {@link Channel#ALL} order, dimensionless, at least 0
 * @param gain       per channel, positive
 */
public record SpreadCalibration(double[] noiseFloor, double[] gain) {
    /** Steps of the floor's grid, from 0 to the 90th percentile of the ensembles' std. */
    public static final int FLOOR_STEPS = 200;

    /** No correction: floor 0, gain 1. */
    public static final SpreadCalibration IDENTITY = new SpreadCalibration(new double[Channel.count()],
            new double[] {1, 1, 1});

    /** @throws IllegalArgumentException if a channel is missing or a value is out of range */
    public SpreadCalibration {
        if (noiseFloor.length != Channel.count() || gain.length != Channel.count()) {
            throw new IllegalArgumentException("a spread calibration has a noise floor and a gain for each of the "
                    + Channel.count() + " channels, got " + noiseFloor.length + " and " + gain.length);
        }
        for (Channel c : Channel.ALL) {
            double floor = noiseFloor[c.ordinal()];
            double g = gain[c.ordinal()];
            if (!(floor >= 0 && Double.isFinite(floor)) || !(g > 0 && Double.isFinite(g))) {
                throw new IllegalArgumentException("channel " + c.variableName() + ": the noise floor must be finite"
                        + " and at least 0, the gain finite and positive; got " + floor + " and " + g);
            }
        }
        noiseFloor = noiseFloor.clone();
        gain = gain.clone();
    }

    @Override
    public double[] noiseFloor() {
        return noiseFloor.clone();
    }

    @Override
    public double[] gain() {
        return gain.clone();
    }

    /** @return the calibrated std of one channel for an ensemble std (dimensionless) */
    public double calibratedStd(Channel channel, double std) {
        return Math.sqrt(gain[channel.ordinal()]) * aboveFloor(std, noiseFloor[channel.ordinal()]);
    }

    /** @return sqrt(max(0, std^2 - floor^2)): the std with the floor taken out in quadrature */
    private static double aboveFloor(double std, double floor) {
        return Math.sqrt(Math.max(0, std * std - floor * floor));
    }

    /**
     * @param ensemble samples in physical units
     * @return the same samples moved per pixel towards or away from their mean, so that the per-pixel std
     *         of each channel (dimensionless) is {@link #calibratedStd}; same seed, sampler and members
     */
    public Ensemble apply(Ensemble ensemble) {
        FlowCase dimensionless = DimensionlessNormalizer.normalize(ensemble.samples());
        float[] values = dimensionless.values();
        int n = dimensionless.samples();
        int cells = dimensionless.cellCount();
        for (Channel channel : Channel.ALL) {
            PixelMoments moments = PixelMoments.of(dimensionless, channel);
            for (int cell = 0; cell < cells; cell++) {
                double std = moments.std()[cell];
                if (std == 0) {
                    continue;
                }
                double mean = moments.mean()[cell];
                double factor = calibratedStd(channel, std) / std;
                for (int s = 0; s < n; s++) {
                    int at = (s * Channel.count() + channel.ordinal()) * cells + cell;
                    values[at] = (float) (mean + factor * (values[at] - mean));
                }
            }
        }
        FlowCase samples = DimensionlessNormalizer.toPhysical(dimensionless.condition(), dimensionless.mask(), n,
                values);
        return new Ensemble(samples, ensemble.sampler(), ensemble.nfe(), ensemble.seed(), ensemble.members());
    }

    /**
     * @param cases   predicted ensembles (at least 2 samples each) against simulations, dimensionless, as
     *                {@link SurrogateEvaluation#run} gives them
     * @param fitGain whether to fit the gain too; false keeps it at 1 and fits the floor alone
     * @return the floor (and gain) per channel that minimize the error of the std over the cases
     * @throws IllegalArgumentException if there are no cases
     */
    public static SpreadCalibration fit(List<CaseEvaluation> cases, boolean fitGain) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("a spread calibration needs at least one condition with simulations");
        }
        double[] floors = new double[Channel.count()];
        double[] gains = new double[Channel.count()];
        for (Channel channel : Channel.ALL) {
            StdPairs pairs = StdPairs.of(cases, channel);
            double[] best = pairs.bestFloorAndGain(fitGain);
            floors[channel.ordinal()] = best[0];
            gains[channel.ordinal()] = best[1];
        }
        return new SpreadCalibration(floors, gains);
    }

    /**
     * @param cases predicted ensembles against simulations, dimensionless
     * @return the error of the std the calibrated ensembles would have, averaged over the channels and
     *         the cases: {@link CaseEvaluation#errorOfStd()} of {@link #apply}'s ensembles (up to the
     *         pressure level, which the comparison takes out again)
     */
    public double errorOfStd(List<CaseEvaluation> cases) {
        double sum = 0;
        for (Channel channel : Channel.ALL) {
            sum += StdPairs.of(cases, channel).error(noiseFloor[channel.ordinal()],
                    Math.sqrt(gain[channel.ordinal()]));
        }
        return sum / Channel.count();
    }

    /**
     * The fluid pixels of several cases: the ensemble's std, the simulation's, and a weight that
     * makes each case count equally.
     */
    private record StdPairs(double[] predicted, double[] reference, double[] weight) {

        static StdPairs of(List<CaseEvaluation> cases, Channel channel) {
            int total = cases.stream().mapToInt(c -> c.reference().mask().fluidCount()).sum();
            double[] predicted = new double[total];
            double[] reference = new double[total];
            double[] weight = new double[total];
            int at = 0;
            for (CaseEvaluation c : cases) {
                Mask mask = c.reference().mask();
                double[] p = PixelMoments.of(c.predicted(), channel).std();
                double[] r = PixelMoments.of(c.reference(), channel).std();
                for (int cell = 0; cell < p.length; cell++) {
                    if (!mask.isSolid(cell)) {
                        predicted[at] = p[cell];
                        reference[at] = r[cell];
                        weight[at++] = 1.0 / (mask.fluidCount() * (double) cases.size());
                    }
                }
            }
            return new StdPairs(predicted, reference, weight);
        }

        /** @return {floor, gain} of the least error of the std on the floor's grid, the gain 1 unless fitted */
        double[] bestFloorAndGain(boolean fitGain) {
            double[] sorted = predicted.clone();
            Arrays.sort(sorted);
            double top = sorted[(int) Math.floor(0.9 * (sorted.length - 1))];
            double[] best = {0, 1, Double.POSITIVE_INFINITY};
            for (int k = 0; k <= FLOOR_STEPS; k++) {
                double floor = top * k / FLOOR_STEPS;
                double[] candidate = fitGain ? bestGain(floor) : new double[] {1, error(floor, 1)};
                if (candidate[1] < best[2]) {
                    best = new double[] {floor, candidate[0], candidate[1]};
                }
            }
            return new double[] {best[0], best[1]};
        }

        /**
         * For a floor, the error sum_i w_i |g r_i - ref_i| with r_i = sqrt(max(0, pred_i^2 - floor^2))
         * is least at g the median of ref_i / r_i weighted by w_i r_i (over the pixels with r_i > 0).
         *
         * @return {gain = g^2, the error at g}
         */
        private double[] bestGain(double floor) {
            int n = predicted.length;
            double[] ratio = new double[n];
            double[] w = new double[n];
            int m = 0;
            double totalWeight = 0;
            for (int i = 0; i < n; i++) {
                double r = aboveFloor(predicted[i], floor);
                if (r > 0) {
                    ratio[m] = reference[i] / r;
                    w[m] = weight[i] * r;
                    totalWeight += w[m];
                    m++;
                }
            }
            double g = 1;
            if (m > 0) {
                Integer[] used = new Integer[m];
                Arrays.setAll(used, k -> k);
                Arrays.sort(used, (a, b) -> Double.compare(ratio[a], ratio[b]));
                double running = 0;
                for (int idx : used) {
                    running += w[idx];
                    if (running >= totalWeight / 2) {
                        g = ratio[idx];
                        break;
                    }
                }
            }
            if (!(g > 0)) {
                return new double[] {1, Double.POSITIVE_INFINITY};
            }
            return new double[] {g * g, error(floor, g)};
        }

        /** @return sum_i w_i |g r_i - ref_i| with r_i = sqrt(max(0, pred_i^2 - floor^2)) */
        double error(double floor, double g) {
            double error = 0;
            for (int i = 0; i < predicted.length; i++) {
                error += weight[i] * Math.abs(g * aboveFloor(predicted[i], floor) - reference[i]);
            }
            return error;
        }
    }
}
