package io.fashionae.inference;

import java.nio.file.Path;

/**
 * Decodes latent points to images with {@code decoder.onnx} in ONNX Runtime, without ND4J.
 * Input {@code latent [batch, latentDim]}, output {@code image [batch, 1, 32, 32]}.
 */
public final class OnnxDecoder implements AutoCloseable {
    private final OnnxModel model;
    private final int latentDim;
    private final int imageSide;

    private OnnxDecoder(OnnxModel model) {
        this.model = model;
        this.latentDim = (int) model.inputShape()[1];
        this.imageSide = (int) model.outputShape()[3];
    }

    /** Opens a {@code decoder.onnx}. */
    public static OnnxDecoder open(Path file) {
        return new OnnxDecoder(OnnxModel.open(file, "latent", "image"));
    }

    /** The latent size the file expects. */
    public int latentDim() {
        return latentDim;
    }

    /** Side of the decoded images. */
    public int imageSide() {
        return imageSide;
    }

    /** Decodes {@code n} points given row-major in {@code latents}; returns {@code n * side * side} pixels. */
    public float[] decode(float[] latents, int n) {
        if (latents.length != n * latentDim) {
            throw new io.fashionae.common.UserException(latents.length / Math.max(n, 1) + "-D latent points for a "
                    + latentDim + "-D decoder", "give " + latentDim + " coordinates per point");
        }
        return model.run(latents, n, latentDim);
    }

    /** The file's metadata. */
    public java.util.Map<String, String> metadata() {
        return model.metadata();
    }

    @Override
    public void close() {
        model.close();
    }
}
