package io.fashionae.cli;

import io.fashionae.common.UserException;
import io.fashionae.config.ColorMode;
import io.fashionae.config.ImageSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** A folder of the user's own images instead of the MNIST family ({@code --images DIR} and its settings). */
final class ImageOptions {
    @Option(
            names = "--images",
            paramLabel = "DIR",
            description = "Train on a folder of images (PNG, JPEG, BMP, GIF) instead: one subfolder per class, or "
                    + "all images at the top for an unlabelled run.")
    Path images;

    @Option(
            names = "--image-size",
            paramLabel = "N",
            description = "With --images: side the images are fitted into, aspect kept and padded (default: "
                    + ImageSource.DEFAULT_IMAGE_SIZE + ").")
    Integer imageSize;

    @Option(
            names = "--color",
            paramLabel = "MODE",
            description = "With --images: ${COMPLETION-CANDIDATES}; auto reads RGB only when some image has colour "
                    + "(default: auto).")
    ColorMode color;

    @Option(
            names = "--val-fraction",
            paramLabel = "X",
            description = "With --images: share of each class held out for validation, the same split for the same "
                    + "seed and folder (default: " + ImageSource.DEFAULT_VAL_FRACTION + ").")
    Double valFraction;

    @Option(
            names = "--cache-mb",
            paramLabel = "MB",
            description = "With --images: decoded images kept in memory; the rest is cached in a temporary file "
                    + "(default: a quarter of the machine's memory, at most 2048).")
    Integer cacheMb;

    @Option(
            names = "--skip-bad-images",
            description = "With --images: leave unreadable images out (counted in metrics.json) instead of stopping.")
    boolean skipBadImages;

    /** The folder's settings, or null without {@code --images} (then none of its options may be given). */
    ImageSource toSource() {
        if (images == null) {
            String stray = imageSize != null
                    ? "--image-size"
                    : color != null
                            ? "--color"
                            : valFraction != null
                                    ? "--val-fraction"
                                    : cacheMb != null ? "--cache-mb" : skipBadImages ? "--skip-bad-images" : null;
            if (stray != null) {
                throw new UserException(stray + " applies only to --images DIR", "add --images DIR, or drop " + stray);
            }
            return null;
        }
        return ImageSource.of(
                images,
                imageSize == null ? ImageSource.DEFAULT_IMAGE_SIZE : imageSize,
                color == null ? ColorMode.AUTO : color,
                valFraction == null ? ImageSource.DEFAULT_VAL_FRACTION : valFraction,
                cacheMb == null ? -1 : cacheMb,
                skipBadImages);
    }
}
