package io.fashionae.cli;

import io.fashionae.common.UserException;
import io.fashionae.config.ModelConfig;
import io.fashionae.model.ModelStore;
import io.fashionae.model.ModelSummary;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fashionae summary}: the per-layer table of an architecture or of a saved model. */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = "Print the model's layers, output shapes and parameter counts (like torchsummary).")
final class SummaryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Option(
            names = "--model",
            paramLabel = "FILE",
            description = "Summarise a saved autoencoder.zip instead of the options' architecture.")
    Path modelFile;

    @Option(
            names = "--image-size",
            paramLabel = "N",
            defaultValue = "32",
            description = "Side of the input images, as train --images --image-size N gives it (default: "
                    + "${DEFAULT-VALUE}, Fashion-MNIST padded).")
    int imageSize;

    @Option(
            names = "--image-channels",
            paramLabel = "C",
            defaultValue = "1",
            description = "Planes of the input images: 1 grey, 3 RGB (default: ${DEFAULT-VALUE}).")
    int imageChannels;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        ModelConfig c;
        if (modelFile != null) {
            c = ModelStore.readConfig(modelFile);
        } else {
            if (imageChannels != 1 && imageChannels != 3) {
                throw new UserException(
                        "--image-channels must be 1 or 3, got " + imageChannels, "use 1 for grey or 3 for RGB images");
            }
            c = modelOptions.toConfig().withInput(imageSize, imageChannels);
        }
        spec.commandLine()
                .getOut()
                .printf(
                        "Autoencoder: input %dx%dx%d, %d layers, kernels %s, channels %s, strides %s, latent %d, "
                                + "batch norm %s, dropout %s, GELU %s, padding %s%n",
                        c.imageChannels(),
                        c.imageSize(),
                        c.imageSize(),
                        c.layers(),
                        c.kernels(),
                        c.channels(),
                        c.strides(),
                        c.latentDim(),
                        c.batchNorm() ? "on" : "off",
                        c.dropout() ? String.valueOf(c.dropoutRate()) : "off",
                        c.gelu().name().toLowerCase(Locale.ROOT),
                        c.padding().name().toLowerCase(Locale.ROOT));
        spec.commandLine().getOut().print(ModelSummary.of(c).format());
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
