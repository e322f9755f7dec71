package io.fashionae.data;

/**
 * Stored images, each a fixed-size record of unsigned bytes (CHW), read by index. A split read
 * from IDX files keeps its bytes in one array; a folder of image files keeps its decoded images in
 * an {@link io.fashionae.data.images.ImageCache}, in memory up to a budget and on disk beyond it.
 */
public interface PixelStore extends AutoCloseable {

    /** Bytes per image. */
    int recordBytes();

    /** Number of images stored. */
    int images();

    /** Copies image {@code index} into {@code out} at {@code offset}; safe to call from several threads. */
    void read(int index, byte[] out, int offset);

    /** Releases memory and files; the store cannot be read afterwards. */
    @Override
    default void close() {}

    /** The images in {@code pixels}, {@code recordBytes} each, from index 0. */
    static PixelStore of(byte[] pixels, int recordBytes) {
        return new PixelStore() {
            @Override
            public int recordBytes() {
                return recordBytes;
            }

            @Override
            public int images() {
                return pixels.length / recordBytes;
            }

            @Override
            public void read(int index, byte[] out, int offset) {
                System.arraycopy(pixels, index * recordBytes, out, offset, recordBytes);
            }
        };
    }

    /** The images of {@code base} at {@code indices}, in that order, as a store of their own (no copy). */
    static PixelStore select(PixelStore base, int[] indices) {
        int[] at = indices.clone();
        return new PixelStore() {
            @Override
            public int recordBytes() {
                return base.recordBytes();
            }

            @Override
            public int images() {
                return at.length;
            }

            @Override
            public void read(int index, byte[] out, int offset) {
                base.read(at[index], out, offset);
            }
        };
    }
}
