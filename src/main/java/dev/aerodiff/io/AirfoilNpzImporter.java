package dev.aerodiff.io;

import dev.aerodiff.data.DatasetMetadata;
import dev.aerodiff.data.InMemoryFieldDataset;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Imports the airfoil NPZ format of Liu & Thuerey's published data sets: one file per snapshot,
 * holding one array of shape {@code (6, nx, ny)} laid out {@code [channel, x, y]}, with channels
 * freestream u_x, freestream u_y, mask (1 = solid), kinematic pressure, u_x, u_y, on the grid
 * {@code x = -0.5 + 2 i / nx}, {@code y = -1 + 2 j / ny} (chord units).
 *
 * <p>Files of one condition become one case with one sample per file, ordered by solver
 * iteration. The condition is recovered from the freestream channels: speed U = |u|, angle of
 * attack atan2(u_y, u_x) and Re = U c / nu; the airfoil name is the file name up to its first
 * underscore and the iteration its last underscore-separated number (as in
 * {@code raf30_10500_2000_2510.npz}).
 */
public final class AirfoilNpzImporter {
    private static final int CHANNELS = 6;
    private static final int FREESTREAM_UX = 0;
    private static final int FREESTREAM_UY = 1;
    private static final int MASK = 2;
    private static final int FIRST_FIELD = 3;

    private final double chord;
    private final double nu;

    /**
     * @param chord chord length in m (the published sets use 1)
     * @param nu    kinematic viscosity in m2/s (the published sets use 1e-5)
     */
    public AirfoilNpzImporter(double chord, double nu) {
        if (!(chord > 0) || !(nu > 0)) {
            throw new IllegalArgumentException("chord and viscosity must be positive, got " + chord + ", " + nu);
        }
        this.chord = chord;
        this.nu = nu;
    }

    /** One parsed file. */
    private record Snapshot(Path file, FlowCondition condition, double ux, double uy, Mask mask, float[] fields,
                            int iteration) {
    }

