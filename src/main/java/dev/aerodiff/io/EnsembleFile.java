package dev.aerodiff.io;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.PixelMoments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ucar.ma2.Array;
import ucar.ma2.DataType;
import ucar.ma2.InvalidRangeException;
import ucar.nc2.Attribute;
import ucar.nc2.Dimension;
import ucar.nc2.NetcdfFileWriter;
import ucar.nc2.Variable;

/**
 * Writes a predicted ensemble of one condition as CF-1.8 NetCDF: {@code p, ux, uy (sample, y, x)}
 * with a leading sample dimension, the mask, and per-pixel {@code *_mean} and {@code *_std} fields;
 * the condition and how the ensemble was drawn (sampler, NFE, seed, model) are global attributes.
 */
public final class EnsembleFile {

    private EnsembleFile() {
    }

    /**
     * @param ensemble   the samples in physical units
     * @param grid       their grid
     * @param attributes extra global attributes (sampler, nfe, seed, model, ...)
     * @param target     the file; replaced only when complete
     */
    public static void write(FlowCase ensemble, Grid grid, Map<String, Object> attributes, Path target) {
        AtomicFile.write(target, tmp -> {
            try {
                writeFile(ensemble, grid, attributes, tmp);
            } catch (InvalidRangeException e) {
                throw new IOException("internal section error: " + e.getMessage(), e);
            }
        });
    }

    private static void writeFile(FlowCase e, Grid grid, Map<String, Object> attributes, Path path)
            throws IOException, InvalidRangeException {
        NetcdfFileWriter w = NetcdfFileWriter.createNew(NetcdfFileWriter.Version.netcdf3, path.toString());
        try {
            w.setLargeFile(true);
            Dimension sample = w.addDimension(null, DatasetSchema.SAMPLE, e.samples());
            Dimension y = w.addDimension(null, DatasetSchema.Y, grid.ny());
            Dimension x = w.addDimension(null, DatasetSchema.X, grid.nx());
            Variable xv = w.addVariable(null, DatasetSchema.X, DataType.DOUBLE, List.of(x));
            describe(xv, "x / chord, streamwise coordinate", "1");
            Variable yv = w.addVariable(null, DatasetSchema.Y, DataType.DOUBLE, List.of(y));
            describe(yv, "y / chord, cross-stream coordinate", "1");
            for (Channel ch : Channel.ALL) {
                describe(w.addVariable(null, ch.variableName(), DataType.FLOAT, List.of(sample, y, x)), ch.longName(),
                        ch.units());
                describe(w.addVariable(null, ch.variableName() + "_mean", DataType.FLOAT, List.of(y, x)),
                        "ensemble mean of " + ch.longName(), ch.units());
                describe(w.addVariable(null, ch.variableName() + "_std", DataType.FLOAT, List.of(y, x)),
                        "ensemble standard deviation (ddof 0) of " + ch.longName(), ch.units());
            }
            describe(w.addVariable(null, DatasetSchema.MASK, DataType.BYTE, List.of(y, x)),
                    "solid mask, 1 inside the airfoil", "1");
            FlowCondition c = e.condition();
            w.addGroupAttribute(null, new Attribute("Conventions", "CF-1.8"));
            w.addGroupAttribute(null, new Attribute("title", "AeroDiff predicted ensemble, " + c.label()));
            w.addGroupAttribute(null, new Attribute(DatasetSchema.AIRFOIL, c.airfoil()));
            w.addGroupAttribute(null, new Attribute(DatasetSchema.AOA, c.angleOfAttackDeg()));
            w.addGroupAttribute(null, new Attribute(DatasetSchema.REYNOLDS, c.reynolds()));
            w.addGroupAttribute(null, new Attribute(DatasetSchema.U_INF, c.freestreamSpeed()));
            w.addGroupAttribute(null, new Attribute("comment", "pressure is relative to its mean over the fluid cells"));
            for (Map.Entry<String, Object> a : attributes.entrySet()) {
                w.addGroupAttribute(null, classicAttribute(a.getKey(), a.getValue()));
            }
            w.create();
            w.write(xv, Array.factory(grid.x()));
            w.write(yv, Array.factory(grid.y()));
            int cells = grid.cellCount();
            int[] fieldShape = {grid.ny(), grid.nx()};
            for (Channel ch : Channel.ALL) {
                float[] all = new float[e.samples() * cells];
                for (int s = 0; s < e.samples(); s++) {
                    System.arraycopy(e.field(s, ch), 0, all, s * cells, cells);
                }
                w.write(w.findVariable(ch.variableName()),
                        Array.factory(DataType.FLOAT, new int[] {e.samples(), grid.ny(), grid.nx()}, all));
                PixelMoments m = PixelMoments.of(e, ch);
                w.write(w.findVariable(ch.variableName() + "_mean"), Array.factory(DataType.FLOAT, fieldShape,
                        toFloat(m.mean())));
                w.write(w.findVariable(ch.variableName() + "_std"), Array.factory(DataType.FLOAT, fieldShape,
                        toFloat(m.std())));
            }
            byte[] solid = new byte[cells];
            for (int cell = 0; cell < cells; cell++) {
                solid[cell] = (byte) (e.mask().isSolid(cell) ? 1 : 0);
            }
            w.write(w.findVariable(DatasetSchema.MASK), Array.factory(DataType.BYTE, fieldShape, solid));
        } finally {
            w.close();
        }
    }

    /** NetCDF-3 has no 64-bit integers: longs beyond the int range are written as text. */
    private static Attribute classicAttribute(String name, Object value) {
        if (value instanceof Long l) {
            return l == l.intValue() ? new Attribute(name, l.intValue()) : new Attribute(name, Long.toString(l));
        }
        return value instanceof Number n ? new Attribute(name, n) : new Attribute(name, String.valueOf(value));
    }

    private static void describe(Variable v, String longName, String units) {
        v.addAttribute(new Attribute("long_name", longName));
        v.addAttribute(new Attribute("units", units));
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            f[k] = (float) v[k];
        }
        return f;
    }
}
