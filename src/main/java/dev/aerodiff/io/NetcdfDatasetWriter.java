package dev.aerodiff.io;

import static dev.aerodiff.io.DatasetSchema.*;

import dev.aerodiff.data.DatasetMetadata;
import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import ucar.ma2.Array;
import ucar.ma2.ArrayChar;
import ucar.ma2.DataType;
import ucar.ma2.InvalidRangeException;
import ucar.nc2.Attribute;
import ucar.nc2.Dimension;
import ucar.nc2.NetcdfFileWriter;
import ucar.nc2.Variable;

/**
 * Writes a {@link FieldDataset} as a CF-1.8 NetCDF-3 file (64-bit offset) in the schema of
 * {@link DatasetSchema}, one case at a time, with units on every variable. The file appears only
 * when complete ({@link AtomicFile}).
 */
public final class NetcdfDatasetWriter {
    private static final int MAX_NAME_LENGTH = 64;

    private NetcdfDatasetWriter() {
    }

    /**
     * @param dataset  the data to write
     * @param target   the output file; replaced only on success
     * @param progress called with each written case index
     * @throws DataFileException if a case of the input is invalid (nothing is written)
     */
    public static void write(FieldDataset dataset, Path target, IntConsumer progress) {
        AtomicFile.write(target, tmp -> {
            try {
                writeFile(dataset, tmp, progress);
            } catch (InvalidRangeException e) {
                throw new IOException("internal section error: " + e.getMessage(), e);
            }
        });
    }

    private static void writeFile(FieldDataset ds, Path path, IntConsumer progress)
            throws IOException, InvalidRangeException {
        Grid grid = ds.grid();
        int cases = ds.caseCount();
        int samples = ds.samplesPerCase();
        FlowCase first = ds.readCase(0);
        boolean withIterations = first.iterations() != null;
        boolean withCoefficients = first.coefficients() != null;

        NetcdfFileWriter w = NetcdfFileWriter.createNew(NetcdfFileWriter.Version.netcdf3, path.toString());
        try {
            w.setLargeFile(true);
            Dimension caseDim = w.addDimension(null, CASE, cases);
            Dimension sampleDim = w.addDimension(null, SAMPLE, samples);
            Dimension yDim = w.addDimension(null, Y, grid.ny());
            Dimension xDim = w.addDimension(null, X, grid.nx());
            Dimension strlen = w.addDimension(null, NAME_STRLEN, MAX_NAME_LENGTH);

            Variable x = w.addVariable(null, X, DataType.DOUBLE, List.of(xDim));
            attributes(x, "x / chord, streamwise coordinate", "1", "X");
            Variable y = w.addVariable(null, Y, DataType.DOUBLE, List.of(yDim));
            attributes(y, "y / chord, cross-stream coordinate", "1", "Y");
            for (Channel ch : Channel.ALL) {
                Variable v = w.addVariable(null, ch.variableName(), DataType.FLOAT,
                        List.of(caseDim, sampleDim, yDim, xDim));
                v.addAttribute(new Attribute("long_name", ch.longName()));
                v.addAttribute(new Attribute("units", ch.units()));
                v.addAttribute(new Attribute("coordinates", "y x"));
            }
            Variable mask = w.addVariable(null, MASK, DataType.BYTE, List.of(caseDim, yDim, xDim));
            mask.addAttribute(new Attribute("long_name", "solid mask, 1 inside the airfoil"));
            mask.addAttribute(new Attribute("units", "1"));
            mask.addAttribute(new Attribute("flag_values", Array.factory(new byte[] {0, 1})));
            mask.addAttribute(new Attribute("flag_meanings", "fluid solid"));
            attributes(w.addVariable(null, AOA, DataType.DOUBLE, List.of(caseDim)),
                    "angle of attack", "degree", null);
            attributes(w.addVariable(null, REYNOLDS, DataType.DOUBLE, List.of(caseDim)),
                    "chord Reynolds number U c / nu", "1", null);
            attributes(w.addVariable(null, U_INF, DataType.DOUBLE, List.of(caseDim)),
                    "freestream speed", "m s-1", null);
            Variable airfoil = w.addVariable(null, AIRFOIL, DataType.CHAR, List.of(caseDim, strlen));
            airfoil.addAttribute(new Attribute("long_name", "airfoil name"));
            if (withIterations) {
                Variable it = w.addVariable(null, ITERATION, DataType.INT, List.of(caseDim, sampleDim));
                attributes(it, "solver iteration of the snapshot", "1", null);
                it.addAttribute(new Attribute("_FillValue", -1));
            }

            if (withCoefficients) {
                for (String name : List.of(LIFT, DRAG)) {
                    Variable v = w.addVariable(null, name, DataType.DOUBLE, List.of(caseDim, sampleDim));
                    attributes(v, (name.equals(LIFT) ? "lift" : "drag")
                            + " coefficient from the solver's surface integral", "1", null);
                    v.addAttribute(new Attribute("_FillValue", Double.NaN));
                }
            }

            DatasetMetadata meta = ds.metadata();
            w.addGroupAttribute(null, new Attribute("Conventions", "CF-1.8"));
            w.addGroupAttribute(null, new Attribute("title", meta.title()));
            w.addGroupAttribute(null, new Attribute("source", meta.source()));
            w.addGroupAttribute(null, new Attribute("history", meta.history()));
            w.addGroupAttribute(null, new Attribute("aerodiff_format", FORMAT));
            w.create();

            w.write(x, Array.factory(grid.x()));
            w.write(y, Array.factory(grid.y()));
            double[] aoa = new double[cases];
            double[] reynolds = new double[cases];
            double[] uInf = new double[cases];
            ArrayChar names = new ArrayChar.D2(cases, MAX_NAME_LENGTH);
            for (int c = 0; c < cases; c++) {
                FlowCondition cond = ds.condition(c);
                aoa[c] = cond.angleOfAttackDeg();
                reynolds[c] = cond.reynolds();
                uInf[c] = cond.freestreamSpeed();
                if (cond.airfoil().length() > MAX_NAME_LENGTH) {
                    throw new IllegalArgumentException("airfoil name longer than " + MAX_NAME_LENGTH
                            + " characters: " + cond.airfoil());
                }
                names.setString(c, cond.airfoil());
            }
            w.write(w.findVariable(AOA), Array.factory(aoa));
            w.write(w.findVariable(REYNOLDS), Array.factory(reynolds));
            w.write(w.findVariable(U_INF), Array.factory(uInf));
            w.write(airfoil, names);
            for (int c = 0; c < cases; c++) {
                FlowCase fc = c == 0 ? first : ds.readCase(c);
                writeCase(w, c, fc, grid, withIterations);
                if (withCoefficients) {
                    writeCoefficients(w, c, fc);
                }
                progress.accept(c);
            }
        } finally {
            w.close();
        }
    }

