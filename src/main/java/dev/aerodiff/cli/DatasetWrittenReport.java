package dev.aerodiff.cli;

import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.io.NetcdfDatasetWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The closing line (or JSON) of the commands that write a data set from several input files. */
final class DatasetWrittenReport {
    private DatasetWrittenReport() {
    }

    /**
     * Writes {@code dataset} to {@code out} (complete or not at all), with progress on {@code err},
     * then reports it as {@link #print} does.
     */
    static void write(PrintWriter stdout, PrintWriter err, boolean json, Path out, FieldDataset dataset, int files) {
        NetcdfDatasetWriter.write(dataset, out, new Progress(err, "write", dataset.caseCount()));
        print(stdout, json, out, dataset, files);
    }

    /** Prints {@code out, files, cases, samples_per_case, nx, ny} as JSON or one line of text. */
    private static void print(PrintWriter stdout, boolean json, Path out, FieldDataset dataset, int files) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("out", out.toString());
        summary.put("files", files);
        summary.put("cases", dataset.caseCount());
        summary.put("samples_per_case", dataset.samplesPerCase());
        summary.put("nx", dataset.grid().nx());
        summary.put("ny", dataset.grid().ny());
        if (json) {
            Json.print(stdout, summary);
        } else {
            stdout.printf(Locale.ROOT, "wrote %s: %d cases x %d samples on %dx%d from %d file%s%n", out,
                    dataset.caseCount(), dataset.samplesPerCase(), dataset.grid().nx(), dataset.grid().ny(), files,
                    files == 1 ? "" : "s");
        }
    }
}
