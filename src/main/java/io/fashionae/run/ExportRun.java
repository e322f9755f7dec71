package io.fashionae.run;

import io.fashionae.common.UserException;
import io.fashionae.config.ColorMode;
import io.fashionae.config.DataConfig;
import io.fashionae.config.Engine;
import io.fashionae.config.ImageSource;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.idx.DataLocator;
import io.fashionae.data.idx.IdxDataModule;
import io.fashionae.data.images.ImageFolderDataModule;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.StoredModel;
import io.fashionae.onnx.OnnxExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code fashionae export}'s one call: a model file already read (once) to checked ONNX files,
 * its training settings and SHA-256 in their metadata. The check runs on real validation images
 * when the data can be found without downloading, on random inputs otherwise.
 */
public final class ExportRun {
    private ExportRun() {}

    /**
     * Exports {@code model} into {@code modelsDir}.
     *
     * @param data   where to look for validation images for the check (never downloads)
     * @param engine the kit whose layers the model's reference outputs are computed with
     * @param warn told when no data was found and the check runs on random inputs only
     */
    public static OnnxExport.Report execute(
            StoredModel model, Path modelsDir, DataConfig data, Engine engine, Consumer<String> warn)
            throws IOException {
        try (Autoencoder restored = model.restore(false, engine)) {
            return OnnxExport.exportAll(
                    restored, modelsDir, checkImages(model, data, warn), model.trainingJson(), model.sha256());
        }
    }

    private static INDArray checkImages(StoredModel model, DataConfig options, Consumer<String> warn) {
        TrainingConfig training = TrainingConfig.readOrNull(model.trainingJson());
        try {
            if (training != null && training.images() != null) {
                return folderImages(model, training.images());
            }
            // The check images come from the data set the model was trained on, whatever --dataset says.
            DataConfig data = new DataConfig(
                    options.dataDir(), options.download(), TrainingConfig.datasetIn(model.trainingJson()));
            return new IdxDataModule(
                            DataLocator.find(data),
                            data.dataset(),
                            model.config().imageSize(),
                            0,
                            OnnxExport.CHECK_IMAGES)
                    .validation()
                    .images();
        } catch (UserException e) {
            warn.accept(e.getMessage() + "; checking the export on random inputs only");
            return null;
        }
    }

    /** Validation images of the folder the model was trained on, read as training read them. */
    private static INDArray folderImages(StoredModel model, ImageSource trained) {
        ImageSource source = ImageSource.of(
                trained.dir(),
                model.config().imageSize(),
                model.config().imageChannels() == 1 ? ColorMode.GREY : ColorMode.RGB,
                trained.valFraction(),
                trained.cacheMb(),
                true);
        long seed = TrainingConfig.readOrNull(model.trainingJson()).seed();
        try (ImageFolderDataModule data = ImageFolderDataModule.open(
                source, seed, 1, OnnxExport.CHECK_IMAGES, Path.of(System.getProperty("java.io.tmpdir")))) {
            return data.validation().images().dup();
        }
    }
}
