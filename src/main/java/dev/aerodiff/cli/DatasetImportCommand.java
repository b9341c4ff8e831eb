package dev.aerodiff.cli;

import dev.aerodiff.data.InMemoryFieldDataset;
import dev.aerodiff.io.AirfoilNpzImporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aerodiff dataset import --format npz --out OUT.nc FILE...}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Convert snapshot files to one CF-1.8 NetCDF data set. "
            + "npz: the airfoil format of Liu & Thuerey (one (6, nx, ny) array per snapshot); files of one "
            + "condition become one case, one sample per file. The output appears only when complete.")
final class DatasetImportCommand implements Runnable {
    /** Input formats this command reads. */
    enum Format { npz }

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--format", required = true, description = "Input format: ${COMPLETION-CANDIDATES}.")
    private Format format;

    @Option(names = "--out", required = true, paramLabel = "OUT.nc", description = "NetCDF file to write.")
    private Path out;

    @Option(names = "--nu", defaultValue = "1e-5",
            description = "Kinematic viscosity in m2/s, for the Reynolds number (default: ${DEFAULT-VALUE}).")
    private double nu;

    @Option(names = "--chord", defaultValue = "1.0", description = "Chord length in m (default: ${DEFAULT-VALUE}).")
    private double chord;

    @Option(names = "--title", description = "Title attribute of the data set.")
    private String title;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "FILE", description = "Input files.")
    private List<Path> files;

    @Override
    public void run() {
        PrintWriter err = spec.commandLine().getErr();
        InMemoryFieldDataset imported = new AirfoilNpzImporter(chord, nu)
                .importFiles(files, new Progress(err, "read", files.size()));
        var meta = imported.metadata().withHistoryLine(VersionProvider.historyLine("dataset import --format "
                + format + " --nu " + nu + " --chord " + chord + " (" + files.size() + " files)"));
        if (title != null) {
            meta = new dev.aerodiff.data.DatasetMetadata(title, meta.source(), meta.history());
        }
        InMemoryFieldDataset dataset = new InMemoryFieldDataset(imported.grid(),
                java.util.stream.IntStream.range(0, imported.caseCount()).mapToObj(imported::readCase).toList(), meta);
        DatasetWrittenReport.write(spec.commandLine().getOut(), err, common.json, out, dataset, files.size());
    }
}
