package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.cfd.AirfoilLibrary;
import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.io.NetcdfDatasetWriter;
import dev.aerodiff.io.NetcdfFieldDataset;
import dev.aerodiff.metrics.ChannelUncertainty;
import dev.aerodiff.metrics.Crps;
import dev.aerodiff.metrics.FieldUncertainty;
import dev.aerodiff.metrics.SnapshotFloor;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.CaseEvaluation;
import dev.aerodiff.surrogate.Surrogate;
import dev.aerodiff.surrogate.SurrogateEvaluation;
import dev.aerodiff.train.DiffusionTrainerTestData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quickstart, validate, memorization and bench sample on tiny models trained here. */
class EvaluationCommandsTest {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void trainTinyModels() throws Exception {
        data = TinyModel.syntheticData(dir);
        for (String method : List.of("flow", "ddpm")) {
            TinyModel.train(dir, data, method, method, 3, 5);
        }
    }

    @Test
    void writesReportWithPicturesAndMetricsThatMatchADirectComparison() throws Exception {
        Path out = dir.resolve("qs");
        CliRun r = CliRun.of("quickstart", "--data", data.toString(), "--model", dir.resolve("flow.aerodiff").toString(),
                "--model", dir.resolve("ddpm.aerodiff").toString(), "--samples", "3", "--flow-sampler", "euler:2",
                "--ddpm-sampler", "ddim:3", "--seed", "11", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        JsonNode models = metrics.get("models");
        assertEquals(2, models.size());
        assertEquals("flow", models.get(0).get("method").asText());
        assertEquals("ddpm", models.get(1).get("method").asText());
        assertEquals("euler:2", models.get(0).get("sampler").asText());
        assertEquals(2, models.get(0).get("nfe").asInt());
        assertEquals(3, models.get(1).get("nfe").asInt());
        for (JsonNode m : models) {
            for (String key : List.of("name", "error_mean", "error_std", "simulation_mean_std", "cases")) {
                assertNotNull(m.get(key), key);
            }
            double spread = m.get("simulation_mean_std").asDouble();
            assertEquals(m.get("error_mean").asDouble() / spread, m.get("error_mean_over_spread").asDouble(), 1e-12);
            assertEquals(m.get("error_std").asDouble() / spread, m.get("error_std_over_spread").asDouble(), 1e-12);
        }

        // Condition 1 of the flow model again, by hand: same seed rule (seed + index), same mask; quickstart
        // drew it in one batch with condition 0, so the values agree up to float rounding.
        Surrogate flow = Surrogate.load(dir.resolve("flow.aerodiff"), new AirfoilLibrary(List.of()));
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(data)) {
            FlowCase reference = DimensionlessNormalizer.normalize(ds.readCase(1));
            FlowCase predicted = DimensionlessNormalizer.normalize(flow.predict(reference.condition(),
                    reference.mask(), 3, SamplerSpec.parse("euler:2"), 12, i -> { }).samples());
            List<ChannelUncertainty> direct = FieldUncertainty.compare(predicted, reference, Crps.Estimator.FAIR);
            double expected = direct.stream().mapToDouble(ChannelUncertainty::errorOfMean).average().orElseThrow();
            JsonNode case1 = models.get(0).get("cases").get(1);
            assertEquals(expected, case1.get("error_mean").asDouble(), 1e-6 * expected);
            double predictedSpread = direct.stream().mapToDouble(ChannelUncertainty::predictedMeanStd).average()
                    .orElseThrow();
            assertEquals(predictedSpread, case1.get("predicted_mean_std").asDouble(), 1e-6 * predictedSpread);
            assertTrue(models.get(0).get("spread_rank_correlation").isNull(), "undefined for 2 conditions");
            SnapshotFloor floor = SnapshotFloor.of(reference, 1);   // the simulation's alone: same for both models
            for (JsonNode m : models) {
                assertEquals(floor.errorOfMean(), m.get("cases").get(1).get("floor_error_mean").asDouble(), 1e-12);
                assertEquals(floor.errorOfStd(), m.get("cases").get(1).get("floor_error_std").asDouble(), 1e-12);
            }
        }

        String report = Files.readString(out.resolve("report.md"));
        String trainedWith = "aerodiff train --config " + dir.resolve("flow.json");
        assertEquals(trainedWith, flow.manifest().provenance().get("command").toString().substring(0,
                trainedWith.length()));
        assertTrue(report.contains("`" + trainedWith), "the report says how each model was trained");
        assertTrue(report.contains(" min, AeroDiff " + VersionProvider.version() + "\n"), "and with which code");
        Matcher pictures = Pattern.compile("!\\[[^]]*]\\(([^)]+\\.png)\\)").matcher(report);
        int count = 0;
        while (pictures.find()) {
            BufferedImage image = ImageIO.read(out.resolve(pictures.group(1)).toFile());
            assertNotNull(image, pictures.group(1));
            assertTrue(image.getWidth() > 100 && image.getHeight() > 100);
            count++;
        }
        int conditions = metrics.get("models").get(0).get("cases").size();
        assertEquals(3 * conditions + 3 * 2, count,
                "two pressure pictures and one drag histogram per condition, three summary plots per model");
        assertTrue(r.out().contains("error_mean"), r.out());
    }

