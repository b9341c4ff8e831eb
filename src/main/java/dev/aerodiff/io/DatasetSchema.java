package dev.aerodiff.io;

import java.util.List;

/**
 * Names of the dimensions and variables of the AeroDiff NetCDF data-set schema (CF-1.8), shared by
 * the reader and the writer so the two cannot drift apart:
 * <pre>
 * dimensions: case, sample, y, x
 * variables:  x(x), y(y)                         chord units
 *             p(case, sample, y, x)             kinematic pressure, m2 s-2
 *             ux(case, sample, y, x), uy(...)   m s-1
 *             mask(case, y, x)                  1 = solid
 *             aoa(case) degree, reynolds(case) 1, u_inf(case) m s-1, airfoil(case) name
 *             iteration(case, sample)           optional: solver iteration of each snapshot
 *             cl(case, sample), cd(case, sample) optional: solver's lift and drag coefficients
 * </pre>
 */
public final class DatasetSchema {
    /** Case dimension: one flow condition each. */
    public static final String CASE = "case";
    /** Sample dimension: snapshots of one condition. */
    public static final String SAMPLE = "sample";
    /** Cross-stream grid dimension. */
    public static final String Y = "y";
    /** Streamwise grid dimension. */
    public static final String X = "x";
    /** Character dimension of the airfoil names in NetCDF-3 files. */
    public static final String NAME_STRLEN = "name_strlen";

    /** Dimensions of a field variable, in order. */
    public static final List<String> FIELD_DIMS = List.of(CASE, SAMPLE, Y, X);
    /** Dimensions of the mask. */
    public static final List<String> MASK_DIMS = List.of(CASE, Y, X);

    /** Solid mask variable. */
    public static final String MASK = "mask";
    /** Angle of attack variable (degrees). */
    public static final String AOA = "aoa";
    /** Chord Reynolds number variable. */
    public static final String REYNOLDS = "reynolds";
    /** Freestream speed variable (m/s). */
    public static final String U_INF = "u_inf";
    /** Airfoil name variable. */
    public static final String AIRFOIL = "airfoil";
    /** Optional solver iteration of each sample. */
    public static final String ITERATION = "iteration";

    /** Optional lift coefficient of each sample. */
    public static final String LIFT = "cl";
    /** Optional drag coefficient of each sample. */
    public static final String DRAG = "cd";

    /** Value of the global {@code aerodiff_format} attribute written by this version. */
    public static final String FORMAT = "aerodiff-field-dataset-1";

    private DatasetSchema() {
    }
}
