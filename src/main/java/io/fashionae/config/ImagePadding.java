package io.fashionae.config;

import io.fashionae.common.UserException;

/**
 * Turns unsigned-byte images into the network's input: scaled to [0, 1] (ToTensor) and
 * zero-padded evenly on every side (the seed's Pad(2): 28x28 to 32x32). Images are stored plane
 * after plane (CHW): one plane for grey, three for RGB.
 */
public final class ImagePadding {
    private static final float[] SCALE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            SCALE[i] = i / 255f;
        }
    }

    private final int side;
    private final int paddedSide;
    private final int pad;
    private final int channels;

    /**
     * Grey images.
     *
     * @param side       side of the stored images (28)
     * @param paddedSide side of the network input (32)
     */
    public ImagePadding(int side, int paddedSide) {
        this(side, paddedSide, 1);
    }

    /**
     * @param side       side of the stored images
     * @param paddedSide side of the network input
     * @param channels   planes per image (1 grey, 3 RGB)
     */
    public ImagePadding(int side, int paddedSide, int channels) {
        if (paddedSide < side || (paddedSide - side) % 2 != 0) {
            throw new UserException(
                    "cannot pad " + side + "x" + side + " images to " + paddedSide + "x" + paddedSide,
                    "the input side must be " + side + " plus an even number");
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels " + channels);
        }
        this.side = side;
        this.paddedSide = paddedSide;
        this.pad = (paddedSide - side) / 2;
        this.channels = channels;
    }

    /** Fashion-MNIST's 28x28 images padded to {@code paddedSide}: the one place the padding is worked out. */
    public static ImagePadding fashionMnistTo(int paddedSide) {
        return new ImagePadding(FashionMnistClasses.IMAGE_SIDE, paddedSide);
    }

    /** Values of one padded image, every plane. */
    public int paddedPixels() {
        return channels * paddedSide * paddedSide;
    }

    /** Bytes of one stored image, every plane. */
    public int storedBytes() {
        return channels * side * side;
    }

    /** Side of the stored (unpadded) image. */
    public int side() {
        return side;
    }

    /** Side of the padded image. */
    public int paddedSide() {
        return paddedSide;
    }

    /** Zero rows or columns added on each side. */
    public int pad() {
        return pad;
    }

    /** Planes per image. */
    public int channels() {
        return channels;
    }

    /**
     * Writes image {@code index} of {@code pixels} ({@link #storedBytes()} bytes each, CHW) scaled
     * and padded into {@code out} at {@code outOffset}. The padding must already be zero in
     * {@code out} (a fresh array is).
     */
    public void padInto(byte[] pixels, int index, float[] out, int outOffset) {
        int src = index * storedBytes();
        for (int ch = 0; ch < channels; ch++) {
            int dst = outOffset + ch * paddedSide * paddedSide + pad * paddedSide + pad;
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    out[dst + c] = SCALE[pixels[src + c] & 0xff];
                }
                src += side;
                dst += paddedSide;
            }
        }
    }
}
