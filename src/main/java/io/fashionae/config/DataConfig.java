package io.fashionae.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the Fashion-MNIST files come from.
 *
 * @param dataDir  the folder given with {@code --data}, or null to search the usual places
 * @param download whether to download the official files when none are found
 */
public record DataConfig(Path dataDir, boolean download) {

    /** Search the usual places, download when nothing is found. */
    public static DataConfig searchDefaults() {
        return new DataConfig(null, true);
    }

    /** The folder given explicitly, if any. */
    public Optional<Path> explicitDir() {
        return Optional.ofNullable(dataDir);
    }
}
