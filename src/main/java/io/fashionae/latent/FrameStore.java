package io.fashionae.latent;

import io.fashionae.common.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Keeps each frame as a small binary file, {@code step-NNNN.bin}, so the animation and the report
 * can redraw every frame later on one common axis range.
 *
 * <p>Format (little-endian): magic {@code FAEF}, version 1, step, epoch (int32), loss, knn5
 * (float64), points, dim (int32), one label byte per point, then points x dim float32.
 */
public final class FrameStore implements FrameSink {
    private static final int MAGIC = 0x46454146; // "FAEF" read little-endian
    private static final int VERSION = 1;
    private static final int HEADER = 4 * 4 + 8 * 2 + 4 * 2;

    private final Path dir;

    /** Frames live in {@code dir} (created on first write). */
    public FrameStore(Path dir) {
        this.dir = dir;
    }

    /** The file of {@code step}. */
    public Path fileOf(int step) {
        return dir.resolve(String.format(Locale.ROOT, "step-%04d.bin", step));
    }

    @Override
    public void accept(LatentFrame frame) {
        try {
            AtomicFiles.writeBytes(fileOf(frame.step()), encode(frame));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write latent frame " + fileOf(frame.step()), e);
        }
    }

    /** Writes one frame to {@code file} (atomically), in the frame format, outside any frame folder. */
    public static void write(Path file, LatentFrame frame) throws IOException {
        AtomicFiles.writeBytes(file, encode(frame));
    }

    /** Reads a file written by {@link #write} (or a stored frame). */
    public static LatentFrame read(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file);
    }

    /** Every stored frame, in step order. */
    public List<LatentFrame> readAll() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<LatentFrame> frames = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("step-\\d{4,}\\.bin"))
                    .sorted()
                    .toList()) {
                frames.add(decode(Files.readAllBytes(p), p));
            }
        }
        frames.sort((a, b) -> Integer.compare(a.step(), b.step()));
        return frames;
    }

    /** Deletes the frames of an earlier run, so a new run's animation holds only its own. */
    public void clear() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("step-\\d{4,}\\.(bin|png)"))
                    .toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static byte[] encode(LatentFrame f) {
        LatentPoints p = f.points();
        ByteBuffer b =
                ByteBuffer.allocate(HEADER + p.size() + 4 * p.values().length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC)
                .putInt(VERSION)
                .putInt(f.step())
                .putInt(f.epoch())
                .putDouble(f.loss())
                .putDouble(f.knn5())
                .putInt(p.size())
                .putInt(p.dim());
        for (int label : p.labels()) {
            b.put((byte) label);
        }
        b.asFloatBuffer().put(p.values());
        return b.array();
    }

    static LatentFrame decode(byte[] bytes, Path source) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < HEADER || b.getInt() != MAGIC || b.getInt() != VERSION) {
            throw new IOException(source + ": not a latent frame file");
        }
        int step = b.getInt();
        int epoch = b.getInt();
        double loss = b.getDouble();
        double knn = b.getDouble();
        int n = b.getInt();
        int dim = b.getInt();
        if (n < 0 || dim < 1 || (long) HEADER + n + 4L * n * dim != bytes.length) {
            throw new IOException(source + ": frame size does not match its header");
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = b.get() & 0xff;
        }
        float[] values = new float[n * dim];
        b.asFloatBuffer().get(values);
        return new LatentFrame(step, epoch, loss, knn, new LatentPoints(values, dim, labels));
    }
}
