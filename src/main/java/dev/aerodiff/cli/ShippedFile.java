package dev.aerodiff.cli;

import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Where a file that the repository ships (a default bundle under {@code examples/}, a data set
 * under {@code datasets/}) is found: in the working directory, as the README runs the commands, or
 * else in the checkout the running code was built in (the folder above {@code target/}, where the
 * jar or the classes lie), so that the defaults work from any directory.
 */
final class ShippedFile {
    private ShippedFile() {
    }

    /**
     * @param relative a path relative to the repository root
     * @return the path as given where it exists from the working directory, else under the checkout
     *         of the running code where it exists there, else as given (for the caller's message)
     */
    static Path locate(Path relative) {
        return locate(relative, Path.of(""), checkoutOfTheRunningCode());
    }

    static Path locate(Path relative, Path workingDir, Path checkout) {
        if (Files.exists(workingDir.resolve(relative))) {
            return relative;
        }
        if (checkout != null && Files.exists(checkout.resolve(relative))) {
            return checkout.resolve(relative);
        }
        return relative;
    }

    /** @return the folder above the one holding the jar or the classes, or null where that is unknown */
    static Path checkoutOfTheRunningCode() {
        CodeSource source = ShippedFile.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path target = Path.of(source.getLocation().toURI()).toAbsolutePath().getParent();
            return target == null ? null : target.getParent();
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return null;        // not a plain file: nothing to look beside
        }
    }
}
