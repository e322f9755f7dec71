package io.fashionae.inference;

import java.nio.file.Path;

/**
 * Encodes padded images to latent vectors with {@code encoder.onnx} in ONNX Runtime, without
 * ND4J. Input {@code image [batch, 1, 32, 32]}, output {@code latent [batch, latentDim]}.
 */
public final class OnnxEncoder implements AutoCloseable {
    private final OnnxModel model;
    private final int latentDim;
    private final int imageSide;

    private OnnxEncoder(OnnxModel model) {
        this.model = model;
        this.latentDim = (int) model.outputShape()[1];
        this.imageSide = (int) model.inputShape()[3];
    }

    /** Opens an {@code encoder.onnx}. */
    public static OnnxEncoder open(Path file) {
        return new OnnxEncoder(OnnxModel.open(file, "image", "latent"));
    }

    /** The latent size. */
    public int latentDim() {
        return latentDim;
    }

    /** Side of the (padded) input images. */
    public int imageSide() {
        return imageSide;
    }

    /** Encodes {@code n} padded images (row-major pixels); returns {@code n * latentDim} values. */
    public float[] encode(float[] images, int n) {
        return model.run(images, n, 1, imageSide, imageSide);
    }

    @Override
    public void close() {
        model.close();
    }
}
