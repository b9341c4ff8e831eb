package dev.aerodiff.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.io.NetcdfFieldDataset;
import dev.aerodiff.metrics.PressureForces;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/java/LiftSweep.java, the program the README shows for calling AeroDiff from Java: it
 * compiles against the library as it is, and what it prints is the shipped pair's lift, close to
 * the simulations' at a test condition of the pooled stall data.
 */
class LiftSweepExampleTest {
    private static final Path EXAMPLE = Path.of("examples/java/LiftSweep.java");

    @Test
    void theSweepPrintsEachAngleAndItsLiftMatchesTheSimulationsAtATestCondition(@TempDir Path classes)
            throws Exception {
        List<String> rows = run(compile(classes), "naca2412", "5e6", "2", "7");
        assertEquals("aoa_deg,lift_mean,lift_std,drag_mean,drag_std,outside_training", rows.get(1));
        List<double[]> table = rows.subList(2, rows.size()).stream()
                .map(r -> Arrays.stream(r.split(",")).limit(5).mapToDouble(Double::parseDouble).toArray()).toList();
        assertEquals(7, table.size(), String.join("\n", rows));
        for (int k = 0; k < table.size(); k++) {
            double[] row = table.get(k);
            assertEquals(16 + k, row[0], 1e-9, "angles 16 to 22 degrees");
            assertTrue(row[2] > 0 && row[4] > 0, "two samples differ: " + rows.get(k + 2));
            assertTrue(rows.get(k + 2).endsWith(",false"), "naca2412 at Re 5e6 lies within the training conditions");
        }
        double simulated = simulatedMeanLift(new FlowCondition("naca2412", 17, 5e6, 50));
        assertEquals(simulated, table.get(1)[1], 0.1, "the pair's lift at NACA 2412, 17 degrees, Re 5e6 against"
                + " the simulations' " + simulated + ", whose snapshots spread by 0.12");
    }

    private static Path compile(Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean ok = compiler.getTask(diagnostics, null, null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString()), null,
                compiler.getStandardFileManager(null, null, null).getJavaFileObjects(EXAMPLE.toFile())).call();
        assertTrue(ok, EXAMPLE + " does not compile against the library:\n" + diagnostics);
        return classes;
    }

    /** @return the lines the example's main printed */
    private static List<String> run(Path classes, String... args) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                LiftSweepExampleTest.class.getClassLoader())) {
            Method main = loader.loadClass("LiftSweep").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) args);
        } finally {
            System.setOut(out);
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertFalse(lines.isEmpty(), "the example printed nothing");
        return lines;
    }

    private static double simulatedMeanLift(FlowCondition condition) {
        try (NetcdfFieldDataset test = NetcdfFieldDataset.open(Path.of("datasets/airfoil-stall-pooled/test.nc"))) {
            for (int i = 0; i < test.caseCount(); i++) {
                if (test.condition(i).label().equals(condition.label())) {
                    return PressureForces.of(DimensionlessNormalizer.normalize(test.readCase(i)), test.grid()).meanLift();
                }
            }
        }
        throw new AssertionError(condition.label() + " is not in the pooled test split");
    }
}
