package dev.aerodiff.cfd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Finds an airfoil contour by name: NACA designations are generated, other names are read from .dat files. */
public final class AirfoilLibrary implements Function<String, AirfoilShape> {
    private static final int NACA_POINTS_PER_SIDE = 120;
    private final List<Path> directories;

    /** @param directories where {@code NAME.dat} coordinate files are looked up, in order */
    public AirfoilLibrary(List<Path> directories) {
        this.directories = List.copyOf(directories);
    }

    /**
     * @throws IllegalArgumentException if the name is neither a NACA designation nor a .dat file found
     */
    @Override
    public AirfoilShape apply(String name) {
        if (NacaAirfoils.isNaca(name)) {
            return NacaAirfoils.create(name, NACA_POINTS_PER_SIDE);
        }
        for (Path dir : directories) {
            Path file = dir.resolve(name + ".dat");
            if (Files.isRegularFile(file)) {
                return SeligFile.read(file);
            }
        }
        throw new IllegalArgumentException("unknown airfoil '" + name + "': not a NACA designation (e.g. naca2412,"
                + " naca23012) and no " + name + ".dat in " + (directories.isEmpty() ? "any --airfoil-dir"
                : directories));
    }
}
