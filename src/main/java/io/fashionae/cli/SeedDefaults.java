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
 *
 * <p>The names below are the options' own: each {@code @Option} that takes its default from here
 * is declared with {@code names = SeedDefaults.X}, so renaming an option renames its default's key
 * with it instead of silently leaving the option without a default ({@code SeedDefaultsTest}
 * checks that every key still belongs to an option).
 */
final class SeedDefaults implements IDefaultValueProvider {
    static final String LAYERS = "--layers";
    static final String KERNELS = "--kernels";
    static final String CHANNELS = "--channels";
    static final String STRIDES = "--strides";
    static final String LATENT_DIM = "--latent-dim";
    static final String DROPOUT_RATE = "--dropout-rate";
    static final String GELU = "--gelu";
    static final String PADDING = "--padding";
    static final String LOSS = "--loss";
    static final String BETA = "--beta";
    static final String EPOCHS = "--epochs";
    static final String BATCH_SIZE = "--batch-size";
    static final String LR = "--lr";
    static final String WEIGHT_DECAY = "--weight-decay";
    static final String SEED = "--seed";
    static final String TRAIN_LIMIT = "--train-limit";
    static final String VAL_LIMIT = "--val-limit";
    static final String PLOT_EVERY = "--plot-every";
    static final String PLOT_UNTIL = "--plot-until";
    static final String PLOT_SAMPLES = "--plot-samples";
    static final String CHECKPOINT_EVERY = "--checkpoint-every";
    static final String KEEP_CHECKPOINTS = "--keep-checkpoints";

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
                Map.entry(LAYERS, String.valueOf(m.layers())),
                Map.entry(KERNELS, join(m.kernels())),
                Map.entry(CHANNELS, join(m.channels())),
                Map.entry(STRIDES, join(m.strides())),
                Map.entry(LATENT_DIM, String.valueOf(m.latentDim())),
                Map.entry(DROPOUT_RATE, String.valueOf(m.dropoutRate())),
                Map.entry(GELU, m.gelu().name()),
                Map.entry(PADDING, m.padding().name()),
                Map.entry(LOSS, m.objective().loss().name()),
                Map.entry(BETA, String.valueOf(m.objective().beta())),
                Map.entry(EPOCHS, String.valueOf(t.epochs())),
                Map.entry(BATCH_SIZE, String.valueOf(t.batchSize())),
                Map.entry(LR, String.valueOf(t.learningRate())),
                Map.entry(WEIGHT_DECAY, String.valueOf(t.weightDecay())),
                Map.entry(SEED, String.valueOf(t.seed())),
                Map.entry(TRAIN_LIMIT, String.valueOf(t.trainLimit())),
                Map.entry(VAL_LIMIT, String.valueOf(t.valLimit())),
                Map.entry(PLOT_EVERY, String.valueOf(p.every())),
                Map.entry(PLOT_UNTIL, String.valueOf(p.until())),
                Map.entry(PLOT_SAMPLES, String.valueOf(p.samples())),
                Map.entry(CHECKPOINT_EVERY, String.valueOf(c.every())),
                Map.entry(KEEP_CHECKPOINTS, String.valueOf(c.keep())));
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
