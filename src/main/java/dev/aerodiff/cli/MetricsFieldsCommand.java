package dev.aerodiff.cli;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.io.DataFileException;
import dev.aerodiff.io.NetcdfFieldDataset;
import dev.aerodiff.metrics.ChannelUncertainty;
import dev.aerodiff.metrics.Crps;
import dev.aerodiff.metrics.FieldUncertainty;
import dev.aerodiff.metrics.FieldVectors;
import dev.aerodiff.metrics.SlicedWasserstein;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aerodiff metrics fields PRED.nc REF.nc}: uncertainty metrics of predicted against reference ensembles. */
@Command(name = "fields", mixinStandardHelpOptions = true,
        description = "Compare the ensembles of PRED.nc with the reference ensembles of REF.nc, case by case (same "
            + "conditions in the same order, same grid and mask), in dimensionless units over fluid cells: error of "
            + "mean and of std, spatially averaged std, CRPS, coverage of central 50%%/90%% intervals, spread-skill "
            + "ratio (with sqrt((M+1)/M)), per-pixel marginal W1, and sliced W1 between whole fields.")
final class MetricsFieldsCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--crps", defaultValue = "fair", description = "CRPS estimator: fair or standard (default: ${DEFAULT-VALUE}).")
    private String crps;

    @Option(names = "--directions", defaultValue = "128",
            description = "Random directions of the sliced W1 (default: ${DEFAULT-VALUE}).")
    private int directions;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the sliced W1 directions (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Parameters(index = "0", paramLabel = "PRED.nc", description = "Predicted ensembles (NetCDF data set).")
    private Path predictedFile;

    @Parameters(index = "1", paramLabel = "REF.nc", description = "Reference ensembles (NetCDF data set).")
    private Path referenceFile;

    @Override
    public void run() {
        Crps.Estimator estimator = estimator();
        if (directions < 1) {
            throw new IllegalArgumentException("--directions must be >= 1, got " + directions);
        }
        List<Map<String, Object>> cases = new ArrayList<>();
        try (NetcdfFieldDataset predicted = NetcdfFieldDataset.open(predictedFile);
             NetcdfFieldDataset reference = NetcdfFieldDataset.open(referenceFile)) {
            if (predicted.caseCount() != reference.caseCount() || !predicted.grid().equals(reference.grid())) {
                throw new DataFileException(referenceFile, reference.caseCount() + " cases on " + reference.grid()
                        + "; expected " + predicted.caseCount() + " cases on " + predicted.grid() + " like "
                        + predictedFile);
            }
            Progress progress = new Progress(spec.commandLine().getErr(), "metrics", predicted.caseCount());
            for (int c = 0; c < predicted.caseCount(); c++) {
                requireSameCondition(c, predicted.condition(c), reference.condition(c));
                cases.add(compare(predicted.readCase(c), reference.readCase(c), estimator));
                progress.accept(c);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("units", "dimensionless: (p - fluid mean)/U^2, u/U; fluid cells only");
        json.put("crps_estimator", estimator.name().toLowerCase(Locale.ROOT));
        json.put("sliced_w1_directions", directions);
        json.put("seed", seed);
        json.put("cases", cases);
        if (common.json) {
            Json.print(spec.commandLine().getOut(), json);
        } else {
            printText(spec.commandLine().getOut(), cases);
        }
    }

    private Crps.Estimator estimator() {
        try {
            return Crps.Estimator.valueOf(crps.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--crps must be fair or standard, got '" + crps + "'", e);
        }
    }

    private void requireSameCondition(int index, FlowCondition p, FlowCondition r) {
        boolean same = p.airfoil().equals(r.airfoil()) && Math.abs(p.angleOfAttackDeg() - r.angleOfAttackDeg()) < 1e-6
                && Math.abs(p.reynolds() - r.reynolds()) <= 1e-6 * r.reynolds();
        if (!same) {
            throw new DataFileException(referenceFile, "case " + index + " is " + r.label() + ", expected "
                    + p.label() + " like " + predictedFile);
        }
    }

    private Map<String, Object> compare(FlowCase predicted, FlowCase reference, Crps.Estimator estimator) {
        Map<String, Object> row = EvaluationJson.condition(predicted.condition());
        row.put("predicted_samples", predicted.samples());
        row.put("reference_samples", reference.samples());
        row.put("sliced_w1", SlicedWasserstein.slicedW1(FieldVectors.of(predicted), FieldVectors.of(reference),
                directions, seed));
        for (ChannelUncertainty u : FieldUncertainty.compare(predicted, reference, estimator)) {
            row.put(u.channel().variableName(), EvaluationJson.channel(u));
        }
        return row;
    }

    @SuppressWarnings("unchecked")
    private static void printText(PrintWriter out, List<Map<String, Object>> cases) {
        for (Map<String, Object> row : cases) {
            out.printf(Locale.ROOT, "%s aoa=%.2f Re=%.3g: sliced W1 %.4g%n", row.get("airfoil"), row.get("aoa"),
                    row.get("reynolds"), row.get("sliced_w1"));
            out.printf(Locale.ROOT, "  %-4s %10s %10s %10s %10s %8s %8s %8s %10s%n", "", "err mean", "err std",
                    "std pred", "crps", "cov50", "cov90", "spr/skl", "W1 pixel");
            for (Channel c : Channel.ALL) {
                Map<String, Object> m = (Map<String, Object>) row.get(c.variableName());
                out.printf(Locale.ROOT, "  %-4s %10.4g %10.4g %10.4g %10.4g %8.3f %8.3f %8.3f %10.4g%n",
                        c.variableName(), m.get("error_of_mean"), m.get("error_of_std"), m.get("predicted_mean_std"),
                        m.get("crps"), m.get("coverage_50"), m.get("coverage_90"), m.get("spread_skill"),
                        m.get("marginal_w1"));
            }
        }
    }
}
