package dev.aerodiff.cli;

import picocli.CommandLine.Command;

/** {@code aerodiff bench ...}: timings for the performance table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Timings of the network, to compare with the PyTorch peer on the same machine.",
        subcommands = {BenchUnetCommand.class, BenchSampleCommand.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
