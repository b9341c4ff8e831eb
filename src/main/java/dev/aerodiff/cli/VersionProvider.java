package dev.aerodiff.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine;

/**
 * Reports the version recorded in the jar manifest ("dev" when run from classes), followed by the
 * git revision the classes were built from ({@code +REVISION}, with {@code -dirty} for uncommitted
 * changes) when the build knew it. Bundles and NetCDF histories carry this string, so a retraining
 * can be run on exactly the code that made a bundle.
 */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** Resource written at build time (pom.xml, execution "source-revision"). */
    private static final String REVISION_RESOURCE = "source-revision";

    /** Read once: the jar does not change while it runs. */
    private static final String VERSION = readVersion();

    /** @return the AeroDiff version string, with the source revision when known */
    public static String version() {
        return VERSION;
    }

    /**
     * @param step what was done to a data set, e.g. the command line
     * @return a NetCDF history line: the time to the second, "aerodiff VERSION: " and the step
     */
    public static String historyLine(String step) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS) + " aerodiff " + VERSION + ": " + step;
    }

    private static String readVersion() {
        String v = AeroDiff.class.getPackage().getImplementationVersion();
        String revision = sourceRevision();
        return (v == null ? "dev" : v) + (revision.isEmpty() ? "" : "+" + revision);
    }

    /** @return the git revision the classes were built from, or "" when the build did not know it */
    static String sourceRevision() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(REVISION_RESOURCE)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + REVISION_RESOURCE, e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"aerodiff " + version(), "Java " + System.getProperty("java.version")};
    }
}
