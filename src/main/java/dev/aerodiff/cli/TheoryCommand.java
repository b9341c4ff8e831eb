package dev.aerodiff.cli;

import picocli.CommandLine.Command;

/** {@code aerodiff theory ...}: samplers on closed-form models whose answers are known. */
@Command(name = "theory", mixinStandardHelpOptions = true,
        description = "Run the samplers on closed-form models: Gaussian data (exact score) and the "
            + "empirical-optimal model of a finite training set (exact score of its noised empirical distribution).",
        subcommands = {TheoryGaussianSampleCommand.class, TheoryEmpiricalSampleCommand.class})
final class TheoryCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
