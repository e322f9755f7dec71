package io.fashionae.inference;

import java.nio.file.Path;

/**
 * Encodes padded images to latent vectors with {@code encoder.onnx} in ONNX Runtime, without
 * ND4J. Input {@code image [batch, C, S, S]} ({@code [batch, 1, 32, 32]} for Fashion-MNIST), output
 * {@code latent [batch, latentDim]}.
 */
public final class OnnxEncoder implements AutoCloseable {
    /**
     * Images per ONNX Runtime call, as in training's inference passes: the seed's encoder on 2
     * threads encoded 10,000 images at 24,500 images/s in calls of 64 and 13,800 in calls of 512
     * (a call's activations, ~0.3 MB an image, then stay in the caches); one call of everything
     * would also hold every image's activations at once.
     */
    private static final int CHUNK = 64;

    private final OnnxModel model;
    private final int latentDim;
    private final int imageSide;
    private final int imageChannels;

    private OnnxEncoder(OnnxModel model) {
        this.model = model;
        this.latentDim = (int) model.outputShape()[1];
        this.imageSide = (int) model.inputShape()[3];
        this.imageChannels = (int) model.inputShape()[1];
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

    /** Planes per input image: 1 grey, 3 RGB. */
    public int imageChannels() {
        return imageChannels;
    }

    /**
     * Whether the model was trained on a folder of image files ({@code --images}), whose inputs are
     * image files fitted to the side rather than 28x28 IDX images padded to it.
     */
    public boolean takesImageFiles() {
        return model.metadata().getOrDefault("dataset", "").startsWith("images:");
    }

    /** Encodes {@code n} padded images (CHW pixels); returns {@code n * latentDim} values. */
    public float[] encode(float[] images, int n) {
        return model.runInChunks(images, n, CHUNK, imageChannels, imageSide, imageSide);
    }

    @Override
    public void close() {
        model.close();
    }
}
