package dev.aerodiff.cli;

import picocli.CommandLine;

/** Reports the version recorded in the jar manifest ("dev" when run from classes). */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** @return the AeroDiff version string */
    public static String version() {
        String v = AeroDiff.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"aerodiff " + version(), "Java " + System.getProperty("java.version")};
    }
}
