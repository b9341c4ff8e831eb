package dev.aerodiff.cli;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.io.NetcdfFieldDataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aerodiff dataset info FILE}: shape, grid, channels and conditions of a data set. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the shape, grid, channels and conditions of a data set, without reading its fields.")
final class DatasetInfoCommand implements Runnable {
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
            Map<String, Object> info = describe(ds);
            if (common.json) {
                Json.print(out, info);
            } else {
                printText(out, ds);
            }
        }
    }

    private static Map<String, Object> describe(NetcdfFieldDataset ds) {
        Grid g = ds.grid();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", ds.path().toString());
        m.put("cases", ds.caseCount());
        m.put("samples_per_case", ds.samplesPerCase());
        Json.putGrid(m, g);
        m.put("channels", Channel.ALL.stream().map(Channel::variableName).toList());
        m.put("units", Channel.ALL.stream().map(Channel::units).toList());
        m.put("airfoils", new ArrayList<>(airfoils(ds)));
        m.put("title", ds.metadata().title());
        m.put("source", ds.metadata().source());
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (int c = 0; c < ds.caseCount(); c++) {
            FlowCondition fc = ds.condition(c);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("airfoil", fc.airfoil());
            row.put("aoa", fc.angleOfAttackDeg());
            row.put("reynolds", fc.reynolds());
            row.put("u_inf", fc.freestreamSpeed());
            conditions.add(row);
        }
        m.put("conditions", conditions);
        return m;
    }

    private static TreeSet<String> airfoils(NetcdfFieldDataset ds) {
        TreeSet<String> names = new TreeSet<>();
        for (int c = 0; c < ds.caseCount(); c++) {
            names.add(ds.condition(c).airfoil());
        }
        return names;
    }

    private static void printText(PrintWriter out, NetcdfFieldDataset ds) {
        out.printf(Locale.ROOT, "%s%n", ds.path());
        if (!ds.metadata().title().isEmpty()) {
            out.printf(Locale.ROOT, "  title:    %s%n", ds.metadata().title());
        }
        out.printf(Locale.ROOT, "  cases:    %d, %d samples each%n", ds.caseCount(), ds.samplesPerCase());
        out.printf(Locale.ROOT, "  grid:     %s%n", ds.grid().describe());
        out.printf(Locale.ROOT, "  channels: p [m2 s-2], ux [m s-1], uy [m s-1]%n");
        out.printf(Locale.ROOT, "  airfoils: %s%n", String.join(", ", airfoils(ds)));
        out.printf(Locale.ROOT, "  %-5s %-16s %8s %12s %9s%n", "case", "airfoil", "aoa", "reynolds", "u_inf");
        for (int c = 0; c < ds.caseCount(); c++) {
            FlowCondition fc = ds.condition(c);
            out.printf(Locale.ROOT, "  %-5d %-16s %8.3f %12.4g %9.4g%n", c, fc.airfoil(), fc.angleOfAttackDeg(),
                    fc.reynolds(), fc.freestreamSpeed());
        }
    }
}
