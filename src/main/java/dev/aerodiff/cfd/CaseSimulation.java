package dev.aerodiff.cfd;

import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One airfoil condition from geometry to samples: write the case, mesh it with gmsh, convert and
 * check the mesh, run simpleFoam, and read the sampled snapshots and force coefficients. Logs of
 * every step stay in the case directory ({@code log.gmsh}, {@code log.checkMesh},
 * {@code log.simpleFoam}, ...).
 */
public final class CaseSimulation {
    private static final Pattern CELLS = Pattern.compile("cells:\\s+(\\d+)");
    private static final Pattern SKEWNESS = Pattern.compile("\\*\\*\\*Max skewness = ([0-9.eE+-]+)");
    /** Skewness up to this is tolerated: a few sharp trailing-edge faces, harmless for the solution. */
    private static final double MAX_SKEWNESS = 10;

    /**
     * @param flowCase the samples in physical units, with iterations and force coefficients
     * @param seconds  wall-clock time of the whole case
     * @param cells    number of mesh cells
     */
    public record Result(FlowCase flowCase, double seconds, int cells) {
    }

    private final OpenFoamRunner runner;
    private final MeshSettings mesh;
    private final SolverSettings solver;
    private final Grid grid;

    /**
     * @param runner runs the programs
     * @param mesh   mesh sizes
     * @param solver iterations and snapshots
     * @param grid   the sampling grid
     */
    public CaseSimulation(OpenFoamRunner runner, MeshSettings mesh, SolverSettings solver, Grid grid) {
        this.runner = runner;
        this.mesh = mesh;
        this.solver = solver;
        this.grid = grid;
    }

    /** @return the program runner */
    public OpenFoamRunner runner() {
        return runner;
    }

    /** @return the sampling grid */
    public Grid grid() {
        return grid;
    }

    /** @return the solver settings */
    public SolverSettings solver() {
        return solver;
    }

    /** @return the mesh settings */
    public MeshSettings mesh() {
        return mesh;
    }

    /**
     * @param dir       an empty or absent directory for the case
     * @param shape     the airfoil
     * @param condition the operating point (its freestream speed must match the solver's nu and chord)
     * @return the samples
     * @throws CaseFailedException if a step fails or the solution diverges
     */
    public Result run(Path dir, AirfoilShape shape, FlowCondition condition) throws IOException, InterruptedException {
        long start = System.nanoTime();
        OpenFoamCase.write(dir, shape, condition, mesh, solver, grid);
        runner.run(dir, "log.gmsh", 600, "gmsh", "-3", "airfoil.geo", "-o", "airfoil.msh");
        runner.run(dir, "log.gmshToFoam", 600, "gmshToFoam", "airfoil.msh");
        Files.deleteIfExists(dir.resolve("airfoil.msh"));
        PolyMeshBoundary.setPatchTypes(dir);
        runner.run(dir, "log.checkMesh", 600, "checkMesh");
        String check = Files.readString(dir.resolve("log.checkMesh"));
        String problem = meshProblem(check);
        if (problem != null) {
            throw new CaseFailedException("checkMesh reports a bad mesh: " + problem);
        }
        Matcher cells = CELLS.matcher(check);
        int cellCount = cells.find() ? Integer.parseInt(cells.group(1)) : -1;
        // generous: about 30 ms per iteration were measured for 17k cells on one core
        long timeout = 600 + (long) (solver.iterations() * 0.3 * Math.max(1, cellCount / 17000.0));
        runner.run(dir, "log.simpleFoam", timeout, "simpleFoam");
        FlowCase samples = SnapshotReader.read(dir, condition, shape, grid, solver.snapshotIterations());
        return new Result(samples, (System.nanoTime() - start) / 1e9, cellCount);
    }

    /**
     * @param checkMeshLog the output of checkMesh
     * @return null if the mesh is usable, else the failed checks. Every check marked "***" fails the
     *     mesh, except skewness up to {@value #MAX_SKEWNESS}.
     */
    static String meshProblem(String checkMeshLog) {
        StringBuilder failed = new StringBuilder();
        for (String line : checkMeshLog.split("\n")) {
            String t = line.strip();
            if (!t.startsWith("***")) {
                continue;
            }
            Matcher skew = SKEWNESS.matcher(t);
            if (skew.find() && Double.parseDouble(skew.group(1)) <= MAX_SKEWNESS) {
                continue;
            }
            failed.append(failed.length() > 0 ? "; " : "").append(t.substring(3));
        }
        if (failed.length() == 0 && !checkMeshLog.contains("Mesh OK.") && !checkMeshLog.contains("Failed 1 mesh checks")
                && !checkMeshLog.contains("mesh checks")) {
            return "no verdict in the checkMesh log";
        }
        return failed.length() == 0 ? null : failed.toString();
    }
}
