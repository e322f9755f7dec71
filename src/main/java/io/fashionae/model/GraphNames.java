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
    /** A VAE's second dense head: the log-variance of the latent posterior, beside {@link #LATENT}, its mean. */
    public static final String LATENT_LOG_VAR = "latent_log_var";
    /** A VAE's second graph input: standard normal noise {@code [N, latentDim]} for the sample (training only). */
    public static final String NOISE = "noise";
    /** A VAE's merge of mean, log-variance and noise, the input of {@link #SAMPLE}. */
    public static final String SAMPLE_INPUTS = "latent_sample_inputs";
    /** A VAE's sampling layer: mean + noise x sigma in training, the mean in inference; the decoder's input. */
    public static final String SAMPLE = "latent_sample";
    /** The decoder's first layer: dense from the latent to the flattened bottleneck feature map. */
    public static final String DECODER_DENSE = "decoder_dense";
    /** The final 1x1 convolution to one channel, with no activation: the reconstruction. */
    public static final String DECODER_OUTPUT = "decoder_output";
    /** With the BCE loss, the decoder-only graph's final sigmoid (in training, the loss layer applies it). */
    public static final String DECODER_SIGMOID = "decoder_sigmoid";
    /** The loss layer on top of the reconstruction (training only; it has no parameters). */
    public static final String LOSS = "reconstruction_loss";

    /** Part name of a block's convolution, as in {@code encoder1_conv}. */
    public static final String CONV = "conv";

    /** Part name of a block's batch norm, as in {@code encoder1_bn}. */
    public static final String BN = "bn";

    /** Part name of a decoder block's transposed convolution, as in {@code decoder1_deconv}. */
    public static final String DECONV = "deconv";

    /** Part name of a block's crop (where the padding form needs one), as in {@code decoder1_crop}. */
    public static final String CROP = "crop";

    /** Part name of a block's activation, as in {@code encoder1_gelu}. */
    public static final String GELU = "gelu";

    /** Part name of a block's spatial dropout, as in {@code encoder1_dropout}. */
    public static final String DROPOUT = "dropout";

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
