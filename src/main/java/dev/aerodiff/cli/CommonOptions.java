package dev.aerodiff.cli;

import picocli.CommandLine.Option;

/** Options every command accepts, mixed in with {@code @Mixin}. */
final class CommonOptions {
    @Option(names = "--json", description = "Print the result as JSON on standard output.")
    boolean json;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;
}
