package io.fashionae.training;

import io.fashionae.config.CheckpointConfig;
import io.fashionae.config.OutputConfig;
import io.fashionae.config.PlotConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.idx.IdxDataModule;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.Inference;
import java.time.Instant;
import java.util.List;
import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * Short ways for tests to build a {@link Trainer} and fit a fresh model, as {@code TrainingJob}
 * does in a real run: checkpoints at each epoch's end only, never stopped, inference through
 * DL4J, the run's checkpoints straight in {@code models/checkpoints} (no run id).
 */
public final class TrainerFixtures {
    private TrainerFixtures() {}

    /** A trainer that checkpoints at each epoch's end only and cannot be stopped. */
    public static Trainer trainer(
            TrainingConfig config, OutputConfig output, TrainingProgress progress, List<TrainingListener> listeners) {
        return trainer(
                config,
                output,
                progress,
                listeners,
                new CheckpointConfig(0, CheckpointConfig.DEFAULT_KEEP, false),
                StopSignal.NEVER);
    }

    /** A trainer with the given checkpoint schedule and stop signal. */
    public static Trainer trainer(
            TrainingConfig config,
            OutputConfig output,
            TrainingProgress progress,
            List<TrainingListener> listeners,
            CheckpointConfig checkpoints,
            StopSignal stop) {
        return new Trainer(
                config,
                output,
                progress,
                listeners,
                new Checkpointer(output.checkpointsDir(), checkpoints, config),
                stop);
    }

    /** Fits a fresh {@code model} (its state recording the seed's plot schedule). */
    public static TrainingResult fitFresh(Trainer trainer, Autoencoder model, IdxDataModule data) {
        return fitFresh(trainer, model, data, PlotConfig.seedDefaults());
    }

    /** Fits a fresh {@code model}, its state recording {@code plots} (which a resume checks). */
    public static TrainingResult fitFresh(Trainer trainer, Autoencoder model, IdxDataModule data, PlotConfig plots) {
        return fitFrom(trainer, model, data, TrainingState.fresh(Instant.now().toString(), plots, null));
    }

    /** Continues {@code model} from {@code start}. */
    public static TrainingResult fitFrom(Trainer trainer, Autoencoder model, IdxDataModule data, TrainingState start) {
        return trainer.fit(model, Inference.dl4j(model), data, start);
    }
}
