package dev.aerodiff.surrogate;

import dev.aerodiff.metrics.RankCorrelation;
import dev.aerodiff.metrics.SnapshotFloor;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One model's evaluation on every condition of a data set.
 *
 * @param name    short name (the bundle's file name without extension)
 * @param method  training method, "ddpm" or "flow"; "nearest" for the {@link NearestSimulation} baseline
 * @param sampler sampler specification used
 * @param nfe     network evaluations per sample
 * @param cases   one evaluation per condition
 * @param seconds wall time of all predictions
 */
public record ModelEvaluation(String name, String method, String sampler, int nfe, List<CaseEvaluation> cases,
                              double seconds) {

    /** Copies the list and checks it is not empty. */
    public ModelEvaluation {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("model " + name + " was evaluated on no case");
        }
        cases = List.copyOf(cases);
    }

    /** @return error of the mean, averaged over channels and cases (DESIGN section 8) */
    public double errorOfMean() {
        return average(CaseEvaluation::errorOfMean);
    }

    /** @return error of the std, averaged over channels and cases */
    public double errorOfStd() {
        return average(CaseEvaluation::errorOfStd);
    }

    /** @return the simulations' spatially averaged std, averaged over channels and cases */
    public double referenceMeanStd() {
        return average(CaseEvaluation::referenceMeanStd);
    }

    /**
     * @return the error of the mean over the simulations' spread ({@link #referenceMeanStd}), the
     *         scale a surrogate's error is judged on (far below 1 is the aim); NaN where the
     *         simulations do not scatter at all
     */
    public double errorOfMeanOverSpread() {
        return overSpread(errorOfMean());
    }

    /** @return the error of the std over the simulations' spread, as {@link #errorOfMeanOverSpread} */
    public double errorOfStdOverSpread() {
        return overSpread(errorOfStd());
    }

    private double overSpread(double error) {
        double spread = referenceMeanStd();
        return spread > 0 ? error / spread : Double.NaN;
    }

    /** @return the ensembles' spatially averaged std, averaged over channels and cases */
    public double predictedMeanStd() {
        return average(CaseEvaluation::predictedMeanStd);
    }

    /**
     * @return Spearman's rank correlation, across cases, between the predicted and the simulated
     *         spatially averaged std: near 1 when the model knows which conditions scatter more;
     *         NaN for fewer than 3 cases or when one side does not vary
     */
    public double spreadRankCorrelation() {
        if (cases.size() < 3) {
            return Double.NaN;
        }
        return RankCorrelation.spearman(cases.stream().mapToDouble(CaseEvaluation::predictedMeanStd).toArray(),
                cases.stream().mapToDouble(CaseEvaluation::referenceMeanStd).toArray());
    }

    /**
     * @return how much the bundles of a mixture disagree about the mean fields, averaged over cases
     *         ({@link CaseEvaluation#memberDisagreement()}); NaN for one bundle
     */
    public double memberDisagreement() {
        return average(CaseEvaluation::memberDisagreement);
    }

    /**
     * @return Spearman's rank correlation, across cases, between the members' disagreement and the
     *         error of the mean: near 1 when the mixture knows where it errs; NaN for one bundle, for
     *         fewer than 3 cases or when one side does not vary
     */
    public double disagreementRankCorrelation() {
        if (cases.size() < 3 || Double.isNaN(memberDisagreement())) {
            return Double.NaN;
        }
        return RankCorrelation.spearman(cases.stream().mapToDouble(CaseEvaluation::memberDisagreement).toArray(),
                cases.stream().mapToDouble(CaseEvaluation::errorOfMean).toArray());
    }

    /**
     * @return the simulations' {@link SnapshotFloor} averaged over cases, or
     *         null if a case has none
     */
    public SnapshotFloor floor() {
        if (cases.stream().anyMatch(c -> c.floor() == null)) {
            return null;
        }
        return new SnapshotFloor(average(c -> c.floor().errorOfMean()),
                average(c -> c.floor().errorOfStd()));
    }

    /** @return exact W1 of the pressure drag coefficient, averaged over cases */
    public double dragW1() {
        return average(CaseEvaluation::dragW1);
    }

    /** @return exact W1 of the pressure lift coefficient, averaged over cases */
    public double liftW1() {
        return average(CaseEvaluation::liftW1);
    }

    /** @return the average over cases of a per-case number */
    public double average(ToDoubleFunction<CaseEvaluation> metric) {
        return cases.stream().mapToDouble(metric).average().orElseThrow();
    }
}
