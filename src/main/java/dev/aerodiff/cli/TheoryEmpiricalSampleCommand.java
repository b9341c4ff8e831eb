package dev.aerodiff.cli;

import dev.aerodiff.io.CsvMatrix;
import dev.aerodiff.theory.EmpiricalOptimalDenoiser;
import dev.aerodiff.theory.TrainingSetDistances;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aerodiff theory empirical-sample}: sample with the exact score of a finite training set. */
@Command(name = "empirical-sample", mixinStandardHelpOptions = true,
        description = "Sample with the empirical-optimal model of a training set (the exact score of its noised "
            + "empirical distribution) and measure how far the samples land from the training points. "
            + "typical_spacing: median distance of a training point to its nearest other one; "
            + "fraction_near_train: samples within 1% of that spacing of a training point; "
            + "copy_fraction: samples whose nearest/second-nearest distance ratio is below 1/3.")
final class TheoryEmpiricalSampleCommand implements Runnable {
    /** A sample this close to a training point, relative to the typical spacing, counts as near. */
    private static final double NEAR = 0.01;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private SamplingOptions sampling;

    @Option(names = "--train", required = true, paramLabel = "X.csv",
            description = "Training set: one point per row.")
    private Path train;

    @Override
    public void run() {
        double[][] points = CsvMatrix.read(train);
        SamplingOptions.Run run = sampling.run(s -> new EmpiricalOptimalDenoiser(points, s,
                SamplingOptions.parameterization(s)), points[0].length, spec.commandLine().getErr());
        TrainingSetDistances distances = new TrainingSetDistances(points);
        double spacing = distances.typicalSpacing();
        double[] nn = new double[run.rows().length];
        int near = 0;
        int copies = 0;
        Set<Integer> reached = new HashSet<>();
        for (int i = 0; i < nn.length; i++) {
            TrainingSetDistances.Nearest n = distances.nearest(run.rows()[i]);
            nn[i] = n.distance();
            near += n.distance() <= NEAR * spacing ? 1 : 0;
            copies += n.isCopy() ? 1 : 0;
            reached.add(n.index());
        }
        Arrays.sort(nn);
        Map<String, Object> m = run.summary();
        m.put("train_points", points.length);
        m.put("typical_spacing", spacing);
        m.put("nn_distance_median", nn[nn.length / 2]);
        m.put("nn_distance_max", nn[nn.length - 1]);
        m.put("fraction_near_train", (double) near / nn.length);
        m.put("copy_fraction", (double) copies / nn.length);
        m.put("train_points_reached", reached.size());
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            Json.print(out, m);
        } else {
            out.printf(Locale.ROOT, "%s on %s: %d samples from %d training points, %d network evaluations -> %s%n",
                    m.get("sampler"), m.get("schedule"), nn.length, points.length, m.get("nfe"), sampling.out);
            out.printf(Locale.ROOT, "%.1f%% of the samples lie within 1%% of the typical spacing (%.4g) of a training"
                    + " point; %.1f%% are copies; %d training points reached%n", 100.0 * near / nn.length, spacing,
                    100.0 * copies / nn.length, reached.size());
        }
    }
}
