package io.fashionae.model;

/** What a layer of the {@link ArchitecturePlan} computes; each engine's kit and every consumer maps each kind. */
public enum LayerKind {
    /** A 2-D convolution: weights {@code W [out, in, k, k]}, bias {@code b [out]}. */
    CONVOLUTION("Convolution"),
    /** A 2-D transposed convolution: weights {@code W [in, out, k, k]} (ONNX's layout), bias {@code b [out]}. */
    DECONVOLUTION("Deconvolution2D"),
    /** Drops rows and columns at the borders of a feature map. */
    CROP("Cropping2D"),
    /** Batch norm over channels: {@code gamma, beta} trained; running {@code mean, log10stdev} state. */
    BATCH_NORM("BatchNormalization"),
    /** The GELU activation, in the form the plan's {@code gelu} says. */
    GELU("Activation(GELU)"),
    /** Spatial dropout (whole channels), in training only. */
    DROPOUT("Dropout"),
    /** A fully connected layer (a map input flattened channel-major): {@code W [in, out]}, {@code b [out]}. */
    DENSE("Dense"),
    /** The logistic sigmoid: the end of a BCE model's decoder in inference (training's loss layer applies it). */
    SIGMOID("Activation(SIGMOID)");

    private final String label;

    LayerKind(String label) {
        this.label = label;
    }

    /** The name the summary shows, engine-neutral. */
    public String label() {
        return label;
    }
}
