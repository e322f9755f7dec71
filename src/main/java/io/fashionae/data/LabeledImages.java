package io.fashionae.data;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One split in memory: padded, scaled images as one contiguous {@code [N, 1, S, S]} array and
 * their class labels. Batches are gathered from it, never rebuilt image by image.
 *
 * @param images {@code [N, 1, S, S]} float array, values in [0, 1]
 * @param labels class index per image, 0..9
 */
public record LabeledImages(INDArray images, int[] labels) {

    /** Checks that images and labels agree. */
    public LabeledImages {
        if (images.rank() != 4 || images.size(0) != labels.length) {
            throw new IllegalArgumentException(
                    "images " + Arrays.toString(images.shape()) + " vs " + labels.length + " labels");
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** The first {@code n} images and labels (a view, no copy); all of them when {@code n} is 0 or larger. */
    public LabeledImages first(int n) {
        if (n <= 0 || n >= size()) {
            return this;
        }
        return new LabeledImages(
                images.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n)), Arrays.copyOf(labels, n));
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Label of image {@code i}, without copying the array. */
    public int label(int i) {
        return labels[i];
    }
}
