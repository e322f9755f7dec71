package io.fashionae.training;

import io.fashionae.common.UserException;
import io.fashionae.config.CheckpointConfig;
import io.fashionae.config.DataConfig;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.OutputConfig;
import io.fashionae.config.PlotConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.DataLocator;
import io.fashionae.data.DataSource;
import io.fashionae.data.FashionMnistDataModule;
import io.fashionae.data.LabeledImages;
import io.fashionae.latent.FigureData;
import io.fashionae.latent.FrameSink;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.Inference;
import io.fashionae.onnx.OnnxRuntimeInference;
import io.fashionae.model.OptimizerSettings;
import io.fashionae.training.listener.LatentFrameListener;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * One training run from configuration to files: find and load the data, build the model, attach
 * the latent-frame listener, fit, and compute the data of the final figures. The {@code train}
 * command is a thin shell around this; tests call it directly.
 *
 * @param model    the architecture
 * @param training optimiser and run settings
 * @param plots    when latent frames are captured
 * @param data     where the data comes from
 * @param output   where the results go
 * @param checkpoints how often to checkpoint, and whether to resume from the newest checkpoint
 */
public record TrainingJob(ModelConfig model, TrainingConfig training, PlotConfig plots, DataConfig data, OutputConfig output,
                          CheckpointConfig checkpoints) {

    /**
     * What a run produced.
     *
     * @param training    the model, metrics and files
     * @param figures     the data of the end-of-training figures
     * @param checkImages a few real validation images, to check exports against
     */
    public record Outcome(TrainingResult training, FigureData figures, org.nd4j.linalg.api.ndarray.INDArray checkImages) {
    }


    /** The job's data: located with {@code locator}, limited as the training settings say (read lazily). */
    public FashionMnistDataModule dataModule(DataLocator locator) {
        DataSource source = locator.locate(data);
        return new FashionMnistDataModule(source, model.imageSize(), training.trainLimit(), training.valLimit());
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
    public record Start(FashionMnistDataModule data, Autoencoder model, TrainingState state) {
    }

    /**
     * Loads and verifies the data, then creates the model or restores it from the newest readable
     * checkpoint when {@code checkpoints.resume()}. Writes nothing.
     *
     * @throws io.fashionae.common.UserException for bad data, or when resuming is impossible (no
     *         readable checkpoint, or settings that differ from the checkpoint's)
     */
    public Start start(FashionMnistDataModule module, TrainingProgress progress) {
        int images = module.train().size();
        module.validation();
        if (training.batchSize() > images) {
            throw new UserException("--batch-size " + training.batchSize() + " is larger than the "
                    + images + " training images" + (training.trainLimit() > 0 ? " (--train-limit " + training.trainLimit() + ")" : "")
                    + ": every epoch would be one short batch", "use --batch-size " + images + " or less"
                    + (training.trainLimit() > 0 ? ", or a larger --train-limit" : ""));
        }
        if (!checkpoints.resume()) {
            requireNoInterruptedRun();
            java.time.Instant now = java.time.Instant.now();
            return new Start(module, Autoencoder.create(model, optimizer()),
                    TrainingState.fresh(now.toString(), plots, CheckpointRuns.newId(now)));
        }
        CheckpointStore.Restored restored = restore();
        progress.resumed(restored.file(), restored.state().step(), restored.skipped());
        return new Start(module, restored.model(), restored.state());
    }

    /** Starts and runs the job on {@code module}: frames to {@code frames}, progress to {@code progress}; never stopped. */
    public Outcome run(FashionMnistDataModule module, TrainingProgress progress, FrameSink frames) {
        return run(start(module, progress), progress, frames, StopSignal.NEVER);
    }

    /**
     * Runs the job from {@code start}.
     *
     * @throws TrainingInterruptedException when {@code stop} was raised (a checkpoint was written)
     * @throws TrainingDivergedException    when a loss was not finite (nothing was written)
     */
    public Outcome run(Start start, TrainingProgress progress, FrameSink frames, StopSignal stop) {
        Autoencoder autoencoder = start.model();
        FashionMnistDataModule module = start.data();
        LabeledImages val = module.validation();
        try (Inference inference = inference(autoencoder)) {
            List<TrainingListener> listeners = new ArrayList<>();
            if (plots.enabled()) {
                LabeledImages sample = val.first(plots.samples());
                listeners.add(new LatentFrameListener(autoencoder, inference, sample.images(), sample.labels(),
                        plots.every(), plots.until(), frames));
            }
            TrainingResult result = new Trainer(training, output, progress, listeners, checkpoints, plots, stop)
                    .fit(autoencoder, inference, module, start.state());
            return new Outcome(result, FigureDataBuilder.compute(inference, model.latentDim(), module, training.seed()),
                    val.first(io.fashionae.onnx.OnnxExport.CHECK_IMAGES).images());
        }
    }

    /**
     * The frames, validation passes and final figures run in ONNX Runtime on snapshots of the
     * current weights (about 2.5 times DL4J's encoding speed here), or in DL4J for a 16-bit model.
     */
    private static Inference inference(Autoencoder model) {
        return OnnxRuntimeInference.supports(model)
                ? new OnnxRuntimeInference(model, Runtime.getRuntime().availableProcessors())
                : Inference.dl4j(model);
    }

    private void requireNoInterruptedRun() {
        try {
            new CheckpointRuns(output.checkpointsDir()).requireNoInterrupted();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the checkpoints in " + output.checkpointsDir(), e);
        }
    }

    private CheckpointStore.Restored restore() {
        try {
            CheckpointRuns.Run run = new CheckpointRuns(output.checkpointsDir()).toResume();
            CheckpointStore.Restored restored = new CheckpointStore(run.dir(), checkpoints.keep()).restoreNewest();
            ResumeCompatibility.check(restored, model, training, plots);
            // The run continues in the folder its checkpoint came from, whatever the checkpoint says.
            return new CheckpointStore.Restored(restored.file(), restored.model(), restored.training(),
                    restored.state().withRunId(run.id()), restored.skipped());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the checkpoints in " + output.checkpointsDir(), e);
        }
    }

    /** The optimiser settings the graph is built with. */
    public OptimizerSettings optimizer() {
        return new OptimizerSettings(training.learningRate(), training.weightDecay(), training.seed(), training.precision());
    }
}
