package io.fashionae.training;

import io.fashionae.config.PlotConfig;
import io.fashionae.training.listener.FrameStats;
import java.util.List;

/**
 * Where a run stands, as a checkpoint stores it beside the parameters and the Adam state: enough
 * to continue as if it had never stopped. The data order needs no state of its own: an epoch's
 * shuffle depends only on the seed and the epoch, so skipping {@code batchesDone} batches of that
 * order puts the resumed run on the very next batch.
 *
 * @param epoch              the epoch to continue (1-based)
 * @param batchesDone        batches of that epoch already trained
 * @param step               optimiser steps done in the whole run
 * @param epochLossSum       sum of the per-step losses of the epoch so far
 * @param epochImages        images of the epoch trained so far
 * @param epochTrainSeconds  time spent in the epoch's training pass so far
 * @param wallSeconds        wall time of the run so far
 * @param listenerSeconds    time spent in the latent-frame listener so far
 * @param startedAt          when the run first started (ISO-8601)
 * @param plots              the frame schedule, which a resumed run must keep
 * @param epochs             the finished epochs' figures
 * @param frames             the latent frames emitted so far
 * @param stepLosses         every step's training loss so far
 * @param runId              the run's identity, the name of its checkpoint folder (see
 *                           {@link CheckpointRuns}); null in checkpoints written before runs had one,
 *                           which sit directly in {@code models/checkpoints/}
 */
public record TrainingState(
        int epoch,
        int batchesDone,
        long step,
        double epochLossSum,
        long epochImages,
        double epochTrainSeconds,
        double wallSeconds,
        double listenerSeconds,
        String startedAt,
        PlotConfig plots,
        List<EpochMetrics> epochs,
        List<FrameStats> frames,
        List<Float> stepLosses,
        String runId) {

    /** Copies the lists. */
    public TrainingState {
        epochs = List.copyOf(epochs);
        frames = List.copyOf(frames);
        stepLosses = List.copyOf(stepLosses);
    }

    /** The same state under run id {@code id} (the folder a checkpoint was found in wins over what it says). */
    public TrainingState withRunId(String id) {
        return new TrainingState(
                epoch,
                batchesDone,
                step,
                epochLossSum,
                epochImages,
                epochTrainSeconds,
                wallSeconds,
                listenerSeconds,
                startedAt,
                plots,
                epochs,
                frames,
                stepLosses,
                id);
    }

    /**
     * The state of run {@code runId}, which has not trained yet; a null id puts its checkpoints
     * straight into {@code models/checkpoints/}, as before runs had identities.
     */
    public static TrainingState fresh(String startedAt, PlotConfig plots, String runId) {
        return new TrainingState(1, 0, 0, 0, 0, 0, 0, 0, startedAt, plots, List.of(), List.of(), List.of(), runId);
    }
}
