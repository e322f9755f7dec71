package io.fashionae.inference;

import java.util.Map;

/**
 * What the exported encoder and decoder share: one ONNX Runtime session ({@link OnnxModel}) and
 * the shapes read from it, the images' {@code [C, S, S]} on one side and the latent vector on the
 * other.
 */
public abstract sealed class OnnxPart implements AutoCloseable permits OnnxEncoder, OnnxDecoder {
    /** The session. */
    final OnnxModel model;

    private final int latentDim;
    private final int imageSide;
    private final int imageChannels;

    /**
     * @param model       the open session
     * @param imageShape  the images' shape, {@code [batch, C, S, S]} (the encoder's input, the decoder's output)
     * @param latentShape the latent's shape, {@code [batch, latentDim]}
     */
    OnnxPart(OnnxModel model, long[] imageShape, long[] latentShape) {
        this.model = model;
        this.latentDim = Math.toIntExact(latentShape[1]);
        this.imageSide = Math.toIntExact(imageShape[3]);
        this.imageChannels = Math.toIntExact(imageShape[1]);
    }

    /** The latent size. */
    public int latentDim() {
        return latentDim;
    }

    /** Side of the (padded) images. */
    public int imageSide() {
        return imageSide;
    }

    /** Planes per image: 1 grey, 3 RGB. */
    public int imageChannels() {
        return imageChannels;
    }

    /** The file's metadata. */
    public Map<String, String> metadata() {
        return model.metadata();
    }

    @Override
    public void close() {
        model.close();
    }
}
