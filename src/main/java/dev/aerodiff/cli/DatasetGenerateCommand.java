package dev.aerodiff.cli;

import dev.aerodiff.cfd.CaseSimulation;
import dev.aerodiff.cfd.ConditionList;
import dev.aerodiff.cfd.DatasetGenerator;
import dev.aerodiff.cfd.MeshSettings;
import dev.aerodiff.cfd.OpenFoamRunner;
import dev.aerodiff.cfd.SolverSettings;
import dev.aerodiff.data.DatasetMetadata;
import dev.aerodiff.data.InMemoryFieldDataset;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.Grid;
import dev.aerodiff.io.NetcdfDatasetWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aerodiff dataset generate}: OpenFOAM runs of a condition list into one NetCDF data set. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Simulate airfoil conditions with OpenFOAM (gmsh mesh, simpleFoam, Spalart-Allmaras) and write "
            + "the sampled snapshots as one NetCDF data set. Following Liu & Thuerey, convergence control is off and "
            + "the fields every --snapshot-every iterations from --snapshot-start on are the samples. Cases run in "
            + "parallel, one core each; finished cases in --work are reused, failed ones reported and skipped. "
            + "Needs OpenFOAM and gmsh (Debian: apt-get install -y openfoam gmsh).")
final class DatasetGenerateCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private AirfoilOptions airfoilOptions;

    @Option(names = "--conditions", required = true, paramLabel = "FILE.csv",
            description = "Conditions: CSV with header airfoil,aoa,reynolds.")
    private Path conditions;

    @Option(names = "--out", required = true, paramLabel = "OUT.nc", description = "Data set to write.")
    private Path out;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Case directories and logs (default: OUT without .nc, plus .work).")
    private Path work;

    @Option(names = "--jobs", description = "Cases run at once (default: number of cores, ${DEFAULT-VALUE}).")
    private int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--iterations", defaultValue = "2000", description = "SIMPLE iterations (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--snapshot-start", defaultValue = "1525",
            description = "First sampled iteration (default: ${DEFAULT-VALUE}).")
    private int snapshotStart;

    @Option(names = "--snapshot-every", defaultValue = "25",
            description = "Iterations between samples (default: ${DEFAULT-VALUE}).")
    private int snapshotEvery;

    @Option(names = "--res", defaultValue = "64", description = "Grid cells per side (default: ${DEFAULT-VALUE}).")
    private int resolution;

    @Option(names = "--mesh-scale", defaultValue = "1.0",
            description = "Multiplies every mesh cell size; 0.7 refines (default: ${DEFAULT-VALUE}).")
    private double meshScale;

    @Option(names = "--openfoam-bashrc", paramLabel = "FILE",
            description = "OpenFOAM environment file (default: ${DEFAULT-VALUE}).")
    private Path bashrc = OpenFoamRunner.DEBIAN_BASHRC;

    @Option(names = "--retry-failed", description = "Run cases again that failed in an earlier run.")
    private boolean retryFailed;

    @Option(names = "--title", description = "Title attribute of the data set.")
    private String title;

    @Override
    public void run() {
        if (resolution < 8 || resolution > 512) {
            throw new IllegalArgumentException("--res must be between 8 and 512, got " + resolution);
        }
        List<ConditionList.Entry> entries = ConditionList.read(conditions);
        SolverSettings solver = new SolverSettings(iterations, snapshotStart, snapshotEvery, airfoilOptions.nu,
                airfoilOptions.chord);
        MeshSettings mesh = MeshSettings.standard().scaled(meshScale);
        Grid grid = Grid.uniform(resolution, resolution, -0.5, 1.5, -1.0, 1.0);
        OpenFoamRunner runner = new OpenFoamRunner(bashrc);
        runner.checkInstalled();
        Path workDir = work != null ? work : Path.of(out.toString().replaceFirst("\\.nc$", "") + ".work");
        DatasetGenerator generator = new DatasetGenerator(workDir, new CaseSimulation(runner, mesh, solver, grid),
                solver, airfoilOptions.library(), jobs, retryFailed);
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "%d conditions, %d at a time, %d iterations, %d snapshots each; cases in %s%n",
                entries.size(), jobs, iterations, solver.snapshotIterations().length, workDir);
        err.flush();
        List<DatasetGenerator.Outcome> outcomes;
        try {
            outcomes = generator.run(entries, (o, done, total) -> {
                err.printf(Locale.ROOT, "[%d/%d] %s: %s%s%n", done, total, o.entry().id(), o.status(),
                        o.ok() ? String.format(Locale.ROOT, " (%.0f s, %d cells)", o.seconds(), o.cells())
                                : " - " + o.detail());
                err.flush();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        List<FlowCase> cases = generator.collect(outcomes);
        if (cases.isEmpty()) {
            throw new IllegalStateException("every case failed; see the logs under " + workDir);
        }
        double meanSeconds = outcomes.stream().filter(o -> o.ok() && Double.isFinite(o.seconds()))
                .mapToDouble(DatasetGenerator.Outcome::seconds).average().orElse(Double.NaN);
        double meanCells = outcomes.stream().filter(o -> o.ok() && o.cells() > 0)
                .mapToInt(DatasetGenerator.Outcome::cells).average().orElse(Double.NaN);
        String source = String.format(Locale.ROOT, "OpenFOAM v1912 simpleFoam (SIMPLE, no convergence control),"
                + " Spalart-Allmaras; gmsh triangle mesh extruded one cell, %.0f cells on average (wall %.4g, region"
                + " %.4g chords, far field radius %.0f chords); %d iterations, samples every %d from %d; nu %g m2 s-1,"
                + " chord %g m; fields sampled with cellPoint interpolation on a %dx%d grid; mean wall-clock per case"
                + " %.0f s on one core", meanCells, mesh.wallCellSize(), mesh.regionCellSize(), mesh.farfieldRadius(),
                iterations, snapshotEvery, snapshotStart, airfoilOptions.nu, airfoilOptions.chord, resolution, resolution,
                meanSeconds);
        String history = VersionProvider.historyLine("dataset generate --conditions " + conditions.getFileName() + " --iterations " + iterations
                + " --snapshot-start " + snapshotStart + " --snapshot-every " + snapshotEvery + " --res " + resolution
                + " --mesh-scale " + meshScale);
        NetcdfDatasetWriter.write(new InMemoryFieldDataset(grid, cases, new DatasetMetadata(
                title != null ? title : "AeroDiff airfoil RANS snapshots", source, history)), out, i -> { });
        report(outcomes, cases.size(), meanSeconds);
    }

    private void report(List<DatasetGenerator.Outcome> outcomes, int written, double meanSeconds) {
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        if (common.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("out", out.toString());
            m.put("conditions", outcomes.size());
            m.put("cases_written", written);
            m.put("failed", failed);
            m.put("mean_seconds_per_case", meanSeconds);
            m.put("failures", outcomes.stream().filter(o -> !o.ok())
                    .map(o -> Map.of("case", o.entry().id(), "reason", o.detail())).toList());
            Json.print(spec.commandLine().getOut(), m);
        } else {
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d of %d conditions (%d failed), %.0f s per case%n",
                    out, written, outcomes.size(), failed, meanSeconds);
        }
    }
}