    @Test
    void casesPredictedInSeveralChunksKeepTheirSeedsAndReportProgressInOrder() throws Exception {
        Surrogate flow = Surrogate.load(dir.resolve("flow.aerodiff"), new AirfoilLibrary(List.of()));
        SamplerSpec sampler = SamplerSpec.parse("euler:2");
        int samples = SurrogateEvaluation.CHUNK_SAMPLES / 2 + 1;   // one case per chunk
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(data)) {
            List<Integer> progress = new ArrayList<>();
            List<CaseEvaluation> cases = SurrogateEvaluation.run(flow, ds, samples, sampler, 11, progress::add);
            assertEquals(List.of(0, 1), progress);
            FlowCase reference = DimensionlessNormalizer.normalize(ds.readCase(1));
            FlowCase alone = DimensionlessNormalizer.normalize(flow.predict(reference.condition(), reference.mask(),
                    samples, sampler, 12, i -> { }).samples());
            float[] expected = alone.values();
            float[] actual = cases.get(1).predicted().values();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-5 * (1 + Math.abs(expected[i])), "value " + i);
            }
            assertEquals(SnapshotFloor.of(reference, 1).errorOfMean(), cases.get(1).floor().errorOfMean(), 0.0);
        }
    }

    @Test
    void validateWritesOneModelsReportAndNamesConditionsOutsideTraining() throws Exception {
        Path out = dir.resolve("val");
        Path shifted = dir.resolve("shifted.nc");   // trained on 2 and 10 degrees; 14 lies outside
        NetcdfDatasetWriter.write(DiffusionTrainerTestData.synthetic(2, 14), shifted, i -> { });
        CliRun r = CliRun.of("validate", "--model", dir.resolve("ddpm.aerodiff").toString(), "--against",
                shifted.toString(), "--sampler", "ddim:2", "--samples", "2", "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(json, new ObjectMapper().readTree(out.resolve("metrics.json").toFile()));
        assertEquals(1, json.get("models").size());
        JsonNode p = json.get("models").get(0).get("cases").get(0).get("p");
        double coverage90 = p.get("coverage_90").asDouble();
        assertTrue(coverage90 >= 0 && coverage90 <= 1 && p.get("coverage_50").asDouble() <= coverage90, p.toString());
        assertTrue(Files.isRegularFile(out.resolve("ddpm-calibration.png")));
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("ddpm-spread.png"));
        JsonNode cases = json.get("models").get(0).get("cases");
        assertEquals(0, cases.get(0).get("extrapolation").size(), cases.get(0).get("extrapolation").toString());
        String outside = "angle of attack 14.00 deg is outside the training range [2.00, 10.00]";
        assertEquals(outside, cases.get(1).get("extrapolation").get(0).asText());
        assertTrue(report.contains("Outside the training conditions of ddpm: " + outside + "."), report);
    }

    @Test
    void memorizationAuditSeesTheEmpiricalOptimalModelCopyAndTheUntrainedNetworkNot() throws Exception {
        Path out = dir.resolve("mem");
        CliRun r = CliRun.of("memorization", "--model", dir.resolve("ddpm.aerodiff").toString(), "--train",
                data.toString(), "--conditions", "2", "--samples", "3", "--sampler", "ddim:50", "--out", out.toString(),
                "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        // Seed paper 002: sampling with the exact score of the training set reproduces training points;
        // the synthetic snapshots are 0.2 apart per pixel, far more than the last noise level of ddim:50.
        assertEquals(1.0, json.get("empirical_optimal").get("copy_fraction").asDouble(), json.toString());
        assertTrue(json.get("empirical_optimal").get("median_ratio").asDouble() < 0.05, json.toString());
        // Three optimizer steps leave the network far from every training field.
        assertEquals(0.0, json.get("trained").get("copy_fraction").asDouble(), json.toString());
        assertEquals(6, json.get("trained").get("ratios").size());
        assertNotNull(ImageIO.read(out.resolve("memorization.png").toFile()));
        assertEquals(json, new ObjectMapper().readTree(out.resolve("memorization.json").toFile()));
        String two = dir.resolve("ddpm.aerodiff") + "," + dir.resolve("ddpm.aerodiff");
        CliRun.of("memorization", "--model", two, "--train", data.toString(), "--out", out.toString())
                .assertFailedWithOneLine("no such model bundle", "only predict, validate and quickstart take several");
    }

    @Test
    void denoisingReportsTheErrorOfEveryLevelAndItsBaseline() throws Exception {
        Path file = dir.resolve("denoising.json");
        CliRun r = CliRun.of("denoising", "--model", dir.resolve("ddpm.aerodiff").toString(), "--data", data.toString(),
                "--times", "0.001,0.5,0.9", "--samples", "2", "--out", file.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(json, new ObjectMapper().readTree(file.toFile()));
        assertEquals("EPSILON", json.get("parameterization").asText());
        JsonNode levels = json.get("levels");
        assertEquals(3, levels.size());
        // at t = 0.001 the estimate (x_t - sigma eps^)/alpha is within sigma (0.0064) times the
        // network's noise error of the field, whatever the three training steps taught it
        assertTrue(levels.get(0).get("x0_rms").asDouble() < 0.05, levels.toString());
        assertTrue(levels.get(2).get("x0_rms").asDouble() > levels.get(0).get("x0_rms").asDouble(), levels.toString());
        assertTrue(json.get("baseline_rms").asDouble() > 0, json.toString());
        assertEquals(3, json.get("baseline_rms_by_channel").size());

        CliRun bad = CliRun.of("denoising", "--model", dir.resolve("flow.aerodiff").toString(), "--data",
                data.toString(), "--times", "1");
        assertEquals(AeroDiff.EXIT_FAILURE, bad.exitCode());
        assertTrue(bad.err().contains("times must be in [0, 1)"), bad.err());
    }

    @Test
    void aBundleMixedWithItselfScoresAsItDoesAlone() throws Exception {
        String flow = dir.resolve("flow.aerodiff").toString();
        JsonNode alone = validate("alone", flow);
        JsonNode mixed = validate("mixed", flow + "," + flow);
        assertEquals(flow + "," + flow, mixed.get("model").asText());
        JsonNode a = alone.get("models").get(0);
        JsonNode m = mixed.get("models").get(0);
        assertEquals("flow+flow", m.get("name").asText());
        assertEquals("flow", m.get("method").asText());
        for (String key : List.of("error_mean", "error_std", "predicted_mean_std")) {
            assertEquals(a.get(key).asDouble(), m.get(key).asDouble(), 1e-4 * a.get(key).asDouble(), key);
        }
        String report = Files.readString(dir.resolve("mixed").resolve("report.md"));
        assertEquals(2, report.split(Pattern.quote("- `" + flow + "` (flow)"), -1).length - 1,
                "each member's provenance");
        assertTrue(a.get("member_disagreement").isNull() && a.get("cases").get(0).get("member_disagreement").isNull());
        assertTrue(m.get("member_disagreement").asDouble() >= 0
                && m.get("cases").get(0).get("member_disagreement").isNumber(), m.toString());
        assertTrue(report.contains("Its bundles disagree about the mean field by "), report);
        assertTrue(!Files.readString(dir.resolve("alone").resolve("report.md")).contains("disagree"));

        JsonNode averaged = validate("averaged", flow + "," + flow, "--average");
        JsonNode v = averaged.get("models").get(0);
        assertEquals("averaged-flow+flow", v.get("name").asText());
        assertTrue(averaged.get("average").asBoolean() && mixed.get("average") == null, averaged.toString());
        assertEquals(2 * a.get("nfe").asInt(), v.get("nfe").asInt(), "every network's evaluations");
        for (String key : List.of("error_mean", "error_std", "predicted_mean_std")) {
            assertEquals(a.get(key).asDouble(), v.get(key).asDouble(), 1e-4 * a.get(key).asDouble(), key);
        }
        assertTrue(v.get("member_disagreement").isNull(), "one model");
        JsonNode guided = validate("guided", flow + "," + flow, "--guidance", "1.5");
        JsonNode g = guided.get("models").get(0);
        assertEquals("flow-guided-1.5-by-flow", g.get("name").asText());
        assertEquals(1.5, guided.get("guidance").asDouble(), guided.toString());
        assertEquals(2 * a.get("nfe").asInt(), g.get("nfe").asInt(), "both networks' evaluations");
        for (String key : List.of("error_mean", "error_std")) {   // a network guided by itself is itself
            assertEquals(a.get(key).asDouble(), g.get(key).asDouble(), 1e-4 * a.get(key).asDouble(), key);
        }

        CliRun twoMethods = CliRun.of("quickstart", "--data", data.toString(), "--model",
                flow + "," + dir.resolve("ddpm.aerodiff"), "--out", dir.resolve("two").toString());
        twoMethods.assertFailedWithOneLine("a mixture needs one training method");
        CliRun.of("quickstart", "--data", data.toString(), "--model", flow + "," + dir.resolve("ddpm.aerodiff"),
                "--average", "--out", dir.resolve("two").toString())
                .assertFailedWithOneLine("an average needs one training method");
        CliRun missing = CliRun.of("quickstart", "--data", data.toString(), "--model", flow + ",none.aerodiff",
                "--out", dir.resolve("two").toString());
        missing.assertFailedWithOneLine("no model bundle at 'none.aerodiff'");
    }

    @Test
    void quickstartSetsTheNearestSimulationBaselineBesideTheModels() throws Exception {
        String flow = dir.resolve("flow.aerodiff").toString();
        // against its own simulations with all 4 snapshots the baseline copies each condition whole: no error
        CliRun r = CliRun.of("quickstart", "--data", data.toString(), "--model", flow, "--samples", "4",
                "--flow-sampler", "euler:2", "--nearest", data.toString(), "--out", dir.resolve("qs-nearest").toString(),
                "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.get("models").size(), "the baseline is not one of the models");
        JsonNode baseline = json.get("baseline");
        assertEquals("nearest", baseline.get("method").asText());
        assertEquals(data.toString(), json.get("baseline_data").asText());
        double spread = baseline.get("simulation_mean_std").asDouble();
        assertTrue(baseline.get("error_mean").asDouble() < 1e-5 * spread, baseline.toString());
        assertTrue(baseline.get("error_std").asDouble() < 1e-5 * spread, baseline.toString());
        String report = Files.readString(dir.resolve("qs-nearest").resolve("report.md"));
        assertTrue(report.contains("| nearest-data | nearest |"), report);
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(data)) {
            String label = ds.condition(1).label();
            assertTrue(report.contains("The nearest-simulation baseline copied the snapshots of `" + data + "`:\n"
                    + "- " + ds.condition(0).label() + ": " + ds.condition(0).label() + "\n- " + label + ": " + label),
                    report);
        }

        // by default the train.nc beside the data, where there is one and it is not the data; "none" leaves it out
        Path split = Files.createDirectories(dir.resolve("split"));
        Files.copy(data, split.resolve("test.nc"));
        Files.copy(data, split.resolve("train.nc"));
        for (String nearest : List.of("", "none", "itself")) {
            String against = nearest.equals("itself") ? "train.nc" : "test.nc";
            List<String> args = new ArrayList<>(List.of("quickstart", "--data", split.resolve(against).toString(),
                    "--model", flow, "--samples", "2", "--flow-sampler", "euler:2", "--out",
                    dir.resolve("qs-default").toString(), "--json"));
            if (nearest.equals("none")) {
                args.addAll(List.of("--nearest", nearest));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run.err());
            JsonNode out = new ObjectMapper().readTree(run.out());
            assertEquals(nearest.isEmpty(), out.has("baseline"), nearest);
            assertEquals(nearest.isEmpty() ? split.resolve("train.nc").toString() : null,
                    out.has("baseline_data") ? out.get("baseline_data").asText() : null);
        }
    }

    private static JsonNode validate(String name, String models, String... flags) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("validate", "--model", models, "--against",
                data.toString(), "--samples", "4", "--sampler", "euler:2", "--seed", "4", "--out",
                dir.resolve(name).toString(), "--json"));
        args.addAll(List.of(flags));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void thePrintedTableKeepsItsColumnsForALongSamplerSpec() {
        CliRun r = CliRun.of("quickstart", "--data", data.toString(), "--model", dir.resolve("flow.aerodiff").toString(),
                "--samples", "2", "--flow-sampler", "euler:2:rho=0.5", "--nearest", data.toString(), "--out",
                dir.resolve("qs-table").toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().filter(l -> !l.startsWith("wrote ")).toList();
        String header = lines.get(0);
        int nfeEnd = header.indexOf(" NFE") + " NFE".length();
        assertEquals(3, lines.size(), r.out());
        for (String row : lines.subList(1, lines.size())) {
            assertTrue(Character.isDigit(row.charAt(nfeEnd - 1)) && row.charAt(nfeEnd) == ' ',
                    "the NFE column ends where its header does:\n" + header + "\n" + row);
        }
        assertTrue(lines.get(1).contains(" euler:2:rho=0.5 "), lines.get(1));
    }

    @Test
    void missingModelIsNamed() {
        CliRun r = CliRun.of("quickstart", "--data", data.toString(), "--model", dir.resolve("none.aerodiff").toString(),
                "--out", dir.resolve("x").toString());
        r.assertFailedWithOneLine("none.aerodiff");
        assertTrue(!Files.exists(dir.resolve("x").resolve("metrics.json")));
    }

    @Test
    void anEnsembleOfOneSampleIsRefusedBeforeAnyWorkNamingTheOption() {
        String flow = dir.resolve("flow.aerodiff").toString();
        for (List<String> args : List.of(
                List.of("quickstart", "--data", data.toString(), "--model", flow, "--out", dir.resolve("one").toString()),
                List.of("validate", "--model", flow, "--against", data.toString(), "--out", dir.resolve("one").toString()),
                List.of("calibrate", "--model", flow, "--against", data.toString(), "--out",
                        dir.resolve("one.json").toString()))) {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("--samples", "1"));
            CliRun r = CliRun.of(all.toArray(String[]::new));
            r.assertFailedWithOneLine("--samples must be at least 2", "got 1");
            assertTrue(!r.err().contains("conditions x"), "nothing sampled: " + r.err());
        }
        assertTrue(!Files.exists(dir.resolve("one")) && !Files.exists(dir.resolve("one.json")));
    }

    @Test
    void benchSampleTimesEverySamplerWithConsistentFigures() throws Exception {
        Path file = dir.resolve("sample.json");
        CliRun r = CliRun.of("bench", "sample", "--model", dir.resolve("flow.aerodiff").toString(), "--sampler",
                "euler:2", "--sampler", "ddim:3", "--samples", "3", "--threads", "1", "--warmup", "0", "--repeats", "2",
                "--out", file.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(j, new ObjectMapper().readTree(file.toFile()));
        JsonNode rows = j.get("samplers");
        assertEquals(2, rows.size());
        assertEquals("euler:2", rows.get(0).get("sampler").asText());
        assertEquals(List.of(2, 3), List.of(rows.get(0).get("nfe").asInt(), rows.get(1).get("nfe").asInt()));
        for (JsonNode row : rows) {
            double median = row.get("median_ms").asDouble();
            assertEquals(2, row.get("repeats_ms").size());
            assertEquals(median / 3, row.get("ms_per_sample").asDouble(), 1e-9 * median);
            assertEquals(median / (3 * row.get("nfe").asInt()), row.get("ms_per_evaluation").asDouble(),
                    1e-9 * median);
        }
        CliRun.of("bench", "sample", "--model", dir.resolve("flow.aerodiff").toString(), "--sampler", "warp:3")
                .assertFailedWithOneLine("--sampler", "warp");
    }
}
