package dev.aerodiff.cli;

import dev.aerodiff.data.CaseStatistics;
import dev.aerodiff.data.DatasetStatistics;
import dev.aerodiff.field.Channel;
import dev.aerodiff.io.NetcdfFieldDataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aerodiff dataset stats FILE}: spread of the samples, per channel, in dimensionless units. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Spread of the samples of each case, per channel, in dimensionless units "
            + "((p - fluid mean)/U^2, u/U, over fluid cells). mean_std: fluid average of the per-pixel "
            + "standard deviation across samples (ddof 0), averaged over cases; mean_mean likewise for the mean.")
final class DatasetStatsCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "FILE", description = "NetCDF data set (NetCDF-3 or NetCDF-4).")
    private Path file;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(file)) {
            Progress progress = new Progress(spec.commandLine().getErr(), "stats", ds.caseCount());
            DatasetStatistics stats = DatasetStatistics.compute(ds, progress);
            if (common.json) {
                Json.print(out, toJson(stats));
            } else {
                printText(out, stats);
            }
        }
    }

    private static Map<String, Object> toJson(DatasetStatistics s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cases", s.cases());
        m.put("samples_per_case", s.samplesPerCase());
        m.put("units", "dimensionless: (p - fluid mean)/U^2, u/U; fluid cells only");
        m.put("mean_std", Json.perChannel(s.meanStd()));
        m.put("mean_mean", Json.perChannel(s.meanMean()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CaseStatistics c : s.perCase()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("airfoil", c.condition().airfoil());
            row.put("aoa", c.condition().angleOfAttackDeg());
            row.put("reynolds", c.condition().reynolds());
            row.put("mean_std", Json.perChannel(c.meanStd()));
            row.put("mean_mean", Json.perChannel(c.meanMean()));
            rows.add(row);
        }
        m.put("per_case", rows);
        return m;
    }

    private static void printText(PrintWriter out, DatasetStatistics s) {
        out.printf(Locale.ROOT, "%d cases, %d samples each; dimensionless units, fluid cells%n",
                s.cases(), s.samplesPerCase());
        out.printf(Locale.ROOT, "%-10s %12s %12s%n", "channel", "mean_std", "mean_mean");
        for (Channel ch : Channel.ALL) {
            out.printf(Locale.ROOT, "%-10s %12.5g %12.5g%n", ch.variableName(), s.meanStd()[ch.ordinal()],
                    s.meanMean()[ch.ordinal()]);
        }
        out.printf(Locale.ROOT, "%nper case (mean_std p, ux, uy):%n");
        for (CaseStatistics c : s.perCase()) {
            out.printf(Locale.ROOT, "  %-36s %10.4g %10.4g %10.4g%n", c.condition().label(), c.meanStd()[0],
                    c.meanStd()[1], c.meanStd()[2]);
        }
    }
}
