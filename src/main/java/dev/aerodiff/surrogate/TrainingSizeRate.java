package dev.aerodiff.surrogate;

import dev.aerodiff.data.CaseSubset;
import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.data.NearestReference;
import dev.aerodiff.metrics.RateFit;
import dev.aerodiff.metrics.SeedStreams;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.train.DiffusionTrainer;
import dev.aerodiff.train.TrainerConfig;
import dev.aerodiff.train.TrainingData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.hipparchus.random.RandomGenerator;

/**
 * The Wasserstein-rate check of a trained surrogate (seed 000): for each training-set size n and
 * repeat, train a surrogate on n training conditions drawn at random (all their snapshots), predict
 * every held-out condition and measure W1 between the predicted and the simulated distributions of
 * a one-dimensional summary of the fields, where W1 is exact (sorted samples), averaged over the
 * held-out conditions; then fit log W1 against log n ({@link RateFit}).
 *
 * <p>Every run trains with the same settings and seed and predicts with the same seed, so runs
 * differ only in their training conditions (common random numbers keep the comparison across n
 * tight). The draw of the conditions of (n, repeat) depends only on the seed, n and the repeat.
 * Bundles are written to a folder; a bundle already there that was made for the same data, cases
 * and settings is reused, so an interrupted check continues where it stopped.
 */
public final class TrainingSizeRate {
    private static final String PROVENANCE_KEY = "rate_check";

    /** Low-dimensional summaries of a field in which W1 is exact. */
    public enum Summary {
        /** Pressure drag coefficient integrated from each field. */
        DRAG("drag", "pressure drag coefficient of each field (1-D, exact W1 of sorted samples)"),
        /** Pressure lift coefficient integrated from each field. */
        LIFT("lift", "pressure lift coefficient of each field (1-D, exact W1 of sorted samples)");

        private final String id;
        private final String description;

        Summary(String id, String description) {
            this.id = id;
            this.description = description;
        }

        /** @return the name used on the command line and in JSON */
        public String id() {
            return id;
        }

        /** @return what the summary is and how W1 is computed */
        public String description() {
            return description;
        }

        /** @return W1 of this summary averaged over the evaluated conditions */
        public double w1(ModelEvaluation evaluation) {
            return this == DRAG ? evaluation.dragW1() : evaluation.liftW1();
        }

        /** @throws IllegalArgumentException for an unknown id */
        public static Summary of(String id) {
            return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown summary '" + id + "', expected drag or lift"));
        }
    }

    /**
     * @param training settings of every training run (the same for all)
     * @param sizes    training-set sizes n, in conditions; at least two distinct
     * @param repeats  runs per size, each on its own draw of conditions
     * @param seed     seed of the draws of conditions and of the predictions
     * @param samples  ensemble size per held-out condition, at least 2
     * @param sampler  the sampler
     * @param summary  the summary whose W1 is measured
     */
    public record Config(TrainerConfig training, int[] sizes, int repeats, long seed, int samples, SamplerSpec sampler,
                         Summary summary) {
        /** Checks what can be checked without the data. */
        public Config {
            if (sizes.length == 0 || Arrays.stream(sizes).anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("sizes must be at least 1 condition each, got "
                        + Arrays.toString(sizes));
            }
            if (Arrays.stream(sizes).distinct().count() < 2 || repeats < 1 || sizes.length * repeats < 3) {
                throw new IllegalArgumentException("a rate fit needs at least 2 distinct sizes, repeats >= 1 and 3 runs,"
                        + " got sizes " + Arrays.toString(sizes) + " and " + repeats + " repeats");
            }
            if (samples < 2) {
                throw new IllegalArgumentException("an ensemble needs at least 2 samples, got " + samples);
            }
            sizes = sizes.clone();
        }
    }

    /**
     * One trained and evaluated surrogate.
     *
     * @param n            training conditions
     * @param repeat       repeat index at this size
     * @param cases        indices of its training conditions in the training set, ascending
     * @param w1           W1 of the summary, averaged over the held-out conditions
     * @param evaluation   every metric of its predictions of the held-out conditions
     * @param bundle       where the bundle was written (deleted afterwards without a models folder)
     * @param reused       whether the bundle was already there
     * @param trainSeconds wall time of its training
     */
    public record Run(int n, int repeat, int[] cases, double w1, ModelEvaluation evaluation, Path bundle,
                      boolean reused, double trainSeconds) {
    }

