package dev.aerodiff.surrogate;

import dev.aerodiff.cfd.AirfoilShape;
import dev.aerodiff.data.DimensionlessNormalizer;
import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.diffusion.ClippedDenoiser;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;
import dev.aerodiff.nn.UNetDenoiser;
import dev.aerodiff.sampling.EnsembleRun;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.sampling.Samples;
import dev.aerodiff.sampling.SamplingListener;
import dev.aerodiff.sampling.StackedStreams;
import dev.aerodiff.train.TrainingData;
import dev.aerodiff.train.TrainingObjective;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained surrogate for programs: given an airfoil condition, it returns an ensemble of flow
 * fields. A network with the nearest-reference channels is given the moments of the training
 * simulations nearest to the condition, which its bundle carries (and, where it learned the
 * difference from their mean, gets that mean added to its samples). Where the bundle records the
 * range of its training targets, the network's clean-field estimate is clipped to it at every step
 * ({@link ClippedDenoiser}). Thread-safe: each thread samples with its own copy of the network, and
 * the result of a call depends only on its arguments (the noise of sample i derives from the seed
 * and i).
 */
public final class Surrogate implements EnsemblePredictor {
    /** The sampler of DDPM bundles when none is named. */
    public static final String DEFAULT_DDPM_SAMPLER = "ddpm";
    /** The sampler of flow-matching bundles when none is named. */
    public static final String DEFAULT_FLOW_SAMPLER = "ddim:20:1";
    /** The defaults, as option help says them. */
    public static final String DEFAULT_SAMPLERS = DEFAULT_DDPM_SAMPLER + " for DDPM models, " + DEFAULT_FLOW_SAMPLER
            + " (20 ancestral steps) for flow matching";
    /** The defaults of a trained bundle, as option help says them. */
    public static final String BUNDLE_DEFAULT_SAMPLERS = "the sampler the bundle records, which 'model info' shows;"
            + " else " + DEFAULT_SAMPLERS;
    /**
     * Samples per network evaluation of the batched samplers, from one ensemble or from several
     * predicted together. With 32, {@code quickstart} (two bundles, 8 x 10 samples each) took 105-106 s
     * and peaked at 1.4 GB, against 124-135 s and 0.7 GB with each ensemble drawn alone in batches
     * of up to 16; 64 was no faster (102-111 s) and peaked at 1.9-2.0 GB.
     */
    public static final int BATCH = 32;
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

    /** @return the bundle file it was loaded from */
    public Path path() {
        return bundlePath;
    }

    @Override
    public List<Surrogate> members() {
        return List.of(this);
    }

    /**
     * @param condition an operating point
     * @return where it lies outside the conditions the model was trained on, one sentence each
     *         (empty within them), or nothing for a bundle that does not record them
     */
    @Override
    public Optional<List<String>> extrapolation(FlowCondition condition) {
        return Optional.ofNullable(bundle.manifest().trainingConditions()).map(t -> t.outside(condition));
    }

    @Override
    public Grid grid() {
        return bundle.grid();
    }

    @Override
    public TrainingObjective objective() {
        return TrainingObjective.of(bundle.manifest().method());
    }

    /** @return the calling thread's network as a denoiser, without clipping */
    Denoiser networkDenoiser() {
        return denoisers.get();
    }

    /**
     * @return the sampler used when none is named and the bundle records none: all 200 DDPM steps for
     *     DDPM, 20 ancestral steps on the flow's path for flow matching (lower errors of the mean and
     *     std than 20 Euler steps on both validation sets, examples/README.md)
     */
    public static SamplerSpec defaultSampler(TrainingObjective objective) {
        return SamplerSpec.parse(defaultSamplerText(objective));
    }

    /** @return {@link #defaultSampler(TrainingObjective)} as it is written, e.g. {@code ddim:20:1} */
    public static String defaultSamplerText(TrainingObjective objective) {
        return objective == TrainingObjective.DDPM ? DEFAULT_DDPM_SAMPLER : DEFAULT_FLOW_SAMPLER;
    }

    /**
     * @param data cases on the surrogate's grid
     * @return their fields and conditions as the network sees them
     */
    TrainingData trainingData(FieldDataset data) {
        return TrainingData.of(data, bundle.manifest().scaling(), shapes, bundle.reference()
                .<TrainingData.ReferenceFields>map(table -> (c, s, fc) -> table.fields(fc.condition(), fc.mask()))
                .orElse(null));
    }

