package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChatterFilterTest {

    @Test
    void dropsSameDiffGradientChatterAndPassesEverythingElse() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new ChatterFilter(target), true, StandardCharsets.UTF_8);
        out.println("Added differentiated op conv2d_3");
        out.println("step 10: loss 0.5");
        out.print("Added differentiated op swish\nAdded");
        out.flush();
        out.print(" so far\n");
        out.print("partial");
        out.flush();
        out.println(" line, Added differentiated op inside");
        assertEquals("step 10: loss 0.5\nAdded so far\npartial line, Added differentiated op inside\n",
                target.toString(StandardCharsets.UTF_8));
    }
}
