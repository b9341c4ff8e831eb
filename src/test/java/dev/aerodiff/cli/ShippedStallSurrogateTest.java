package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.cfd.AirfoilLibrary;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.EnsemblePredictor;
import dev.aerodiff.surrogate.Surrogate;
import dev.aerodiff.train.TrainingObjective;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The best stall surrogate shipped in examples/: two networks averaged, with a spread calibration
 * fitted for exactly that pair and sampler.
 */
class ShippedStallSurrogateTest {
    private static final List<Path> PAIR = List.of(Path.of("examples/stall-flow-dense-seed1.aerodiff"),
            Path.of("examples/stall-flow-dense-seed2.aerodiff"));
    private static final Path CALIBRATION = Path.of("examples/stall-flow-dense.calibration.json");
    private static final String SAMPLER = "ddim:50:1";
    private static final AirfoilLibrary SHAPES = new AirfoilLibrary(List.of());

    @Test
    void theCalibrationBelongsToTheShippedPairAndItsSampler() {
        CalibrationFile calibration = CalibrationFile.read(CALIBRATION);
        ModelIdentity averagedPair = ModelIdentity.of(PAIR, names -> EvaluationOutput.combinedName(names, true));
        assertTrue(calibration.modelContent().isPresent() && calibration.isFor(averagedPair),
                "quickstart finds the calibration for the averaged pair by the bundles' SHA-256");
        EnsemblePredictor pair = EnsemblePredictor.load(PAIR, SHAPES, true);
        assertEquals(TrainingObjective.FLOW, pair.objective());
        // the sampler check passes, so the README's quickstart command runs
        StringWriter note = new StringWriter();
        calibration.applyTo(CALIBRATION, pair, averagedPair, SamplerSpec.parse(SAMPLER), 10, new PrintWriter(note));
        assertEquals("", note.toString(), "no ensemble-size note at quickstart's 10 samples");
        assertEquals(10, calibration.samples().orElseThrow(), "fitted at quickstart's ensemble size");
        for (double floor : calibration.calibration().noiseFloor()) {
            assertTrue(floor > 0 && floor < 0.02, "a floor of the fit error's size, dimensionless: " + floor);
        }
        for (Path bundle : PAIR) {
            assertTrainedOnTheNeighboursOfNaca2415(Surrogate.load(bundle, SHAPES), bundle, 99);
        }
    }

    /**
     * Checks that a shipped stall bundle reads the wall distance and was trained on {@code conditions}
     * conditions, among them NACA 2414 and 2416, either side of the test split's unseen NACA 2415.
     */
    static void assertTrainedOnTheNeighboursOfNaca2415(Surrogate s, Path bundle, int conditions) {
        assertTrue(s.manifest().scaling().hasWallDistance(), bundle + " reads the wall distance");
        List<String> airfoils = s.manifest().trainingConditions().airfoils();
        assertTrue(airfoils.containsAll(List.of("naca2414", "naca2416")) && !airfoils.contains("naca2415"),
                bundle + " was trained on the neighbours of the test split's NACA 2415, not on it: " + airfoils);
        assertEquals(conditions, s.manifest().trainingConditions().count(), bundle.toString());
    }

    /** The README's command: the pair, averaged and calibrated, well below the simulations' spread. */
    @Test
    @Tag("slow")
    void quickstartOnTheStallTestSplitErrsAboutHalfTheSpread(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("quickstart", "--data", "datasets/airfoil-stall/test.nc", "--model",
                PAIR.get(0) + "," + PAIR.get(1), "--average", "--flow-sampler", SAMPLER, "--calibration",
                CALIBRATION.toString(), "--out", dir.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        JsonNode model = metrics.get("models").get(0);
        JsonNode baseline = metrics.get("baseline");
        double spread = model.get("simulation_mean_std").asDouble();
        // measured 0.53 / 0.46 of the spread; an exact surrogate would score about 0.33 / 0.17
        assertTrue(model.get("error_mean").asDouble() < 0.6 * spread, model.toString());
        assertTrue(model.get("error_std").asDouble() < 0.55 * spread, model.toString());
        assertTrue(model.get("error_mean").asDouble() < 0.5 * baseline.get("error_mean").asDouble(),
                "far closer than the lookup of the training simulations: " + baseline);
    }
}
