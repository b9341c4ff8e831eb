package dev.aerodiff.surrogate;

import dev.aerodiff.cfd.AirfoilShape;
import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.diffusion.ClippedDenoiser;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;
import dev.aerodiff.nn.UNetDenoiser;
import dev.aerodiff.sampling.EnsembleRun;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.sampling.Samples;
import dev.aerodiff.sampling.SamplingListener;
import dev.aerodiff.sampling.SeededNoise;
import dev.aerodiff.train.TrainingObjective;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained surrogate for programs: given an airfoil condition, it returns an ensemble of flow
 * fields. Where the bundle records the range of its training targets, the network's clean-field
 * estimate is clipped to it at every step ({@link ClippedDenoiser}). Thread-safe: each thread samples with its own copy of the network, and the result of a
 * call depends only on its arguments (the noise of sample i derives from the seed and i).
 */
public final class Surrogate {
    /** The sampler of DDPM bundles when none is named. */
    public static final String DEFAULT_DDPM_SAMPLER = "ddpm";
    /** The sampler of flow-matching bundles when none is named. */
    public static final String DEFAULT_FLOW_SAMPLER = "ddim:20:1";
    /** The defaults, as option help says them. */
    public static final String DEFAULT_SAMPLERS = DEFAULT_DDPM_SAMPLER + " for DDPM models, " + DEFAULT_FLOW_SAMPLER
            + " (20 ancestral steps) for flow matching";
    /** Samples per network evaluation of the batched samplers. */
    public static final int BATCH = 16;
    private final Path bundlePath;
    private final ModelBundle bundle;
    private final Function<String, AirfoilShape> shapes;
    private final ThreadLocal<UNetDenoiser> denoisers;
    private final Thread owner = Thread.currentThread();

    private Surrogate(Path bundlePath, ModelBundle bundle, Function<String, AirfoilShape> shapes) {
        this.bundlePath = bundlePath;
        this.bundle = bundle;
        this.shapes = shapes;
        Parameterization p = Parameterization.valueOf(bundle.manifest().parameterization());
        UNetDenoiser shared = new UNetDenoiser(bundle.network(), p);
        this.denoisers = ThreadLocal.withInitial(() -> Thread.currentThread() == owner ? shared
                : new UNetDenoiser(ModelBundle.read(bundlePath).network(), p));
    }

    /**
     * @param bundle a model bundle file
     * @param shapes airfoil name to contour (for the mask of a condition)
     * @return the surrogate
     */
    public static Surrogate load(Path bundle, Function<String, AirfoilShape> shapes) {
        return new Surrogate(bundle, ModelBundle.read(bundle), shapes);
    }

    /** @return the bundle's manifest */
    public BundleManifest manifest() {
        return bundle.manifest();
    }

    /**
     * @param condition an operating point
     * @return where it lies outside the conditions the model was trained on, one sentence each
     *         (empty within them), or nothing for a bundle that does not record them
     */
    public Optional<List<String>> extrapolation(FlowCondition condition) {
        return Optional.ofNullable(bundle.manifest().trainingConditions()).map(t -> t.outside(condition));
    }

    /** @return the grid of the predicted fields */
    public Grid grid() {
        return bundle.grid();
    }

    /** @return the training method of the bundle */
    public TrainingObjective objective() {
        return TrainingObjective.of(bundle.manifest().method());
    }

    /** @return the calling thread's network as a denoiser, without clipping */
    Denoiser networkDenoiser() {
        return denoisers.get();
    }

    /** @return the sampler used when none is named: see {@link #defaultSampler(TrainingObjective)} */
    public SamplerSpec defaultSampler() {
        return defaultSampler(objective());
    }

    /**
     * @return the sampler used when none is named: all 200 DDPM steps for DDPM, 20 ancestral steps on
     *     the flow's path for flow matching (lower errors of the mean and std than 20 Euler steps on
     *     both validation sets, README "Shipped models")
     */
    public static SamplerSpec defaultSampler(TrainingObjective objective) {
        return SamplerSpec.parse(objective == TrainingObjective.DDPM ? DEFAULT_DDPM_SAMPLER : DEFAULT_FLOW_SAMPLER);
    }

    /** @return the solid cells of an airfoil on the surrogate's grid */
    public Mask mask(String airfoil) {
        AirfoilShape shape = shapes.apply(airfoil);
        Grid g = grid();
        boolean[] solid = new boolean[g.cellCount()];
        for (int cell = 0; cell < solid.length; cell++) {
            solid[cell] = shape.contains(g.x(cell % g.nx()), g.y(cell / g.nx()));
        }
        return new Mask(g.nx(), g.ny(), solid);
    }

    /**
     * @param condition the operating point (freestream speed as in the training data)
     * @param count     number of samples
     * @param spec      sampler, e.g. {@code SamplerSpec.parse("ddpm")}
     * @param seed      seed of the draw
     * @param progress  called with the index of each finished sample batch's last sample
     * @return the ensemble in physical units; pressure relative to its mean over the fluid cells
     */
    public Ensemble predict(FlowCondition condition, int count, SamplerSpec spec, long seed, IntConsumer progress) {
        return predict(condition, mask(condition.airfoil()), count, spec, seed, progress);
    }

    /** As {@link #predict(FlowCondition, int, SamplerSpec, long, IntConsumer)} with a given mask. */
    public Ensemble predict(FlowCondition condition, Mask mask, int count, SamplerSpec spec, long seed,
                            IntConsumer progress) {
        FieldScaling scaling = bundle.manifest().scaling();
        Grid g = grid();
        int per = 3 * g.cellCount();
        float[] cond = scaling.encodeCondition(condition, mask);
        INDArray conditions = Nd4j.create(DataType.FLOAT, count, 3, g.ny(), g.nx());
        INDArray one = Nd4j.create(cond, new long[] {3, g.ny(), g.nx()}, 'c');
        for (int s = 0; s < count; s++) {
            conditions.slice(s).assign(one);
        }
        NoiseSchedule schedule = objective().schedule();
        Denoiser denoiser = scaling.hasTargetRange()
                ? new ClippedDenoiser(denoisers.get(), schedule, scaling.targetMin(), scaling.targetMax())
                : denoisers.get();
        EnsembleRun run = new EnsembleRun(spec.sampler(), denoiser, schedule, spec.grid(schedule), BATCH,
                DataType.FLOAT);
        Samples out = run.run(count, new long[] {3, g.ny(), g.nx()}, conditions, SeededNoise.of(seed),
                SamplingListener.NONE, progress);
        float[] encoded = out.x().castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] physical = new float[count * per];
        double speed = condition.freestreamSpeed();
        int cells = g.cellCount();
        for (int s = 0; s < count; s++) {
            float[] decoded = scaling.decodeTarget(java.util.Arrays.copyOfRange(encoded, s * per, (s + 1) * per), mask);
            for (Channel ch : Channel.ALL) {
                double unit = ch == Channel.P ? speed * speed : speed;
                for (int cell = 0; cell < cells; cell++) {
                    int k = ch.ordinal() * cells + cell;
                    physical[s * per + k] = (float) (decoded[k] * unit);
                }
            }
        }
        FlowCase fc = new FlowCase(condition, mask, FieldUnits.PHYSICAL, count, physical, null);
        return new Ensemble(fc, spec.toString(), out.nfe(), seed);
    }
}
