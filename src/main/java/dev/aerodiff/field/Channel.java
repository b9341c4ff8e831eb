package dev.aerodiff.field;

import java.util.List;

/**
 * The physical flow channels AeroDiff learns, in the order they are stored and fed to networks.
 *
 * <p>Raw values are in SI units as OpenFOAM writes them for incompressible flow: kinematic
 * pressure {@code p} (pressure divided by density) and the two in-plane velocity components.
 */
public enum Channel {
    /** Kinematic pressure p / rho. */
    P("p", "kinematic pressure", "m2 s-2"),
    /** Streamwise velocity component. */
    UX("ux", "streamwise velocity", "m s-1"),
    /** Cross-stream velocity component. */
    UY("uy", "cross-stream velocity", "m s-1");

    /** All channels in storage order. */
    public static final List<Channel> ALL = List.of(values());

    private final String variableName;
    private final String longName;
    private final String units;

    Channel(String variableName, String longName, String units) {
        this.variableName = variableName;
        this.longName = longName;
        this.units = units;
    }

    /** @return the variable name in data files and JSON ("p", "ux", "uy") */
    public String variableName() {
        return variableName;
    }

    /** @return a human-readable description, used as the CF {@code long_name} */
    public String longName() {
        return longName;
    }

    /** @return the UDUNITS string of the raw (physical) values */
    public String units() {
        return units;
    }

    /** @return the number of channels */
    public static int count() {
        return ALL.size();
    }
}
