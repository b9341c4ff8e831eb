package dev.aerodiff.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The result of running the command line in-process: exit code and both output streams. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AeroDiff.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
