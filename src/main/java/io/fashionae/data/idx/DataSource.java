package io.fashionae.data.idx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A folder that holds the four Fashion-MNIST files, and how it was found.
 *
 * @param dir    the folder
 * @param origin how it was chosen: {@code --data}, {@code $FASHION_MNIST_DIR}, a default folder, or a download
 */
public record DataSource(Path dir, String origin) {

    /** The file for {@code f}, gzipped if that exists, else raw; empty if neither exists. */
    public Optional<Path> find(IdxFile f) {
        return find(dir, f);
    }

    /** The path of {@code f} in this folder; {@link #find} must have succeeded for it. */
    public Path file(IdxFile f) {
        return find(f).orElseThrow(
                        () -> new IdxFormatException(dir.resolve(f.fileName()).toString(), "file not found"));
    }

    /** Whether {@code dir} holds all four files (gzipped or raw). */
    public static boolean isComplete(Path dir) {
        for (IdxFile f : IdxFile.values()) {
            if (find(dir, f).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    static Optional<Path> find(Path dir, IdxFile f) {
        for (String name : new String[] {f.fileName() + ".gz", f.fileName()}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