    /**
     * @param files    the NPZ files, in any order
     * @param progress called with the index of each file read
     * @return the data set, one case per condition
     * @throws DataFileException naming the first bad file
     */
    public InMemoryFieldDataset importFiles(List<Path> files, IntConsumer progress) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no input files");
        }
        Grid grid = null;
        Path gridFile = null;
        List<List<Snapshot>> groups = new ArrayList<>();
        for (int k = 0; k < files.size(); k++) {
            Path file = files.get(k);
            NpyArray a = singleArray(file);
            Grid g = gridOf(a);
            if (grid == null) {
                grid = g;
                gridFile = file;
            } else if (!grid.equals(g)) {
                throw new DataFileException(file, "grid " + g.nx() + "x" + g.ny() + " differs from "
                        + grid.nx() + "x" + grid.ny() + " of " + gridFile);
            }
            addToGroup(groups, parse(file, a, grid));
            progress.accept(k);
        }
        List<FlowCase> cases = new ArrayList<>();
        for (List<Snapshot> group : groups) {
            cases.add(toCase(group, groups.get(0)));
        }
        String source = "Airfoil NPZ snapshots (Liu & Thuerey format), chord " + chord + " m, nu " + nu + " m2 s-1";
        return new InMemoryFieldDataset(grid, cases, new DatasetMetadata("Imported airfoil flow snapshots", source, ""));
    }

    private static NpyArray singleArray(Path file) {
        Map<String, NpyArray> arrays = NpzArchive.read(file);
        if (arrays.size() != 1) {
            throw new DataFileException(file, "expected one array in the archive, found " + arrays.keySet());
        }
        NpyArray a = arrays.values().iterator().next();
        int[] s = a.shape();
        if (s.length != 3 || s[0] != CHANNELS || s[1] < 1 || s[2] < 1) {
            throw new DataFileException(file, "array has shape " + java.util.Arrays.toString(s)
                    + ", expected (6, nx, ny): freestream ux, uy, mask, p, ux, uy");
        }
        for (int k = 0; k < a.data().length; k++) {
            if (!Double.isFinite(a.data()[k])) {
                int per = s[1] * s[2];
                throw new DataFileException(file, "value " + a.data()[k] + " in channel " + k / per + " at (x index "
                        + (k % per) / s[2] + ", y index " + k % s[2] + "); all values must be finite");
            }
        }
        return a;
    }

    private static Grid gridOf(NpyArray a) {
        return Grid.uniform(a.shape()[1], a.shape()[2], -0.5, 1.5, -1.0, 1.0);
    }

    private Snapshot parse(Path file, NpyArray a, Grid grid) {
        int nx = grid.nx();
        int ny = grid.ny();
        boolean[] solid = new boolean[nx * ny];
        double sumUx = 0;
        double sumUy = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double m = a.get(MASK, i, j);
                if (m != 0 && m != 1) {
                    throw new DataFileException(file, "mask channel (2) holds " + m + " at x index " + i
                            + ", y index " + j + "; expected 0 (fluid) or 1 (solid)");
                }
                solid[j * nx + i] = m == 1;
                if (m == 0) {
                    sumUx += a.get(FREESTREAM_UX, i, j);
                    sumUy += a.get(FREESTREAM_UY, i, j);
                }
            }
        }
        Mask mask = new Mask(nx, ny, solid);
        if (mask.fluidCount() == 0) {
            throw new DataFileException(file, "every cell is solid; a flow field needs fluid cells");
        }
        double ux = sumUx / mask.fluidCount();
        double uy = sumUy / mask.fluidCount();
        checkUniform(file, a, mask, ux, uy);
        FlowCondition condition;
        try {
            condition = FlowCondition.fromFreestream(airfoilName(file), ux, uy, chord, nu);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(file, "freestream channels give no valid condition: " + e.getMessage());
        }
        float[] fields = new float[Channel.count() * nx * ny];
        for (Channel ch : Channel.ALL) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    fields[ch.ordinal() * nx * ny + j * nx + i] = (float) a.get(FIRST_FIELD + ch.ordinal(), i, j);
                }
            }
        }
        return new Snapshot(file, condition, ux, uy, mask, fields, iterationOf(file));
    }

    private static void checkUniform(Path file, NpyArray a, Mask mask, double ux, double uy) {
        double tolerance = 1e-6 * Math.max(1.0, Math.hypot(ux, uy));
        int nx = mask.nx();
        for (int cell = 0; cell < nx * mask.ny(); cell++) {
            int i = cell % nx;
            int j = cell / nx;
            if (!mask.isSolid(cell) && (Math.abs(a.get(FREESTREAM_UX, i, j) - ux) > tolerance
                    || Math.abs(a.get(FREESTREAM_UY, i, j) - uy) > tolerance)) {
                throw new DataFileException(file, "freestream channels (0, 1) are not uniform over the fluid cells"
                        + " (x index " + i + ", y index " + j + "); one condition per file expected");
            }
        }
    }

    private static void addToGroup(List<List<Snapshot>> groups, Snapshot s) {
        for (List<Snapshot> g : groups) {
            Snapshot first = g.get(0);
            double tolerance = 1e-6 * Math.hypot(first.ux, first.uy);
            if (first.condition.airfoil().equals(s.condition.airfoil())
                    && Math.abs(first.ux - s.ux) <= tolerance && Math.abs(first.uy - s.uy) <= tolerance) {
                if (!first.mask.equals(s.mask)) {
                    throw new DataFileException(s.file, "same condition as " + first.file + " but a different mask");
                }
                g.add(s);
                return;
            }
        }
        groups.add(new ArrayList<>(List.of(s)));
    }

    private static FlowCase toCase(List<Snapshot> group, List<Snapshot> reference) {
        if (group.size() != reference.size()) {
            throw new DataFileException(group.get(0).file, "condition " + group.get(0).condition.label() + " has "
                    + group.size() + " files but " + reference.get(0).condition.label() + " has " + reference.size()
                    + "; every case needs the same number of snapshots");
        }
        group.sort(Comparator.comparingInt(Snapshot::iteration).thenComparing(s -> s.file.getFileName()));
        Snapshot first = group.get(0);
        int per = first.fields.length;
        float[] values = new float[group.size() * per];
        int[] iterations = new int[group.size()];
        for (int s = 0; s < group.size(); s++) {
            System.arraycopy(group.get(s).fields, 0, values, s * per, per);
            iterations[s] = group.get(s).iteration;
        }
        return new FlowCase(first.condition, first.mask, FieldUnits.PHYSICAL, group.size(), values, iterations);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".npz") ? name.substring(0, name.length() - 4) : name;
    }

    private static String airfoilName(Path file) {
        String stem = stem(file);
        int cut = stem.indexOf('_');
        return cut > 0 ? stem.substring(0, cut) : stem;
    }

    private static int iterationOf(Path file) {
        String stem = stem(file);
        String last = stem.substring(stem.lastIndexOf('_') + 1);
        try {
            return stem.contains("_") ? Integer.parseInt(last) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
