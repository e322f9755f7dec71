package io.fashionae.training;

/**
 * What the trainer tells its user interface while it runs. The trainer never prints: the CLI
 * implements this with a progress bar or plain log lines. Every method has an empty default.
 */
public interface TrainingProgress {

    /** No output at all (tests, embedding). */
    TrainingProgress NONE = new TrainingProgress() {};

    /**
     * The run continues from a checkpoint.
     *
     * @param checkpoint the checkpoint restored
     * @param step       steps already done
     * @param skipped    one line per newer checkpoint that could not be read
     */
    default void resumed(java.nio.file.Path checkpoint, long step, java.util.List<String> skipped) {}

    /** A pass begins: {@code batches} batches of {@code images} images in total. */
    default void phaseStarted(Phase phase, int epoch, int epochs, int batches, long images) {}

    /**
     * A batch is done.
     *
     * @param batch       1-based batch number in this pass
     * @param imagesDone  images processed in this pass so far
     * @param runningLoss mean loss of the pass so far
     * @param learningRate the current learning rate (training only; 0 in validation)
     */
    default void batchDone(Phase phase, int batch, long imagesDone, double runningLoss, double learningRate) {}

    /** A pass ended. */
    default void phaseEnded(Phase phase) {}

    /** An epoch ended, with its figures. */
    default void epochEnded(EpochMetrics metrics, int epochs) {}
}
