package io.fashionae.data;

import java.util.List;
import java.util.Map;

/**
 * What a run trained on: the folder, how it was found, the image counts and the verified
 * SHA-256 of each decompressed file (of an image folder: its listing's fingerprint) (for the metrics and the report).
 *
 * @param dataset       the data set's CLI name ({@code fashion-mnist}, {@code mnist}, {@code kmnist})
 * @param dir           the data folder
 * @param origin        how it was found ({@code --data}, Debian package, downloaded, ...)
 * @param trainImages   training images used (after {@code --train-limit})
 * @param valImages     validation images used (after {@code --val-limit})
 * @param verifiedFiles decompressed SHA-256 per file name (each equal to the published one where
 *                      that is published)
 * @param classNames    class names in label order (empty for unlabelled images)
 * @param skippedImages unreadable images left out ({@code --skip-bad-images}); 0 for IDX files
 */
public record DataSummary(
        String dataset,
        String dir,
        String origin,
        int trainImages,
        int valImages,
        Map<String, String> verifiedFiles,
        List<String> classNames,
        int skippedImages) {

    /** Copies the map and the list. */
    public DataSummary {
        verifiedFiles = Map.copyOf(verifiedFiles);
        classNames = List.copyOf(classNames);
    }
}
