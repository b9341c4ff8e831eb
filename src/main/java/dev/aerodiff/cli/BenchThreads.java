package dev.aerodiff.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Option;

/** The {@code --threads} option of the benchmarks, and the check that oneDNN will use as many. */
final class BenchThreads {
    @Option(names = "--threads", defaultValue = "2", description = "Native threads (default: ${DEFAULT-VALUE}); set"
            + " OMP_NUM_THREADS to the same value before starting Java for the oneDNN kernels.")
    int threads;

    /**
     * Sets ND4J's thread counts and warns when OMP_NUM_THREADS differs.
     *
     * @param err where the warning goes
     * @return the value of OMP_NUM_THREADS, or null where unset
     */
    String apply(PrintWriter err) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        String omp = System.getenv("OMP_NUM_THREADS");
        if (omp == null || !omp.equals(Integer.toString(threads))) {
            err.printf(Locale.ROOT, "aerodiff: warning: OMP_NUM_THREADS is %s, not %d; oneDNN may use another "
                    + "number of threads%n", omp == null ? "unset" : omp, threads);
        }
        return omp;
    }
}
