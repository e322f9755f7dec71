package io.fashionae.training;

import java.nio.file.Path;

/**
 * The loss became NaN or infinite. Training stops without writing the model or a checkpoint, so
 * the last good files on disk stay as they were.
 */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long step;
    private final transient Path lastGoodCheckpoint;

    /**
     * @param step               the global step (1-based) whose loss was not finite
     * @param loss               that loss
     * @param lastGoodCheckpoint the newest checkpoint on disk, or null when there is none
     */
    public TrainingDivergedException(long step, double loss, Path lastGoodCheckpoint) {
        super("training diverged: loss " + loss + " at step " + step
                + (lastGoodCheckpoint == null
                        ? "; no checkpoint was written yet"
                        : "; last good checkpoint: " + lastGoodCheckpoint));
        this.step = step;
        this.lastGoodCheckpoint = lastGoodCheckpoint;
    }

    /** The global step whose loss was not finite. */
    public long step() {
        return step;
    }

    /** The newest checkpoint, untouched by the failed step; null when there is none. */
    public Path lastGoodCheckpoint() {
        return lastGoodCheckpoint;
    }
}
