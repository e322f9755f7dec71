package io.fashionae.model;

/**
 * Vertex names of the autoencoder graph. The ONNX exporter, the plots and the split into encoder
 * and decoder all find layers by these names.
 */
public final class GraphNames {
    /** The graph's input: padded images {@code [N, 1, 32, 32]}. */
    public static final String IMAGE = "image";
    /** The bottleneck dense layer; its output is the latent vector. Also the decoder graph's input. */
    public static final String LATENT = "latent";
    /** The decoder's first layer: dense from the latent to the flattened bottleneck feature map. */
    public static final String DECODER_DENSE = "decoder_dense";
    /** The final 1x1 convolution to one channel, with no activation: the reconstruction. */
    public static final String DECODER_OUTPUT = "decoder_output";
    /** The MSE loss layer on top of the reconstruction (training only; it has no parameters). */
    public static final String LOSS = "reconstruction_loss";

    private GraphNames() {}

    /** Name of a layer of encoder block {@code i} (1-based), e.g. {@code encoder1_conv}. */
    public static String encoder(int i, String part) {
        return "encoder" + i + "_" + part;
    }

    /** Name of a layer of decoder block {@code i} (1-based), e.g. {@code decoder1_deconv}. */
    public static String decoder(int i, String part) {
        return "decoder" + i + "_" + part;
    }
}
