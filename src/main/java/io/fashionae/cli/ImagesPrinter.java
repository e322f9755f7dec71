package io.fashionae.cli;

import io.fashionae.data.DataSummary;
import io.fashionae.data.images.ImageFolderDataModule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Prints what was read from {@code --images DIR}: counts, classes, channels, and the images left out. */
final class ImagesPrinter {
    private static final int LISTED = 5;

    private ImagesPrinter() {}

    private static String cacheWhere(ImageFolderDataModule data, int images) {
        int memory = Math.min(images, data.cachedInMemory());
        return memory >= images ? "cached in memory" : memory + " cached in memory and the rest on disk";
    }

    static void print(PrintWriter out, ImageFolderDataModule data) {
        DataSummary s = data.summary();
        int side = data.input().paddedSide();
        out.printf(
                Locale.ROOT,
                "Images: %d training, %d validation from %s, %s, %dx%d %s; decoded once in %.1f s (%.0f img/s), "
                        + "%s%n",
                s.trainImages(),
                s.valImages(),
                s.dir(),
                data.labelled() ? s.classNames().size() + " classes" : "unlabelled",
                side,
                side,
                data.channels() == 3 ? "RGB" : "grey",
                data.decodeSeconds(),
                (s.trainImages() + s.valImages() + data.skipped().size()) / Math.max(1e-9, data.decodeSeconds()),
                cacheWhere(data, s.trainImages() + s.valImages()));
        List<Path> skipped = data.skipped();
        if (!skipped.isEmpty()) {
            out.printf(Locale.ROOT, "Skipped %d unreadable images (--skip-bad-images):%n", skipped.size());
            skipped.stream().limit(LISTED).forEach(p -> out.println("  " + p));
            if (skipped.size() > LISTED) {
                out.println("  ...");
            }
        }
        out.flush();
    }
}
