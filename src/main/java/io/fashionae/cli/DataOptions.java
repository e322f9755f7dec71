package io.fashionae.cli;

import io.fashionae.common.UserException;
import io.fashionae.config.DataConfig;
import io.fashionae.config.IdxDataset;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Which data set of the MNIST family, and where its files are. */
final class DataOptions {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Folder with the four Fashion-MNIST files (.gz or raw). Default: $FASHION_MNIST_DIR, "
                    + "./data/fashion-mnist, /usr/share/datasets/fashion-mnist, else download.")
    Path data;

    @Option(names = "--no-download", description = "Fail instead of downloading when the data is not found.")
    boolean noDownload;

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            defaultValue = "fashion-mnist",
            converter = DatasetConverter.class,
            completionCandidates = DatasetNames.class,
            description = "Data set of the MNIST family: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); each"
                    + " has its own folders (--data, $MNIST_DIR, ./data/mnist, ...) and published hashes.")
    IdxDataset dataset;

    /** Whether the user chose the data set or its folder (which {@code --images} replaces). */
    boolean givenExplicitly() {
        return data != null || dataset != IdxDataset.FASHION_MNIST;
    }

    DataConfig toConfig() {
        return new DataConfig(data, !noDownload, dataset);
    }

    /** Picocli's converter: the CLI names, with their one-line error. */
    static final class DatasetConverter implements ITypeConverter<IdxDataset> {
        @Override
        public IdxDataset convert(String value) {
            try {
                return IdxDataset.parse(value);
            } catch (UserException e) {
                throw new TypeConversionException("unknown data set '" + value + "': use one of " + IdxDataset.names());
            }
        }
    }

    /** The CLI names, for the help. */
    static final class DatasetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(IdxDataset.values())
                    .map(IdxDataset::cliName)
                    .iterator();
        }
    }
}
