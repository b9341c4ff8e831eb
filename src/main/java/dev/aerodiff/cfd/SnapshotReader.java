package dev.aerodiff.cfd;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.ForceCoefficients;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a finished run left in {@code postProcessing/}: the fields sampled at the grid points
 * for every snapshot iteration, and the lift and drag coefficients, into one {@link FlowCase} in
 * physical units.
 *
 * <p>A grid point is solid if it lies inside the airfoil contour or if OpenFOAM returned no value
 * for it (points outside the mesh are dropped by the {@code cloud} sampler).
 */
final class SnapshotReader {
    /** A speed above this many freestream speeds, or a pressure above this many U^2, means divergence. */
    private static final double DIVERGED = 20;

    private SnapshotReader() {
    }

    static FlowCase read(Path caseDir, FlowCondition condition, AirfoilShape shape, Grid grid, int[] iterations)
            throws IOException {
        int nx = grid.nx();
        int cells = grid.cellCount();
        float[][] p = new float[iterations.length][];
        float[][][] u = new float[iterations.length][][];
        boolean[] returned = null;
        for (int s = 0; s < iterations.length; s++) {
            Path dir = caseDir.resolve("postProcessing").resolve(OpenFoamCase.SAMPLE_FUNCTION)
                    .resolve(Integer.toString(iterations[s]));
            Sampled ps = readCloud(dir.resolve("cloud_p.xy"), grid, 1);
            Sampled us = readCloud(dir.resolve("cloud_U.xy"), grid, 3);
            if (returned == null) {
                returned = ps.present;
            } else if (!Arrays.equals(returned, ps.present)) {
                throw new CaseFailedException("sampled points differ between snapshots in " + dir);
            }
            p[s] = ps.values[0];
            u[s] = us.values;
        }
        boolean[] solid = new boolean[cells];
        for (int cell = 0; cell < cells; cell++) {
            solid[cell] = !returned[cell] || shape.contains(grid.x(cell % nx), grid.y(cell / nx));
        }
        Mask mask = new Mask(nx, grid.ny(), solid);
        float[] values = new float[iterations.length * Channel.count() * cells];
        double speed = condition.freestreamSpeed();
        for (int s = 0; s < iterations.length; s++) {
            int base = s * Channel.count() * cells;
            for (int cell = 0; cell < cells; cell++) {
                if (solid[cell]) {
                    continue;
                }
                float[] v = {p[s][cell], u[s][0][cell], u[s][1][cell]};
                if (!Float.isFinite(v[0]) || !Float.isFinite(v[1]) || !Float.isFinite(v[2])
                        || Math.hypot(v[1], v[2]) > DIVERGED * speed || Math.abs(v[0]) > DIVERGED * speed * speed) {
                    throw new CaseFailedException("diverged: iteration " + iterations[s] + " has p = " + v[0]
                            + ", U = (" + v[1] + ", " + v[2] + ") at x = " + grid.x(cell % nx) + ", y = "
                            + grid.y(cell / nx));
                }
                for (int ch = 0; ch < 3; ch++) {
                    values[base + ch * cells + cell] = v[ch];
                }
            }
        }
        return new FlowCase(condition, mask, FieldUnits.PHYSICAL, iterations.length, values, iterations,
                readCoefficients(caseDir, iterations));
    }

    private record Sampled(boolean[] present, float[][] values) {
    }

    /** Parses a raw set file "x y z v1 [v2 v3]" and places each row at its grid cell. */
    private static Sampled readCloud(Path file, Grid grid, int components) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CaseFailedException("missing sampled field " + file);
        }
        int cells = grid.cellCount();
        boolean[] present = new boolean[cells];
        float[][] values = new float[components][cells];
        double[] xs = grid.x();
        double[] ys = grid.y();
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            if (f.length < 3 + components) {
                throw new CaseFailedException(file + ": expected " + (3 + components) + " columns in '" + t + "'");
            }
            int i = nearest(xs, Double.parseDouble(f[0]));
            int j = nearest(ys, Double.parseDouble(f[1]));
            int cell = j * grid.nx() + i;
            present[cell] = true;
            for (int c = 0; c < components; c++) {
                values[c][cell] = (float) Double.parseDouble(f[3 + c]);
            }
        }
        return new Sampled(present, values);
    }

    private static int nearest(double[] axis, double v) {
        int k = Arrays.binarySearch(axis, v);
        if (k >= 0) {
            return k;
        }
        int hi = Math.min(-k - 1, axis.length - 1);
        int lo = Math.max(hi - 1, 0);
        return Math.abs(axis[lo] - v) <= Math.abs(axis[hi] - v) ? lo : hi;
    }

    /** Lift and drag at the snapshot iterations from forceCoeffs' coefficient.dat (columns by header name). */
    static ForceCoefficients readCoefficients(Path caseDir, int[] iterations) throws IOException {
        Path file = caseDir.resolve("postProcessing/forceCoeffs/0/coefficient.dat");
        if (!Files.isRegularFile(file)) {
            throw new CaseFailedException("missing force coefficients " + file);
        }
        List<String> lines = Files.readAllLines(file);
        int clColumn = -1;
        int cdColumn = -1;
        Map<Integer, double[]> byIteration = new HashMap<>();
        for (String line : lines) {
            String t = line.strip();
            if (t.startsWith("#")) {
                List<String> names = Arrays.asList(t.substring(1).strip().split("\\s+"));
                if (names.contains("Cl") && names.contains("Cd")) {
                    clColumn = names.indexOf("Cl");
                    cdColumn = names.indexOf("Cd");
                }
            } else if (!t.isEmpty() && clColumn >= 0) {
                String[] f = t.split("\\s+");
                byIteration.put((int) Math.round(Double.parseDouble(f[0])),
                        new double[] {Double.parseDouble(f[clColumn]), Double.parseDouble(f[cdColumn])});
            }
        }
        double[] lift = new double[iterations.length];
        double[] drag = new double[iterations.length];
        for (int s = 0; s < iterations.length; s++) {
            double[] v = byIteration.get(iterations[s]);
            if (v == null || !Double.isFinite(v[0]) || !Double.isFinite(v[1])) {
                throw new CaseFailedException("no finite force coefficients at iteration " + iterations[s] + " in "
                        + file);
            }
            lift[s] = v[0];
            drag[s] = v[1];
        }
        return new ForceCoefficients(lift, drag);
    }
}
