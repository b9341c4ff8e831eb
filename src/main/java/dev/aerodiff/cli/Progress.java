package dev.aerodiff.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Progress of long work on standard error: a bar with rate (seconds per item for slow items) and ETA
 * redrawn in place on a terminal, plain log lines (about every 10%) otherwise, each with an optional
 * status (such as the running loss). Receives the index of each finished item. Work that ends within
 * a second prints nothing.
 */
final class Progress implements IntConsumer {
    private final PrintWriter err;
    private final String label;
    private final int total;
    private final int first;
    private final Supplier<String> status;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private int lastDecile = -1;
    private boolean shown;

    Progress(PrintWriter err, String label, int total) {
        this(err, label, total, 0, null);
    }

    /**
     * @param first  items already done before this run (a resumed training), left out of the rate
     * @param status what to add to each line, or null
     */
    Progress(PrintWriter err, String label, int total, int first, Supplier<String> status) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.first = first;
        this.status = status;
        this.terminal = System.console() != null;
    }

    @Override
    public void accept(int index) {
        int done = index + 1;
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = (done - first) / Math.max(seconds, 1e-9);
        double eta = (total - done) / rate;
        if (!shown && seconds < 1.0) {
            return;
        }
        shown = true;
        if (terminal) {
            int width = 30;
            int filled = (int) Math.round(width * (double) done / total);
            err.printf(Locale.ROOT, "\r%s [%s%s] %d/%d  %s  ETA %s%s", label, "#".repeat(filled),
                    " ".repeat(width - filled), done, total, formatRate(rate), formatSeconds(eta), status("  "));
            if (done == total) {
                err.println();
            }
            err.flush();
            return;
        }
        int decile = done * 10 / total;
        if (decile != lastDecile || done == total) {
            lastDecile = decile;
            err.printf(Locale.ROOT, "%s: %d/%d (%s, ETA %s%s)%n", label, done, total, formatRate(rate),
                    formatSeconds(eta), status(", "));
            err.flush();
        }
    }

    private String status(String separator) {
        return status == null ? "" : separator + status.get();
    }

    /** Items per second, or seconds per item where that is under one a second. */
    private static String formatRate(double rate) {
        return rate >= 1 ? String.format(Locale.ROOT, "%.1f/s", rate)
                : String.format(Locale.ROOT, "%.1f s each", 1 / rate);
    }

    private static String formatSeconds(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, t / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
    }
}
