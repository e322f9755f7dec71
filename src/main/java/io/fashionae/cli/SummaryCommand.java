package io.fashionae.cli;

import io.fashionae.config.ModelConfig;
import io.fashionae.config.Precision;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.MemoryEstimate;
import io.fashionae.model.ModelStore;
import io.fashionae.model.ModelSummary;
import io.fashionae.model.OptimizerSettings;
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

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        Autoencoder model;
        if (modelFile != null) {
            model = ModelStore.load(modelFile, false);
        } else {
            ModelConfig config = modelOptions.toConfig();
            MemoryEstimate.requireFits(config, 1, Precision.FP32, "to build the model");
            model = Autoencoder.create(config, new OptimizerSettings(1e-3, 0, 0));
        }
        ModelConfig c = model.config();
        spec.commandLine()
                .getOut()
                .printf(
                        "Autoencoder: %d layers, kernels %s, channels %s, strides %s, latent %d, "
                                + "batch norm %s, dropout %s, GELU %s, padding %s%n",
                        c.layers(),
                        c.kernels(),
                        c.channels(),
                        c.strides(),
                        c.latentDim(),
                        c.batchNorm() ? "on" : "off",
                        c.dropout() ? String.valueOf(c.dropoutRate()) : "off",
                        c.gelu().name().toLowerCase(Locale.ROOT),
                        c.padding().name().toLowerCase(Locale.ROOT));
        spec.commandLine().getOut().print(ModelSummary.of(model).format());
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
