package dev.aerodiff.cli;

import dev.aerodiff.surrogate.TrainingReplay;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code aerodiff model reproduce BUNDLE}: trains again from what a bundle records and checks that
 * the loss of every block of steps comes out as recorded; fails (exit 1) where it does not.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train again from the settings, seed and data a bundle records, for its first --steps steps"
                + " (the learning-rate schedule of the whole run), and compare the mean loss of every 100 steps with"
                + " the one the bundle recorded. Exit 1 where a block differs by more than --tolerance. With --all"
                + " it replays the whole run and compares the averaged weights too.")
final class ModelReproduceCommand implements Runnable {
    /** Blocks up to which the text output shows every block of a run. */
    private static final int SHOWN_BLOCKS = 12;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "Model bundle (.aerodiff) written by train.")
    private Path file;

    @Option(names = "--data", paramLabel = "FILE.nc", description = "Training data (default: the file the bundle"
            + " names); its SHA-256 must be the recorded one unless --other-data.")
    private Path data;

    @Option(names = "--other-data", description = "Replay on --data even where its SHA-256 is not the recorded one"
            + " (e.g. a regenerated file that differs only in its history attribute); the result says so.")
    private boolean otherData;

    @Option(names = "--steps", paramLabel = "N", description = "Steps to replay, a multiple of the recorded block"
            + " (default: 200).")
    private int steps = 200;

    @Option(names = "--all", description = "Replay every recorded step and compare the weights as well.")
    private boolean all;

    @Option(names = "--tolerance", paramLabel = "REL", description = "Largest relative difference of a block's"
            + " mean loss still counted as reproduced (default: 1e-6; the same code, data and thread count repeat it"
            + " exactly).")
    private double tolerance = 1e-6;

    @Override
    public void run() {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("--tolerance: expected a relative difference >= 0, got " + tolerance);
        }
        TrainingReplay replay = TrainingReplay.of(file);
        Path dataPath = data != null ? data : replay.recordedData();
        if (dataPath == null) {
            throw new IllegalArgumentException(file + " names no training data: pass --data");
        }
        int count = all ? replay.recordedBlockSteps() : steps;
        boolean recordedData = replay.check(dataPath, count, otherData);
        PrintWriter err = spec.commandLine().getErr();
        if (!recordedData) {
            err.printf(Locale.ROOT, "aerodiff: warning: %s is not the data %s was trained on (another SHA-256)%n",
                    dataPath, file);
        }
        String threadsHint = threadsHint(replay, err);
        err.printf(Locale.ROOT, "replaying %d of %d steps of %s (%s, seed %d) on %s%n", count,
                replay.config().steps(), file, replay.config().objective().id(), replay.config().seed(), dataPath);
        err.flush();
        TrainingReplay.Result result = replay.replay(dataPath, count, otherData, new Progress(err, "replay", count));
        boolean reproduced = result.largestRelativeDifference() <= tolerance;
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            Json.print(out, summary(dataPath, recordedData, result, reproduced));
        } else {
            printText(out, recordedData, result, reproduced);
        }
        out.flush();
        if (!reproduced) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s: not reproduced: the mean loss of a block"
                    + " differs by %.3g of the recorded one (tolerance %.3g); the training code, the data or the"
                    + " native arithmetic differs from the run that made it%s", file,
                    result.largestRelativeDifference(), tolerance, threadsHint));
        }
    }

    /**
     * Warns where the bundle records another thread count than this run's.
     *
     * @return what to add to a failure's message about the threads
     */
    private String threadsHint(TrainingReplay replay, PrintWriter err) {
        int threads = Nd4j.getEnvironment().maxThreads();
        if (replay.recordedThreads().isEmpty()) {
            return "; the bundle does not record its native threads (the shipped ones were trained with"
                    + " OMP_NUM_THREADS=1)";
        }
        int recorded = replay.recordedThreads().getAsInt();
        if (recorded == threads) {
            return "";
        }
        err.printf(Locale.ROOT, "aerodiff: warning: %s was trained with %d native threads, this run has %d: the sums"
                + " run in another order and the losses differ in their last digits%n", file, recorded, threads);
        return "; the run used " + recorded + " native threads, this one " + threads + ": start Java with"
                + " OMP_NUM_THREADS=" + recorded;
    }

    /**
     * @return the blocks the text output shows: all of a short run; of a long one the first three, the
     *     last and every block that differs by more than the tolerance
     */
    static List<Integer> shownBlocks(List<TrainingReplay.Block> blocks, double tolerance) {
        List<Integer> shown = new ArrayList<>();
        for (int k = 0; k < blocks.size(); k++) {
            if (blocks.size() <= SHOWN_BLOCKS || k < 3 || k == blocks.size() - 1
                    || blocks.get(k).relativeDifference() > tolerance) {
                shown.add(k);
            }
        }
        return shown;
    }

    private Map<String, Object> summary(Path dataPath, boolean recordedData, TrainingReplay.Result result,
                                        boolean reproduced) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bundle", file.toString());
        json.put("data", dataPath.toString());
        json.put("data_as_recorded", recordedData);
        json.put("method", result.config().objective().id());
        json.put("seed", result.config().seed());
        json.put("recorded_steps", result.recordedSteps());
        json.put("replayed_steps", result.replayedSteps());
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (TrainingReplay.Block b : result.blocks()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", b.endStep());
            row.put("recorded", b.recorded());
            row.put("replayed", b.replayed());
            row.put("relative_difference", b.relativeDifference());
            blocks.add(row);
        }
        json.put("blocks", blocks);
        json.put("largest_relative_difference", result.largestRelativeDifference());
        result.weightDifference().ifPresent(d -> json.put("largest_weight_difference", d));
        json.put("tolerance", tolerance);
        json.put("reproduced", reproduced);
        return json;
    }

    private void printText(PrintWriter out, boolean recordedData, TrainingReplay.Result result, boolean reproduced) {
        out.printf(Locale.ROOT, "%s: %d of %d steps replayed%s%n", file, result.replayedSteps(), result.recordedSteps(),
                recordedData ? "" : " on data other than the recorded (--other-data)");
        out.printf(Locale.ROOT, "  %8s  %-20s  %-20s  %s%n", "step", "recorded loss", "replayed loss",
                "relative difference");
        List<TrainingReplay.Block> blocks = result.blocks();
        int previous = -1;
        for (int k : shownBlocks(blocks, tolerance)) {
            if (k > previous + 1) {
                out.printf(Locale.ROOT, "  %8s  (%d blocks within the tolerance; all in --json)%n", "...",
                        k - previous - 1);
            }
            TrainingReplay.Block b = blocks.get(k);
            out.printf(Locale.ROOT, "  %8d  %-20.17g  %-20.17g  %.3g%n", b.endStep(), b.recorded(), b.replayed(),
                    b.relativeDifference());
            previous = k;
        }
        result.weightDifference().ifPresent(d -> out.printf(Locale.ROOT,
                "  averaged weights: largest difference from the bundle's %.3g%n", d));
        out.printf(Locale.ROOT, "%s: largest relative difference %.3g (tolerance %.3g)%n",
                reproduced ? "reproduced" : "NOT reproduced", result.largestRelativeDifference(), tolerance);
    }
}
