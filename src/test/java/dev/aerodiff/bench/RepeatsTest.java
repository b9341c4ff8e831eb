package dev.aerodiff.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class RepeatsTest {
    /** A JIT clock that gains 1000 ms of compilation in each of the first {@code busyRuns} runs. */
    private static final class BusyCompiler implements LongSupplier {
        private final AtomicInteger runs;
        private final int busyRuns;

        BusyCompiler(AtomicInteger runs, int busyRuns) {
            this.runs = runs;
            this.busyRuns = busyRuns;
        }

        @Override
        public long getAsLong() {
            return 1000L * Math.min(runs.get(), busyRuns);
        }
    }

    @Test
    void warmupGoesOnUntilSeveralRunsInARowCompileLittle() {
        AtomicInteger runs = new AtomicInteger();
        Timings t = Repeats.time(runs::incrementAndGet, 2, 3, k -> { }, 0, new BusyCompiler(runs, 5));
        assertEquals(5 + Repeats.QUIET_RUNS, t.warmupRuns(), "five busy runs, then the quiet ones");
        assertEquals(8 + Repeats.QUIET_RUNS, runs.get());
        assertArrayEquals(new double[] {0, 0, 0}, t.compileMs());
    }

    @Test
    void warmupKeepsTheRequestedCountWhenTheCompilerIsQuiet() {
        AtomicInteger runs = new AtomicInteger();
        Timings t = Repeats.time(runs::incrementAndGet, 4, 2, k -> { }, 0, new BusyCompiler(runs, 0));
        assertEquals(4, t.warmupRuns());
        assertEquals(2, t.ms().length);
    }

    @Test
    void warmupIsBoundedAndCompilationInTimedRunsIsRecorded() {
        AtomicInteger runs = new AtomicInteger();
        Timings t = Repeats.time(runs::incrementAndGet, 1, 2, k -> { }, 0, new BusyCompiler(runs, 1000));
        assertEquals(1 + Repeats.MAX_EXTRA_WARMUP, t.warmupRuns());
        assertArrayEquals(new double[] {1000, 1000}, t.compileMs());
    }

    @Test
    void noWarmupWhenNoneIsAskedForAndNoClockMeansNoExtension() {
        AtomicInteger runs = new AtomicInteger();
        assertEquals(0, Repeats.time(runs::incrementAndGet, 0, 1, k -> { }, 0, new BusyCompiler(runs, 1000))
                .warmupRuns());
        Timings unknown = Repeats.time(runs::incrementAndGet, 3, 1, k -> { }, 0, null);
        assertEquals(3, unknown.warmupRuns());
        assertTrue(Double.isNaN(unknown.compileMs()[0]));
    }
}
