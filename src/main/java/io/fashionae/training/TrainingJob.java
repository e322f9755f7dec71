package io.fashionae.training;

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

    /** Runs the job on {@code module}: frames to {@code frames}, progress to {@code progress}; never stopped. */
    public Outcome run(FashionMnistDataModule module, TrainingProgress progress, FrameSink frames) {
        return run(module, progress, frames, StopSignal.NEVER);
    }

    /**
     * Runs the job on {@code module}, from the newest checkpoint when {@code checkpoints.resume()}.
     *
     * @throws TrainingInterruptedException when {@code stop} was raised (a checkpoint was written)
     * @throws io.fashionae.common.UserException when resuming is impossible (no readable
     *         checkpoint, or settings that differ from the checkpoint's)
     */
    public Outcome run(FashionMnistDataModule module, TrainingProgress progress, FrameSink frames, StopSignal stop) {
        Autoencoder autoencoder;
        TrainingState start;
        if (checkpoints.resume()) {
            CheckpointStore.Restored restored = restore();
            autoencoder = restored.model();
            start = restored.state();
            progress.resumed(restored.file(), start.step(), restored.skipped());
        } else {
            autoencoder = Autoencoder.create(model, optimizer());
            start = TrainingState.fresh(java.time.Instant.now().toString(), plots);
        }
        module.train();
        LabeledImages val = module.validation();
        List<TrainingListener> listeners = new ArrayList<>();
        if (plots.enabled()) {
            LabeledImages sample = val.first(plots.samples());
            listeners.add(new LatentFrameListener(autoencoder, sample.images(), sample.labels(), plots.every(),
                    plots.until(), frames));
        }
        TrainingResult result = new Trainer(training, output, progress, listeners, checkpoints, plots, stop)
                .fit(autoencoder, module, start);
        return new Outcome(result, FigureDataBuilder.compute(autoencoder, module, training.seed()),
                val.first(io.fashionae.onnx.OnnxExport.CHECK_IMAGES).images());
    }

    private CheckpointStore.Restored restore() {
        try {
            CheckpointStore.Restored restored = new CheckpointStore(output.checkpointsDir(), checkpoints.keep()).restoreNewest();
            ResumeCompatibility.check(restored, model, training, plots);
            return restored;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the checkpoints in " + output.checkpointsDir(), e);
        }
    }

    /** The optimiser settings the graph is built with. */
    public OptimizerSettings optimizer() {
        return new OptimizerSettings(training.learningRate(), training.weightDecay(), training.seed());
    }
}
