package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.cfd.AirfoilLibrary;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.Ensemble;
import dev.aerodiff.surrogate.Surrogate;
import dev.aerodiff.io.NetcdfDatasetWriter;
import dev.aerodiff.train.DiffusionTrainerTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.nc2.Attribute;
import ucar.nc2.NetcdfFile;

/** predict with a small bundle trained here: reproducible files, and concurrent callers. */
class PredictCommandTest {
    @TempDir
    static Path dir;
    static Path bundle;
    static Path otherSeed;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        NetcdfDatasetWriter.write(DiffusionTrainerTestData.synthetic(), dir.resolve("data.nc"), i -> { });
        Files.writeString(dir.resolve("t.json"), """
                {"method": "flow", "steps": 3, "batch_size": 4, "seed": 2,
                 "network": {"base": 8, "mult": [1, 2], "res_blocks": 1, "attention_levels": []}}
                """);
        bundle = dir.resolve("tiny.aerodiff");
        CliRun r = CliRun.of("train", "--config", dir.resolve("t.json").toString(), "--data",
                dir.resolve("data.nc").toString(), "--out", bundle.toString());
        assertEquals(0, r.exitCode(), r.err());
        otherSeed = dir.resolve("tiny-seed3.aerodiff");
        r = CliRun.of("train", "--config", dir.resolve("t.json").toString(), "--data",
                dir.resolve("data.nc").toString(), "--out", otherSeed.toString(), "--seed", "3");
        assertEquals(0, r.exitCode(), r.err());
    }

    /** What one predict run (naca0012 at 4 degrees, Re 1e6, 5 samples, seed 3) printed and wrote. */
    private record Written(CliRun run, float[] pressure, String model, String combination) {
    }

    private static Written written(String name, String models, String... flags) throws Exception {
        Path out = dir.resolve(name + ".nc");
        List<String> args = new java.util.ArrayList<>(List.of("predict", "--model", models, "--airfoil", "naca0012",
                "--aoa", "4", "--re", "1e6", "--samples", "5", "--seed", "3", "--sampler", "euler:4", "--out",
                out.toString()));
        args.addAll(List.of(flags));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        try (NetcdfFile f = NetcdfFile.open(out.toString())) {
            Attribute combination = f.findGlobalAttribute("model_combination");
            return new Written(r, (float[]) f.findVariable("p").read().get1DJavaArray(float.class),
                    f.findGlobalAttribute("model").getStringValue(),
                    combination == null ? null : combination.getStringValue());
        }
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * (1 + Math.abs(expected[i])), what + ": value " + i);
        }
    }

    private static CliRun predict(Path out, String seed) {
        return CliRun.of("predict", "--model", bundle.toString(), "--airfoil", "naca0012", "--aoa", "4", "--re", "1e6",
                "--samples", "5", "--seed", seed, "--sampler", "euler:4", "--out", out.toString(), "--json");
    }

    @Test
    void sameSeedGivesIdenticalFilesAndAnotherSeedDoesNot() throws Exception {
        CliRun a = predict(dir.resolve("a.nc"), "7");
        assertEquals(0, a.exitCode(), a.err());
        JsonNode j = new ObjectMapper().readTree(a.out());
        assertEquals(4, j.get("nfe").asInt());
        assertTrue(Double.isFinite(j.get("pressure_lift").get("mean").asDouble())
                && j.get("pressure_drag").get("std").asDouble() >= 0, j.toString());
        assertEquals(0, predict(dir.resolve("b.nc"), "7").exitCode());
        assertEquals(0, predict(dir.resolve("c.nc"), "8").exitCode());
        try (NetcdfFile fa = NetcdfFile.open(dir.resolve("a.nc").toString());
             NetcdfFile fb = NetcdfFile.open(dir.resolve("b.nc").toString());
             NetcdfFile fc = NetcdfFile.open(dir.resolve("c.nc").toString())) {
            float[] pa = (float[]) fa.findVariable("p").read().get1DJavaArray(float.class);
            assertArrayEquals(pa, (float[]) fb.findVariable("p").read().get1DJavaArray(float.class));
            assertTrue(!java.util.Arrays.equals(pa, (float[]) fc.findVariable("p").read().get1DJavaArray(float.class)));
            assertEquals("sample", fa.findVariable("ux").getDimension(0).getShortName());
            assertEquals(5, fa.findVariable("ux").getDimension(0).getLength());
        }
    }

    @Test
    void aBundleMixedWithItselfWritesWhatItDrawsAlone() throws Exception {
        Written alone = written("alone", bundle.toString(), "--json");
        Written mixed = written("mixed", bundle + "," + bundle);
        assertTrue(mixed.run().out().contains("; the 2 bundles disagree by "), mixed.run().out());
        assertTrue(new ObjectMapper().readTree(alone.run().out()).get("member_disagreement").isNull(),
                alone.run().out());
        assertClose(alone.pressure(), mixed.pressure(), "mixed with itself");
        assertEquals(bundle + "," + bundle, mixed.model());
        assertEquals("mixture", mixed.combination());
        assertEquals(null, alone.combination(), "one bundle");
    }

    @Test
    void aBundleAveragedWithItselfWritesWhatItDrawsAloneForTwiceTheEvaluations() throws Exception {
        Written alone = written("alone-avg", bundle.toString());
        Written averaged = written("averaged", bundle + "," + bundle, "--average", "--json");
        JsonNode j = new ObjectMapper().readTree(averaged.run().out());
        assertEquals(8, j.get("nfe").asInt(), "4 steps of 2 networks");
        assertTrue(j.get("member_disagreement").isNull(), "one model: " + averaged.run().out());
        assertClose(alone.pressure(), averaged.pressure(), "averaged with itself");
        assertEquals("average", averaged.combination());
    }

    @Test
    void anAverageOfTwoSeedsAsksBothNetworksInEitherOrder() throws Exception {
        float[] first = written("seed2", bundle.toString()).pressure();
        float[] second = written("seed3", otherSeed.toString()).pressure();
        float[] ab = written("avg-ab", bundle + "," + otherSeed, "--average").pressure();
        float[] ba = written("avg-ba", otherSeed + "," + bundle, "--average").pressure();
        assertClose(ab, ba, "the order of the bundles does not matter");
        double fromFirst = 0;
        double fromSecond = 0;
        for (int i = 0; i < ab.length; i++) {
            fromFirst = Math.max(fromFirst, Math.abs(ab[i] - first[i]));
            fromSecond = Math.max(fromSecond, Math.abs(ab[i] - second[i]));
        }
        assertTrue(fromFirst > 1e-3 && fromSecond > 1e-3, "the average is neither network alone: " + fromFirst + ", "
                + fromSecond);
    }

    @Test
    void guidanceOneIsTheFirstNetworkAloneAndGuidanceTwoMovesAwayFromTheSecond() throws Exception {
        float[] first = written("g-first", bundle.toString()).pressure();
        float[] second = written("g-second", otherSeed.toString()).pressure();
        Written one = written("guided-1", bundle + "," + otherSeed, "--guidance", "1", "--json");
        assertEquals(8, new ObjectMapper().readTree(one.run().out()).get("nfe").asInt(), "4 steps of 2 networks");
        assertClose(first, one.pressure(), "guidance 1 is the first network alone");
        assertEquals("guidance", one.combination());
        try (NetcdfFile f = NetcdfFile.open(dir.resolve("guided-1.nc").toString())) {
            assertEquals(1.0, f.findGlobalAttribute("model_guidance").getNumericValue().doubleValue());
        }
        float[] two = written("guided-2", bundle + "," + otherSeed, "--guidance", "2").pressure();
        double firstFromSecond = 0;
        double guidedFromSecond = 0;
        for (int i = 0; i < two.length; i++) {
            firstFromSecond += Math.pow(first[i] - second[i], 2);
            guidedFromSecond += Math.pow(two[i] - second[i], 2);
        }
        // to first order in the networks' difference, w = 2 lands as far beyond the first network's
        // samples as the second's lie before them
        assertTrue(guidedFromSecond > 2.25 * firstFromSecond, "guided away from the second network: "
                + guidedFromSecond + " against " + firstFromSecond);
        for (String[] bad : List.of(new String[] {bundle.toString(), "2", "needs two bundles"},
                new String[] {bundle + "," + otherSeed, "0.5", "at least 1"})) {
            CliRun r = CliRun.of("predict", "--model", bad[0], "--guidance", bad[1], "--airfoil", "naca0012", "--aoa",
                    "4", "--re", "1e6", "--out", dir.resolve("refused.nc").toString());
            assertTrue(r.exitCode() != 0 && r.err().contains(bad[2]), r.err());
        }
        CliRun both = CliRun.of("predict", "--model", bundle + "," + otherSeed, "--guidance", "2", "--average",
                "--airfoil", "naca0012", "--aoa", "4", "--re", "1e6", "--out", dir.resolve("refused.nc").toString());
        assertTrue(both.exitCode() != 0 && both.err().contains("exclude each other"), both.err());
        assertTrue(!Files.exists(dir.resolve("refused.nc")), "nothing written when refused");
    }

    @Test
    void aConditionOutsideTheTrainingConditionsIsFlaggedAndStillPredicted() throws Exception {
        CliRun inside = predict(dir.resolve("inside.nc"), "1");
        assertEquals(0, inside.exitCode(), inside.err());
        assertEquals(0, new ObjectMapper().readTree(inside.out()).get("extrapolation").size());
        assertTrue(!inside.err().contains("warning"), inside.err());

        Path out = dir.resolve("outside.nc");
        CliRun r = CliRun.of("predict", "--model", bundle.toString(), "--airfoil", "naca2412", "--aoa", "12", "--re",
                "1e6", "--samples", "2", "--sampler", "euler:2", "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning: naca2412 aoa=12.00 Re=1.00e+06 lies outside the training conditions")
                && r.err().contains("angle of attack 12.00 deg is outside the training range [2.00, 10.00]"), r.err());
        JsonNode reasons = new ObjectMapper().readTree(r.out()).get("extrapolation");
        assertEquals(2, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).asText().startsWith("airfoil naca2412 is not one of the 1 training airfoils"),
                reasons.toString());
        try (NetcdfFile f = NetcdfFile.open(out.toString())) {
            assertTrue(f.findGlobalAttribute("extrapolation").getStringValue().contains("airfoil naca2412"));
        }
    }

    @Test
    void withoutModelTheShippedBundlePredictsAndPointsToTheStallPairBeyondItsAngles() throws Exception {
        Path stall = dir.resolve("stall.nc");
        CliRun beyond = CliRun.of("predict", "--airfoil", "naca0012", "--aoa", "19", "--re", "2e6", "--samples", "1",
                "--sampler", "euler:1", "--out", stall.toString());
        assertEquals(0, beyond.exitCode(), beyond.err());
        assertTrue(beyond.err().contains("lies outside the training conditions of "
                + PredictCommand.DEFAULT_MODEL), beyond.err());
        assertTrue(beyond.err().contains("The shipped stall surrogates lie nearer, trained on 43 conditions of 5"
                + " airfoils") && beyond.err().contains("angle of attack 16.00 to 22.00 deg") && beyond.err().contains(
                "pass --model examples/stall-pooled-flow-seed1.aerodiff,examples/stall-pooled-flow-seed2.aerodiff"),
                beyond.err());
        try (NetcdfFile f = NetcdfFile.open(stall.toString())) {
            assertEquals(PredictCommand.DEFAULT_MODEL.toString(), f.findGlobalAttribute("model").getStringValue());
        }
        // nearer to neither: beyond both ranges of angle, the warning stands alone
        CliRun far = CliRun.of("predict", "--airfoil", "naca0012", "--aoa", "25", "--re", "2e6", "--samples", "1",
                "--sampler", "euler:1", "--out", dir.resolve("far.nc").toString());
        assertEquals(0, far.exitCode(), far.err());
        assertTrue(far.err().contains("angle of attack 25.00 deg is outside") && !far.err().contains("stall"),
                far.err());
        // a model the user names gets no such advice
        CliRun named = CliRun.of("predict", "--model", PredictCommand.DEFAULT_MODEL.toString(), "--airfoil",
                "naca0012", "--aoa", "19", "--re", "2e6", "--samples", "1", "--sampler", "euler:1", "--out",
                dir.resolve("named.nc").toString());
        assertEquals(0, named.exitCode(), named.err());
        assertTrue(named.err().contains("warning") && !named.err().contains("stall"), named.err());
    }

    @Test
    void concurrentPredictionsEqualSequentialOnes() throws Exception {
        Surrogate s = Surrogate.load(bundle, new AirfoilLibrary(List.of()));
        FlowCondition c = new FlowCondition("naca2412", 6, 1e6, 10);
        SamplerSpec spec = SamplerSpec.parse("heun:3");
        float[][] sequential = new float[4][];
        for (int k = 0; k < 4; k++) {
            sequential[k] = s.predict(c, 3, spec, k, i -> { }).samples().field(2, Channel.UX);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Ensemble>> futures = new java.util.ArrayList<>();
            for (int k = 0; k < 4; k++) {
                long seed = k;
                futures.add(pool.submit(() -> s.predict(c, 3, spec, seed, i -> { })));
            }
            for (int k = 0; k < 4; k++) {
                assertArrayEquals(sequential[k], futures.get(k).get().samples().field(2, Channel.UX), "seed " + k);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aConditionsFileGivesOneFilePerConditionWithSeedPlusItsIndex() throws Exception {
        Path csv = dir.resolve("sweep.csv");
        Files.writeString(csv, "airfoil,aoa,reynolds\nnaca0012,4,1e6\n# a comment\nnaca0012,8,2e6\n");
        Path sweep = dir.resolve("sweep");
        CliRun r = CliRun.of("predict", "--model", bundle.toString(), "--conditions", csv.toString(), "--samples", "5",
                "--seed", "6", "--sampler", "euler:4", "--out", sweep.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode conditions = new ObjectMapper().readTree(r.out()).get("conditions");
        assertEquals(2, conditions.size());
        assertEquals(8.0, conditions.get(1).get("aoa").asDouble());
        assertEquals(7, conditions.get(1).get("seed").asInt());
        // condition 1 alone, by the one-condition form with seed 6 + 1
        CliRun alone = CliRun.of("predict", "--model", bundle.toString(), "--airfoil", "naca0012", "--aoa", "8",
                "--re", "2e6", "--samples", "5", "--seed", "7", "--sampler", "euler:4", "--out",
                dir.resolve("alone.nc").toString());
        assertEquals(0, alone.exitCode(), alone.err());
        Path second = Path.of(conditions.get(1).get("out").asText());
        assertEquals(sweep.resolve("naca0012_aoa+08.00_re2.000e+06.nc"), second);
        try (NetcdfFile stacked = NetcdfFile.open(second.toString());
             NetcdfFile single = NetcdfFile.open(dir.resolve("alone.nc").toString())) {
            float[] expected = (float[]) single.findVariable("p").read().get1DJavaArray(float.class);
            float[] actual = (float[]) stacked.findVariable("p").read().get1DJavaArray(float.class);
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-4 * (1 + Math.abs(expected[i])), "p " + i);
            }
        }
        assertTrue(Files.isRegularFile(Path.of(conditions.get(0).get("out").asText())));
    }

    @Test
    void conditionsFileAndSingleConditionOptionsExcludeEachOther() throws Exception {
        Path csv = dir.resolve("one.csv");
        Files.writeString(csv, "airfoil,aoa,reynolds\nnaca0012,4,1e6\n");
        CliRun both = CliRun.of("predict", "--model", bundle.toString(), "--conditions", csv.toString(), "--aoa", "3",
                "--out", dir.resolve("both").toString());
        assertEquals(AeroDiff.EXIT_FAILURE, both.exitCode());
        assertTrue(both.err().contains("--conditions replaces --airfoil, --aoa and --re"), both.err());
        CliRun neither = CliRun.of("predict", "--model", bundle.toString(), "--airfoil", "naca0012", "--out",
                dir.resolve("neither.nc").toString());
        assertEquals(AeroDiff.EXIT_FAILURE, neither.exitCode());
        assertTrue(neither.err().contains("give --airfoil, --aoa and --re (or --conditions FILE.csv)"), neither.err());
        Files.writeString(csv, "airfoil,aoa\nnaca0012,4\n");
        CliRun badFile = CliRun.of("predict", "--model", bundle.toString(), "--conditions", csv.toString(), "--out",
                dir.resolve("bad").toString());
        assertEquals(AeroDiff.EXIT_FAILURE, badFile.exitCode());
        assertTrue(badFile.err().contains(csv.toString()) && badFile.err().contains("airfoil,aoa,reynolds"),
                badFile.err());
    }

    @Test
    void badSamplerNamesTheValidOnes() {
        CliRun r = CliRun.of("predict", "--model", bundle.toString(), "--airfoil", "naca0012", "--aoa", "4", "--re",
                "1e6", "--sampler", "magic:3", "--out", dir.resolve("x.nc").toString());
        assertEquals(AeroDiff.EXIT_FAILURE, r.exitCode());
        assertTrue(r.err().contains("magic") && r.err().contains("ddim"), r.err());
    }
}
