package io.fashionae.data;

import io.fashionae.config.FashionMnistClasses;
import io.fashionae.config.ImagePadding;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One split, with its class labels, handed out as padded, scaled float images
 * {@code [N, C, S, S]} (values in [0, 1]) by range or by gathered indices.
 *
 * <p>A split read from files is kept {@linkplain #compact compact}: the stored bytes (784 per
 * Fashion-MNIST image; a folder's decoded images in an
 * {@link io.fashionae.data.images.ImageCache}), padded and scaled only for the images asked for.
 * The float form of the training split is 4.9 times larger (245 MB
 * against 47 MB for Fashion-MNIST), and a run only ever needs a batch of it at a time.
 * A {@linkplain #dense dense} split holds a float array as given (synthetic data, tests).
 */
public final class LabeledImages {
    /** The float images, or null when compact. */
    private final INDArray dense;
    /** The stored pixels, {@code padding.storedBytes()} per image from index 0, or null when dense. */
    private final PixelStore pixels;

    private final ImagePadding padding;
    private final int[] labels;
    private final int classes;

    private LabeledImages(INDArray dense, PixelStore pixels, ImagePadding padding, int[] labels, int classes) {
        this.dense = dense;
        this.pixels = pixels;
        this.padding = padding;
        this.labels = labels;
        this.classes = classes;
    }

    /**
     * A split over float images as given.
     *
     * @param images {@code [N, C, S, S]} float array, values in [0, 1]
     * @param labels class index per image
     */
    public static LabeledImages dense(INDArray images, int[] labels) {
        return dense(images, labels, FashionMnistClasses.COUNT);
    }

    /**
     * A split over float images as given, with labels in {@code 0..classes-1}.
     *
     * @param images  {@code [N, C, S, S]} float array, values in [0, 1]
     * @param labels  class index per image
     * @param classes number of classes (1 for unlabelled images, all of label 0)
     */
    public static LabeledImages dense(INDArray images, int[] labels, int classes) {
        if (images.rank() != 4 || images.size(0) != labels.length) {
            throw new IllegalArgumentException(
                    "images " + Arrays.toString(images.shape()) + " vs " + labels.length + " labels");
        }
        // Callers release the batches they are given (INDArray.close()); the split itself must survive that.
        images.setCloseable(false);
        return new LabeledImages(images, null, null, checked(labels, classes), classes);
    }

    /**
     * A split over Fashion-MNIST-like raw single-channel pixels, padded and scaled on demand.
     *
     * @param pixels  {@code padding.side()^2} bytes per image, row-major, at least {@code labels.length} images
     * @param padding how an image is padded and scaled to the network's input
     * @param labels  class index per image, below ten
     */
    public static LabeledImages compact(byte[] pixels, ImagePadding padding, int[] labels) {
        return compact(PixelStore.of(pixels, padding.storedBytes()), padding, labels, FashionMnistClasses.COUNT);
    }

    /**
     * A split over stored pixels, padded and scaled on demand.
     *
     * @param pixels  {@code padding.storedBytes()} per image (CHW), at least {@code labels.length} images
     * @param padding how an image is padded and scaled to the network's input
     * @param labels  class index per image
     * @param classes number of classes (1 for unlabelled images, all of label 0)
     */
    public static LabeledImages compact(PixelStore pixels, ImagePadding padding, int[] labels, int classes) {
        if (pixels.recordBytes() != padding.storedBytes()) {
            throw new IllegalArgumentException(
                    pixels.recordBytes() + " bytes per image stored, " + padding.storedBytes() + " expected");
        }
        if (pixels.images() < labels.length) {
            throw new IllegalArgumentException(pixels.images() + " images hold fewer than " + labels.length);
        }
        return new LabeledImages(null, pixels, padding, checked(labels, classes), classes);
    }

    private static int[] checked(int[] labels, int classes) {
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (classes - 1));
            }
        }
        return labels.clone();
    }

    /** Number of classes the labels index (1 when the images are unlabelled). */
    public int classes() {
        return classes;
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** The shape of one image as the network sees it: {@code [channels, side, side]}. */
    public long[] imageShape() {
        if (dense != null) {
            return new long[] {dense.size(1), dense.size(2), dense.size(3)};
        }
        return new long[] {padding.channels(), padding.paddedSide(), padding.paddedSide()};
    }

    /** The first {@code n} images and labels (no copy of the images); all of them when {@code n} is 0 or larger. */
    public LabeledImages first(int n) {
        if (n <= 0 || n >= size()) {
            return this;
        }
        int[] head = Arrays.copyOf(labels, n);
        return dense != null
                ? new LabeledImages(dense.get(NDArrayIndex.interval(0, n)), null, null, head, classes)
                : new LabeledImages(null, pixels, padding, head, classes);
    }

    /** Every image, {@code [N, C, S, S]}: the array itself when dense, a new one when compact. */
    public INDArray images() {
        return images(0, size());
    }

    /**
     * Images {@code from} (inclusive) to {@code to} (exclusive): a view when dense, a new array when
     * compact. Either may be released with {@code close()} once used (a no-op on a dense split).
     */
    public INDArray images(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("images " + from + ".." + to + " of " + size());
        }
        if (dense != null) {
            return from == 0 && to == size() ? dense : dense.get(NDArrayIndex.interval(from, to));
        }
        int[] indices = new int[to - from];
        Arrays.setAll(indices, i -> from + i);
        return gather(indices);
    }

    /** The images at {@code indices}, in that order, as a new {@code [n, C, S, S]} array (the caller's to close). */
    public INDArray gather(int[] indices) {
        long[] shape = imageShape();
        if (dense != null) {
            INDArray rows = dense.reshape(size(), shape[0] * shape[1] * shape[2]);
            return Nd4j.pullRows(rows, 1, indices).reshape('c', indices.length, shape[0], shape[1], shape[2]);
        }
        INDArray out = Nd4j.create(DataType.FLOAT, new long[] {indices.length, shape[0], shape[1], shape[2]}, 'c');
        // Padded and scaled straight into the array's native memory, one image at a time.
        FloatBuffer target = out.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        float[] image = new float[padding.paddedPixels()];
        byte[] stored = new byte[padding.storedBytes()];
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException("image " + index + " of " + size());
            }
            pixels.read(index, stored, 0);
            padding.padInto(stored, 0, image, 0);
            target.put(i * image.length, image);
        }
        return out;
    }

    /** The labels, a copy. */
    public int[] labels() {
        return labels.clone();
    }

    /** Label of image {@code i}, without copying the array. */
    public int label(int i) {
        return labels[i];
    }
}