    /**
     * @param n  training conditions
     * @param w1 W1 of every repeat
     */
    public record Point(int n, double[] w1) {
        /** @return the mean over repeats */
        public double meanW1() {
            return Arrays.stream(w1).average().orElseThrow();
        }
    }

    /**
     * @param config the settings
     * @param runs   every run, size by size
     * @param points W1 per size
     * @param fit    least-squares fit of log W1 against log n over every run
     */
    public record Result(Config config, List<Run> runs, List<Point> points, RateFit fit) {
    }

    /** Hears about the work as it goes. */
    public interface Listener {
        /** @return what hears each finished optimizer step (index) of the run about to train */
        IntConsumer training(int n, int repeat, int steps);

        /** @return what hears each finished held-out condition (index) of the run about to be evaluated */
        IntConsumer evaluation(int n, int repeat, int conditions);

        /** Called when a run is done. */
        void finished(Run run);
    }

    private TrainingSizeRate() {
    }

    /**
     * @param train      the training set; every size must be at most its number of conditions
     * @param dataId     identifies the training data (e.g. its SHA-256) in the bundles' provenance
     * @param heldOut    the held-out simulations, on the same grid
     * @param config     the settings
     * @param models     folder for the bundles (created if missing; bundles made for the same data,
     *                   cases and settings are reused), or null for a temporary folder removed at the end
     * @param version    AeroDiff version recorded in the bundles
     * @param provenance recorded in every bundle besides the run's own entries
     * @param listener   progress
     * @return every run and the fit
     */
    public static Result run(FieldDataset train, String dataId, FieldDataset heldOut, Config config, Path models,
                             String version, Map<String, Object> provenance, Listener listener) {
        check(train, heldOut, config);
        Path folder = models != null ? models : createTemporaryFolder();
        try {
            Files.createDirectories(folder);
            List<Run> runs = new ArrayList<>();
            List<Point> points = new ArrayList<>();
            for (int n : config.sizes()) {
                double[] w1 = new double[config.repeats()];
                for (int r = 0; r < config.repeats(); r++) {
                    Run run = runOnce(train, dataId, heldOut, config, n, r, folder, version, provenance, listener);
                    if (models == null) {
                        Files.deleteIfExists(run.bundle());
                    }
                    w1[r] = run.w1();
                    runs.add(run);
                    listener.finished(run);
                }
                points.add(new Point(n, w1));
            }
            double[] allN = runs.stream().mapToDouble(Run::n).toArray();
            double[] allW = runs.stream().mapToDouble(Run::w1).toArray();
            return new Result(config, List.copyOf(runs), List.copyOf(points), RateFit.fit(allN, allW));
        } catch (IOException e) {
            throw new UncheckedIOException("rate check: cannot use the models folder " + folder + ": "
                    + e.getMessage(), e);
        } finally {
            if (models == null) {
                deleteTemporaryFolder(folder);
            }
        }
    }

    /**
     * @throws IllegalArgumentException if a size exceeds the training set's conditions or the grids differ
     */
    public static void check(FieldDataset train, FieldDataset heldOut, Config config) {
        int largest = Arrays.stream(config.sizes()).max().orElseThrow();
        if (largest > train.caseCount()) {
            throw new IllegalArgumentException("size " + largest + " exceeds the " + train.caseCount()
                    + " conditions of the training set");
        }
        if (!train.grid().equals(heldOut.grid())) {
            throw new IllegalArgumentException("the held-out data's grid " + heldOut.grid()
                    + " differs from the training data's " + train.grid());
        }
    }

