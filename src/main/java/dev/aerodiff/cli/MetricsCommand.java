package dev.aerodiff.cli;

import picocli.CommandLine.Command;

/** {@code aerodiff metrics ...}: distances between samples and uncertainty metrics of ensembles. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Exact Wasserstein distances between point clouds and uncertainty metrics of field ensembles.",
        subcommands = {MetricsWassersteinCommand.class, MetricsFieldsCommand.class})
final class MetricsCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
