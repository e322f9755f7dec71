package io.fashionae.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The inference passes a run makes over the current weights of an {@link Autoencoder} (latent
 * frames, validation, final figures): batch norm on its running statistics, no dropout, nothing
 * learned. {@link #dl4j} runs them through the model's own DL4J graphs (its encoding through
 * oneDNN's direct encoder where that applies); another engine (ONNX Runtime on a snapshot of the
 * weights, in {@code io.fashionae.onnx}) may run them faster, and must give the same numbers to
 * within float rounding.
 */
public interface Inference extends AutoCloseable {

    /** Latent vectors of images {@code [N, C, H, W]}, row-major {@code float[N * latentDim]}. */
    float[] encode(INDArray images);

    /** Reconstructions {@code [N, C, H, W]} (32-bit floats) of images {@code [N, C, H, W]}. */
    INDArray reconstruct(INDArray images);

    /** Images {@code [N, C, H, W]} (32-bit floats) decoded from latent vectors {@code [N, latentDim]}. */
    INDArray decode(INDArray latents);

    /** A short name for logs and metrics ({@code "dl4j"}, {@code "onnxruntime"}). */
    String engine();

    /** Releases what the engine holds; DL4J's holds nothing. */
    @Override
    void close();

    /**
     * {@code rest} with its encoding done by {@code model} itself where that runs oneDNN's direct
     * encoder ({@link Autoencoder#encodesWithOneDnn}), which encoded 38,600-42,400 images/s on 2
     * cores against ONNX Runtime's 21,000-25,900; {@code rest} unchanged otherwise. Closing it
     * closes {@code rest}.
     */
    static Inference encodingThroughModel(Autoencoder model, Inference rest) {
        if (!model.encodesWithOneDnn()) {
            return rest;
        }
        return new ComposedInference(
                model::encodeToArray, rest::reconstruct, rest::decode, "onednn+" + rest.engine(), rest::close);
    }

    /** Inference through {@code model}'s own DL4J encoder and decoder graphs. */
    static Inference dl4j(Autoencoder model) {
        return new ComposedInference(model::encodeToArray, model::reconstruct, model::decode, "dl4j", () -> {});
    }
}
