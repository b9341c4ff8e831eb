package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProgressTest {
    /**
     * A resumed run: 1000 of 2000 items were done before; one more after a second must count as
     * one item in that second (at least a second each, written so below one a second), not as 1001,
     * and the line carries the status.
     */
    @Test
    void aResumedRunsRateCountsOnlyItsOwnItemsAndEachLineCarriesTheStatus() throws InterruptedException {
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), "train", 2000, 1000, () -> "loss 0.0312");
        Thread.sleep(1100);                        // lines start after the first second
        progress.accept(1000);
        Matcher line = Pattern.compile("train: 1001/2000 \\(([0-9.]+) s each, ETA [0-9hm]+s?, loss 0\\.0312\\)\\n")
                .matcher(text.toString());
        assertTrue(line.matches(), text.toString());
        assertTrue(Double.parseDouble(line.group(1)) >= 1.0, "seconds per item " + line.group(1));
    }

    @Test
    void withoutAStatusTheLineEndsAtTheEta() throws InterruptedException {
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), "write", 4);
        Thread.sleep(1100);
        progress.accept(3);
        assertTrue(text.toString().matches("write: 4/4 \\([0-9.]+/s, ETA 0m00s\\)\\n"), text.toString());
        assertEquals(1, text.toString().lines().count());
    }
}
