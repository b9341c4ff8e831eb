package dev.aerodiff.report;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.PixelMoments;
import dev.aerodiff.io.AtomicFile;
import dev.aerodiff.metrics.SnapshotFloor;
import dev.aerodiff.surrogate.CaseEvaluation;
import dev.aerodiff.surrogate.ModelEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A Markdown report of one or more models evaluated on the same simulated conditions, with
 * pictures: for every condition the simulated and predicted mean and std of the pressure with the
 * absolute differences, and the pressure drag coefficients of the simulation and of every model.
 */
public final class EvaluationReport {
    private static final int[] COLOURS = {0x1b9e77, 0xd95f02, 0x7570b3, 0xe7298a};
    private static final int SIMULATION_COLOUR = 0x444444;

    private EvaluationReport() {
    }

    /**
     * Writes {@code dir/report.md} and its pictures.
     *
     * @param dir      output folder (created if missing)
     * @param title    report title
     * @param preamble Markdown put under the title (what was run, on which data)
     * @param models   the evaluations, all on the same conditions
     * @param baseline the nearest-simulation baseline on the same conditions, a row of the summary
     *                 table only; or null
     * @return the report file
     */
    public static Path write(Path dir, String title, String preamble, List<ModelEvaluation> models,
                             ModelEvaluation baseline) {
        AtomicFile.createDirectories(dir);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n").append(preamble).append("\n\n");
        summaryTable(md, baseline == null ? models
                : Stream.concat(models.stream(), Stream.of(baseline)).toList());
        if (baseline != null) {
            md.append("*").append(baseline.name()).append("*: not a model but the baseline a surrogate has to beat,"
                    + " each condition answered with the snapshots of the nearest training simulation (same airfoil,"
                    + " or the one with the most alike mask; nearest angle of attack and ln Re, each over its range;"
                    + " equally near ones pooled).\n\n");
        }
        md.append("""
                Units are dimensionless ((p - fluid mean)/U^2, u/U) over fluid cells. *Error of mean* and *error \
                of std*: the fluid average of |predicted - simulated| per-pixel mean (std), averaged over p, ux, uy \
                and over the conditions. *Simulation spread*: the simulation's own fluid-averaged std, the scale \
                the errors should be far below. *Split-half floor*: the errors of one random half of the \
                simulation's snapshots against the other half, what an exact surrogate would score with finite \
                ensembles (`SnapshotFloor`). *Drag W1*: exact 1-D Wasserstein distance between the predicted \
                and the simulated pressure drag coefficients (pressure integrated around the mask; no skin \
                friction), averaged over the conditions.

                """);
        for (int m = 0; m < models.size(); m++) {
            modelSection(md, dir, models.get(m), COLOURS[m % COLOURS.length]);
        }
        int caseCount = models.get(0).cases().size();
        for (int c = 0; c < caseCount; c++) {
            caseSection(md, dir, c, models);
        }
        Path report = dir.resolve("report.md");
        AtomicFile.write(report, tmp -> Files.writeString(tmp, md.toString()));
        return report;
    }

    private static void summaryTable(StringBuilder md, List<ModelEvaluation> models) {
        md.append("| model | method | sampler | NFE | error of mean | error of std | simulation spread | "
                + "predicted spread | spread rank correlation | split-half floor, mean / std | drag W1 | seconds | "
                + "error of mean / spread | error of std / spread |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ModelEvaluation m : models) {
            double rho = m.spreadRankCorrelation();
            String rank = Double.isNaN(rho) ? "-" : String.format(Locale.ROOT, "%.2f", rho);
            md.append(String.format(Locale.ROOT,
                    "| %s | %s | %s | %d | %.4g | %.4g | %.4g | %.4g | %s | %s | %.4g | %.1f | %.3g | %.3g |%n",
                    m.name(), m.method(), m.sampler(), m.nfe(), m.errorOfMean(), m.errorOfStd(),
                    m.referenceMeanStd(), m.predictedMeanStd(), rank, SnapshotFloor.describe(m.floor()),
                    m.dragW1(), m.seconds(), m.errorOfMeanOverSpread(), m.errorOfStdOverSpread()));
        }
        md.append('\n');
    }

