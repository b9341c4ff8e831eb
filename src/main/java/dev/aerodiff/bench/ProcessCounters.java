package dev.aerodiff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Counters of this process from Linux's {@code /proc/self/stat}. */
final class ProcessCounters {
    /** Length of a clock tick of {@code /proc} CPU times (USER_HZ, 100 on Linux). */
    static final double MILLIS_PER_TICK = 10.0;

    private ProcessCounters() {
    }

    /** @return {minor page faults, kernel-mode CPU ticks}, or null where /proc is not there */
    static long[] read() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the parenthesized command name: state is field 3, minflt 10, stime 15
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[10 - 3]), Long.parseLong(f[15 - 3])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
