package dev.aerodiff.field;

/** Which units the values of a {@link FlowCase} are in. */
public enum FieldUnits {
    /** SI units as the solver writes them: p in m2 s-2, velocities in m s-1. */
    PHYSICAL,
    /**
     * The anchor's dimensionless form: (p - fluid mean of p) / U^2 and u / U, solid cells zero.
     * See {@link dev.aerodiff.data.DimensionlessNormalizer}.
     */
    DIMENSIONLESS
}
