package io.fashionae.training;

import io.fashionae.common.UserException;
import io.fashionae.config.CheckpointConfig;
import io.fashionae.config.DataConfig;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.OutputConfig;
import io.fashionae.config.PlotConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.DataModule;
import io.fashionae.data.LabeledImages;
import io.fashionae.data.idx.DataLocator;
import io.fashionae.data.idx.DataSource;
import io.fashionae.data.idx.IdxDataModule;
import io.fashionae.latent.FigureData;
import io.fashionae.latent.FrameSink;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.EngineChoice;
import io.fashionae.model.Inference;
import io.fashionae.model.MemoryEstimate;
import io.fashionae.model.OptimizerSettings;
import io.fashionae.training.listener.LatentFrameListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * The training part of a run, from configuration records: find and load the data, build the model
 * (or restore it from a checkpoint), attach the latent-frame listener and the checkpointer, fit,
 * and compute the data of the final figures. {@code run.TrainingRun} puts it
 * together with the figures, the export and the report.
 *
 * @param model    the architecture
 * @param training optimiser and run settings
 * @param plots    when latent frames are captured
 * @param data     where the data comes from
 * @param output   where the results go
 * @param checkpoints how often to checkpoint, and whether to resume from the newest checkpoint
 * @param engine   the kit of layers the model is built (or restored) on, resolved (not auto); a
 *                 checkpoint written with the other engine resumes on this one
 */
public record TrainingJob(
        ModelConfig model,
        TrainingConfig training,
        PlotConfig plots,
        DataConfig data,
        OutputConfig output,
        CheckpointConfig checkpoints,
        EngineChoice engine) {

    /**
     * Refuses, before anything is read or written, a precision DL4J cannot train this architecture
     * in and a batch whose activations would not fit in memory.
     */
    public TrainingJob {
        if (data.dataset() != training.dataset()) {
            // One data set per run: where it is found (data) and what the model file records (training).
            throw new IllegalArgumentException(
                    "data set " + data.dataset() + " to locate, but " + training.dataset() + " to record");
        }
        Autoencoder.checkSupported(model, training.precision());
        MemoryEstimate.requireFits(
                model, training.batchSize(), training.precision(), "to train at batch " + training.batchSize());
    }

    /**
     * What a run produced.
     *
     * @param training the model, metrics and files
     * @param figures  the data of the end-of-training figures
     */
    public record Outcome(TrainingResult training, FigureData figures) {}

    /** The job's data: located with {@code locator}, limited as the training settings say (read lazily). */
    public IdxDataModule dataModule(DataLocator locator) {
        DataSource source = locator.locate(data);
        return new IdxDataModule(source, data.dataset(), model.imageSize(), training.trainLimit(), training.valLimit());
    }

    /**
     * What a run starts from: the data read and verified, and the model, fresh or restored from the
     * newest checkpoint. Built before any output is touched, so that bad data or an impossible
     * resume fails with everything on disk as it was.
     *
     * @param data  the data module, both splits loaded
     * @param model the model to train
     * @param state where training stands
     */
    public record Start(DataModule data, Autoencoder model, TrainingState state) {}

    /**
     * Loads and verifies the data, then creates the model or restores it from the newest readable
     * checkpoint when {@code checkpoints.resume()}. Writes nothing.
     *
     * @throws UserException for bad data, or when resuming is impossible (no
     *         readable checkpoint, or settings that differ from the checkpoint's)
     */
    public Start start(DataModule module, TrainingProgress progress) {
        int images = module.train().size();
        module.validation();
        if (training.batchSize() > images) {
            throw new UserException(
                    "--batch-size " + training.batchSize() + " is larger than the "
                            + images + " training images"
                            + (training.trainLimit() > 0 ? " (--train-limit " + training.trainLimit() + ")" : "")
                            + ": every epoch would be one short batch",
                    "use --batch-size " + images + " or less"
                            + (training.trainLimit() > 0 ? ", or a larger --train-limit" : ""));
        }
        if (!checkpoints.resume()) {
            requireNoInterruptedRun();
            Instant now = Instant.now();
            return new Start(
                    module,
                    Autoencoder.create(model, optimizer(), engine.engine()),
                    TrainingState.fresh(now.toString(), plots, CheckpointRuns.newId(now)));
        }
        CheckpointStore.Restored restored = restore();
        progress.resumed(restored.file(), restored.state().step(), restored.skipped());
        return new Start(module, restored.model(), restored.state());
    }

    /**
     * Runs the job from {@code start}: the latent-frame listener (when plots are on) and the fit
     * loop, then the data of the final figures.
     *
     * @param inference how the model's current weights run inference (frames, validation, final
     *                  figures): DL4J's graphs or a faster engine that follows them
     * @throws TrainingInterruptedException when {@code stop} was raised (a checkpoint was written)
     * @throws TrainingDivergedException    when a loss was not finite (nothing was written)
     */
    public Outcome run(Start start, Inference inference, TrainingProgress progress, FrameSink frames, StopSignal stop) {
        Autoencoder autoencoder = start.model();
        DataModule module = start.data();
        List<TrainingListener> listeners = new ArrayList<>();
        if (plots.enabled()) {
            LabeledImages sample = module.validation().first(plots.samples());
            listeners.add(new LatentFrameListener(
                    autoencoder, inference, sample.images(), sample.labels(), plots.every(), plots.until(), frames));
        }
        Checkpointer checkpointer = new Checkpointer(output.checkpointsDir(), checkpoints, training);
        TrainingResult result = new Trainer(training, output, progress, listeners, checkpointer, stop)
                .fit(autoencoder, inference, module, start.state());
        return new Outcome(result, FigureDataBuilder.compute(inference, model.latentDim(), module, training.seed()));
    }

    private void requireNoInterruptedRun() {
        try {
            new CheckpointRuns(output.checkpointsDir()).requireNoInterrupted();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoints in " + output.checkpointsDir(), e);
        }
    }

    private CheckpointStore.Restored restore() {
        try {
            CheckpointRuns.Run run = new CheckpointRuns(output.checkpointsDir()).toResume();
            CheckpointStore.Restored restored =
                    new CheckpointStore(run.dir(), checkpoints.keep()).restoreNewest(engine.engine());
            ResumeCompatibility.check(restored, model, training, plots);
            // The run continues in the folder its checkpoint came from, whatever the checkpoint says.
            return new CheckpointStore.Restored(
                    restored.file(),
                    restored.model(),
                    restored.training(),
                    restored.state().withRunId(run.id()),
                    restored.skipped());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoints in " + output.checkpointsDir(), e);
        }
    }

    /** The optimiser settings the graph is built with. */
    public OptimizerSettings optimizer() {
        return new OptimizerSettings(
                training.learningRate(), training.weightDecay(), training.seed(), training.precision());
    }
}
