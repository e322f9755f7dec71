package io.fashionae.cli;

import io.fashionae.config.DataConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the Fashion-MNIST files are. */
final class DataOptions {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Folder with the four Fashion-MNIST files (.gz or raw). Default: $FASHION_MNIST_DIR, "
                    + "./data/fashion-mnist, /usr/share/datasets/fashion-mnist, else download.")
    Path data;

    @Option(names = "--no-download", description = "Fail instead of downloading when the data is not found.")
    boolean noDownload;

    DataConfig toConfig() {
        return new DataConfig(data, !noDownload);
    }
}
