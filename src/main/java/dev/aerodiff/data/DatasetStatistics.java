package dev.aerodiff.data;

import dev.aerodiff.field.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Summary of a data set's spread: for each channel, the per-case {@link CaseStatistics} averaged
 * over cases. All in the dimensionless units of {@link DimensionlessNormalizer}.
 *
 * @param cases          number of cases
 * @param samplesPerCase samples in each case
 * @param meanStd        per channel: mean over cases of the fluid-averaged per-pixel std
 * @param meanMean       per channel: mean over cases of the fluid-averaged per-pixel mean
 * @param perCase        the statistics of each case, in file order
 */
public record DatasetStatistics(int cases, int samplesPerCase, double[] meanStd, double[] meanMean,
                                List<CaseStatistics> perCase) {

    /**
     * Reads the data set one case at a time.
     *
     * @param dataset  the data set
     * @param progress called with each finished case index (for progress display)
     * @return the statistics
     */
    public static DatasetStatistics compute(FieldDataset dataset, IntConsumer progress) {
        List<CaseStatistics> perCase = new ArrayList<>();
        double[] std = new double[Channel.count()];
        double[] mean = new double[Channel.count()];
        for (int c = 0; c < dataset.caseCount(); c++) {
            CaseStatistics s = CaseStatistics.of(DimensionlessNormalizer.normalize(dataset.readCase(c)));
            perCase.add(s);
            for (int k = 0; k < std.length; k++) {
                std[k] += s.meanStd()[k] / dataset.caseCount();
                mean[k] += s.meanMean()[k] / dataset.caseCount();
            }
            progress.accept(c);
        }
        return new DatasetStatistics(dataset.caseCount(), dataset.samplesPerCase(), std, mean, List.copyOf(perCase));
    }
}
