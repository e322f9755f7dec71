package io.fashionae.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which data set, and where its files come from.
 *
 * @param dataDir  the folder given with {@code --data}, or null to search the usual places
 * @param download whether to download the official files when none are found
 * @param dataset  the data set of the MNIST family; null (as in files written before the option)
 *                 means Fashion-MNIST
 */
public record DataConfig(Path dataDir, boolean download, IdxDataset dataset) {

    /** Defaults the data set. */
    public DataConfig {
        dataset = dataset == null ? IdxDataset.FASHION_MNIST : dataset;
    }

    /** Fashion-MNIST from {@code dataDir} (or the usual places). */
    public DataConfig(Path dataDir, boolean download) {
        this(dataDir, download, IdxDataset.FASHION_MNIST);
    }

    /** Fashion-MNIST from the usual places, downloaded when nothing is found. */
    public static DataConfig searchDefaults() {
        return new DataConfig(null, true);
    }

    /** The folder given explicitly, if any. */
    public Optional<Path> explicitDir() {
        return Optional.ofNullable(dataDir);
    }
}