    @Override
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
        return predict(List.of(new Request(condition, mask, count, seed)), spec, progress).get(0);
    }

    /**
     * One ensemble to predict.
     *
     * @param condition the operating point (freestream speed as in the training data)
     * @param mask      its solid cells on the surrogate's grid
     * @param count       number of samples, &gt;= 1
     * @param seed        seed of the draw
     * @param firstSample index, in the seed's noise stream, of the first sample (0 for a whole draw; a
     *                    part of a draw continues where the part before it stopped)
     */
    public record Request(FlowCondition condition, Mask mask, int count, long seed, long firstSample) {
        /** @throws IllegalArgumentException if {@code count < 1} or {@code firstSample < 0} */
        public Request {
            if (count < 1) {
                throw new IllegalArgumentException("number of samples must be >= 1, got " + count);
            }
            if (firstSample < 0) {
                throw new IllegalArgumentException("first sample index must be >= 0, got " + firstSample);
            }
        }

        /** A whole draw: samples 0 to count - 1 of the seed's noise stream. */
        public Request(FlowCondition condition, Mask mask, int count, long seed) {
            this(condition, mask, count, seed, 0);
        }
    }

    /**
     * Predicts several ensembles at once: their samples are stacked and drawn in batches of
     * {@link #BATCH} that may mix conditions, so a network evaluation serves up to that many
     * samples however small each ensemble is (the shipped bundles' U-Net takes 35-36 ms per sample in
     * a forward pass at batch 32 against 65-67 ms at batch 10). Each ensemble is what
     * {@link #predict(FlowCondition, Mask, int, SamplerSpec, long, IntConsumer)} gives for its request
     * alone, up to the rounding of batched arithmetic.
     *
     * @param requests the ensembles, at least one
     * @param spec     sampler
     * @param progress called with the index, in the stacked order, of each finished batch's last sample
     * @return the ensembles in the order of the requests; the nfe of each is the largest of the
     *         batches its samples were drawn in
     */
    @Override
    public List<Ensemble> predict(List<Request> requests, SamplerSpec spec, IntConsumer progress) {
        return predictWith(denoisers.get(), requests, spec, progress);
    }

    /**
     * As {@link #predict(List, SamplerSpec, IntConsumer)} with another network in place of this
     * bundle's: one that takes this bundle's scaled fields and condition channels.
     */
    List<Ensemble> predictWith(Denoiser network, List<Request> requests, SamplerSpec spec, IntConsumer progress) {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("no ensembles requested");
        }
        FieldScaling scaling = bundle.manifest().scaling();
        Grid g = grid();
        long[] sampleShape = {3, g.ny(), g.nx()};
        long[] conditionShape = {scaling.conditionChannels(), g.ny(), g.nx()};
        int total = requests.stream().mapToInt(Request::count).sum();
        long[] seeds = new long[requests.size()];
        long[] firsts = new long[requests.size()];
        int[] counts = new int[requests.size()];
        INDArray conditions = Nd4j.create(DataType.FLOAT, total, scaling.conditionChannels(), g.ny(), g.nx());
        List<float[]> references = new ArrayList<>();
        int row = 0;
        for (int k = 0; k < requests.size(); k++) {
            Request r = requests.get(k);
            seeds[k] = r.seed();
            firsts[k] = r.firstSample();
            counts[k] = r.count();
            float[] distance = scaling.hasWallDistance()
                    ? shapes.apply(r.condition().airfoil()).signedDistanceOn(g) : null;
            float[] reference = bundle.reference().map(table -> table.fields(r.condition(), r.mask())).orElse(null);
            references.add(reference);
            INDArray one = Nd4j.create(scaling.encodeCondition(r.condition(), r.mask(), distance, reference),
                    conditionShape, 'c');
            for (int s = 0; s < r.count(); s++) {
                conditions.slice(row++).assign(one);
            }
        }
        NoiseSchedule schedule = objective().schedule();
        Denoiser denoiser = scaling.hasTargetRange()
                ? new ClippedDenoiser(network, schedule, scaling.targetMin(), scaling.targetMax())
                : network;
        List<Samples> batches = new EnsembleRun(spec.sampler(), denoiser, schedule, spec.grid(schedule), BATCH,
                DataType.FLOAT).batches(total, sampleShape, conditions, StackedStreams.of(seeds, firsts, counts),
                SamplingListener.NONE, progress);
        float[] encoded = Samples.stack(batches).x().castTo(DataType.FLOAT).dup('c').data().asFloat();
        List<Ensemble> out = new ArrayList<>();
        int first = 0;
        for (int k = 0; k < requests.size(); k++) {
            Request r = requests.get(k);
            int nfe = 0;
            for (int b = first / BATCH; b <= (first + r.count() - 1) / BATCH; b++) {
                nfe = Math.max(nfe, batches.get(b).nfe());
            }
            out.add(new Ensemble(physical(r, references.get(k), encoded, first, scaling), spec.toString(), nfe,
                    r.seed()));
            first += r.count();
        }
        return out;
    }

    /**
     * @param requests    the requests of a {@link #predict(List, SamplerSpec, IntConsumer)} call
     * @param requestDone receives the index of each request, in order, once the progress of the call passes
     *                    its last sample (once its samples are drawn, or for a mixture as much work)
     * @return the progress receiver to pass to that call
     */
    public static IntConsumer perRequest(List<Request> requests, IntConsumer requestDone) {
        int[] next = {0};
        int[] end = {requests.get(0).count()};
        return lastSample -> {
            while (next[0] < requests.size() && lastSample + 1 >= end[0]) {
                requestDone.accept(next[0]++);
                end[0] += next[0] < requests.size() ? requests.get(next[0]).count() : 0;
            }
        };
    }

    /**
     * @param reference the request's nearest-reference fields, or null
     * @param encoded   all samples of a call, as the network gives them
     * @param first     index of the request's first sample among them
     * @return the request's samples in physical units
     */
    private FlowCase physical(Request r, float[] reference, float[] encoded, int first, FieldScaling scaling) {
        int per = 3 * grid().cellCount();
        float[] dimensionless = new float[r.count() * per];
        for (int s = 0; s < r.count(); s++) {
            int from = (first + s) * per;
            float[] sample = scaling.decodeTarget(Arrays.copyOfRange(encoded, from, from + per), r.mask(), reference);
            System.arraycopy(sample, 0, dimensionless, s * per, per);
        }
        return DimensionlessNormalizer.toPhysical(r.condition(), r.mask(), r.count(), dimensionless);
    }
}
