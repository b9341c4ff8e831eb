package dev.aerodiff.cfd;

/**
 * How long simpleFoam runs and which iterations become samples. Following the published recipe
 * (Liu & Thuerey), convergence control is off: the solver runs all iterations, and the fields of
 * every {@code snapshotEvery}-th iteration from {@code snapshotStart} on are the samples of the
 * solution distribution.
 *
 * @param iterations    total SIMPLE iterations
 * @param snapshotStart first sampled iteration (a multiple of snapshotEvery)
 * @param snapshotEvery iterations between samples
 * @param nu            kinematic viscosity in m2/s; the freestream speed follows from Re
 * @param chord         chord length in m
 */
public record SolverSettings(int iterations, int snapshotStart, int snapshotEvery, double nu, double chord) {

    /** Checks the snapshot window lies inside the run. */
    public SolverSettings {
        if (snapshotEvery < 1 || snapshotStart < snapshotEvery || snapshotStart % snapshotEvery != 0) {
            throw new IllegalArgumentException("--snapshot-start must be a positive multiple of --snapshot-every, got "
                    + snapshotStart + " and " + snapshotEvery);
        }
        if (iterations < snapshotStart) {
            throw new IllegalArgumentException("--iterations (" + iterations + ") must be at least --snapshot-start ("
                    + snapshotStart + ")");
        }
        if (!(nu > 0) || !(chord > 0)) {
            throw new IllegalArgumentException("viscosity and chord must be positive, got " + nu + ", " + chord);
        }
    }

    /** @return the sampled iterations, ascending */
    public int[] snapshotIterations() {
        int n = (iterations - snapshotStart) / snapshotEvery + 1;
        int[] it = new int[n];
        for (int k = 0; k < n; k++) {
            it[k] = snapshotStart + k * snapshotEvery;
        }
        return it;
    }

    /** @return freestream speed U = Re nu / c for a Reynolds number */
    public double freestreamSpeed(double reynolds) {
        return reynolds * nu / chord;
    }
}
