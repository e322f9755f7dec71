package io.fashionae.data.images;

import io.fashionae.common.Sha256;
import io.fashionae.common.UserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A folder of the user's images, as {@code --images DIR} names it: one subfolder per class (the
 * labels and class names come from the folder names, sorted) or, with no subfolders, a flat folder
 * of unlabelled images. PNG, JPEG, BMP and GIF, by extension; hidden files are skipped. The listing
 * is sorted, so the same folder always gives the same entries in the same order, and the split
 * below is the same on every run with the same seed.
 *
 * @param root       the folder
 * @param classNames class names in label order (empty for a flat folder)
 * @param entries    every image, sorted by path, with its label (-1 when unlabelled)
 */
public record ImageFolder(Path root, List<String> classNames, List<Entry> entries) {
    /** The most class folders a run takes: labels travel as one byte in the latent frames. */
    public static final int MAX_CLASSES = 256;

    /** The file extensions read, lower case. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    /**
     * One image.
     *
     * @param file  the file
     * @param label its class, or -1 in a flat folder
     */
    public record Entry(Path file, int label) {}

    /** Copies the lists. */
    public ImageFolder {
        classNames = List.copyOf(classNames);
        entries = List.copyOf(entries);
    }

    /** Whether the images have labels (one subfolder per class). */
    public boolean labelled() {
        return !classNames.isEmpty();
    }

    /**
     * Lists {@code root}.
     *
     * @throws UserException for a missing or empty folder, an empty class folder, a single class,
     *         or images beside class folders, each naming the folder and the fix
     */
    public static ImageFolder scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserException(
                    "--images " + dir + " is not a folder", "pass a folder of images, one subfolder per class");
        }
        // Absolute and normalised: the entries are compared with the paths the decoder reports.
        Path root = dir.toAbsolutePath().normalize();
        List<Path> folders = list(root, Files::isDirectory);
        List<Path> loose = list(root, ImageFolder::isImage);
        if (folders.isEmpty()) {
            if (loose.isEmpty()) {
                throw new UserException(
                        root + " holds no images (PNG, JPEG, BMP or GIF)",
                        "put the images in it, one subfolder per class (or all at the top for an unlabelled run)");
            }
            return new ImageFolder(
                    root, List.of(), loose.stream().map(p -> new Entry(p, -1)).toList());
        }
        if (!loose.isEmpty()) {
            throw new UserException(
                    root + " has " + loose.size() + " images beside its class folders ("
                            + loose.get(0).getFileName() + (loose.size() > 1 ? ", ..." : "") + ")",
                    "move them into a class folder, or use a folder without subfolders for an unlabelled run");
        }
        if (folders.size() == 1) {
            throw new UserException(
                    root + " has a single class folder (" + folders.get(0).getFileName() + ")",
                    "add a second class folder, or put the images directly in " + root + " for an unlabelled run");
        }
        if (folders.size() > MAX_CLASSES) {
            throw new UserException(
                    root + " has " + folders.size() + " class folders; at most " + MAX_CLASSES + " are supported",
                    "merge classes, or train on a subset of the folders");
        }
        List<String> names = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Path folder : folders) {
            List<Path> images = list(folder, ImageFolder::isImage);
            if (images.isEmpty()) {
                throw new UserException(
                        "class folder " + folder + " holds no images (PNG, JPEG, BMP or GIF)",
                        "add images to it or remove it");
            }
            int label = names.size();
            names.add(folder.getFileName().toString());
            images.forEach(p -> entries.add(new Entry(p, label)));
        }
        return new ImageFolder(root, names, entries);
    }

    /**
     * A seeded split: {@code valFraction} of each class (of the whole folder when unlabelled) for
     * validation, at least one image of each class that has two or more, the rest for training;
     * each list is in its own seeded order (not class by class).
     *
     * @return {@code [training, validation]}
     */
    public List<List<Entry>> split(double valFraction, long seed) {
        if (!(valFraction > 0 && valFraction < 1)) {
            throw new UserException(
                    "--val-fraction must be between 0 and 1 (exclusive), got " + valFraction,
                    "use e.g. --val-fraction 0.1");
        }
        int groups = labelled() ? classNames.size() : 1;
        boolean[] validation = new boolean[entries.size()];
        for (int g = 0; g < groups; g++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                if (!labelled() || entries.get(i).label() == g) {
                    members.add(i);
                }
            }
            // One generator per class, seeded from the run's seed and the class: adding a class
            // leaves the other classes' splits as they were.
            Collections.shuffle(members, new java.util.Random(new SplittableRandom(seed * 31 + g).nextLong()));
            int take = (int) Math.round(members.size() * valFraction);
            take = members.size() >= 2 ? Math.max(1, Math.min(take, members.size() - 1)) : 0;
            for (int k = 0; k < take; k++) {
                validation[members.get(k)] = true;
            }
        }
        List<Entry> train = new ArrayList<>();
        List<Entry> val = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            (validation[i] ? val : train).add(entries.get(i));
        }
        // Each split in a seeded order of its own rather than class by class: the first N images
        // (--train-limit, --val-limit, the report's sample, --plot-samples) then cover every class.
        Collections.shuffle(train, new java.util.Random(new SplittableRandom(seed).nextLong()));
        Collections.shuffle(val, new java.util.Random(new SplittableRandom(seed + 1).nextLong()));
        return List.of(List.copyOf(train), List.copyOf(val));
    }

    /**
     * SHA-256 of the listing: each image's path under the root, size and modification time. A
     * resumed run compares it with the checkpoint's, so that a folder whose images were added,
     * removed or replaced since is refused rather than trained on with another split.
     */
    public String fingerprint() {
        StringBuilder listing = new StringBuilder();
        for (Entry e : entries) {
            try {
                listing.append(root.relativize(e.file()).toString().replace('\\', '/'))
                        .append('\t')
                        .append(Files.size(e.file()))
                        .append('\t')
                        .append(Files.getLastModifiedTime(e.file()).toMillis())
                        .append('\t')
                        .append(e.label())
                        .append('\n');
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read the size of " + e.file(), ex);
            }
        }
        return Sha256.of(listing.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code p} is a regular, visible file with an image extension. */
    static boolean isImage(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Files.isRegularFile(p)
                && !name.startsWith(".")
                && dot > 0
                && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(keep)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
