package dev.aerodiff.cli;

import dev.aerodiff.io.DataFileException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code aerodiff} command line. This is the only place that maps names to classes.
 *
 * <p>Exit codes: 0 success, 1 bad input or failed work (one line on stderr naming the file and
 * what was expected), 2 bad usage (unknown option, missing argument). {@code --debug} adds the
 * stack trace.
 */
@Command(name = "aerodiff", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Uncertainty-aware diffusion surrogates for airfoil CFD.",
        subcommands = {QuickstartCommand.class, DatasetCommand.class, TrainCommand.class, PredictCommand.class, TheoryCommand.class,
            MetricsCommand.class, ModelCommand.class, RateCheckCommand.class, ValidateCommand.class, CalibrateCommand.class, MemorizationCommand.class,
            DenoisingCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class AeroDiff implements Runnable {
    /** Exit code for bad input or failed work. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for a malformed command line. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** @param args command-line arguments */
    public static void main(String[] args) {
        // ND4J prints graph-building chatter straight to System.out; keep standard output for
        // results (JSON for scripts), drop the chatter and send everything else to standard error
        PrintWriter out = new PrintWriter(System.out, true);
        System.setOut(new java.io.PrintStream(new ChatterFilter(System.err), true));
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(args, out, err));
    }

    /**
     * @param spec a command's specification, after parsing
     * @return the command line as typed, e.g. {@code aerodiff train --config t.json}, for provenance
     */
    static String invocation(picocli.CommandLine.Model.CommandSpec spec) {
        return "aerodiff " + String.join(" ", spec.commandLine().getParseResult().originalArgs().stream()
                .map(AeroDiff::shellWord).toList());
    }

    /**
     * @param arg a command-line argument
     * @return it as a POSIX shell reads it back: as it is where it holds only characters the shell
     *         leaves alone, else in single quotes ({@code it's} becomes {@code 'it'\''s'})
     */
    static String shellWord(String arg) {
        boolean plain = !arg.isEmpty()
                && arg.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./:,=+@%".indexOf(c) >= 0);
        return plain ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    /**
     * Runs one command; used by {@link #main} and by tests.
     *
     * @param args command-line arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit code
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new AeroDiff());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("aerodiff: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("aerodiff: error: " + describe(ex));
            if (debug) {
                ex.printStackTrace(err);
            } else if (!isUserError(ex)) {
                err.println("(run with --debug for the stack trace)");
            }
            err.flush();
            return EXIT_FAILURE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static boolean isUserError(Throwable ex) {
        return ex instanceof DataFileException || ex instanceof IllegalArgumentException
                || ex instanceof IllegalStateException || ex instanceof UncheckedIOException;
    }

    private static String describe(Throwable ex) {
        if (isUserError(ex)) {
            return ex.getMessage();
        }
        return "internal error: " + ex;
    }
}
