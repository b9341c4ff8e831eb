package dev.aerodiff.cli;

import dev.aerodiff.io.FileDigest;
import dev.aerodiff.io.NetcdfFieldDataset;
import dev.aerodiff.metrics.GaussianRateExperiment;
import dev.aerodiff.surrogate.ModelEvaluation;
import dev.aerodiff.surrogate.TrainingSizeRate;
import dev.aerodiff.train.TrainerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * {@code rate-check --train}: the Wasserstein-rate check of trained surrogates ({@link TrainingSizeRate}),
 * its JSON and its text summary.
 *
 * @param train      training set
 * @param against    held-out simulations
 * @param training   settings of every training run
 * @param config     sizes, repeats, seed, samples, sampler, summary
 * @param theoryDim  dimension D of the theoretical exponent
 * @param models     folder for the bundles, or null
 * @param invocation the command line, recorded in the bundles
 */
record TrainedRateCheck(Path train, Path against, TrainerConfig training, TrainingSizeRate.Config config,
                        int theoryDim, Path models, String invocation) {

    /** Runs every training and evaluation, reporting progress on {@code err}. */
    TrainingSizeRate.Result run(PrintWriter err) {
        try (NetcdfFieldDataset trainData = NetcdfFieldDataset.open(train);
             NetcdfFieldDataset heldOut = NetcdfFieldDataset.open(against)) {
            TrainingSizeRate.check(trainData, heldOut, config);
            int runs = config.sizes().length * config.repeats();
            err.printf(Locale.ROOT, "rate check: %d runs of %d %s steps (%s), each predicting the %d conditions of %s"
                    + " with %d samples (%s)%n", runs, training.steps(), training.objective().id(),
                    training.network(), heldOut.caseCount(), against, config.samples(), config.sampler());
            err.flush();
            String dataSha256 = FileDigest.sha256(train);
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("data", train.toString());
            provenance.put("data_sha256", dataSha256);
            provenance.put("command", invocation);
            return TrainingSizeRate.run(trainData, dataSha256, heldOut, config, models, VersionProvider.version(),
                    provenance, listener(err, runs));
        }
    }

    private TrainingSizeRate.Listener listener(PrintWriter err, int runs) {
        return new TrainingSizeRate.Listener() {
            private int started;

            @Override
            public IntConsumer training(int n, int repeat, int steps) {
                err.printf(Locale.ROOT, "run %d/%d: %d training conditions, repeat %d: training%n", started + 1, runs,
                        n, repeat);
                err.flush();
                return new Progress(err, "train-n" + n, steps);
            }

            @Override
            public IntConsumer evaluation(int n, int repeat, int conditions) {
                return new Progress(err, "predict-n" + n, conditions);
            }

            @Override
            public void finished(TrainingSizeRate.Run run) {
                started++;
                err.printf(Locale.ROOT, "run %d/%d: n = %d, repeat %d: %s W1 %.5g (error of mean %.4g, of std %.4g)%s%n",
                        started, runs, run.n(), run.repeat(), config.summary().id(), run.w1(),
                        run.evaluation().errorOfMean(), run.evaluation().errorOfStd(),
                        run.reused() ? ", bundle reused" : String.format(Locale.ROOT, ", trained in %.0f s",
                                run.trainSeconds()));
                err.flush();
            }
        };
    }

    /** @return the JSON object of the command */
    Map<String, Object> toJson(TrainingSizeRate.Result r, Double targetW1) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", "trained");
        m.put("train", train.toString());
        m.put("against", against.toString());
        m.put("summary", config.summary().id());
        m.put("estimator", "exact W1 between the predicted and the simulated " + config.summary().description()
                + ", averaged over the held-out conditions");
        m.put("sizes_unit", "training conditions");
        m.put("repeats", config.repeats());
        m.put("seed", config.seed());
        m.put("samples", config.samples());
        m.put("sampler", config.sampler().toString());
        m.put("method", training.objective().id());
        m.put("training", trainingJson());
        RateCheckCommand.putFit(m, r.fit(), targetW1);
        m.put("theory_dim", theoryDim);
        m.put("theoretical_slope", GaussianRateExperiment.theoreticalSlope(theoryDim));
        m.put("theoretical_note", "consistency training, seed 000: n^(-1/D) for D-dimensional data (n^(-1/2) for"
                + " D <= 2); D = --theory-dim");
        m.put("distillation_slope", -1.0 / (2.0 * (theoryDim + 5)));
        List<Map<String, Object>> points = new ArrayList<>();
        for (TrainingSizeRate.Point p : r.points()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("n", p.n());
            row.put("w1_mean", p.meanW1());
            row.put("w1", p.w1());
            row.put("runs", r.runs().stream().filter(run -> run.n() == p.n()).map(this::runJson).toList());
            points.add(row);
        }
        m.put("points", points);
        return m;
    }

    private Map<String, Object> trainingJson() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("steps", training.steps());
        t.put("batch_size", training.batchSize());
        t.put("learning_rate", training.learningRate());
        t.put("warmup_steps", training.warmupSteps());
        t.put("weight_decay", training.weightDecay());
        t.put("ema_decay", training.emaDecay());
        t.put("ema_relative_std", training.emaRelativeStd());
        t.put("seed", training.seed());
        t.put("network", training.network().toString());
        return t;
    }

    private Map<String, Object> runJson(TrainingSizeRate.Run run) {
        ModelEvaluation e = run.evaluation();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("repeat", run.repeat());
        m.put("cases", Arrays.stream(run.cases()).boxed().toList());
        m.put("w1", run.w1());
        m.put("drag_w1", e.dragW1());
        m.put("lift_w1", e.liftW1());
        m.put("error_mean", e.errorOfMean());
        m.put("error_std", e.errorOfStd());
        m.put("nfe", e.nfe());
        m.put("train_seconds", run.trainSeconds());
        m.put("reused", run.reused());
        m.put("bundle", models != null ? run.bundle().toString() : null);
        return m;
    }

    /** Prints the points and the fit. */
    void printText(PrintWriter out, TrainingSizeRate.Result r, Double targetW1) {
        out.printf(Locale.ROOT, "W1 rate of trained %s surrogates: %s, against %s%n", training.objective().id(),
                config.summary().description(), against);
        out.printf(Locale.ROOT, "%8s %14s %14s%n", "n", "mean W1", "error of mean");
        for (TrainingSizeRate.Point p : r.points()) {
            double errorOfMean = r.runs().stream().filter(run -> run.n() == p.n())
                    .mapToDouble(run -> run.evaluation().errorOfMean()).average().orElseThrow();
            out.printf(Locale.ROOT, "%8d %14.6g %14.6g%n", p.n(), p.meanW1(), errorOfMean);
        }
        RateCheckCommand.printFit(out, r.fit(), GaussianRateExperiment.theoreticalSlope(theoryDim), targetW1);
    }
}
