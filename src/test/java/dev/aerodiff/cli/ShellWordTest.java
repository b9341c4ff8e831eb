package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command lines that bundles and reports record can be pasted back into a shell. */
class ShellWordTest {

    @Test
    void plainArgumentsStayAsTheyAreAndOthersAreQuoted() {
        assertEquals("examples/train-flow.json", AeroDiff.shellWord("examples/train-flow.json"));
        assertEquals("--model=a.aerodiff,b.aerodiff", AeroDiff.shellWord("--model=a.aerodiff,b.aerodiff"));
        assertEquals("'two words'", AeroDiff.shellWord("two words"));
        assertEquals("''", AeroDiff.shellWord(""));
    }

    @Test
    void theShellReadsEveryQuotedArgumentBackAsItWas() throws IOException, InterruptedException {
        for (String arg : List.of("validation (10 samples): 0.28 / 0.32", "it's", "$HOME `x` \"q\" \\ ; *", "")) {
            Process sh = new ProcessBuilder("sh", "-c", "printf '%s' " + AeroDiff.shellWord(arg)).start();
            String echoed = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, sh.waitFor());
            assertEquals(arg, echoed);
        }
    }
}