    private static void modelSection(StringBuilder md, Path dir, ModelEvaluation model, int colour) {
        List<CaseEvaluation> cases = model.cases();
        int n = cases.size();
        double[] reynolds = new double[n];
        double[] simSpread = new double[n];
        double[] predSpread = new double[n];
        double[] simLift = new double[n];
        double[] predLift = new double[n];
        for (int c = 0; c < n; c++) {
            CaseEvaluation e = cases.get(c);
            reynolds[c] = e.reference().condition().reynolds();
            simSpread[c] = e.channel(Channel.P).referenceMeanStd();
            predSpread[c] = e.channel(Channel.P).predictedMeanStd();
            simLift[c] = e.referenceForces().meanLift();
            predLift[c] = e.predictedForces().meanLift();
        }
        md.append("## ").append(model.name()).append(": calibration, spread and lift\n\n");
        md.append("| channel | coverage of the central 50% interval | of the 90% interval | spread-skill | CRPS |\n"
                + "|---|---|---|---|---|\n");
        List<ScatterPicture.Series> calibration = new ArrayList<>();
        for (Channel ch : Channel.ALL) {
            double c50 = model.average(e -> e.channel(ch).coverage50());
            double c90 = model.average(e -> e.channel(ch).coverage90());
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3g | %.3g |%n", ch.variableName(), c50, c90,
                    model.average(e -> e.channel(ch).spreadSkill()), model.average(e -> e.channel(ch).crps())));
            calibration.add(new ScatterPicture.Series(ch.variableName(), new double[] {0, 0.5, 0.9, 1},
                    new double[] {0, c50, c90, 1}, COLOURS[ch.ordinal() % COLOURS.length], true));
        }
        md.append("\nCoverage: the fraction of simulated values inside the predicted central interval, over fluid "
                + "cells, snapshots and conditions; a calibrated ensemble lies on the diagonal.\n\n");
        if (!Double.isNaN(model.memberDisagreement())) {
            double rho = model.disagreementRankCorrelation();
            md.append(String.format(Locale.ROOT, "Its bundles disagree about the mean field by %.3g on average "
                    + "(per condition: %s; rank correlation with the error of the mean across conditions: %s).%n%n",
                    model.memberDisagreement(), String.join(", ", model.cases().stream().map(e ->
                            e.memberDisagreement() == 0 ? "0" : String.format(Locale.ROOT, "%.3g",
                                    e.memberDisagreement())).toList()),
                    Double.isNaN(rho) ? "-" : String.format(Locale.ROOT, "%.2f", rho)));
        }
        String prefix = model.name();
        ScatterPicture.write(model.name() + ": calibration", new ScatterPicture.Axes("nominal coverage",
                "observed", false, false, true), calibration, dir.resolve(prefix + "-calibration.png"));
        ScatterPicture.write(model.name() + ": spread of p against Reynolds number", new ScatterPicture.Axes(
                "Reynolds number", "fluid-averaged std of p/U^2", true, true, false), List.of(
                new ScatterPicture.Series("simulation", reynolds, simSpread, SIMULATION_COLOUR, false),
                new ScatterPicture.Series(model.name(), reynolds, predSpread, colour, false)),
                dir.resolve(prefix + "-spread.png"));
        ScatterPicture.write(model.name() + ": mean pressure lift per condition", new ScatterPicture.Axes(
                "simulation", "prediction", false, false, true), List.of(
                new ScatterPicture.Series(model.name(), simLift, predLift, colour, false)),
                dir.resolve(prefix + "-lift.png"));
        md.append(String.format(Locale.ROOT, "![calibration](%1$s-calibration.png) ![spread against Reynolds "
                + "number](%1$s-spread.png) ![mean lift, predicted against simulated](%1$s-lift.png)%n%n", prefix));
    }

    private static void caseSection(StringBuilder md, Path dir, int c, List<ModelEvaluation> models) {
        CaseEvaluation first = models.get(0).cases().get(c);
        FlowCondition cond = first.reference().condition();
        md.append(String.format(Locale.ROOT, "## Case %d: %s, angle of attack %.2f deg, Re %.3g%n%n", c,
                cond.airfoil(), cond.angleOfAttackDeg(), cond.reynolds()));
        md.append("| | samples | error of mean (p) | error of std (p) | spread of p | mean pressure drag | "
                + "std of pressure drag |\n|---|---|---|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| simulation | %d | | | %.3g | %.4f | %.3g |%n",
                first.reference().samples(), first.channel(Channel.P).referenceMeanStd(),
                first.referenceForces().meanDrag(), first.referenceForces().stdDrag()));
        List<HistogramPicture.Series> drag = new ArrayList<>();
        drag.add(new HistogramPicture.Series("simulation", first.referenceForces().drag(), SIMULATION_COLOUR));
        for (int m = 0; m < models.size(); m++) {
            ModelEvaluation model = models.get(m);
            CaseEvaluation e = model.cases().get(c);
            md.append(String.format(Locale.ROOT, "| %s (%s) | %d | %.3g | %.3g | %.3g | %.4f | %.3g |%n",
                    model.name(), e.sampler(), e.predicted().samples(), e.channel(Channel.P).errorOfMean(),
                    e.channel(Channel.P).errorOfStd(), e.channel(Channel.P).predictedMeanStd(),
                    e.predictedForces().meanDrag(), e.predictedForces().stdDrag()));
            drag.add(new HistogramPicture.Series(model.name(), e.predictedForces().drag(),
                    COLOURS[m % COLOURS.length]));
        }
        md.append('\n');
        for (ModelEvaluation model : models) {
            List<String> outside = model.cases().get(c).extrapolation();
            if (outside != null && !outside.isEmpty()) {
                md.append("Outside the training conditions of ").append(model.name()).append(": ")
                        .append(String.join("; ", outside)).append(".\n\n");
            }
        }
        for (ModelEvaluation model : models) {
            String picture = String.format(Locale.ROOT, "case%d-%s-pressure.png", c, model.name());
            pressurePicture(model.cases().get(c), model.name(), dir.resolve(picture));
            md.append(String.format(Locale.ROOT, "![pressure mean and std, simulation against %s](%s)%n%n",
                    model.name(), picture));
        }
        String dragPicture = String.format(Locale.ROOT, "case%d-drag.png", c);
        HistogramPicture.write(String.format(Locale.ROOT, "%s %.1f deg Re %.2g: pressure drag", cond.airfoil(),
                cond.angleOfAttackDeg(), cond.reynolds()), "pressure drag coefficient", 12, drag,
                dir.resolve(dragPicture));
        md.append(String.format(Locale.ROOT, "![pressure drag coefficient, simulation and models](%s)%n%n",
                dragPicture));
    }

    private static void pressurePicture(CaseEvaluation e, String model, Path file) {
        PixelMoments sim = PixelMoments.of(e.reference(), Channel.P);
        PixelMoments pred = PixelMoments.of(e.predicted(), Channel.P);
        boolean[] fluid = e.reference().mask().fluidCells();
        double[] meanRange = ColorScale.union(ColorScale.DIVERGING.range(sim.mean(), fluid),
                ColorScale.DIVERGING.range(pred.mean(), fluid));
        double[] stdRange = ColorScale.union(ColorScale.SEQUENTIAL.range(sim.std(), fluid),
                ColorScale.SEQUENTIAL.range(pred.std(), fluid));
        List<FieldPicture.Panel> panels = List.of(
                new FieldPicture.Panel("mean p, simulation", sim.mean(), ColorScale.DIVERGING, meanRange),
                new FieldPicture.Panel("mean p, " + model, pred.mean(), ColorScale.DIVERGING, meanRange),
                new FieldPicture.Panel("|error of mean p|", absDiff(sim.mean(), pred.mean()), ColorScale.SEQUENTIAL),
                new FieldPicture.Panel("std p, simulation", sim.std(), ColorScale.SEQUENTIAL, stdRange),
                new FieldPicture.Panel("std p, " + model, pred.std(), ColorScale.SEQUENTIAL, stdRange),
                new FieldPicture.Panel("|error of std p|", absDiff(sim.std(), pred.std()), ColorScale.SEQUENTIAL));
        FieldPicture.write(panels, e.reference().mask(), 3, file);
    }

    private static double[] absDiff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            d[k] = Math.abs(a[k] - b[k]);
        }
        return d;
    }
}
