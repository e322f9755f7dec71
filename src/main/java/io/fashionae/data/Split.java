package io.fashionae.data;

/** The two parts of Fashion-MNIST: the training set and the test set we validate on. */
public enum Split {
    /** 60,000 images, shuffled every epoch. */
    TRAIN(FashionMnistFile.TRAIN_IMAGES, FashionMnistFile.TRAIN_LABELS),
    /** 10,000 images, never shuffled; the seed's "validation" set. */
    TEST(FashionMnistFile.TEST_IMAGES, FashionMnistFile.TEST_LABELS);

    private final FashionMnistFile images;
    private final FashionMnistFile labels;

    Split(FashionMnistFile images, FashionMnistFile labels) {
        this.images = images;
        this.labels = labels;
    }

    /** The images file of this split. */
    public FashionMnistFile images() {
        return images;
    }

    /** The labels file of this split. */
    public FashionMnistFile labels() {
        return labels;
    }
}
