package io.fashionae.training;

import java.nio.file.Path;

/** Training stopped on request (Ctrl-C or SIGTERM) after writing a checkpoint it can resume from. */
public class TrainingInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long step;
    private final transient Path checkpoint;

    /**
     * @param step       steps done when it stopped
     * @param checkpoint the checkpoint written at that step
     */
    public TrainingInterruptedException(long step, Path checkpoint) {
        super("training stopped after step " + step + "; checkpoint saved to " + checkpoint);
        this.step = step;
        this.checkpoint = checkpoint;
    }

    /** Steps done when it stopped. */
    public long step() {
        return step;
    }

    /** The checkpoint to resume from. */
    public Path checkpoint() {
        return checkpoint;
    }
}
