package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.io.NetcdfFieldDataset;
import dev.aerodiff.metrics.ChannelUncertainty;
import dev.aerodiff.metrics.Crps;
import dev.aerodiff.metrics.FieldUncertainty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate --nearest} on the shipped stall data: the baseline that copies the nearest training simulation. */
class ValidateNearestCommandTest {
    private static final Path TRAIN = Path.of("datasets/airfoil-stall/train.nc");
    private static final Path TEST = Path.of("datasets/airfoil-stall/test.nc");
    /** Test case 2, NACA 2412 at 17 degrees, Re 5e6, and its nearest training case, the same at Re 3e6. */
    private static final int TEST_CASE = 2;
    private static final int NEAREST_TRAINING_CASE = 17;

    @TempDir
    Path dir;

    @Test
    void scoresTheCopiedSnapshotsAsADirectComparisonDoes() throws Exception {
        Path out = dir.resolve("nearest");
        CliRun r = CliRun.of("validate", "--nearest", TRAIN.toString(), "--against", TEST.toString(), "--samples",
                "20", "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode model = new ObjectMapper().readTree(r.out()).get("models").get(0);
        assertEquals("nearest-train", model.get("name").asText());
        assertEquals("nearest", model.get("method").asText());
        assertEquals(0, model.get("nfe").asInt());
        JsonNode row = model.get("cases").get(TEST_CASE);
        assertEquals("naca2412", row.get("airfoil").asText());

        FlowCase reference;
        FlowCase copied;
        try (NetcdfFieldDataset test = NetcdfFieldDataset.open(TEST);
             NetcdfFieldDataset train = NetcdfFieldDataset.open(TRAIN)) {
            reference = DimensionlessNormalizer.normalize(test.readCase(TEST_CASE));
            copied = DimensionlessNormalizer.normalize(train.readCase(NEAREST_TRAINING_CASE));
        }
        assertEquals(reference.mask().fluidCount(), copied.mask().fluidCount());
        // all 20 snapshots are drawn, so their order does not matter
        List<ChannelUncertainty> direct = FieldUncertainty.compare(copied, reference, Crps.Estimator.FAIR);
        double errorOfMean = direct.stream().mapToDouble(ChannelUncertainty::errorOfMean).average().orElseThrow();
        double errorOfStd = direct.stream().mapToDouble(ChannelUncertainty::errorOfStd).average().orElseThrow();
        assertEquals(errorOfMean, row.get("error_mean").asDouble(), 1e-6 * errorOfMean);
        assertEquals(errorOfStd, row.get("error_std").asDouble(), 1e-5 * errorOfStd);

        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("- naca2412 aoa=17.00 Re=5.00e+06: naca2412 aoa=17.00 Re=3.00e+06\n"), report);
        assertTrue(report.contains("- naca2415 aoa=18.00 Re=4.00e+06: naca2412 aoa=17.00 Re=3.00e+06;"
                + " naca23012 aoa=17.00 Re=3.00e+06\n"), report);
    }

    @Test
    void takesEitherAModelOrTheBaselineAndNoSamplerForTheBaseline() {
        String out = dir.resolve("x").toString();
        CliRun.of("validate", "--against", TEST.toString(), "--out", out)
                .assertFailedWithOneLine("give either --model BUNDLE or --nearest TRAIN.nc, neither was given");
        CliRun.of("validate", "--model", "examples/stall-flow-matching.aerodiff", "--nearest", TRAIN.toString(),
                "--against", TEST.toString(), "--out", out).assertFailedWithOneLine("not both");
        CliRun.of("validate", "--nearest", TRAIN.toString(), "--sampler", "euler:20", "--against", TEST.toString(),
                "--out", out).assertFailedWithOneLine("--sampler does not apply to --nearest");
        CliRun.of("validate", "--nearest", TRAIN.toString(), "--average", "--against", TEST.toString(),
                "--out", out).assertFailedWithOneLine("--average does not apply to --nearest");
        CliRun.of("validate", "--nearest", TRAIN.toString(), "--guidance", "2", "--against", TEST.toString(),
                "--out", out).assertFailedWithOneLine("--guidance does not apply to --nearest");
        assertTrue(Files.notExists(dir.resolve("x")));
    }
}
