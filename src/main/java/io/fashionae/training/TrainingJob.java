package io.fashionae.training;

import io.fashionae.config.DataConfig;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.OutputConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.DataLocator;
import io.fashionae.data.DataSource;
import io.fashionae.data.FashionMnistDataModule;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.OptimizerSettings;
import java.util.List;
import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * One training run from configuration to files: find and load the data, build the model, fit it.
 * The {@code train} command is a thin shell around this; tests call it directly.
 *
 * @param model    the architecture
 * @param training optimiser and run settings
 * @param data     where the data comes from
 * @param output   where the results go
 */
public record TrainingJob(ModelConfig model, TrainingConfig training, DataConfig data, OutputConfig output) {

    /** Runs the job, locating the data with {@code locator}. */
    public TrainingResult run(DataLocator locator, TrainingProgress progress, List<TrainingListener> listeners) {
        DataSource source = locator.locate(data);
        FashionMnistDataModule module = new FashionMnistDataModule(source, model.imageSize(),
                training.trainLimit(), training.valLimit());
        module.train();
        module.validation();
        Autoencoder autoencoder = Autoencoder.create(model, optimizer());
        return new Trainer(training, output, progress, listeners).fit(autoencoder, module);
    }

    /** The optimiser settings the graph is built with. */
    public OptimizerSettings optimizer() {
        return new OptimizerSettings(training.learningRate(), training.weightDecay(), training.seed());
    }
}
