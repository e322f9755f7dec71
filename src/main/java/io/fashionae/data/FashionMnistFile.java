package io.fashionae.data;

/**
 * The four files of Fashion-MNIST with the size and SHA-256 of their decompressed bytes.
 *
 * <p>Hashes are of the decompressed IDX bytes, not the {@code .gz}: Debian's
 * {@code dataset-fashion-mnist} re-compressed the files, so their {@code .gz} hashes differ from
 * the official download's while the content is the same.
 */
public enum FashionMnistFile {
    /** 60,000 training images. */
    TRAIN_IMAGES(
            "train-images-idx3-ubyte",
            3,
            47_040_016L,
            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
    /** 60,000 training labels. */
    TRAIN_LABELS(
            "train-labels-idx1-ubyte", 1, 60_008L, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
    /** 10,000 test (validation) images. */
    TEST_IMAGES(
            "t10k-images-idx3-ubyte",
            3,
            7_840_016L,
            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
    /** 10,000 test (validation) labels. */
    TEST_LABELS(
            "t10k-labels-idx1-ubyte", 1, 10_008L, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

    private final String fileName;
    private final int dims;
    private final long decompressedBytes;
    private final String sha256;

    FashionMnistFile(String fileName, int dims, long decompressedBytes, String sha256) {
        this.fileName = fileName;
        this.dims = dims;
        this.decompressedBytes = decompressedBytes;
        this.sha256 = sha256;
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

    /** SHA-256 of the decompressed file. */
    public String sha256() {
        return sha256;
    }
}
