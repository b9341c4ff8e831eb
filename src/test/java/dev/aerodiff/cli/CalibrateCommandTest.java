package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.io.FileDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.nc2.NetcdfFile;

/** calibrate, and predict and validate with --calibration, on a small bundle trained here. */
class CalibrateCommandTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path bundle;
    static Path calibration;
    static JsonNode written;

    @BeforeAll
    static void trainAndCalibrate() throws Exception {
        data = TinyModel.syntheticData(dir);
        bundle = TinyModel.train(dir, data, "tiny", "flow", 3, 2);
        calibration = dir.resolve("cal.json");
        CliRun r = CliRun.of("calibrate", "--model", bundle.toString(), "--against", data.toString(), "--sampler", "euler:3",
                "--samples", "4", "--out", calibration.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        written = new ObjectMapper().readTree(calibration.toFile());
        assertEquals(new ObjectMapper().readTree(r.out()), written, "--json prints what the file holds");
    }

    @Test
    void writesTheFitAndHowItWasMade() {
        assertEquals(CalibrationFile.FORMAT, written.get("format").asText());
        assertEquals(CalibrationFile.VERSION, written.get("version").asInt());
        assertEquals("tiny", written.get("model_name").asText());
        assertEquals(FileDigest.sha256(bundle), written.get("model_content").asText());
        assertEquals("euler:3", written.get("sampler").asText());
        assertEquals(2, written.get("conditions").asInt());
        for (String channel : new String[] {"p", "ux", "uy"}) {
            JsonNode c = written.get("channels").get(channel);
            assertTrue(c.get("noise_floor").asDouble() >= 0 && c.get("gain").asDouble() > 0, channel + ": " + c);
        }
        assertTrue(written.get("error_std_after").asDouble() <= written.get("error_std_before").asDouble() + 1e-12,
                "the fit errs no more than no correction, which it includes: " + written);
        assertTrue(written.get("command").asText().contains("calibrate"));
        assertEquals("noise_floor", written.get("fitted").asText());
    }

    @Test
    void fitsTheFloorAloneUnlessAskedForTheGain() throws Exception {
        for (String channel : new String[] {"p", "ux", "uy"}) {
            assertEquals(1.0, written.get("channels").get(channel).get("gain").asDouble(), 0, channel);
        }
        Path withGain = dir.resolve("gain.json");
        CliRun r = CliRun.of("calibrate", "--model", bundle.toString(), "--against", data.toString(), "--sampler",
                "euler:3", "--samples", "4", "--fit-gain", "--out", withGain.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("wrote " + withGain), r.out());
        JsonNode json = new ObjectMapper().readTree(withGain.toFile());
        assertEquals("noise_floor,gain", json.get("fitted").asText());
        assertTrue(json.get("error_std_after").asDouble() <= written.get("error_std_after").asDouble() + 1e-12,
                "on the conditions it is fitted on, the gain can only help: " + json + " " + written);
    }

    @Test
    void predictKeepsTheMeanAndRecordsTheCalibration() throws Exception {
        Path plain = dir.resolve("plain.nc");
        Path calibrated = dir.resolve("calibrated.nc");
        for (Path out : new Path[] {plain, calibrated}) {
            CliRun r = CliRun.of("predict", "--model", bundle.toString(), "--airfoil", "naca0012", "--aoa", "3",
                    "--re", "1e6", "--samples", "6", "--seed", "4", "--sampler", "euler:3", "--out", out.toString(),
                    out == plain ? "--json" : "--calibration=" + calibration);
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(out != plain, r.err().contains("fitted with 4 samples per condition, this run draws 6"),
                    r.err());
        }
        try (NetcdfFile a = NetcdfFile.open(plain.toString()); NetcdfFile b = NetcdfFile.open(calibrated.toString())) {
            assertEquals(calibration.toString(), b.findGlobalAttribute("calibration").getStringValue());
            float[] meanA = (float[]) a.findVariable("ux_mean").read().get1DJavaArray(float.class);
            float[] meanB = (float[]) b.findVariable("ux_mean").read().get1DJavaArray(float.class);
            float[] stdA = (float[]) a.findVariable("ux_std").read().get1DJavaArray(float.class);
            float[] stdB = (float[]) b.findVariable("ux_std").read().get1DJavaArray(float.class);
            boolean changed = false;
            for (int i = 0; i < meanA.length; i++) {
                assertEquals(meanA[i], meanB[i], 1e-4 * (1 + Math.abs(meanA[i])), "ux mean at " + i);
                changed |= Math.abs(stdA[i] - stdB[i]) > 1e-6;
            }
            assertTrue(changed, "the calibration moved the spread");
        }
    }

    @Test
    void withoutASamplerARunTakesTheOneTheCalibrationWasFittedWith() throws Exception {
        Path out = dir.resolve("own-sampler.nc");
        CliRun r = CliRun.of("predict", "--model", bundle.toString(), "--airfoil", "naca0012", "--aoa", "3", "--re",
                "1e6", "--samples", "4", "--calibration", calibration.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("note: sampling with euler:3, the sampler --calibration " + calibration
                + " was fitted with (the model's own default: ddim:20:1)"), r.err());
        try (NetcdfFile f = NetcdfFile.open(out.toString())) {
            assertEquals("euler:3", f.findGlobalAttribute("sampler").getStringValue());
        }
        Path q = dir.resolve("own-sampler");
        CliRun quick = CliRun.of("quickstart", "--data", data.toString(), "--model", bundle.toString(), "--samples",
                "4", "--nearest", "none", "--calibration", calibration.toString(), "--out", q.toString(), "--json");
        assertEquals(0, quick.exitCode(), quick.err());
        JsonNode model = new ObjectMapper().readTree(q.resolve("metrics.json").toFile()).get("models").get(0);
        assertEquals("euler:3", model.get("sampler").asText());
        // a sampler named still rules, and must be the calibration's
        CliRun.of("validate", "--model", bundle.toString(), "--against", data.toString(), "--sampler", "euler:4",
                "--calibration", calibration.toString(), "--out", dir.resolve("named").toString())
                .assertFailedWithOneLine("cal.json", "euler:3", "euler:4");
    }

    @Test
    void validateNamesTheCalibratedModel() throws Exception {
        Path out = dir.resolve("v");
        CliRun r = CliRun.of("validate", "--model", bundle.toString(), "--against", data.toString(), "--sampler",
                "euler:3", "--samples", "4", "--calibration", calibration.toString(), "--out", out.toString(),
                "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(calibration.toString(), metrics.get("calibration").asText());
        assertEquals("tiny-calibrated", metrics.get("models").get(0).get("name").asText());
        // the same conditions, seeds and sampler as the fit: the error of the std it promised
        assertEquals(written.get("error_std_after").asDouble(),
                metrics.get("models").get(0).get("error_std").asDouble(),
                0.05 * written.get("error_std_after").asDouble() + 1e-6);
    }

    @Test
    void quickstartCalibratesTheModelItWasFittedFor() throws Exception {
        Path out = dir.resolve("q");
        CliRun r = CliRun.of("quickstart", "--data", data.toString(), "--model", bundle.toString(), "--model",
                bundle + "," + bundle, "--flow-sampler", "euler:3", "--samples", "4", "--nearest", "none",
                "--calibration", calibration.toString(), "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(!r.err().contains("note:"), "fitted with the ensemble size drawn: " + r.err());
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(calibration.toString(), metrics.get("calibrations").get(0).asText());
        JsonNode models = metrics.get("models");
        assertEquals("tiny-calibrated", models.get(0).get("name").asText());
        assertEquals("tiny+tiny", models.get(1).get("name").asText(), "the mixture is another model");
        assertEquals(written.get("error_std_after").asDouble(), models.get(0).get("error_std").asDouble(),
                0.05 * written.get("error_std_after").asDouble() + 1e-6);
        CliRun.of("quickstart", "--data", data.toString(), "--model", bundle + "," + bundle, "--flow-sampler",
                "euler:3", "--nearest", "none", "--calibration", calibration.toString(), "--out",
                dir.resolve("q2").toString())
                .assertFailedWithOneLine("cal.json", "tiny", "not among this run's models: tiny+tiny");
        CliRun.of("quickstart", "--data", data.toString(), "--model", bundle.toString(), "--flow-sampler",
                "euler:3", "--nearest", "none", "--calibration", calibration.toString(), "--calibration",
                calibration.toString(), "--out", dir.resolve("q3").toString())
                .assertFailedWithOneLine("cal.json", "both for the model tiny");
    }

    @Test
    void followsTheBundlesContentNotTheirFileNames() throws Exception {
        Path renamed = dir.resolve("renamed.aerodiff");
        Files.copy(bundle, renamed, StandardCopyOption.REPLACE_EXISTING);
        Path out = dir.resolve("renamed");
        CliRun r = CliRun.of("quickstart", "--data", data.toString(), "--model", renamed.toString(), "--flow-sampler",
                "euler:3", "--samples", "4", "--nearest", "none", "--calibration", calibration.toString(), "--out",
                out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode model = new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).get("models").get(0);
        assertEquals("renamed-calibrated", model.get("name").asText());
        assertEquals(written.get("error_std_after").asDouble(), model.get("error_std").asDouble(),
                0.05 * written.get("error_std_after").asDouble() + 1e-6, "the same weights, the same fit");
        // other weights under the very file name the calibration records
        Path retrained = Files.createDirectories(dir.resolve("retrained")).resolve("tiny.aerodiff");
        assertEquals(0, CliRun.of("train", "--config", dir.resolve("tiny.json").toString(), "--data", data.toString(),
                "--seed", "3", "--out", retrained.toString()).exitCode());
        CliRun.of("validate", "--model", retrained.toString(), "--against", data.toString(), "--sampler", "euler:3",
                "--calibration", calibration.toString(), "--out", dir.resolve("r").toString())
                .assertFailedWithOneLine("cal.json", "fitted for the model tiny", "SHA-256");
        // a file from before the content was recorded goes by the name
        Path byName = dir.resolve("by-name.json");
        Files.writeString(byName, written.toString().replaceFirst("\"model_content\":\"[0-9a-f]+\",", ""));
        assertTrue(CalibrationFile.read(byName).modelContent().isEmpty());
        CliRun.of("validate", "--model", renamed.toString(), "--against", data.toString(), "--sampler", "euler:3",
                "--calibration", byName.toString(), "--out", dir.resolve("n").toString())
                .assertFailedWithOneLine("by-name.json", "fitted for the model tiny", "renamed");
        assertEquals(0, CliRun.of("validate", "--model", retrained.toString(), "--against", data.toString(),
                "--sampler", "euler:3", "--samples", "4", "--calibration", byName.toString(), "--out",
                dir.resolve("n2").toString()).exitCode());
    }

    @Test
    void refusesAnotherSamplerModelOrFile() throws Exception {
        CliRun.of("validate", "--model", bundle.toString(), "--against", data.toString(), "--sampler", "euler:4",
                "--calibration", calibration.toString(), "--out", dir.resolve("x").toString())
                .assertFailedWithOneLine("cal.json", "euler:3", "euler:4");
        CliRun.of("predict", "--model", bundle + "," + bundle, "--airfoil", "naca0012", "--aoa", "3", "--re", "1e6",
                "--sampler", "euler:3", "--calibration", calibration.toString(), "--out",
                dir.resolve("y.nc").toString())
                .assertFailedWithOneLine("cal.json", "tiny+tiny");
        CliRun.of("validate", "--nearest", data.toString(), "--against", data.toString(), "--calibration",
                calibration.toString(), "--out", dir.resolve("z").toString())
                .assertFailedWithOneLine("--calibration", "--nearest");
        Path notOne = dir.resolve("not.json");
        Files.writeString(notOne, "{\"format\": \"something else\"}");
        CliRun.of("predict", "--model", bundle.toString(), "--airfoil", "naca0012", "--aoa", "3", "--re", "1e6",
                "--sampler", "euler:3", "--calibration", notOne.toString(), "--out", dir.resolve("w.nc").toString())
                .assertFailedWithOneLine("not.json", "not a spread calibration");
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, written.toString().replace("\"version\":1", "\"version\":2"));
        CliRun.of("predict", "--model", bundle.toString(), "--airfoil", "naca0012", "--aoa", "3", "--re", "1e6",
                "--sampler", "euler:3", "--calibration", newer.toString(), "--out", dir.resolve("u.nc").toString())
                .assertFailedWithOneLine("newer.json", "version 2", "upgrade");
        Path unknownSampler = dir.resolve("unknown-sampler.json");
        Files.writeString(unknownSampler, written.toString().replace("\"euler:3\"", "\"warp:3\""));
        CliRun.of("predict", "--model", bundle.toString(), "--airfoil", "naca0012", "--aoa", "3", "--re", "1e6",
                "--sampler", "euler:3", "--calibration", unknownSampler.toString(), "--out",
                dir.resolve("v.nc").toString())
                .assertFailedWithOneLine("unknown-sampler.json", "\"sampler\"", "warp:3");
    }

    @Test
    void acceptsTheSamplerItWasFittedWithHoweverItIsWritten() throws Exception {
        Path spelled = dir.resolve("spelled.json");
        Files.writeString(spelled, written.toString().replace("\"euler:3\"", "\"Euler:3:rho=1.0\""));
        assertEquals(0, CliRun.of("predict", "--model", bundle.toString(), "--airfoil", "naca0012", "--aoa", "3",
                "--re", "1e6", "--samples", "2", "--sampler", "euler:3", "--calibration", spelled.toString(), "--out",
                dir.resolve("s.nc").toString()).exitCode());
    }
}
