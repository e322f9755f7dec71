package io.fashionae.cli;

import io.fashionae.common.UserException;
import io.fashionae.config.GeluForm;
import io.fashionae.config.LossKind;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.Objective;
import io.fashionae.config.PaddingForm;
import java.util.List;
import picocli.CommandLine.Option;

/** The architecture options shared by {@code train} and {@code summary}. */
final class ModelOptions {
    @Option(
            names = SeedDefaults.LAYERS,
            paramLabel = "N",
            description = "Conv/deconv layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(
            names = SeedDefaults.KERNELS,
            split = ",",
            paramLabel = "K",
            description = "Kernel side per layer (default: ${DEFAULT-VALUE}).")
    List<Integer> kernels;

    @Option(
            names = SeedDefaults.CHANNELS,
            split = ",",
            paramLabel = "C",
            description = "Channels per encoder layer (default: ${DEFAULT-VALUE}).")
    List<Integer> channels;

    @Option(
            names = SeedDefaults.STRIDES,
            split = ",",
            paramLabel = "S",
            description = "Stride per layer (default: ${DEFAULT-VALUE}).")
    List<Integer> strides;

    @Option(
            names = SeedDefaults.LATENT_DIM,
            paramLabel = "D",
            description = "Size of the latent vector (default: ${DEFAULT-VALUE}).")
    int latentDim;

    @Option(
            names = "--batch-norm",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Batch normalisation after each conv and deconv but the last (default: on).")
    boolean batchNorm;

    @Option(names = "--dropout", description = "Spatial dropout after each activation (default: off).")
    boolean dropout;

    @Option(
            names = SeedDefaults.DROPOUT_RATE,
            paramLabel = "P",
            description = "Channel drop probability with --dropout (default: ${DEFAULT-VALUE}).")
    double dropoutRate;

    @Option(
            names = SeedDefaults.GELU,
            paramLabel = "FORM",
            description =
                    "GELU formula: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); erf is PyTorch's nn.GELU, "
                            + "as in the seed; sigmoid is DL4J's x*sigmoid(1.702x).")
    GeluForm gelu;

    @Option(
            names = SeedDefaults.PADDING,
            paramLabel = "FORM",
            description =
                    "Where a layer's odd pixel of padding goes: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); "
                            + "torch puts it top-left as the seed's Conv2d(padding=1) and "
                            + "ConvTranspose2d(output_padding=1) do; "
                            + "same puts it bottom-right, DL4J's same mode.")
    PaddingForm padding;

    @Option(
            names = SeedDefaults.LOSS,
            paramLabel = "LOSS",
            description = "Reconstruction loss: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); bce is binary "
                    + "cross-entropy on a sigmoid output. Reported MSE figures stay per-pixel MSE either way.")
    LossKind loss;

    @Option(
            names = "--variational",
            description = "A variational autoencoder: the encoder gives a mean and a log-variance, training decodes a "
                    + "sample and adds beta x KL to the loss; plots, kNN and encode use the mean (default: off).")
    boolean variational;

    @Option(
            names = SeedDefaults.BETA,
            paramLabel = "B",
            description = "Weight of the KL term with --variational (default: ${DEFAULT-VALUE}).")
    double beta;

    /** The validated architecture. */
    ModelConfig toConfig() {
        return ModelConfig.builder()
                .encoder(kernels, channels, strides)
                .layers(layers)
                .latentDim(latentDim)
                .batchNorm(batchNorm)
                .dropout(dropout, dropoutRate)
                .gelu(gelu)
                .padding(padding)
                .objective(objective())
                .build();
    }

    private Objective objective() {
        if (!variational && beta != ModelConfig.seedDefaults().objective().beta()) {
            throw new UserException(
                    "--beta " + beta + " has no effect without --variational",
                    "add --variational to train a VAE, or drop --beta");
        }
        return new Objective(loss, variational, beta);
    }
}
