package dev.aerodiff.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aerodiff model ...}: inspect trained surrogate bundles and record their sampler. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Inspect trained surrogate bundles (.aerodiff), record the sampler to use with one, and check"
                + " that one is reproduced by training again from what it records.",
        subcommands = {ModelInfoCommand.class, ModelSetSamplerCommand.class, ModelReproduceCommand.class})
final class ModelCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
