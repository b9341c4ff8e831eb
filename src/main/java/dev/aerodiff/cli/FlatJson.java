package dev.aerodiff.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON output of a flat result (keys to numbers, booleans, strings or null) with jackson-core's
 * streaming generator, in the same pretty-printed layout as {@link Json#print}. For commands whose
 * whole run takes about a second: Jackson's data-binding start-up alone costs several tenths of a
 * second of CPU, the streaming generator a small fraction of that.
 */
final class FlatJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private FlatJson() {
    }

    /**
     * @param out    where to print
     * @param values the result, in the order to print
     * @throws IllegalArgumentException if a value is not a number, boolean, string or null
     */
    static void print(PrintWriter out, Map<String, ?> values) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(text).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            for (Map.Entry<String, ?> e : values.entrySet()) {
                g.writeFieldName(e.getKey());
                Object v = e.getValue();
                if (v == null) {
                    g.writeNull();
                } else if (v instanceof Integer || v instanceof Long) {
                    g.writeNumber(((Number) v).longValue());
                } else if (v instanceof Number n) {
                    g.writeNumber(n.doubleValue());
                } else if (v instanceof Boolean b) {
                    g.writeBoolean(b);
                } else if (v instanceof String s) {
                    g.writeString(s);
                } else {
                    throw new IllegalArgumentException("not a flat JSON value: " + e.getKey() + " = " + v);
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
        }
        out.println(text);
    }
}
