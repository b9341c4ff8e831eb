package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedFileTest {
    private static final Path BUNDLE = Path.of("examples", "flow-matching.aerodiff");

    @Test
    void theWorkingDirectoryComesFirstThenTheCheckoutOfTheCode(@TempDir Path dir) throws Exception {
        Path here = Files.createDirectories(dir.resolve("here"));
        Path checkout = Files.createDirectories(dir.resolve("checkout"));
        assertEquals(BUNDLE, ShippedFile.locate(BUNDLE, here, checkout), "found nowhere: as given, for the message");
        Files.createDirectories(checkout.resolve("examples"));
        Files.writeString(checkout.resolve(BUNDLE), "x");
        assertEquals(checkout.resolve(BUNDLE), ShippedFile.locate(BUNDLE, here, checkout));
        Files.createDirectories(here.resolve("examples"));
        Files.writeString(here.resolve(BUNDLE), "x");
        assertEquals(BUNDLE, ShippedFile.locate(BUNDLE, here, checkout));
        assertEquals(BUNDLE, ShippedFile.locate(BUNDLE, dir.resolve("elsewhere"), null));
    }

    @Test
    void theCheckoutOfTheRunningCodeIsTheRepositoryRoot() {
        Path root = ShippedFile.checkoutOfTheRunningCode();
        assertTrue(Files.isRegularFile(root.resolve("pom.xml")), String.valueOf(root));
        assertTrue(Files.isRegularFile(root.resolve(BUNDLE)), String.valueOf(root));
    }
}
