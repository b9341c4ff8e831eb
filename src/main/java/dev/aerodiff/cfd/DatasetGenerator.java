package dev.aerodiff.cfd;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.data.DatasetMetadata;
import dev.aerodiff.data.InMemoryFieldDataset;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.io.AtomicFile;
import dev.aerodiff.io.NetcdfDatasetWriter;
import dev.aerodiff.io.NetcdfFieldDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs a list of conditions through {@link CaseSimulation}, several at once, in a work directory
 * with one sub-directory per case. Resumable: a case whose {@code samples.nc} exists is not run
 * again, and a case that failed (its {@code FAILED} file holds the reason) is skipped unless
 * retrying is asked for. A failed or diverged case is reported and never written as data.
 */
public final class DatasetGenerator {
    static final String SAMPLES = "samples.nc";
    static final String FAILED = "FAILED";
    static final String TIMING = "case.json";

    /** Receives the outcome of each case as it finishes (called from worker threads, serialized). */
    public interface Listener {
        /** @param outcome what happened to one case */
        void caseFinished(Outcome outcome, int finished, int total);
    }

    /**
     * @param entry   the condition
     * @param status  "done" (ran now), "cached" (found finished), "failed", "skipped-failed" (failed earlier)
     * @param detail  failure reason, or empty
     * @param seconds wall-clock time of the run (also for cached cases, from case.json), NaN if unknown
     * @param cells   mesh cells, -1 if unknown
     */
    public record Outcome(ConditionList.Entry entry, String status, String detail, double seconds, int cells) {
        /** @return true if the case has data */
        public boolean ok() {
            return status.equals("done") || status.equals("cached");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDir;
    private final CaseSimulation simulation;
    private final SolverSettings solver;
    private final Function<String, AirfoilShape> shapes;
    private final int jobs;
    private final boolean retryFailed;

    /**
     * @param workDir     one sub-directory per case
     * @param simulation  runs one case
     * @param solver      for the freestream speed of each condition
     * @param shapes      airfoil name to contour
     * @param jobs        cases run at once (one core each)
     * @param retryFailed run cases again that failed before
     */
    public DatasetGenerator(Path workDir, CaseSimulation simulation, SolverSettings solver,
                            Function<String, AirfoilShape> shapes, int jobs, boolean retryFailed) {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        this.workDir = workDir;
        this.simulation = simulation;
        this.solver = solver;
        this.shapes = shapes;
        this.jobs = jobs;
        this.retryFailed = retryFailed;
    }

    /**
     * @param entries  the conditions
     * @param listener progress
     * @return one outcome per entry, in list order
     */
    public List<Outcome> run(List<ConditionList.Entry> entries, Listener listener) throws InterruptedException {
        for (ConditionList.Entry e : entries) {
            shapes.apply(e.airfoil()); // fail fast on unknown airfoils, before hours of work
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<Outcome>> futures = new ArrayList<>();
        int[] finished = {0};
        for (ConditionList.Entry e : entries) {
            futures.add(pool.submit(() -> {
                Outcome o = runOne(e);
                synchronized (finished) {
                    finished[0]++;
                    listener.caseFinished(o, finished[0], entries.size());
                }
                return o;
            }));
        }
        pool.shutdown();
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
        } catch (java.util.concurrent.ExecutionException ex) {
            pool.shutdownNow();
            throw new IllegalStateException("case runner crashed: " + ex.getCause(), ex.getCause());
        }
        return outcomes;
    }

    private Outcome runOne(ConditionList.Entry e) throws IOException, InterruptedException {
        Path dir = workDir.resolve(e.id());
        if (Files.isRegularFile(dir.resolve(SAMPLES))) {
            Map<?, ?> timing = Files.isRegularFile(dir.resolve(TIMING))
                    ? JSON.readValue(dir.resolve(TIMING).toFile(), Map.class) : Map.of();
            return new Outcome(e, "cached", "", number(timing.get("seconds")), (int) number(timing.get("cells")));
        }
        if (Files.isRegularFile(dir.resolve(FAILED)) && !retryFailed) {
            return new Outcome(e, "skipped-failed", Files.readString(dir.resolve(FAILED)).strip(), Double.NaN, -1);
        }
        deleteRecursively(dir);
        FlowCondition condition = new FlowCondition(e.airfoil(), e.angleOfAttackDeg(), e.reynolds(),
                solver.freestreamSpeed(e.reynolds()));
        try {
            CaseSimulation.Result r = simulation.run(dir, shapes.apply(e.airfoil()), condition);
            InMemoryFieldDataset one = new InMemoryFieldDataset(simulation.grid(), List.of(r.flowCase()),
                    new DatasetMetadata(e.id(), "", ""));
            NetcdfDatasetWriter.write(one, dir.resolve(SAMPLES), i -> { });
            Map<String, Object> timing = new LinkedHashMap<>();
            timing.put("seconds", r.seconds());
            timing.put("cells", r.cells());
            AtomicFile.write(dir.resolve(TIMING), p -> JSON.writeValue(p.toFile(), timing));
            return new Outcome(e, "done", "", r.seconds(), r.cells());
        } catch (CaseFailedException ex) {
            Files.writeString(dir.resolve(FAILED), ex.getMessage() + "\n");
            return new Outcome(e, "failed", ex.getMessage(), Double.NaN, -1);
        }
    }

    /**
     * Reads the finished cases back, in list order.
     *
     * @param outcomes the outcomes of {@link #run}
     * @return the cases that have data
     */
    public List<FlowCase> collect(List<Outcome> outcomes) {
        List<FlowCase> cases = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.ok()) {
                try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(workDir.resolve(o.entry().id()).resolve(SAMPLES))) {
                    cases.add(ds.readCase(0));
                }
            }
        }
        return cases;
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
