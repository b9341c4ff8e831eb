package dev.aerodiff.cli;

import dev.aerodiff.data.DatasetMetadata;
import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.data.PooledDataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aerodiff dataset pool --out OUT.nc [--samples-each K] FILE FILE...}. */
@Command(name = "pool", mixinStandardHelpOptions = true,
        description = "Pool the samples of the same conditions simulated several times (e.g. on different meshes, "
            + "`dataset generate --mesh-scale`) into one NetCDF file: every condition found in every FILE, in the "
            + "order of the first, with K samples of each FILE's case, spread evenly over its samples, file after "
            + "file. Conditions missing from a FILE are left out and listed. The output appears only when complete.")
final class DatasetPoolCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--out", required = true, paramLabel = "OUT.nc", description = "NetCDF file to write.")
    private Path out;

    @Option(names = "--samples-each", paramLabel = "K", description = "Samples taken from each FILE's case "
            + "(default: all of them; all files must then have as many per case).")
    private Integer samplesEach;

    @Option(names = "--title", description = "Title attribute (default: the first file's title, pooled).")
    private String title;

    @Parameters(index = "0..*", arity = "2..*", paramLabel = "FILE", description = "Data sets to pool, at least two.")
    private List<Path> files;

    @Override
    public void run() {
        PrintWriter err = spec.commandLine().getErr();
        try (OpenDatasets inputs = OpenDatasets.of(files)) {
            List<FieldDataset> sources = inputs.all();
            List<String> names = files.stream().map(Path::toString).toList();
            int samplesFromEach = each(sources);
            DatasetMetadata meta = DatasetMetadata.combined(title != null ? title
                    : sources.get(0).metadata().title() + ", pooled over " + files.size() + " runs",
                    sources.stream().map(FieldDataset::metadata).toList())
                    .withHistoryLine(VersionProvider.historyLine("dataset pool --samples-each " + samplesFromEach + " "
                            + String.join(" ", names)));
            PooledDataset pooled = new PooledDataset(sources, names, samplesFromEach, meta);
            pooled.leftOut().forEach((condition, lacking) -> err.println("left out " + condition.label()
                    + ": not in " + String.join(", ", lacking)));
            DatasetWrittenReport.write(spec.commandLine().getOut(), err, common.json, out, pooled, files.size());
        }
    }

    private int each(List<FieldDataset> sources) {
        if (samplesEach != null) {
            int fewest = sources.stream().mapToInt(FieldDataset::samplesPerCase).min().orElseThrow();
            if (samplesEach < 1 || samplesEach > fewest) {
                throw new IllegalArgumentException("--samples-each must be from 1 to " + fewest
                        + " (the fewest samples per case of the files), got " + samplesEach);
            }
            return samplesEach;
        }
        int first = sources.get(0).samplesPerCase();
        for (int s = 1; s < sources.size(); s++) {
            if (sources.get(s).samplesPerCase() != first) {
                throw new IllegalArgumentException(files.get(s) + ": " + sources.get(s).samplesPerCase()
                        + " samples per case, " + files.get(0) + " has " + first + "; give --samples-each");
            }
        }
        return first;
    }
}
