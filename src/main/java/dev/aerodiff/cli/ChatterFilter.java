package dev.aerodiff.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes text through line by line, dropping the line SameDiff 1.0.0-M2.1 prints for every op of
 * every gradient graph it builds ("Added differentiated op ..."): hundreds of lines per training
 * run that say nothing to a user.
 */
final class ChatterFilter extends OutputStream {
    private static final byte[] CHATTER = "Added differentiated op ".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    ChatterFilter(OutputStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            endLine();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        // a partial line may still turn out to be chatter, unless it already differs from it
        if (line.size() > 0 && !couldBeChatter()) {
            line.writeTo(target);
            line.reset();
        }
        target.flush();
    }

    private void endLine() throws IOException {
        if (!isChatter()) {
            line.writeTo(target);
        }
        line.reset();
    }

    private boolean isChatter() {
        byte[] bytes = line.toByteArray();
        return bytes.length >= CHATTER.length && startsWithChatter(bytes, CHATTER.length);
    }

    private boolean couldBeChatter() {
        byte[] bytes = line.toByteArray();
        return startsWithChatter(bytes, Math.min(bytes.length, CHATTER.length));
    }

    private static boolean startsWithChatter(byte[] bytes, int length) {
        for (int k = 0; k < length; k++) {
            if (bytes[k] != CHATTER[k]) {
                return false;
            }
        }
        return true;
    }
}
