package dev.aerodiff.theory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.diffusion.BatchArrays;
import dev.aerodiff.diffusion.CosineSchedule;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.sampling.EnsembleRun;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.sampling.SamplingListener;
import dev.aerodiff.sampling.SeededNoise;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * With the exact score of a finite training set, the reverse dynamics land on training points
 * (Cao et al., 2025): every sample's distance to its nearest training point is a tiny fraction of
 * the typical spacing of the training set, and the samples reach many different points.
 */
class EmpiricalCollapseTest {
    private static final int TRAIN = 24;
    private static final double[][] POINTS = new double[TRAIN][2];

    static {
        SeededNoise noise = SeededNoise.of(2025);
        for (int i = 0; i < TRAIN; i++) {
            noise.fill(POINTS[i], i, 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ode-dopri5", "ode-rk4:100", "ddpm", "sde-euler:500"})
    void samplesLandOnTrainingPoints(String name) {
        NoiseSchedule schedule = new CosineSchedule();
        SamplerSpec spec = SamplerSpec.parse(name);
        EmpiricalOptimalDenoiser d = new EmpiricalOptimalDenoiser(POINTS, schedule, Parameterization.X0);
        double[][] samples = BatchArrays.toRows(new EnsembleRun(spec.sampler(), d, schedule, spec.grid(schedule), 100,
                DataType.DOUBLE).run(100, new long[] {2}, null, SeededNoise.of(1), SamplingListener.NONE, i -> { })
                .x());
        TrainingSetDistances distances = new TrainingSetDistances(POINTS);
        double spacing = distances.typicalSpacing();
        Set<Integer> reached = new HashSet<>();
        double worst = 0;
        for (double[] s : samples) {
            TrainingSetDistances.Nearest n = distances.nearest(s);
            worst = Math.max(worst, n.distance());
            reached.add(n.index());
        }
        assertTrue(worst < 1e-3 * spacing, name + ": farthest sample " + worst + " from the training set, spacing "
                + spacing);
        assertTrue(reached.size() >= TRAIN / 2, name + " reached only " + reached.size() + " training points");
    }
}
