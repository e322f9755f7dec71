package io.fashionae.onnx;

/** Which part of the autoencoder an ONNX file holds, with its file, input and output names. */
public enum ModelPart {
    /** {@code image [batch, 1, 32, 32]} to {@code latent [batch, latentDim]}. */
    ENCODER("encoder.onnx", "image", "latent"),
    /** {@code latent [batch, latentDim]} to {@code image [batch, 1, 32, 32]}. */
    DECODER("decoder.onnx", "latent", "image"),
    /** {@code image} to {@code reconstruction}, both {@code [batch, 1, 32, 32]}. */
    AUTOENCODER("autoencoder.onnx", "image", "reconstruction");

    private final String fileName;
    private final String inputName;
    private final String outputName;

    ModelPart(String fileName, String inputName, String outputName) {
        this.fileName = fileName;
        this.inputName = inputName;
        this.outputName = outputName;
    }

    /** File name under the models folder. */
    public String fileName() {
        return fileName;
    }

    /** The graph's input name. */
    public String inputName() {
        return inputName;
    }

    /** The graph's output name. */
    public String outputName() {
        return outputName;
    }

    /** Whether the input is an image (else a latent vector). */
    public boolean takesImages() {
        return this != DECODER;
    }

    /** Whether the output is an image (else a latent vector). */
    public boolean givesImages() {
        return this != ENCODER;
    }
}
