package io.fashionae.training;

/**
 * The loss became NaN or infinite. Training stops without writing the model, so the last good
 * file on disk stays as it was.
 */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long step;

    /** @param step the global step (1-based) whose loss was not finite */
    public TrainingDivergedException(long step, double loss) {
        super("training diverged: loss " + loss + " at step " + step);
        this.step = step;
    }

    /** The global step whose loss was not finite. */
    public long step() {
        return step;
    }
}
