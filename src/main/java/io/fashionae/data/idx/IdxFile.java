package io.fashionae.data.idx;

/**
 * The four files of a data set of the MNIST family, with their decompressed sizes (the same for
 * Fashion-MNIST, MNIST and KMNIST: the format and the image counts are shared). What each data
 * set's files hash to is in {@link IdxDistribution}.
 */
public enum IdxFile {
    /** 60,000 training images. */
    TRAIN_IMAGES("train-images-idx3-ubyte", 3, 47_040_016L),
    /** 60,000 training labels. */
    TRAIN_LABELS("train-labels-idx1-ubyte", 1, 60_008L),
    /** 10,000 test (validation) images. */
    TEST_IMAGES("t10k-images-idx3-ubyte", 3, 7_840_016L),
    /** 10,000 test (validation) labels. */
    TEST_LABELS("t10k-labels-idx1-ubyte", 1, 10_008L);

    private final String fileName;
    private final int dims;
    private final long decompressedBytes;

    IdxFile(String fileName, int dims, long decompressedBytes) {
        this.fileName = fileName;
        this.dims = dims;
        this.decompressedBytes = decompressedBytes;
    }

    /** Name of the decompressed file; the download is this plus {@code .gz}. */
    public String fileName() {
        return fileName;
    }

    /** Number of IDX dimensions: 3 for images, 1 for labels. */
    public int dims() {
        return dims;
    }

    /** Size of the decompressed file in bytes. */
    public long decompressedBytes() {
        return decompressedBytes;
    }
}
