package io.fashionae.data.idx;

import io.fashionae.common.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Compares a file with the hash its data set publishes ({@link IdxDistribution}). */
final class HashCheck {
    private HashCheck() {}

    /**
     * Checks {@code content}, read from {@code file}, against the published SHA-256 of the
     * decompressed {@code expected}, or, where only the {@code .gz}'s is published, the file's own.
     *
     * @throws IdxFormatException naming the file and both hashes when they differ, or when the
     *         file cannot be verified (a raw file of a data set published only with .gz hashes)
     */
    static void verify(IdxDistribution distribution, IdxFile expected, IdxArray content, Path file, String where) {
        String decompressed = distribution.decompressedSha256().get(expected);
        if (decompressed != null) {
            if (!decompressed.equals(content.sha256())) {
                throw new IdxFormatException(
                        where,
                        "SHA-256 of the decompressed content is " + content.sha256() + ", expected " + decompressed
                                + " for " + distribution.dataset().title() + "'s " + expected.fileName());
            }
            return;
        }
        String gz = distribution.gzSha256().get(expected);
        if (gz == null) {
            return;
        }
        if (!isGzip(file)) {
            throw new IdxFormatException(
                    where,
                    distribution.dataset().title() + " publishes the SHA-256 of its .gz files only, so "
                            + expected.fileName() + " cannot be verified decompressed; keep the downloaded "
                            + expected.fileName() + ".gz");
        }
        String actual = sha256(file);
        if (!gz.equals(actual)) {
            throw new IdxFormatException(
                    where,
                    "SHA-256 of the file is " + actual + ", expected " + gz + " for "
                            + distribution.dataset().title() + "'s " + expected.fileName() + ".gz");
        }
    }

    /** By the gzip magic number, not the name: a download is checked under its temporary name. */
    private static boolean isGzip(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
