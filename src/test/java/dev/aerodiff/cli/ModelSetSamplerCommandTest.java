package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code model set-sampler}: the sampler a bundle records, and the commands that use it. */
class ModelSetSamplerCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path data;
    static Path trained;

    @BeforeAll
    static void trainATinyFlowModel() throws IOException {
        data = TinyModel.syntheticData(dir);
        trained = TinyModel.train(dir, data, "flow", "flow", 2, 3);
    }

    @Test
    void commandsGivenNoSamplerUseTheRecordedOneAndRemovingItRestoresTheManifest() throws IOException {
        Path bundle = Files.copy(trained, dir.resolve("recorded.aerodiff"));
        CliRun set = CliRun.of("model", "set-sampler", bundle.toString(), "euler:3", "--reason", "fewest evaluations");
        assertEquals(0, set.exitCode(), set.err());
        assertEquals(bundle + ": sampler euler:3 (was none)\n", set.out());
        assertEquals(entries(trained, false), entries(bundle, false), "the weights are copied as they are");
        ObjectNode manifest = manifest(bundle);
        JsonNode sampler = manifest.remove("sampler");
        assertEquals(manifest(trained), manifest, "every other manifest field is kept");
        assertEquals("euler:3", sampler.get("spec").asText());
        assertEquals("fewest evaluations", sampler.get("reason").asText());
        assertTrue(sampler.get("command").asText().startsWith("aerodiff model set-sampler "), sampler.toString());

        CliRun info = CliRun.of("model", "info", bundle.toString());
        assertTrue(info.out().contains("sampler:     euler:3: fewest evaluations (recorded "), info.out());
        CliRun plain = CliRun.of("model", "info", trained.toString(), "--json");
        assertEquals("ddim:20:1", JSON.readTree(plain.out()).get("sampler").get("spec").asText());

        Path recorded = quickstart(bundle.toString());
        assertEquals("euler:3 3", samplerOf(recorded));
        assertTrue(Files.readString(recorded.resolve("report.md")).contains("it records the sampler `euler:3`"));
        assertEquals("euler:2 2", samplerOf(quickstart(bundle.toString(), "--flow-sampler", "euler:2")));
        assertEquals("euler:3 3", samplerOf(quickstart(bundle + "," + bundle)), "members that agree");
        assertEquals("ddim:20:1 20", samplerOf(quickstart(bundle + "," + trained)), "a member that records none");
        CliRun validate = CliRun.of("validate", "--model", bundle.toString(), "--against", data.toString(),
                "--samples", "2", "--out", dir.resolve("validate").toString(), "--json");
        assertEquals(0, validate.exitCode(), validate.err());
        assertEquals("euler:3", JSON.readTree(validate.out()).get("models").get(0).get("sampler").asText());

        CliRun removed = CliRun.of("model", "set-sampler", bundle.toString(), "none");
        assertEquals(0, removed.exitCode(), removed.err());
        assertEquals(bundle + ": sampler none (was euler:3)\n", removed.out());
        assertEquals(manifest(trained), manifest(bundle));
        assertEquals(entries(trained, true), entries(bundle, true));
    }

    @Test
    void aBadSamplerOrAMissingReasonLeavesTheBundleAsItWas() throws IOException {
        Path bundle = Files.copy(trained, dir.resolve("untouched.aerodiff"));
        byte[] before = Files.readAllBytes(bundle);
        CliRun.of("model", "set-sampler", bundle.toString(), "euler:many", "--reason", "r")
                .assertFailedWithOneLine("euler:many");
        CliRun.of("model", "set-sampler", bundle.toString(), "heun:10").assertFailedWithOneLine("--reason", "heun:10");
        Path notABundle = Files.writeString(dir.resolve("notes.aerodiff"), "text");
        CliRun.of("model", "set-sampler", notABundle.toString(), "heun:10", "--reason", "r")
                .assertFailedWithOneLine(notABundle.toString(), "not a zip file");
        assertArrayEquals(before, Files.readAllBytes(bundle));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no half-written file left");
        }
    }

    @Test
    void aRecordedSamplerThisVersionCannotReadIsNamed() throws IOException {
        Path bundle = dir.resolve("future.aerodiff");
        ObjectNode manifest = manifest(trained);
        manifest.putObject("sampler").put("spec", "warp:9");
        try (ZipFile in = new ZipFile(trained.toFile()); OutputStream file = Files.newOutputStream(bundle);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals("manifest.json") ? JSON.writeValueAsBytes(manifest)
                        : in.getInputStream(e).readAllBytes());
            }
        }
        CliRun.of("model", "info", bundle.toString()).assertFailedWithOneLine(bundle.toString(), "'warp:9'");
    }

    /** @return the folder of a quickstart run of one model on the tiny data set */
    private static Path quickstart(String model, String... options) throws IOException {
        Path out = Files.createTempDirectory(dir, "qs");
        String[] args = {"quickstart", "--data", data.toString(), "--model", model, "--samples", "2", "--nearest",
            "none", "--out", out.toString()};
        String[] all = new String[args.length + options.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(options, 0, all, args.length, options.length);
        CliRun r = CliRun.of(all);
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    /** @return the sampler and the evaluations per sample that a quickstart run reports for its model */
    private static String samplerOf(Path quickstart) throws IOException {
        JsonNode m = JSON.readTree(quickstart.resolve("metrics.json").toFile()).get("models").get(0);
        return m.get("sampler").asText() + " " + m.get("nfe").asInt();
    }

    private static ObjectNode manifest(Path bundle) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            return (ObjectNode) JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json")));
        }
    }

    /** @return each entry's content, the manifest's only where asked */
    private static Map<String, String> entries(Path bundle, boolean withManifest) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (withManifest || !e.getName().equals("manifest.json")) {
                    contents.put(e.getName(), java.util.HexFormat.of().formatHex(zip.getInputStream(e).readAllBytes()));
                }
            }
        }
        return contents;
    }
}
