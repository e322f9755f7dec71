package io.fashionae.cli;

import io.fashionae.common.FolderLock;
import io.fashionae.report.InterpolationPair;
import io.fashionae.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fashionae report}: rebuilds reports/index.html from an earlier run's files, without retraining. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Write reports/index.html from the files of an earlier run (no retraining).")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(
            names = "--reports",
            paramLabel = "DIR",
            defaultValue = "reports",
            description = "The run's reports folder (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(
            names = "--models",
            paramLabel = "DIR",
            defaultValue = "models",
            description = "The run's models folder (default: ${DEFAULT-VALUE}).")
    Path models;

    @Option(
            names = "--interpolate",
            paramLabel = "I,J",
            description = "Also decode the interpolation between validation images I and J (indices from 0, among the"
                    + " report's first 1,000); repeatable.")
    List<String> interpolate = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        List<InterpolationPair> pairs =
                interpolate.stream().map(InterpolationPair::parse).toList();
        if (!Files.isDirectory(reports)) {
            ReportWriter.write(reports, models); // says what is missing
        }
        try (FolderLock lock = FolderLock.acquire(
                "report", notice -> spec.commandLine().getErr().println("notice: " + notice), reports)) {
            Path index = ReportWriter.write(
                    reports,
                    models,
                    pairs,
                    warning -> spec.commandLine().getErr().println("warning: " + warning));
            spec.commandLine().getOut().println("Report: " + index);
        }
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
