package dev.aerodiff.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Font;
import java.awt.FontMetrics;
import org.junit.jupiter.api.Test;

/** Labels that fit their room: a long model name keeps its start and end. */
class CanvasTest {

    @Test
    void aLongNameIsShortenedInTheMiddleToTheWidthAndAShortOneIsLeftAlone() {
        Canvas canvas = new Canvas(100, 20);
        String name = "averaged-stall-pooled-flow-seed1+stall-pooled-flow-seed2";
        String fitted = canvas.fitted(name, 11, 150);
        assumeTrue(!fitted.equals(name), "this machine has fonts to measure with");
        FontMetrics metrics = canvas.graphics().getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        assertTrue(metrics.stringWidth(fitted) <= 150, fitted);
        assertTrue(metrics.stringWidth(fitted) > 120, "fills the room, not less: " + fitted);
        String[] ends = fitted.split("\\.\\.\\.", -1);
        assertEquals(2, ends.length, fitted);
        assertTrue(name.startsWith(ends[0]) && name.endsWith(ends[1]) && !ends[1].isEmpty(), fitted);
        assertEquals("flow-matching", canvas.fitted("flow-matching", 11, 150));
        assertNotEquals(name, canvas.fitted(name, 13, 150));
    }
}
