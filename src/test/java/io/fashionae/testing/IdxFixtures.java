package io.fashionae.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests: valid ones with known pixels, and broken ones on purpose. */
public final class IdxFixtures {
    private IdxFixtures() {}

    /** IDX bytes: magic {@code 0x0000 08 ndims}, big-endian dims, then {@code payload}. */
    public static byte[] idx(int[] dims, byte[] payload) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(0x00000800 | dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(payload);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code n} 28x28 images whose pixel (r, c) of image i is {@code (i + r + c) % 256}. */
    public static byte[] imagesPayload(int n) {
        byte[] data = new byte[n * 784];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    data[i * 784 + r * 28 + c] = (byte) ((i + r + c) % 256);
                }
            }
        }
        return data;
    }

    /** Labels {@code i % 10}. */
    public static byte[] labelsPayload(int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i % 10);
        }
        return data;
    }

    /** Writes {@code content}, gzipped when the name ends in {@code .gz}. */
    public static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        if (file.getFileName().toString().endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(content);
            }
        } else {
            Files.write(file, content);
        }
        return file;
    }

    /** A valid pair of images and labels files with {@code n} items. */
    public static Path[] writePair(Path dir, String prefix, int n, boolean gzip) throws IOException {
        String ext = gzip ? ".gz" : "";
        Path images =
                write(dir.resolve(prefix + "-images-idx3-ubyte" + ext), idx(new int[] {n, 28, 28}, imagesPayload(n)));
        Path labels = write(dir.resolve(prefix + "-labels-idx1-ubyte" + ext), idx(new int[] {n}, labelsPayload(n)));
        return new Path[] {images, labels};
    }
}
