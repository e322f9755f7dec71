package io.fashionae.inference;

import java.nio.file.Path;

/**
 * Encodes padded images to latent vectors with {@code encoder.onnx} in ONNX Runtime, without
 * ND4J. Input {@code image [batch, C, S, S]} ({@code [batch, 1, 32, 32]} for Fashion-MNIST), output
 * {@code latent [batch, latentDim]}.
 */
public final class OnnxEncoder extends OnnxPart {
    private OnnxEncoder(OnnxModel model) {
        super(model, model.inputShape(), model.outputShape());
    }

    /** Opens an {@code encoder.onnx}. */
    public static OnnxEncoder open(Path file) {
        return new OnnxEncoder(OnnxModel.open(file, "image", "latent"));
    }

    /**
     * Whether the model was trained on a folder of image files ({@code --images}), whose inputs are
     * image files fitted to the side rather than 28x28 IDX images padded to it.
     */
    public boolean takesImageFiles() {
        return metadata().getOrDefault("dataset", "").startsWith("images:");
    }

    /** Encodes {@code n} padded images (CHW pixels); returns {@code n * latentDim} values. */
    public float[] encode(float[] images, int n) {
        return model.runInChunks(images, n, OnnxModel.CALL_SIZE, imageChannels(), imageSide(), imageSide());
    }
}
