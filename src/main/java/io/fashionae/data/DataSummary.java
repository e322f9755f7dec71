package io.fashionae.data;

import java.util.Map;

/**
 * What a run trained on: the folder, how it was found, the image counts and the verified
 * SHA-256 of each decompressed file (for the metrics and the report).
 *
 * @param dir           the data folder
 * @param origin        how it was found ({@code --data}, Debian package, downloaded, ...)
 * @param trainImages   training images used (after {@code --train-limit})
 * @param valImages     validation images used (after {@code --val-limit})
 * @param verifiedFiles decompressed SHA-256 per file name, each equal to the published one
 */
public record DataSummary(
        String dir, String origin, int trainImages, int valImages, Map<String, String> verifiedFiles) {

    /** Copies the map. */
    public DataSummary {
        verifiedFiles = Map.copyOf(verifiedFiles);
    }
}
