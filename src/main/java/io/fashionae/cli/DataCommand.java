package io.fashionae.cli;

import io.fashionae.common.UserException;
import io.fashionae.config.DataConfig;
import io.fashionae.config.ImageSource;
import io.fashionae.config.ModelConfig;
import io.fashionae.data.DataSummary;
import io.fashionae.data.idx.DataLocator;
import io.fashionae.data.idx.DataSource;
import io.fashionae.data.idx.IdxDataModule;
import io.fashionae.data.images.ImageFolderDataModule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fashionae data}: finds (or downloads) Fashion-MNIST (or another data set of its family)
 * and verifies all four files; with {@code --images DIR}, reads the whole folder as training would
 * and reports what it found.
 */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "Find or download Fashion-MNIST and verify the SHA-256 of all four files; with --images DIR, "
                + "read every image of the folder as train would and report the split, colour and bad files.")
final class DataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    ImageOptions imageOptions;

    @Option(
            names = SeedDefaults.SEED,
            paramLabel = "N",
            description = "With --images: the seed whose split is shown (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        ImageSource images = imageOptions.toSource();
        if (images != null) {
            if (dataOptions.givenExplicitly()) {
                throw new UserException(
                        "--images cannot be combined with --dataset or --data", "check one: drop one of them");
            }
            try (ImageFolderDataModule folder =
                    ImageFolderDataModule.open(images, seed, 0, 0, Path.of(System.getProperty("java.io.tmpdir")))) {
                PrintWriter out = spec.commandLine().getOut();
                ImagesPrinter.print(out, folder);
                out.println("  classes: " + (folder.labelled() ? String.join(", ", folder.classNames()) : "none"));
                out.println("  listing sha256 " + folder.source().fingerprint());
                out.flush();
            }
            return ExitCode.OK.code();
        }
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
