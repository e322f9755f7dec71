package io.fashionae.cli;

import io.fashionae.config.CheckpointConfig;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.PlotConfig;
import io.fashionae.config.TrainingConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults taken from the seed's configuration records, so each default value is written
 * once (in {@link ModelConfig#seedDefaults()} and {@link TrainingConfig#seedDefaults()}) and the
 * help text still shows it.
 */
final class SeedDefaults implements IDefaultValueProvider {
    private static final Map<String, String> DEFAULTS = build();

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec option) {
            return DEFAULTS.get(option.longestName());
        }
        return null;
    }

    private static Map<String, String> build() {
        ModelConfig m = ModelConfig.seedDefaults();
        TrainingConfig t = TrainingConfig.seedDefaults();
        PlotConfig p = PlotConfig.seedDefaults();
        CheckpointConfig c = CheckpointConfig.defaults();
        return Map.ofEntries(
                Map.entry("--layers", String.valueOf(m.layers())),
                Map.entry("--kernels", join(m.kernels())),
                Map.entry("--channels", join(m.channels())),
                Map.entry("--strides", join(m.strides())),
                Map.entry("--latent-dim", String.valueOf(m.latentDim())),
                Map.entry("--dropout-rate", String.valueOf(m.dropoutRate())),
                Map.entry("--gelu", m.gelu().name()),
                Map.entry("--padding", m.padding().name()),
                Map.entry("--epochs", String.valueOf(t.epochs())),
                Map.entry("--batch-size", String.valueOf(t.batchSize())),
                Map.entry("--lr", String.valueOf(t.learningRate())),
                Map.entry("--weight-decay", String.valueOf(t.weightDecay())),
                Map.entry("--seed", String.valueOf(t.seed())),
                Map.entry("--train-limit", String.valueOf(t.trainLimit())),
                Map.entry("--val-limit", String.valueOf(t.valLimit())),
                Map.entry("--plot-every", String.valueOf(p.every())),
                Map.entry("--plot-until", String.valueOf(p.until())),
                Map.entry("--plot-samples", String.valueOf(p.samples())),
                Map.entry("--checkpoint-every", String.valueOf(c.every())),
                Map.entry("--keep-checkpoints", String.valueOf(c.keep())));
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
