package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.TestData;
import dev.aerodiff.data.InMemoryFieldDataset;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.io.NetcdfDatasetWriter;
import dev.aerodiff.io.NetcdfFieldDataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Writes n random 3-D points, shifted by {@code shift} in x; with a header line when asked. */
    private Path cloud(String name, int n, double shift, boolean header) throws IOException {
        Random random = new Random(name.hashCode());
        StringBuilder s = new StringBuilder(header ? "x,y,z\n" : "");
        for (int i = 0; i < n; i++) {
            s.append(String.format(Locale.ROOT, "%.17g, %.17g,%.17g%n", random.nextGaussian() + shift,
                    random.nextGaussian(), random.nextGaussian()));
        }
        Path file = dir.resolve(name);
        Files.writeString(file, s);
        return file;
    }

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void wassersteinOfATranslatedCloudIsTheTranslation() throws IOException {
        Path a = cloud("a.csv", 40, 0, true);
        // b: the points of a, moved by 0.25 along x
        StringBuilder shifted = new StringBuilder();
        for (String line : Files.readAllLines(a).subList(1, 41)) {
            String[] f = line.split(",");
            shifted.append(Double.parseDouble(f[0].strip()) + 0.25).append(',').append(f[1]).append(',')
                    .append(f[2]).append('\n');
        }
        Path b = file("b.csv", shifted.toString());
        for (String p : new String[] {"1", "2"}) {
            CliRun r = CliRun.of("metrics", "wasserstein", "--p", p, a.toString(), b.toString(), "--json");
            assertEquals(0, r.exitCode(), r.err());
            JsonNode j = JSON.readTree(r.out());
            assertEquals(0.25, j.get("distance").asDouble(), 1e-12);
            assertEquals(40, j.get("n").asInt());
            assertEquals(3, j.get("dim").asInt());
            assertEquals(false, j.get("squared").asBoolean());
        }
    }

    @Test
    void unequalSizesUseTheTransportSolver() throws IOException {
        Path a = cloud("a.csv", 30, 0, false);
        Path b = cloud("b.csv", 45, 1, false);
        CliRun r = CliRun.of("metrics", "wasserstein", a.toString(), b.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(45, j.get("m").asInt());
        assertTrue(j.get("solver").asText().contains("network simplex"));
        double w = j.get("distance").asDouble();
        assertTrue(w > 0.8 && w < 2, "about the shift of 1: " + w);
        CliRun text = CliRun.of("metrics", "wasserstein", a.toString(), b.toString());
        assertTrue(text.out().startsWith("W_1 = "), text.out());
    }

    @Test
    void badCsvFilesFailWithOneLineNamingFileAndLine() throws IOException {
        Path good = cloud("good.csv", 5, 0, false);
        String g = good.toString();
        String[][] cases = {
            {"ragged.csv", "1,2,3\n4,5\n", "line 2 has 2 fields, expected 3"},
            {"text.csv", "x,y,z\n1,2,3\n4,five,6\n", "line 3, field 2: 'five' is not a number"},
            {"nan.csv", "1,2,3\nNaN,2,3\n", "line 2, field 1 is NaN"},
            {"empty.csv", "x,y,z\n\n", "no data lines"},
            {"flat.csv", "1,2\n3,4\n", "points have 2 coordinates, expected 3"},
        };
        for (String[] c : cases) {
            Path bad = file(c[0], c[1]);
            CliRun.of("metrics", "wasserstein", g, bad.toString()).assertFailedWithOneLine(c[0], c[2]);
        }
        CliRun.of("metrics", "wasserstein", dir.resolve("missing.csv").toString(), g)
                .assertFailedWithOneLine("missing.csv", "no such file");
        CliRun.of("metrics", "wasserstein", "--p", "0.5", g, g).assertFailedWithOneLine("--p");
    }

    @Test
    void rateCheckReportsSlopeIntervalAndTheoryAndIsDeterministic() throws IOException {
        String[] args = {"rate-check", "--synthetic", "gaussian", "--dim", "3", "--sizes", "32,64,128,256",
            "--repeats", "2", "--seed", "4", "--target-w1", "0.2", "--json"};
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        double slope = j.get("slope").asDouble();
        assertTrue(j.get("slope_ci").get(0).asDouble() < slope && slope < j.get("slope_ci").get(1).asDouble());
        assertEquals(-1.0 / 3, j.get("theoretical_slope").asDouble(), 1e-15);
        assertEquals(4, j.get("points").size());
        assertEquals(256, j.get("points").get(3).get("reference_size").asInt());
        assertEquals(2, j.get("points").get(3).get("w1").size());
        assertTrue(j.get("n_for_target").asDouble() > 256);
        assertTrue(j.get("estimator").asText().contains("exact"));
        assertEquals(r.out(), CliRun.of(args).out(), "same seed, same output");
    }

    @Test
    void rateCheckInOneDimensionComparesWithTheExactNormal() throws IOException {
        CliRun r = CliRun.of("rate-check", "--synthetic", "gaussian", "--sizes", "100,400,1600", "--repeats", "3",
                "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("exact N(0,1)", j.get("reference").asText());
        assertTrue(j.get("points").get(0).get("reference_size").isNull());
        assertEquals(-0.5, j.get("theoretical_slope").asDouble(), 0);
    }

    @Test
    void rateCheckRejectsUnfittableSizesAndBadTargets() {
        CliRun.of("rate-check", "--synthetic", "gaussian", "--sizes", "64", "--repeats", "3")
                .assertFailedWithOneLine("--sizes", "2 distinct sizes");
        CliRun.of("rate-check", "--synthetic", "gaussian", "--sizes", "64,128", "--target-w1", "-1")
                .assertFailedWithOneLine("--target-w1");
        assertEquals(AeroDiff.EXIT_USAGE, CliRun.of("rate-check", "--synthetic", "uniform", "--sizes", "64,128")
                .exitCode());
    }

    /** The xarray fixture with ux raised by {@code fraction} of each case's freestream speed in fluid cells. */
    private Path fixtureWithFasterUx(double fraction) {
        Path out = dir.resolve("shifted.nc");
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(TestData.FIXTURES.resolve("xarray-nc4.nc"))) {
            List<FlowCase> cases = new ArrayList<>();
            for (int c = 0; c < ds.caseCount(); c++) {
                FlowCase fc = ds.readCase(c);
                float[] v = fc.values();
                int cells = fc.cellCount();
                for (int s = 0; s < fc.samples(); s++) {
                    int base = (s * Channel.count() + Channel.UX.ordinal()) * cells;
                    for (int cell = 0; cell < cells; cell++) {
                        if (!fc.mask().isSolid(cell)) {
                            v[base + cell] += (float) (fraction * fc.condition().freestreamSpeed());
                        }
                    }
                }
                cases.add(fc.withValues(fc.units(), v));
            }
            NetcdfDatasetWriter.write(new InMemoryFieldDataset(ds.grid(), cases, ds.metadata()), out, i -> { });
        }
        return out;
    }

    @Test
    void fieldsComparesEnsemblesCaseByCase() throws IOException {
        String reference = TestData.FIXTURES.resolve("xarray-nc4.nc").toString();
        CliRun same = CliRun.of("metrics", "fields", reference, TestData.FIXTURES.resolve("xarray-nc3.nc").toString(),
                "--json");
        assertEquals(0, same.exitCode(), same.err());
        JsonNode j = JSON.readTree(same.out());
        assertEquals(3, j.get("cases").size());
        assertEquals(0, j.get("cases").get(0).get("p").get("error_of_mean").asDouble(), 1e-7);
        assertEquals(0, j.get("cases").get(0).get("sliced_w1").asDouble(), 1e-7);

        CliRun shifted = CliRun.of("metrics", "fields", fixtureWithFasterUx(0.05).toString(), reference, "--json",
                "--crps", "standard");
        assertEquals(0, shifted.exitCode(), shifted.err());
        JsonNode ux = JSON.readTree(shifted.out()).get("cases").get(2).get("ux");
        assertEquals(0.05, ux.get("error_of_mean").asDouble(), 1e-5);
        assertEquals(0.05, ux.get("marginal_w1").asDouble(), 1e-5);
        assertEquals(0, ux.get("error_of_std").asDouble(), 1e-5);
    }

    @Test
    void fieldsRejectsMismatchedDataSetsAndOptions() throws IOException {
        String nc4 = TestData.FIXTURES.resolve("xarray-nc4.nc").toString();
        CliRun.of("metrics", "fields", nc4, nc4, "--crps", "median").assertFailedWithOneLine("--crps");
        CliRun.of("metrics", "fields", nc4, TestData.FIXTURES.resolve("not-netcdf.nc").toString())
                .assertFailedWithOneLine("not-netcdf.nc");
    }
}
