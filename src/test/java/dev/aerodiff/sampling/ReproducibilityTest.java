package dev.aerodiff.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.diffusion.BatchArrays;
import dev.aerodiff.diffusion.CosineSchedule;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.FlowMatchingPath;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.diffusion.TimeGrid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The same seed gives the same samples whatever the batch size. */
class ReproducibilityTest {
    private static final long SEED = 99;

    private static INDArray ensemble(String spec, int batchSize) {
        return draw(spec, batchSize, 8, SeededNoise.of(SEED));
    }

    private static INDArray draw(String spec, int batchSize, int count, SampleStreams noise) {
        SamplerSpec s = SamplerSpec.parse(spec);
        NoiseSchedule schedule = s.kind() == SamplerSpec.Kind.EULER ? new FlowMatchingPath() : new CosineSchedule();
        Parameterization p = schedule.variancePreserving() ? Parameterization.EPSILON : Parameterization.VELOCITY;
        return new EnsembleRun(s.sampler(), GaussianProblem.denoiser(schedule, p), schedule, s.grid(schedule),
                batchSize, DataType.DOUBLE).run(count, new long[] {2, 2}, null, noise,
                SamplingListener.NONE, i -> { }).x();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ddpm:50", "ddim:10", "ddim:10:0.5", "euler:10", "heun:5", "sde-euler:50", "ode-rk4:8",
        "ode-dopri5", "ode-dop853", "ode-gbs", "ode-adams:10", "ode-bs3:1e-3", "ode-heun2:1e-3"})
    void eightSamplesAtBatchEightEqualBatchesOfThreeAndFive(String spec) {
        INDArray whole = ensemble(spec, 8);
        assertArrayEquals(new long[] {8, 2, 2}, whole.shape());
        INDArray threes = ensemble(spec, 3);
        INDArray fives = ensemble(spec, 5);
        assertArrayEquals(BatchArrays.toFlat(whole), BatchArrays.toFlat(threes), 0.0, spec + ": batches 3+3+2");
        assertArrayEquals(BatchArrays.toFlat(whole), BatchArrays.toFlat(fives), 0.0, spec + ": batches 5+3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ddpm:50", "ddim:10:1", "euler:10", "sde-euler:50", "ode-dopri5"})
    void ensemblesStackedInBatchesThatMixThemEqualEachDrawnAlone(String spec) {
        INDArray first = ensemble(spec, 8);
        INDArray second = draw(spec, 8, 5, SeededNoise.of(SEED + 1));
        INDArray stacked = draw(spec, 6, 13, StackedStreams.of(new long[] {SEED, SEED + 1}, new int[] {8, 5}));
        assertArrayEquals(BatchArrays.toFlat(Nd4j.concat(0, first, second)), BatchArrays.toFlat(stacked), 0.0, spec);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ddpm:50", "sde-euler:50", "ddim:10:1"})
    void splittingByHandGivesTheSameNoise(String spec) {
        SamplerSpec s = SamplerSpec.parse(spec);
        NoiseSchedule schedule = new CosineSchedule();
        Denoiser d = GaussianProblem.denoiser(schedule, Parameterization.EPSILON);
        TimeGrid grid = s.grid(schedule);
        SeededNoise noise = SeededNoise.of(SEED);
        INDArray init = noise.normal(NoiseSource.INITIAL, new long[] {8, 4}, DataType.DOUBLE);
        INDArray all = s.sampler().sample(d, schedule, grid, init, null, noise, SamplingListener.NONE).x();
        INDArray first = s.sampler().sample(d, schedule, grid, init.get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 3)), null, noise.forBatch(0), SamplingListener.NONE)
                .x();
        INDArray rest = s.sampler().sample(d, schedule, grid, init.get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(3, 8)), null, noise.forBatch(3), SamplingListener.NONE)
                .x();
        assertArrayEquals(BatchArrays.toFlat(all), BatchArrays.toFlat(Nd4j.concat(0, first, rest)), 0.0);
        INDArray other = s.sampler().sample(d, schedule, grid, init, null, SeededNoise.of(SEED + 1),
                SamplingListener.NONE).x();
        assertTrue(all.sub(other).amaxNumber().doubleValue() > 0.01, "another seed injects other noise");
    }
}
