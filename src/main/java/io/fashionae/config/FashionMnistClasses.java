package io.fashionae.config;

import java.util.List;

/** The ten Fashion-MNIST classes, by label index. */
public final class FashionMnistClasses {
    /** Class names in label order (the seed's "Sandla" corrected to "Sandal"). */
    public static final List<String> NAMES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Number of classes. */
    public static final int COUNT = NAMES.size();

    /** Side of an unpadded Fashion-MNIST image. */
    public static final int IMAGE_SIDE = 28;

    private FashionMnistClasses() {}

    /** The name of {@code label}. */
    public static String name(int label) {
        return NAMES.get(label);
    }
}
