package io.fashionae.cli;

import io.fashionae.config.DataConfig;
import io.fashionae.config.ModelConfig;
import io.fashionae.data.DataLocator;
import io.fashionae.data.DataSource;
import io.fashionae.data.DataSummary;
import io.fashionae.data.IdxDataModule;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fashionae data}: finds (or downloads) Fashion-MNIST and verifies all four files. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "Find or download Fashion-MNIST and verify the SHA-256 of all four files.")
final class DataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        DataConfig config = dataOptions.toConfig();
        DataSource source = DataLocator.find(config);
        DataSummary summary = new IdxDataModule(source, config.dataset(), ModelConfig.SEED_IMAGE_SIZE, 0, 0).summary();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "%s in %s (%s): %,d training and %,d test images%n",
                config.dataset().title(), summary.dir(), summary.origin(), summary.trainImages(), summary.valImages());
        summary.verifiedFiles().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> out.printf("  %-26s sha256 %s  OK%n", e.getKey(), e.getValue()));
        out.flush();
        return ExitCode.OK.code();
    }
}
