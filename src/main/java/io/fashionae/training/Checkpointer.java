package io.fashionae.training;

import io.fashionae.config.CheckpointConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpointing beside the fit loop: when a checkpoint is due, writing it (model, Adam
 * state, training settings and the {@link TrainingState}) into the run's own folder, and marking
 * the run finished or not, so that {@code --resume} finds the interrupted run and a finished one
 * is left alone. The fit loop asks {@link #due}, hands over the state, and knows nothing of files.
 */
public final class Checkpointer {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final Path checkpointsDir;
    private final CheckpointConfig config;
    private final TrainingConfig training;
    /** The run's own folder, chosen by {@link #begin} from the run id. */
    private CheckpointStore store;

    /**
     * @param checkpointsDir the folder that holds every run's checkpoint folder
     * @param config         how often to checkpoint and how many to keep
     * @param training       the settings stored in each checkpoint, which a resume checks
     */
    public Checkpointer(Path checkpointsDir, CheckpointConfig config, TrainingConfig training) {
        this.checkpointsDir = checkpointsDir;
        this.config = config;
        this.training = training;
    }

    /** Starts (or continues) run {@code runId}: its folder is chosen and the run marked unfinished. */
    public void begin(String runId) {
        store = new CheckpointStore(CheckpointRuns.dirOf(checkpointsDir, runId), config.keep());
        mark(false);
    }

    /** Whether a mid-epoch checkpoint is due after {@code step} steps ({@code --checkpoint-every}). */
    public boolean due(long step) {
        return config.every() > 0 && step % config.every() == 0;
    }

    /** Writes a checkpoint of {@code model} at {@code state}; returns its file. */
    public Path save(Autoencoder model, TrainingState state) {
        try {
            return save(ModelStore.snapshot(model), state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint in " + store().dir(), e);
        }
    }

    /** Writes a checkpoint of a model already serialised at {@code state}; returns its file. */
    public Path save(ModelStore.Snapshot model, TrainingState state) {
        try {
            Path file = store().save(model, training, state);
            LOG.debug("Checkpoint {}", file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint in " + store().dir(), e);
        }
    }

    /** The newest checkpoint of the run, or null when there is none or it cannot be listed. */
    public Path newest() {
        try {
            return store().newest();
        } catch (IOException e) {
            return null;
        }
    }

    /** Marks the run finished: a later {@code --resume} has nothing to continue. */
    public void finish() {
        mark(true);
    }

    private void mark(boolean finished) {
        try {
            store().markFinished(finished);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark the run's checkpoints in " + store().dir(), e);
        }
    }

    private CheckpointStore store() {
        if (store == null) {
            throw new IllegalStateException("begin(runId) must come first");
        }
        return store;
    }
}
