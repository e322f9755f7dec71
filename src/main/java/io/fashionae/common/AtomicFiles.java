package io.fashionae.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a reader sees either the old content or the whole new content, never a
 * part: the bytes go to a temporary file in the same folder, are flushed to disk, and the file
 * is renamed over the target.
 */
public final class AtomicFiles {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Writer {
        /** Writes the whole file to {@code tmp}, a fresh path in the target's folder. */
        void write(Path tmp) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes {@code target} atomically with {@code writer}; on any failure the target is untouched. */
    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            writer.write(tmp);
            fsync(tmp);
            keepPermissions(tmp, target);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes several files as a set: each goes to a temporary file first, and only when every
     * writer succeeded are they renamed into place, so a failure in any one keeps all the old
     * files (a crash between two renames can still leave a mix of old and new, never a part file).
     */
    public static void writeAll(java.util.Map<Path, Writer> writers) throws IOException {
        java.util.Map<Path, Path> written = new java.util.LinkedHashMap<>();
        try {
            for (java.util.Map.Entry<Path, Writer> e : writers.entrySet()) {
                Path target = e.getKey();
                Path dir = target.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
                written.put(target, tmp);
                e.getValue().write(tmp);
                fsync(tmp);
                keepPermissions(tmp, target);
            }
            for (java.util.Map.Entry<Path, Path> e : written.entrySet()) {
                move(e.getValue(), e.getKey());
            }
        } finally {
            for (Path tmp : written.values()) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Writes a UTF-8 string atomically. */
    public static void writeString(Path target, String content) throws IOException {
        write(target, tmp -> Files.writeString(tmp, content, StandardCharsets.UTF_8));
    }

    /** Writes bytes atomically. */
    public static void writeBytes(Path target, byte[] content) throws IOException {
        write(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(content);
            }
        });
    }

    /** Renames {@code source} over {@code target}, atomically where the file system allows. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Temporary files are created owner-only (rw-------); give the result the permissions of the
     * file it replaces, or the usual rw-r--r-- for a new one.
     */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    private static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
