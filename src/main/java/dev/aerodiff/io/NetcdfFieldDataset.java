package dev.aerodiff.io;

import static dev.aerodiff.io.DatasetSchema.*;

import dev.aerodiff.data.DatasetMetadata;
import dev.aerodiff.data.FieldDataset;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ucar.ma2.Array;
import ucar.ma2.ArrayChar;
import ucar.ma2.DataType;
import ucar.ma2.InvalidRangeException;
import ucar.nc2.Attribute;
import ucar.nc2.Dimension;
import ucar.nc2.Variable;
import ucar.nc2.dataset.NetcdfDataset;

/**
 * Reads a data set in the AeroDiff NetCDF-CF schema ({@link DatasetSchema}), NetCDF-3 or NetCDF-4,
 * as written by AeroDiff or by other tools such as xarray.
 *
 * <p>Opening checks the whole schema and the per-case conditions; {@link #readCase(int)} reads one
 * case by section and checks its values, so large files are never read whole. Fill values read
 * as NaN (the file is opened with CF enhancement); any value in a solid cell is replaced by zero,
 * and a non-finite value in a fluid cell is an error.
 */
public final class NetcdfFieldDataset implements FieldDataset {
    private final Path path;
    private final NetcdfDataset file;
    private final Grid grid;
    private final int samples;
    private final List<FlowCondition> conditions;
    private final DatasetMetadata metadata;

    private NetcdfFieldDataset(Path path, NetcdfDataset file) throws IOException {
        this.path = path;
        this.file = file;
        for (String dim : FIELD_DIMS) {
            if (file.findDimension(dim) == null) {
                throw fail("missing dimension '" + dim + "'; expected dimensions (case, sample, y, x)");
            }
        }
        int cases = file.findDimension(CASE).getLength();
        this.samples = file.findDimension(SAMPLE).getLength();
        if (cases == 0) {
            throw fail("dimension 'case' has length 0: the file holds no cases");
        }
        if (samples == 0) {
            throw fail("dimension 'sample' has length 0: every case is empty, at least one sample is needed");
        }
        for (Channel ch : Channel.ALL) {
            requireVariable(ch.variableName(), FIELD_DIMS);
        }
        requireVariable(MASK, MASK_DIMS);
        this.grid = readGrid();
        this.conditions = readConditions(cases);
        this.metadata = new DatasetMetadata(globalText("title"), globalText("source"), globalText("history"));
    }