    private static void writeCase(NetcdfFileWriter w, int c, FlowCase fc, Grid grid, boolean withIterations)
            throws IOException, InvalidRangeException {
        int cells = grid.cellCount();
        int samples = fc.samples();
        for (Channel ch : Channel.ALL) {
            float[] block = new float[samples * cells];
            for (int s = 0; s < samples; s++) {
                System.arraycopy(fc.field(s, ch), 0, block, s * cells, cells);
            }
            Array a = Array.factory(DataType.FLOAT, new int[] {1, samples, grid.ny(), grid.nx()}, block);
            w.write(w.findVariable(ch.variableName()), new int[] {c, 0, 0, 0}, a);
        }
        byte[] solid = new byte[cells];
        for (int cell = 0; cell < cells; cell++) {
            solid[cell] = (byte) (fc.mask().isSolid(cell) ? 1 : 0);
        }
        w.write(w.findVariable(MASK), new int[] {c, 0, 0},
                Array.factory(DataType.BYTE, new int[] {1, grid.ny(), grid.nx()}, solid));
        if (withIterations) {
            int[] it = fc.iterations();
            if (it == null) {
                it = new int[samples];
                java.util.Arrays.fill(it, -1);
            }
            w.write(w.findVariable(ITERATION), new int[] {c, 0},
                    Array.factory(DataType.INT, new int[] {1, samples}, it));
        }
    }

    private static void writeCoefficients(NetcdfFileWriter w, int c, FlowCase fc)
            throws IOException, InvalidRangeException {
        int samples = fc.samples();
        double[] lift = new double[samples];
        double[] drag = new double[samples];
        java.util.Arrays.fill(lift, Double.NaN);
        java.util.Arrays.fill(drag, Double.NaN);
        if (fc.coefficients() != null) {
            lift = fc.coefficients().lift();
            drag = fc.coefficients().drag();
        }
        int[] shape = {1, samples};
        w.write(w.findVariable(LIFT), new int[] {c, 0}, Array.factory(DataType.DOUBLE, shape, lift));
        w.write(w.findVariable(DRAG), new int[] {c, 0}, Array.factory(DataType.DOUBLE, shape, drag));
    }

    private static void attributes(Variable v, String longName, String units, String axis) {
        v.addAttribute(new Attribute("long_name", longName));
        v.addAttribute(new Attribute("units", units));
        if (axis != null) {
            v.addAttribute(new Attribute("axis", axis));
        }
    }
}
