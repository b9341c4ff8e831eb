package dev.aerodiff.cli;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.metrics.ChannelUncertainty;
import dev.aerodiff.metrics.SnapshotFloor;
import dev.aerodiff.surrogate.CaseEvaluation;
import dev.aerodiff.surrogate.ModelEvaluation;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON form of field metrics and model evaluations, shared by the commands that compare ensembles. */
final class EvaluationJson {
    private EvaluationJson() {
    }

    /** @return the metrics of one channel, keys as in {@code metrics fields --json} */
    static Map<String, Object> channel(ChannelUncertainty u) {
        Map<String, Object> ch = new LinkedHashMap<>();
        ch.put("error_of_mean", u.errorOfMean());
        ch.put("error_of_std", u.errorOfStd());
        ch.put("predicted_mean_std", u.predictedMeanStd());
        ch.put("reference_mean_std", u.referenceMeanStd());
        ch.put("crps", u.crps());
        ch.put("coverage_50", u.coverage50());
        ch.put("coverage_90", u.coverage90());
        ch.put("spread_skill", u.spreadSkill());
        ch.put("marginal_w1", u.marginalW1());
        return ch;
    }

    /** @return the condition keys {@code airfoil}, {@code aoa}, {@code reynolds} */
    static Map<String, Object> condition(FlowCondition c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("airfoil", c.airfoil());
        row.put("aoa", c.angleOfAttackDeg());
        row.put("reynolds", c.reynolds());
        return row;
    }

    /**
     * @return {@code name, method, sampler, nfe, error_mean, error_std} (averages over channels and
     *         conditions), the simulations' spread, both errors over it, the split-half floor, per-channel averages,
     *         force-coefficient distances, timing, and one entry per condition
     */
    static Map<String, Object> model(ModelEvaluation m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", m.name());
        out.put("method", m.method());
        out.put("sampler", m.sampler());
        out.put("nfe", m.nfe());
        out.put("error_mean", m.errorOfMean());
        out.put("error_std", m.errorOfStd());
        out.put("simulation_mean_std", m.referenceMeanStd());
        out.put("error_mean_over_spread", Json.finiteOrNull(m.errorOfMeanOverSpread()));
        out.put("error_std_over_spread", Json.finiteOrNull(m.errorOfStdOverSpread()));
        out.put("predicted_mean_std", m.predictedMeanStd());
        out.put("spread_rank_correlation", Json.finiteOrNull(m.spreadRankCorrelation()));
        out.put("member_disagreement", Json.finiteOrNull(m.memberDisagreement()));
        out.put("disagreement_error_rank_correlation", Json.finiteOrNull(m.disagreementRankCorrelation()));
        putFloor(out, m.floor());
        double[] meanByChannel = new double[Channel.ALL.size()];
        double[] stdByChannel = new double[Channel.ALL.size()];
        for (Channel ch : Channel.ALL) {
            meanByChannel[ch.ordinal()] = m.average(e -> e.channel(ch).errorOfMean());
            stdByChannel[ch.ordinal()] = m.average(e -> e.channel(ch).errorOfStd());
        }
        out.put("error_mean_by_channel", Json.perChannel(meanByChannel));
        out.put("error_std_by_channel", Json.perChannel(stdByChannel));
        out.put("drag_w1", m.dragW1());
        out.put("lift_w1", m.liftW1());
        out.put("seconds", m.seconds());
        out.put("cases", m.cases().stream().map(EvaluationJson::caseRow).toList());
        return out;
    }

    /** {@code floor_error_mean}, {@code floor_error_std}: the simulation's split-half errors, if known. */
    private static void putFloor(Map<String, Object> out, SnapshotFloor floor) {
        if (floor != null) {
            out.put("floor_error_mean", floor.errorOfMean());
            out.put("floor_error_std", floor.errorOfStd());
        }
    }

    private static Map<String, Object> caseRow(CaseEvaluation e) {
        Map<String, Object> row = condition(e.reference().condition());
        row.put("samples", e.predicted().samples());
        row.put("reference_samples", e.reference().samples());
        row.put("error_mean", e.errorOfMean());
        row.put("error_std", e.errorOfStd());
        row.put("simulation_mean_std", e.referenceMeanStd());
        row.put("predicted_mean_std", e.predictedMeanStd());
        row.put("member_disagreement", Json.finiteOrNull(e.memberDisagreement()));
        putFloor(row, e.floor());
        row.put("drag_w1", e.dragW1());
        row.put("lift_w1", e.liftW1());
        row.put("extrapolation", e.extrapolation());
        row.put("predicted_drag", e.predictedForces().drag());
        row.put("simulated_drag", e.referenceForces().drag());
        for (ChannelUncertainty u : e.channels()) {
            row.put(u.channel().variableName(), channel(u));
        }
        return row;
    }
}
