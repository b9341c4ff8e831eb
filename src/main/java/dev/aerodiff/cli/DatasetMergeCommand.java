package dev.aerodiff.cli;

import dev.aerodiff.data.ConcatenatedDataset;
import dev.aerodiff.data.DatasetMetadata;
import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.io.NetcdfDatasetWriter;
import dev.aerodiff.io.NetcdfFieldDataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aerodiff dataset merge --out OUT.nc FILE...}. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Concatenate data sets on one grid into one NetCDF file: the cases of each FILE in order.",
            "The files must have the same grid and samples per case, and no condition twice. The output",
            "appears only when complete."})
final class DatasetMergeCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--out", required = true, paramLabel = "OUT.nc", description = "NetCDF file to write.")
    private Path out;

    @Option(names = "--title", description = "Title attribute (default: the inputs' titles joined with ' + ').")
    private String title;

    @Parameters(index = "0..*", arity = "2..*", paramLabel = "FILE", description = "Data sets to merge.")
    private List<Path> files;

    @Override
    public void run() {
        PrintWriter err = spec.commandLine().getErr();
        List<FieldDataset> parts = new ArrayList<>();
        try {
            for (Path f : files) {
                parts.add(NetcdfFieldDataset.open(f));
            }
            List<String> names = files.stream().map(Path::toString).toList();
            String source = parts.stream().map(p -> p.metadata().source()).distinct()
                    .collect(Collectors.joining("\n"));
            String history = parts.stream().map(p -> p.metadata().history()).filter(h -> !h.isEmpty())
                    .collect(Collectors.joining("\n"));
            DatasetMetadata meta = new DatasetMetadata(title != null ? title
                    : parts.stream().map(p -> p.metadata().title()).collect(Collectors.joining(" + ")), source, history)
                    .withHistoryLine(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " aerodiff "
                            + VersionProvider.version() + ": dataset merge " + String.join(" ", names));
            ConcatenatedDataset merged = new ConcatenatedDataset(parts, names, meta);
            NetcdfDatasetWriter.write(merged, out, new Progress(err, "write", merged.caseCount()));
            DatasetWrittenReport.print(spec.commandLine().getOut(), common.json, out, merged, files.size());
        } finally {
            parts.forEach(FieldDataset::close);
        }
    }
}
