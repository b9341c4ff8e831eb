package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VersionProviderTest {

    @Test
    void theVersionNamesTheGitRevisionTheClassesWereBuiltFrom() throws Exception {
        String head = gitHead();
        String version = VersionProvider.version();
        if (head == null) {
            assertEquals("", VersionProvider.sourceRevision(), "outside a git clone the revision is unknown");
            assertTrue(!version.contains("+"), version);
        } else {
            assertTrue(version.matches(".+\\+" + head + "(-dirty)?"), version + " names HEAD " + head);
        }
    }

    /** @return the abbreviated HEAD revision of the working directory, or null outside a git clone */
    private static String gitHead() throws InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 ? out : null;
        } catch (IOException noGit) {
            return null;
        }
    }
}
