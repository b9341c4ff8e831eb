package dev.aerodiff.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aerodiff.bench.Timings;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.Grid;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON output of the commands: pretty-printed, keys in insertion order. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** Prints {@code value} as JSON followed by a newline. */
    static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize result: " + e.getMessage(), e);
        }
    }

    /** Writes {@code value} as JSON to {@code file}, atomically (temporary file, then rename). */
    static void write(java.nio.file.Path file, Object value) {
        dev.aerodiff.io.AtomicFile.write(file, tmp -> {
            try (PrintWriter w = new PrintWriter(java.nio.file.Files.newBufferedWriter(tmp))) {
                print(w, value);
            }
        });
    }

    /** Puts a grid's size and extent under the keys nx, ny, x_range and y_range. */
    static void putGrid(Map<String, Object> json, Grid g) {
        json.put("nx", g.nx());
        json.put("ny", g.ny());
        json.put("x_range", List.of(g.x(0), g.x(g.nx() - 1)));
        json.put("y_range", List.of(g.y(0), g.y(g.ny() - 1)));
    }

    /**
     * Puts a benchmark's timings under {@code prefix} + repeats_ms, jit_ms (JIT compilation during each
     * timed run; null where the JVM does not tell) and warmup_runs.
     */
    static void putTimings(Map<String, Object> json, String prefix, Timings t) {
        json.put(prefix + "repeats_ms", t.ms());
        json.put(prefix + "jit_ms", Arrays.stream(t.compileMs()).mapToObj(Json::finiteOrNull).toList());
        json.put(prefix + "warmup_runs", t.warmupRuns());
    }

    /** @return the value, or null (JSON null) if it is NaN or infinite, which JSON cannot carry */
    static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** @return {"p": v[0], "ux": v[1], "uy": v[2]} */
    static Map<String, Double> perChannel(double[] values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Channel ch : Channel.ALL) {
            m.put(ch.variableName(), values[ch.ordinal()]);
        }
        return m;
    }
}