    /** @return n distinct indices out of {@code count}, ascending, drawn from the stream (seed, n, repeat) */
    public static int[] chooseCases(int count, int n, long seed, int repeat) {
        int[] order = new int[count];
        Arrays.setAll(order, i -> i);
        RandomGenerator random = SeedStreams.stream(seed, n, repeat);
        for (int k = 0; k < n; k++) {
            int j = k + random.nextInt(count - k);
            int swap = order[k];
            order[k] = order[j];
            order[j] = swap;
        }
        int[] chosen = Arrays.copyOf(order, n);
        Arrays.sort(chosen);
        return chosen;
    }

    private static Run runOnce(FieldDataset train, String dataId, FieldDataset heldOut, Config config, int n,
                               int repeat, Path folder, String version, Map<String, Object> provenance,
                               Listener listener) {
        int[] cases = chooseCases(train.caseCount(), n, config.seed(), repeat);
        String key = dataId + " " + Arrays.toString(cases) + " " + config.training();
        Path bundle = folder.resolve(String.format(Locale.ROOT, "n%d-r%d.aerodiff", n, repeat));
        Map<String, Object> existing = madeFor(bundle, key);
        boolean reused = existing != null;
        double trainSeconds;
        if (reused) {
            trainSeconds = ((Number) existing.get("train_seconds")).doubleValue();
        } else {
            trainSeconds = train(new CaseSubset(train, cases), config.training(), listener.training(n, repeat,
                    config.training().steps()), bundle, version, provenance, runEntry(key, n, repeat, cases, train));
        }
        Surrogate surrogate = Surrogate.load(bundle, name -> {
            throw new IllegalStateException("the rate check predicts on the held-out data's masks");
        });
        ModelEvaluation evaluation = SurrogateEvaluation.evaluate(bundle.getFileName().toString(), surrogate,
                heldOut, config.samples(), config.sampler(), config.seed(), listener.evaluation(n, repeat,
                        heldOut.caseCount()));
        return new Run(n, repeat, cases, config.summary().w1(evaluation), evaluation, bundle, reused, trainSeconds);
    }

    private static double train(CaseSubset subset, TrainerConfig settings, IntConsumer progress, Path bundle,
                                String version, Map<String, Object> provenance, Map<String, Object> entry) {
        long start = System.nanoTime();
        DiffusionTrainer trainer = DiffusionTrainer.create(settings, subset.grid().nx(), settings.scalingFor(subset));
        NearestReference reference = trainer.scaling().nearestReference() ? NearestReference.of(subset) : null;
        TrainingData data = TrainingData.forTraining(subset, trainer.scaling(), reference);
        while (trainer.completedSteps() < settings.steps()) {
            trainer.step(data);
            progress.accept(trainer.completedSteps() - 1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        entry.put("train_seconds", seconds);
        Map<String, Object> all = new LinkedHashMap<>(provenance);
        all.put("config", settings);
        all.put("steps", trainer.completedSteps());
        all.put(PROVENANCE_KEY, entry);
        ModelBundle.write(trainer, subset.grid(), TrainingConditions.of(subset.conditions()), reference, version, all,
                bundle);
        return seconds;
    }

    private static Map<String, Object> runEntry(String key, int n, int repeat, int[] cases, FieldDataset train) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("key", key);
        entry.put("n", n);
        entry.put("repeat", repeat);
        entry.put("cases", Arrays.stream(cases).boxed().toList());
        entry.put("conditions", Arrays.stream(cases).mapToObj(c -> train.condition(c).label()).toList());
        return entry;
    }

    /** @return the run entry of the bundle's provenance if the bundle exists and was made with this key, else null */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> madeFor(Path bundle, String key) {
        if (!Files.isRegularFile(bundle)) {
            return null;
        }
        Object entry = ModelBundle.readManifest(bundle).provenance().get(PROVENANCE_KEY);
        if (entry instanceof Map<?, ?> map && key.equals(map.get("key")) && map.get("train_seconds") instanceof Number) {
            return (Map<String, Object>) map;
        }
        return null;
    }

    private static void deleteTemporaryFolder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temporary folder left behind is harmless; the result is not affected
        }
    }

    private static Path createTemporaryFolder() {
        try {
            return Files.createTempDirectory("aerodiff-rate-check");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the rate check's models", e);
        }
    }
}
