package dev.aerodiff.field;

import java.util.Arrays;

/**
 * Which grid cells lie inside the airfoil (solid) and which in the fluid, row-major {@code [y][x]}.
 */
public final class Mask {
    private final int nx;
    private final int ny;
    private final boolean[] solid;
    private final int fluidCount;

    /**
     * @param nx    cells along x
     * @param ny    cells along y
     * @param solid {@code ny * nx} flags, true inside the body; copied
     */
    public Mask(int nx, int ny, boolean[] solid) {
        if (solid.length != nx * ny) {
            throw new IllegalArgumentException("mask has " + solid.length + " cells, grid has " + nx + "x" + ny);
        }
        this.nx = nx;
        this.ny = ny;
        this.solid = solid.clone();
        int fluid = 0;
        for (boolean s : solid) {
            fluid += s ? 0 : 1;
        }
        this.fluidCount = fluid;
    }

    /** @return a mask with no solid cell */
    public static Mask allFluid(int nx, int ny) {
        return new Mask(nx, ny, new boolean[nx * ny]);
    }

    /** @return cells along x */
    public int nx() {
        return nx;
    }

    /** @return cells along y */
    public int ny() {
        return ny;
    }

    /** @return true if the cell with flat index {@code j * nx + i} is inside the body */
    public boolean isSolid(int cell) {
        return solid[cell];
    }

    /** @return number of fluid cells */
    public int fluidCount() {
        return fluidCount;
    }

    /** @return number of solid cells */
    public int solidCount() {
        return solid.length - fluidCount;
    }

    /** @return a copy of the flags */
    public boolean[] toArray() {
        return solid.clone();
    }

    /** @return per cell, true where it is fluid (the negation of {@link #toArray()}) */
    public boolean[] fluidCells() {
        boolean[] fluid = new boolean[solid.length];
        for (int cell = 0; cell < solid.length; cell++) {
            fluid[cell] = !solid[cell];
        }
        return fluid;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask m && nx == m.nx && ny == m.ny && Arrays.equals(solid, m.solid);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(solid) * 31 + nx;
    }
}
