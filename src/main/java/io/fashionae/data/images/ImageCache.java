package io.fashionae.data.images;

import io.fashionae.data.PixelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.bytedeco.javacpp.BytePointer;

/**
 * Decoded images of a run, written once (by the decoding pass, from several threads) and read
 * every epoch after it: the first {@link #memoryImages()} in native memory, the rest in a
 * temporary file that is deleted when the cache is closed (or the JVM exits).
 *
 * <p>The memory part is native (JavaCPP, counted against ND4J's off-heap limit) rather than a
 * Java array: the heap is kept small for the DL4J objects, and a cache of 20,000 64x64 RGB images
 * is 246 MB. Images past the budget are read back with positional reads, which the operating
 * system's page cache serves from memory while there is some to spare, so a folder larger than
 * memory still trains, at disk speed.
 */
public final class ImageCache implements PixelStore {
    private final int recordBytes;
    private final int images;
    private final int memoryImages;
    private final BytePointer memory;
    private final Path file;
    private final FileChannel channel;

    /**
     * @param images      number of images
     * @param recordBytes bytes per image
     * @param budgetBytes memory for the first images; the rest goes to a temporary file
     * @param tempDir     folder of the temporary file
     */
    public ImageCache(int images, int recordBytes, long budgetBytes, Path tempDir) {
        if (images < 0 || recordBytes < 1 || budgetBytes < 0) {
            throw new IllegalArgumentException(images + " images of " + recordBytes + " bytes, budget " + budgetBytes);
        }
        this.recordBytes = recordBytes;
        this.images = images;
        this.memoryImages = (int) Math.min(images, budgetBytes / recordBytes);
        this.memory = memoryImages > 0 ? new BytePointer((long) memoryImages * recordBytes) : null;
        if (memoryImages < images) {
            try {
                Files.createDirectories(tempDir);
                this.file = Files.createTempFile(tempDir, "fashionae-images-", ".cache");
                file.toFile().deleteOnExit();
                this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the image cache file in " + tempDir, e);
            }
        } else {
            this.file = null;
            this.channel = null;
        }
    }

    @Override
    public int recordBytes() {
        return recordBytes;
    }

    @Override
    public int images() {
        return images;
    }

    /** Images held in memory (the first ones); the others are on disk. */
    public int memoryImages() {
        return memoryImages;
    }

    /** Stores image {@code index}; distinct indices may be written from several threads at once. */
    public void write(int index, byte[] record, int offset) {
        check(index);
        if (index < memoryImages) {
            // A pointer of its own per call: position() is state, and writers run in parallel.
            new BytePointer(memory).position((long) index * recordBytes).put(record, offset, recordBytes);
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(record, offset, recordBytes);
        long at = (long) (index - memoryImages) * recordBytes;
        try {
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the image cache " + file, e);
        }
    }

    @Override
    public void read(int index, byte[] out, int offset) {
        check(index);
        if (index < memoryImages) {
            new BytePointer(memory).position((long) index * recordBytes).get(out, offset, recordBytes);
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(out, offset, recordBytes);
        long at = (long) (index - memoryImages) * recordBytes;
        try {
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, at);
                if (n < 0) {
                    throw new IOException("end of file at image " + index);
                }
                at += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image cache " + file, e);
        }
    }

    /**
     * A cache of the first {@code planes} planes of each image (of {@code planesPerImage}): an RGB
     * cache of images that all turned out grey becomes a one-plane cache. This one is closed.
     */
    public ImageCache firstPlanes(int planes, int planesPerImage, long budgetBytes, Path tempDir) {
        int bytes = recordBytes / planesPerImage * planes;
        ImageCache out = new ImageCache(images, bytes, budgetBytes, tempDir);
        byte[] record = new byte[recordBytes];
        for (int i = 0; i < images; i++) {
            read(i, record, 0);
            out.write(i, record, 0);
        }
        close();
        return out;
    }

    private void check(int index) {
        if (index < 0 || index >= images) {
            throw new IndexOutOfBoundsException("image " + index + " of " + images);
        }
    }

    @Override
    public void close() {
        if (memory != null) {
            memory.close();
        }
        if (channel != null) {
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the image cache " + file, e);
            }
        }
    }
}
