package dev.aerodiff.cli;

import dev.aerodiff.data.CaseSubset;
import dev.aerodiff.data.ConcatenatedDataset;
import dev.aerodiff.data.DatasetMetadata;
import dev.aerodiff.data.FieldDataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aerodiff dataset merge --out OUT.nc [--drop-airfoil NAME]... FILE...}. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Concatenate data sets on one grid into one NetCDF file: the cases of each FILE in order, "
            + "less those of the airfoils named by --drop-airfoil. The files must have the same grid and samples "
            + "per case, and no condition twice. The output appears only when complete.")
final class DatasetMergeCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--out", required = true, paramLabel = "OUT.nc", description = "NetCDF file to write.")
    private Path out;

    @Option(names = "--title", description = "Title attribute (default: the inputs' titles joined with ' + ').")
    private String title;

    @Option(names = "--drop-airfoil", split = ",", paramLabel = "NAME", description = "Leave out the cases of this"
            + " airfoil (repeatable or comma-separated); each must be in at least one FILE.")
    private List<String> droppedAirfoils = List.of();

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "FILE", description = "Data sets to merge.")
    private List<Path> files;

    @Override
    public void run() {
        PrintWriter err = spec.commandLine().getErr();
        try (OpenDatasets inputs = OpenDatasets.of(files)) {
            List<FieldDataset> parts = inputs.all();
            checkDroppedAirfoilsExist(parts);
            List<FieldDataset> kept = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                FieldDataset part = withoutDroppedAirfoils(parts.get(i));
                if (part != null) {
                    kept.add(part);
                    names.add(files.get(i).toString());
                }
            }
            if (kept.isEmpty()) {
                throw new IllegalArgumentException("--drop-airfoil leaves no cases to write");
            }
            DatasetMetadata meta = DatasetMetadata.combined(title != null ? title
                    : parts.stream().map(p -> p.metadata().title()).collect(Collectors.joining(" + ")),
                    parts.stream().map(FieldDataset::metadata).toList())
                    .withHistoryLine(VersionProvider.historyLine("dataset merge " + dropSummary()
                            + files.stream().map(Path::toString).collect(Collectors.joining(" "))));
            ConcatenatedDataset merged = new ConcatenatedDataset(kept, names, meta);
            DatasetWrittenReport.write(spec.commandLine().getOut(), err, common.json, out, merged, files.size());
        }
    }

    /** @return the cases of {@code part} not of a dropped airfoil; null if none are left */
    private FieldDataset withoutDroppedAirfoils(FieldDataset part) {
        int[] keep = IntStream.range(0, part.caseCount())
                .filter(c -> !droppedAirfoils.contains(part.condition(c).airfoil())).toArray();
        if (keep.length == 0) {
            return null;
        }
        return keep.length == part.caseCount() ? part : new CaseSubset(part, keep);
    }

    private void checkDroppedAirfoilsExist(List<FieldDataset> parts) {
        Set<String> found = new TreeSet<>();
        parts.forEach(p -> p.conditions().forEach(c -> found.add(c.airfoil())));
        for (String airfoil : droppedAirfoils) {
            if (!found.contains(airfoil)) {
                throw new IllegalArgumentException("--drop-airfoil: no case of " + airfoil + " in "
                        + files.stream().map(Path::toString).collect(Collectors.joining(", "))
                        + " (airfoils there: " + String.join(", ", found) + ")");
            }
        }
    }

    private String dropSummary() {
        return droppedAirfoils.isEmpty() ? "" : "--drop-airfoil " + String.join(",", droppedAirfoils) + " ";
    }
}
