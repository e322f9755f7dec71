package io.fashionae.inference;

import io.fashionae.common.UserException;
import java.nio.file.Path;

/**
 * Decodes latent points to images with {@code decoder.onnx} in ONNX Runtime, without ND4J.
 * Input {@code latent [batch, latentDim]}, output {@code image [batch, 1, 32, 32]}.
 */
public final class OnnxDecoder extends OnnxPart {
    private OnnxDecoder(OnnxModel model) {
        super(model, model.outputShape(), model.inputShape());
    }

    /** Opens a {@code decoder.onnx}. */
    public static OnnxDecoder open(Path file) {
        return new OnnxDecoder(OnnxModel.open(file, "latent", "image"));
    }

    /** Decodes {@code n} points given row-major in {@code latents}; returns {@code n * side * side} pixels. */
    public float[] decode(float[] latents, int n) {
        int latentDim = latentDim();
        if (latents.length != n * latentDim) {
            throw new UserException(
                    latents.length / Math.max(n, 1) + "-D latent points for a " + latentDim + "-D decoder",
                    "give " + latentDim + " coordinates per point");
        }
        return model.runInChunks(latents, n, OnnxModel.CALL_SIZE, latentDim);
    }

    /**
     * Indices of the images (of {@code n} in {@code images}) that hold a NaN or an infinite pixel:
     * the decoder's arithmetic overflowed for those points.
     */
    public static java.util.List<Integer> nonFiniteImages(float[] images, int n) {
        java.util.List<Integer> bad = new java.util.ArrayList<>();
        int perImage = n == 0 ? 0 : images.length / n;
        for (int i = 0; i < n; i++) {
            for (int j = i * perImage; j < (i + 1) * perImage; j++) {
                if (!Float.isFinite(images[j])) {
                    bad.add(i);
                    break;
                }
            }
        }
        return bad;
    }
}
