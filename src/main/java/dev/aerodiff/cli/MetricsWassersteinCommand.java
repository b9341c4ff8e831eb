package dev.aerodiff.cli;

import dev.aerodiff.io.DataFileException;
import dev.aerodiff.io.NumericCsv;
import dev.aerodiff.metrics.ExactWasserstein;
import dev.aerodiff.metrics.PointCloud;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aerodiff metrics wasserstein --p 1|2 A.csv B.csv}: exact W_p between two point clouds. */
@Command(name = "wasserstein", mixinStandardHelpOptions = true,
        description = "Exact Wasserstein distance W_p between two equal-weight point clouds (Euclidean ground "
            + "distance), by an exact assignment solver (same sizes) or network simplex (different sizes). "
            + "CSV: one point per line, coordinates separated by commas, optional header line.")
final class MetricsWassersteinCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--p", defaultValue = "1", paramLabel = "P",
            description = "Exponent p >= 1, usually 1 or 2 (default: ${DEFAULT-VALUE}). The result is W_p, not W_p^p.")
    private double p;

    @Parameters(index = "0", paramLabel = "A.csv", description = "First point cloud.")
    private Path fileA;

    @Parameters(index = "1", paramLabel = "B.csv", description = "Second point cloud, same dimension.")
    private Path fileB;

    @Override
    public void run() {
        if (!(p >= 1) || !Double.isFinite(p)) {
            throw new IllegalArgumentException("--p must be a finite number >= 1, got " + p);
        }
        NumericCsv a = NumericCsv.read(fileA);
        NumericCsv b = NumericCsv.read(fileB);
        if (a.columns() != b.columns()) {
            throw new DataFileException(fileB, "points have " + b.columns() + " coordinates, expected "
                    + a.columns() + " like " + fileA);
        }
        CostMatrixMemory.require(a.rows(), b.rows(), fileA + " and " + fileB);
        ExactWasserstein.Result r = ExactWasserstein.compute(new PointCloud(a.rows(), a.columns(), a.values()),
                new PointCloud(b.rows(), b.columns(), b.values()), p);
        if (common.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("distance", r.distance());
            m.put("p", p);
            m.put("squared", false);
            m.put("distance_pow_p", r.distancePowP());
            m.put("n", a.rows());
            m.put("m", b.rows());
            m.put("dim", a.columns());
            m.put("solver", r.solver());
            FlatJson.print(spec.commandLine().getOut(), m);
        } else {
            spec.commandLine().getOut().printf(Locale.ROOT, "W_%s = %.12g  (%d vs %d points in %d-D, %s)%n",
                    fmt(p), r.distance(), a.rows(), b.rows(), a.columns(), r.solver());
        }
    }

    private static String fmt(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
