package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundles shipped for datasets/airfoil-rans, scored by the README's quickstart command for that data set. */
class ShippedRansSurrogateTest {

    /**
     * Measured (examples/README.md): flow 0.00995 / 0.00573 and DDPM 0.0125 / 0.0093 with 20
     * ancestral steps, where the lookup of the nearest training simulation errs 0.0200 / 0.0108.
     */
    @Test
    @Tag("slow")
    void quickstartOnTheRansTestSplitBeatsTheLookupOfTheTrainingSimulations(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("quickstart", "--data", "datasets/airfoil-rans/test.nc", "--model",
                "examples/flow-matching.aerodiff", "--model", "examples/ddpm.aerodiff", "--out", dir.toString(),
                "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        JsonNode models = metrics.get("models");
        assertEquals(2, models.size());
        JsonNode lookup = metrics.get("baseline");
        assertEquals("nearest", lookup.get("method").asText());
        double[][] bounds = {{0.011, 0.0065}, {0.014, 0.0105}};
        for (int m = 0; m < 2; m++) {
            JsonNode model = models.get(m);
            assertEquals("ddim:20:1", model.get("sampler").asText(), "neither bundle records a sampler");
            assertTrue(model.get("error_mean").asDouble() < bounds[m][0], model.toString());
            assertTrue(model.get("error_std").asDouble() < bounds[m][1], model.toString());
            assertTrue(model.get("error_mean").asDouble() < 0.75 * lookup.get("error_mean").asDouble(),
                    model + " against " + lookup);
        }
    }
}
