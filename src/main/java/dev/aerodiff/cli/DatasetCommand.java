package dev.aerodiff.cli;

import picocli.CommandLine.Command;

/** {@code aerodiff dataset ...}: inspect, summarize and import flow data sets. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Inspect, summarize, import, generate, merge and pool airfoil flow data sets (NetCDF-CF).",
        subcommands = {DatasetInfoCommand.class, DatasetStatsCommand.class, DatasetImportCommand.class,
            DatasetGenerateCommand.class, DatasetMergeCommand.class, DatasetPoolCommand.class})
final class DatasetCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
