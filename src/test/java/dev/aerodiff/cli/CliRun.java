package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The result of running the command line in-process: exit code and both output streams. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AeroDiff.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Checks a failed run: exit code 1 and one "aerodiff: error:" line on stderr mentioning every text. */
    void assertFailedWithOneLine(String... mentions) {
        assertEquals(AeroDiff.EXIT_FAILURE, exitCode, err);
        String[] lines = withoutProgress(err).strip().split("\n");
        assertEquals(1, lines.length, err);
        assertTrue(lines[0].startsWith("aerodiff: error: ") && !lines[0].contains("Exception"), err);
        for (String text : mentions) {
            assertTrue(lines[0].contains(text), "expected '" + text + "' in: " + err);
        }
    }

    /**
     * @return {@code err} without the progress log lines ("label: 3/10 (2.0/s, ETA 0m03s)") that
     *         long work prints when it runs over a second, as it may on a loaded machine
     */
    static String withoutProgress(String err) {
        return err.replaceAll("(?m)^[\\w-]+: \\d+/\\d+ \\([^)]*\\)\\R", "");
    }
}
