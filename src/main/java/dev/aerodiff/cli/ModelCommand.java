package dev.aerodiff.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aerodiff model ...}: inspect trained surrogate bundles. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Inspect trained surrogate bundles (.aerodiff).", subcommands = {ModelInfoCommand.class})
final class ModelCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
