package io.fashionae.training;

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
 */
public record TrainingJob(ModelConfig model, TrainingConfig training, PlotConfig plots, DataConfig data, OutputConfig output) {

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

    /** Runs the job on {@code module}: frames to {@code frames}, progress to {@code progress}. */
    public Outcome run(FashionMnistDataModule module, TrainingProgress progress, FrameSink frames) {
        module.train();
        LabeledImages val = module.validation();
        Autoencoder autoencoder = Autoencoder.create(model, optimizer());
        List<TrainingListener> listeners = new ArrayList<>();
        if (plots.enabled()) {
            LabeledImages sample = val.first(plots.samples());
            listeners.add(new LatentFrameListener(autoencoder, sample.images(), sample.labels(), plots.every(),
                    plots.until(), frames));
        }
        TrainingResult result = new Trainer(training, output, progress, listeners).fit(autoencoder, module);
        return new Outcome(result, FigureDataBuilder.compute(autoencoder, module, training.seed()),
                val.first(io.fashionae.onnx.OnnxExport.CHECK_IMAGES).images());
    }

    /** The optimiser settings the graph is built with. */
    public OptimizerSettings optimizer() {
        return new OptimizerSettings(training.learningRate(), training.weightDecay(), training.seed());
    }
}
