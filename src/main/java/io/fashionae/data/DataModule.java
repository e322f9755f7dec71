package io.fashionae.data;

import io.fashionae.config.ImagePadding;
import java.util.List;

/**
 * The data side of a run, in the manner of a Lightning data module: it finds, reads and verifies
 * both splits once, keeps them (compactly), and hands out batch iterators. {@link IdxDataModule}
 * serves the MNIST family's IDX files, {@link ImageFolderDataModule} a folder of image files.
 */
public interface DataModule extends AutoCloseable {

    /** What the data is called in metrics, metadata and comparisons: {@code fashion-mnist}, {@code images:shoes}. */
    String name();

    /** Class names in label order; empty for unlabelled images (every label is then 0). */
    List<String> classNames();

    /** Whether the images have classes: kNN accuracy, per-class figures and class colours need them. */
    default boolean labelled() {
        return !classNames().isEmpty();
    }

    /**
     * The names figures give the labels: the class names, or the one name "image" for unlabelled
     * images (one series, one colour).
     */
    default List<String> legendNames() {
        return labelled() ? classNames() : List.of("image");
    }

    /** The training split, read and verified on first use. */
    LabeledImages train();

    /** The validation split, read and verified on first use. */
    LabeledImages validation();

    /**
     * How stored images become the network's input: the stored side, the input side and the
     * channels. The central {@code side x side} pixels are the image itself (the MSE reported on
     * them leaves the padding out).
     */
    ImagePadding input();

    /** Folder, counts and verified hashes of what has been loaded. */
    DataSummary summary();

    /** Training batches for {@code epoch}, shuffled by {@code (seed, epoch)}. */
    default BatchIterator trainBatches(int batchSize, long seed, int epoch) {
        return BatchIterator.shuffled(train(), batchSize, seed, epoch);
    }

    /** Validation batches in stored order. */
    default BatchIterator validationBatches(int batchSize) {
        return BatchIterator.sequential(validation(), batchSize);
    }

    /** Releases what the module holds beyond the Java heap (a cache's native memory and file). */
    @Override
    default void close() {}
}