    /**
     * Opens and validates a data set; the caller closes it.
     *
     * @param path a NetCDF-3 or NetCDF-4 file
     * @return the open data set
     * @throws DataFileException if the file is missing, not NetCDF or not in the schema
     */
    public static NetcdfFieldDataset open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new DataFileException(path, "no such file");
        }
        NetcdfDataset nc;
        try {
            nc = NetcdfDataset.openDataset(path.toString());
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            throw new DataFileException(path, why.contains("not a valid CDM file")
                    ? "not a NetCDF file (expected NetCDF-3 or NetCDF-4/HDF5)"
                    : "cannot open as NetCDF: " + why.replaceFirst("^java\\.io\\.IOException: ", ""), e);
        }
        try {
            return new NetcdfFieldDataset(path, nc);
        } catch (IOException | RuntimeException e) {
            closeQuietly(nc);
            if (e instanceof DataFileException d) {
                throw d;
            }
            throw new DataFileException(path, "cannot read: " + e.getMessage(), e);
        }
    }

    private Variable requireVariable(String name, List<String> dims) {
        Variable v = file.findVariable(name);
        if (v == null) {
            throw fail("missing variable '" + name + "'; expected " + name + "(" + String.join(", ", dims) + ")");
        }
        List<String> actual = new ArrayList<>();
        for (Dimension d : v.getDimensions()) {
            actual.add(d.getShortName());
        }
        if (!actual.equals(dims)) {
            throw fail("variable '" + name + "' has dimensions (" + String.join(", ", actual) + "), expected ("
                    + String.join(", ", dims) + ")");
        }
        if (!v.getDataType().isNumeric()) {
            throw fail("variable '" + name + "' is of type " + v.getDataType() + ", expected a number type");
        }
        return v;
    }

    private Grid readGrid() throws IOException {
        double[] x = (double[]) requireVariable(X, List.of(X)).read().get1DJavaArray(double.class);
        double[] y = (double[]) requireVariable(Y, List.of(Y)).read().get1DJavaArray(double.class);
        try {
            return new Grid(x, y);
        } catch (IllegalArgumentException e) {
            throw fail("bad coordinate variable: " + e.getMessage());
        }
    }

    private List<FlowCondition> readConditions(int cases) throws IOException {
        double[] aoa = readCaseNumbers(AOA);
        double[] reynolds = readCaseNumbers(REYNOLDS);
        double[] uInf = readCaseNumbers(U_INF);
        String[] names = readAirfoilNames(cases);
        List<FlowCondition> result = new ArrayList<>(cases);
        for (int c = 0; c < cases; c++) {
            try {
                result.add(new FlowCondition(names[c], aoa[c], reynolds[c], uInf[c]));
            } catch (IllegalArgumentException e) {
                throw fail("case " + c + " has an invalid condition (variables aoa, reynolds, u_inf, airfoil): "
                        + e.getMessage());
            }
        }
        return List.copyOf(result);
    }

    private double[] readCaseNumbers(String name) throws IOException {
        return (double[]) requireVariable(name, List.of(CASE)).read().get1DJavaArray(double.class);
    }

    private String[] readAirfoilNames(int cases) throws IOException {
        String[] names = new String[cases];
        Variable v = file.findVariable(AIRFOIL);
        if (v == null) {
            java.util.Arrays.fill(names, "unknown");
            return names;
        }
        if (v.getRank() < 1 || !v.getDimension(0).getShortName().equals(CASE)) {
            throw fail("variable 'airfoil' must have 'case' as its first dimension");
        }
        Array data = v.read();
        if (v.getDataType() == DataType.CHAR) {
            Array strings = ((ArrayChar) data).make1DStringArray();
            for (int c = 0; c < cases; c++) {
                names[c] = String.valueOf(strings.getObject(c)).trim();
            }
        } else if (v.getDataType() == DataType.STRING) {
            for (int c = 0; c < cases; c++) {
                names[c] = String.valueOf(data.getObject(c)).trim();
            }
        } else {
            throw fail("variable 'airfoil' is of type " + v.getDataType() + ", expected char or string");
        }
        return names;
    }

    private String globalText(String name) {
        Attribute a = file.findGlobalAttribute(name);
        return a == null || !a.isString() ? "" : a.getStringValue();
    }

    @Override
    public Grid grid() {
        return grid;
    }

    @Override
    public int caseCount() {
        return conditions.size();
    }

    @Override
    public int samplesPerCase() {
        return samples;
    }

    @Override
    public FlowCondition condition(int index) {
        return conditions.get(index);
    }

    @Override
    public DatasetMetadata metadata() {
        return metadata;
    }

    /** @return the file this data set reads */
    public Path path() {
        return path;
    }

    @Override
    public synchronized FlowCase readCase(int index) {
        FlowCondition condition = conditions.get(index);
        int cells = grid.cellCount();
        try {
            Mask mask = readMask(index);
            float[] values = new float[samples * Channel.count() * cells];
            for (Channel ch : Channel.ALL) {
                float[] block = readSection(ch.variableName(), new int[] {index, 0, 0, 0},
                        new int[] {1, samples, grid.ny(), grid.nx()});
                for (int s = 0; s < samples; s++) {
                    int dst = (s * Channel.count() + ch.ordinal()) * cells;
                    for (int cell = 0; cell < cells; cell++) {
                        float v = block[s * cells + cell];
                        if (mask.isSolid(cell)) {
                            v = 0f;
                        } else if (!Float.isFinite(v)) {
                            throw nonFinite(ch.variableName(), v, index, s, cell);
                        }
                        values[dst + cell] = v;
                    }
                }
            }
            return new FlowCase(condition, mask, FieldUnits.PHYSICAL, samples, values, readIterations(index),
                    readCoefficients(index));
        } catch (IOException | InvalidRangeException e) {
            throw new DataFileException(path, "cannot read case " + index + ": " + e.getMessage(), e);
        }
    }

    private Mask readMask(int index) throws IOException, InvalidRangeException {
        float[] raw = readSection(MASK, new int[] {index, 0, 0}, new int[] {1, grid.ny(), grid.nx()});
        boolean[] solid = new boolean[raw.length];
        for (int cell = 0; cell < raw.length; cell++) {
            if (raw[cell] != 0f && raw[cell] != 1f) {
                throw fail(String.format(Locale.ROOT, "variable 'mask' holds %s at case %d, cell (y=%d, x=%d);"
                        + " expected 0 (fluid) or 1 (solid)", raw[cell], index, cell / grid.nx(), cell % grid.nx()));
            }
            solid[cell] = raw[cell] == 1f;
        }
        return new Mask(grid.nx(), grid.ny(), solid);
    }

    private int[] readIterations(int index) throws IOException, InvalidRangeException {
        Variable v = file.findVariable(ITERATION);
        if (v == null || v.getRank() != 2) {
            return null;
        }
        Array a = v.read(new int[] {index, 0}, new int[] {1, samples});
        return (int[]) a.get1DJavaArray(int.class);
    }

    private ForceCoefficients readCoefficients(int index) throws IOException, InvalidRangeException {
        Variable lift = file.findVariable(LIFT);
        Variable drag = file.findVariable(DRAG);
        if (lift == null || drag == null || lift.getRank() != 2 || drag.getRank() != 2) {
            return null;
        }
        int[] origin = {index, 0};
        int[] shape = {1, samples};
        return new ForceCoefficients((double[]) lift.read(origin, shape).get1DJavaArray(double.class),
                (double[]) drag.read(origin, shape).get1DJavaArray(double.class));
    }

    private float[] readSection(String name, int[] origin, int[] shape) throws IOException, InvalidRangeException {
        return (float[]) file.findVariable(name).read(origin, shape).get1DJavaArray(float.class);
    }

    private DataFileException nonFinite(String variable, float value, int caseIndex, int sample, int cell) {
        int j = cell / grid.nx();
        int i = cell % grid.nx();
        return fail(String.format(Locale.ROOT, "variable '%s' holds %s in a fluid cell: case %d (%s), sample %d,"
                        + " y index %d (y=%.4g), x index %d (x=%.4g); fluid values must be finite",
                variable, Float.isNaN(value) ? "NaN or a fill value" : String.valueOf(value), caseIndex,
                conditions.get(caseIndex).label(), sample, j, grid.y(j), i, grid.x(i)));
    }

    private DataFileException fail(String problem) {
        return new DataFileException(path, problem);
    }

    @Override
    public synchronized void close() {
        closeQuietly(file);
    }

    private static void closeQuietly(NetcdfDataset nc) {
        try {
            nc.close();
        } catch (IOException ignored) {
            // nothing useful to do: the file was only read
        }
    }
}
