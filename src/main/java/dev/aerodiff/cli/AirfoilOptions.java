package dev.aerodiff.cli;

import dev.aerodiff.cfd.AirfoilLibrary;
import dev.aerodiff.field.FlowCondition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that turn an airfoil condition into a flow: the fluid and chord
 * that relate the Reynolds number to the freestream speed, and where airfoil contours are found.
 */
final class AirfoilOptions {
    @Option(names = "--nu", defaultValue = "1e-5",
            description = "Kinematic viscosity in m2/s; with --chord it turns Re into the freestream speed"
                    + " (default: ${DEFAULT-VALUE}).")
    double nu;

    @Option(names = "--chord", defaultValue = "1.0", description = "Chord in m (default: ${DEFAULT-VALUE}).")
    double chord;

    @Option(names = "--airfoil-dir", paramLabel = "DIR", description = "Where NAME.dat coordinate files are found.")
    List<Path> airfoilDirs = new ArrayList<>();

    /**
     * @param airfoil          airfoil name (any case)
     * @param angleOfAttackDeg angle of attack in degrees
     * @param reynolds         chord Reynolds number
     * @return the condition, with the freestream speed Re nu / chord
     */
    FlowCondition condition(String airfoil, double angleOfAttackDeg, double reynolds) {
        return new FlowCondition(airfoil.toLowerCase(Locale.ROOT), angleOfAttackDeg, reynolds, reynolds * nu / chord);
    }

    /** @return NACA designations and NAME.dat files of --airfoil-dir */
    AirfoilLibrary library() {
        return new AirfoilLibrary(airfoilDirs);
    }
}
