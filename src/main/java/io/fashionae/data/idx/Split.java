package io.fashionae.data.idx;

/** The two parts of Fashion-MNIST: the training set and the test set we validate on. */
public enum Split {
    /** 60,000 images, shuffled every epoch. */
    TRAIN(IdxFile.TRAIN_IMAGES, IdxFile.TRAIN_LABELS),
    /** 10,000 images, never shuffled; the seed's "validation" set. */
    TEST(IdxFile.TEST_IMAGES, IdxFile.TEST_LABELS);

    private final IdxFile images;
    private final IdxFile labels;

    Split(IdxFile images, IdxFile labels) {
        this.images = images;
        this.labels = labels;
    }

    /** The images file of this split. */
    public IdxFile images() {
        return images;
    }

    /** The labels file of this split. */
    public IdxFile labels() {
        return labels;
    }
}
