package io.fashionae.cli;

import io.fashionae.common.AtomicFiles;
import io.fashionae.report.CompareWriter;
import io.fashionae.report.ComparedRun;
import io.fashionae.report.RunComparison;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fashionae compare}: finished runs side by side, in compare.html, compare.json and a table. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare finished runs: settings, final figures, curves, and their final latent spaces aligned on the"
                    + " first run's (Procrustes; PCA first for latents wider than 2).",
            "Each DIR is a run's reports folder (or the folder holding it); runs on other data or another"
                    + " validation set are refused."
        })
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Parameters(paramLabel = "DIR", arity = "2..*", description = "Two or more runs' reports folders.")
    List<Path> runs;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "reports",
            description = "Where compare.html and compare.json go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--table",
            paramLabel = "FILE",
            description = "Also write the figures as a Markdown table to FILE (it is printed either way).")
    Path table;

    @Override
    public Integer call() throws IOException {
        List<ComparedRun> read = new ArrayList<>();
        for (Path dir : runs) {
            read.add(ComparedRun.read(dir));
        }
        RunComparison comparison = RunComparison.of(read);
        Path page = CompareWriter.write(comparison, out);
        String markdown = comparison.markdownTable();
        if (table != null) {
            AtomicFiles.writeString(table, markdown);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.print(markdown);
        o.println("Page:   " + page);
        o.println("Data:   " + page.resolveSibling(CompareWriter.DATA));
        if (table != null) {
            o.println("Table:  " + table);
        }
        o.flush();
        return ExitCode.OK.code();
    }
}
