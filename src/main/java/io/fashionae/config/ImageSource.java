package io.fashionae.config;

import io.fashionae.common.UserException;
import java.nio.file.Path;
import java.util.List;

/**
 * A folder of the user's images as a run's data ({@code --images DIR}), and what was found in it.
 * Recorded with the training settings, so that a resumed run can refuse a folder that changed and
 * an exported model can say what it was trained on.
 *
 * @param dir           the folder
 * @param imageSize     side the images are fitted into (the network's input side)
 * @param color         grey, RGB, or RGB only when some image has colour
 * @param valFraction   share of each class held out for validation
 * @param cacheMb       decoded images kept in memory, in MiB (-1: sized for the machine); the rest is cached on disk
 * @param skipBadImages skip unreadable images (counted) instead of stopping
 * @param fingerprint   SHA-256 of the listing (paths, sizes, modification times); empty before the scan
 * @param classNames    the class folders' names in label order (empty for a flat folder or before the scan)
 */
public record ImageSource(
        Path dir,
        int imageSize,
        ColorMode color,
        double valFraction,
        int cacheMb,
        boolean skipBadImages,
        String fingerprint,
        List<String> classNames) {

    /** The default {@code --image-size}. */
    public static final int DEFAULT_IMAGE_SIZE = 32;
    /** The default {@code --val-fraction}. */
    public static final double DEFAULT_VAL_FRACTION = 0.1;
    /** Images smaller than this cannot pass a single stride-2 layer and back. */
    private static final int MIN_IMAGE_SIZE = 4;
    /** Far above any image the CPU can train on, low enough that no buffer overflows. */
    private static final int MAX_IMAGE_SIZE = 1024;

    /** Validates the options; throws {@link UserException} naming the bad one. */
    public ImageSource {
        if (dir == null) {
            throw new IllegalArgumentException("no folder");
        }
        require(
                imageSize >= MIN_IMAGE_SIZE && imageSize <= MAX_IMAGE_SIZE,
                "--image-size must be between " + MIN_IMAGE_SIZE + " and " + MAX_IMAGE_SIZE + ", got " + imageSize,
                "use e.g. --image-size 32 or 64");
        require(
                valFraction > 0 && valFraction < 1,
                "--val-fraction must be between 0 and 1 (exclusive), got " + valFraction,
                "use e.g. --val-fraction 0.1");
        require(cacheMb >= -1, "--cache-mb must be >= 0, got " + cacheMb, "use 0 to cache every image on disk");
        color = color == null ? ColorMode.AUTO : color;
        fingerprint = fingerprint == null ? "" : fingerprint;
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
    }

    /** The options before the scan. */
    public static ImageSource of(
            Path dir, int imageSize, ColorMode color, double valFraction, int cacheMb, boolean skipBadImages) {
        return new ImageSource(dir, imageSize, color, valFraction, cacheMb, skipBadImages, "", List.of());
    }

    /** A copy with what the scan found. */
    public ImageSource scanned(String listingFingerprint, List<String> names) {
        return new ImageSource(dir, imageSize, color, valFraction, cacheMb, skipBadImages, listingFingerprint, names);
    }

    /** The data's name in metrics and metadata: {@code images:} and the folder's name. */
    public String name() {
        Path leaf = dir.toAbsolutePath().normalize().getFileName();
        return "images:" + (leaf == null ? dir : leaf);
    }

    private static void require(boolean ok, String problem, String fix) {
        if (!ok) {
            throw new UserException(problem, fix);
        }
    }
}
