package dev.aerodiff.cfd;

/**
 * Cell sizes of the 2-D triangle mesh around an airfoil, in chords. The mesh is fine at the wall,
 * uniform in the box where fields are sampled, and coarse towards a circular far field.
 *
 * @param wallCellSize     cell size at the airfoil surface
 * @param regionCellSize   cell size in the sampling region [-0.7, 1.7] x [-1.2, 1.2]
 * @param farfieldRadius   radius of the circular outer boundary around the mid-chord
 * @param farfieldCellSize cell size at the outer boundary
 */
public record MeshSettings(double wallCellSize, double regionCellSize, double farfieldRadius,
                           double farfieldCellSize) {

    /** Checks the sizes are positive and ordered. */
    public MeshSettings {
        if (!(wallCellSize > 0) || !(regionCellSize >= wallCellSize) || !(farfieldCellSize >= regionCellSize)) {
            throw new IllegalArgumentException("mesh sizes must satisfy 0 < wall <= region <= farfield, got "
                    + wallCellSize + ", " + regionCellSize + ", " + farfieldCellSize);
        }
        if (!(farfieldRadius >= 5)) {
            throw new IllegalArgumentException("far-field radius must be at least 5 chords, got " + farfieldRadius);
        }
    }

    /** @return the default: 0.006 at the wall, 0.03 in the sampling region, far field at 20 chords (~17k cells) */
    public static MeshSettings standard() {
        return new MeshSettings(0.006, 0.03, 20, 4);
    }

    /** @return the same mesh with every cell size multiplied by {@code factor} (refinement studies) */
    public MeshSettings scaled(double factor) {
        return new MeshSettings(wallCellSize * factor, regionCellSize * factor, farfieldRadius,
                farfieldCellSize * factor);
    }
}
