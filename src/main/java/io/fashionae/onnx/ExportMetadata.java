package io.fashionae.onnx;

import io.fashionae.common.BuildInfo;
import io.fashionae.common.Json;
import io.fashionae.config.Engine;
import io.fashionae.config.IdxDataset;
import io.fashionae.config.ImagePadding;
import io.fashionae.config.ImageSource;
import io.fashionae.config.LossKind;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code metadata_props} of every exported file: what a consumer needs to use the model
 * (latent size, class names, the input preprocessing) and where it came from (training config,
 * SHA-256 of the source DL4J model, producer and version, the DL4J/ND4J and ONNX Runtime versions
 * of the build, its git commit when it had one).
 */
public final class ExportMetadata {
    /** Latent vector size. */
    public static final String LATENT_DIM = "latent_dim";
    /** The data set trained on: {@code fashion-mnist}, {@code mnist}, {@code kmnist} or {@code images:FOLDER}. */
    public static final String DATASET = "dataset";
    /** JSON array of class names, in label order. */
    public static final String CLASS_NAMES = "class_names";
    /** How images must be prepared. */
    public static final String PREPROCESSING = "preprocessing";
    /** JSON of the model configuration. */
    public static final String MODEL_CONFIG = "model_config";
    /** {@code autoencoder} or {@code variational}: which kind of model the weights come from. */
    public static final String MODEL_KIND = "model_kind";
    /** The reconstruction loss it was trained with: {@code mse} or {@code bce}. */
    public static final String LOSS = "loss";
    /** A VAE's KL weight; absent for a plain autoencoder. */
    public static final String BETA = "beta";
    /** JSON of the training configuration, when known. */
    public static final String TRAINING_CONFIG = "training_config";
    /** SHA-256 of the DL4J model file exported. */
    public static final String SOURCE_SHA256 = "source_model_sha256";
    /** Producer name. */
    public static final String PRODUCER = "producer";
    /** Producer version. */
    public static final String VERSION = "producer_version";
    /** Which part of the autoencoder the file holds. */
    public static final String PART = "part";
    /** The opset, repeated for tools that only read metadata. */
    public static final String OPSET = "opset";
    /** Deeplearning4j's and ND4J's version, which produced the exported weights. */
    public static final String DL4J_VERSION = "dl4j_version";
    /** The DL4J engine ({@code dl4j} or {@code native}) whose outputs the file was checked against. */
    public static final String ENGINE = "dl4j_engine";
    /** The ONNX Runtime version the export was checked with. */
    public static final String ONNXRUNTIME_VERSION = "onnxruntime_version";
    /** The git commit the exporter was built from; absent when the build had no repository. */
    public static final String GIT_COMMIT = "git_commit";

    private ExportMetadata() {}

    private static String layout(ModelConfig model) {
        return "layout NCHW [batch, " + model.imageChannels() + ", " + model.imageSize() + ", " + model.imageSize()
                + "]";
    }

    private static String idxInput(ModelConfig model) {
        int pad = ImagePadding.fashionMnistTo(model.imageSize()).pad();
        return "grey 28x28 uint8 scaled by 1/255 to [0,1], zero-padded by " + pad + " on every side to "
                + model.imageSize() + "x" + model.imageSize() + "; " + layout(model);
    }

    private static String folderInput(ModelConfig model) {
        int side = model.imageSize();
        return "an image file fitted into " + side + "x" + side
                + " with its aspect ratio kept (bilinear, longer side to "
                + side + ", centred, black padding), "
                + (model.imageChannels() == 1 ? "grey by BT.601 luma (rounded to uint8)" : "RGB planes")
                + ", uint8 scaled by 1/255 to [0,1]; " + layout(model);
    }

    /**
     * The metadata of one exported part.
     *
     * @param engine the engine whose DL4J outputs the part was checked against
     */
    public static Map<String, String> of(
            ModelConfig model,
            String trainingConfigJson,
            String sourceSha256,
            IdxDataset dataset,
            ModelPart part,
            Engine engine) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(PART, part.name().toLowerCase());
        m.put(LATENT_DIM, Integer.toString(model.latentDim()));
        m.put(MODEL_KIND, model.objective().variational() ? "variational" : "autoencoder");
        m.put(LOSS, model.objective().loss().name().toLowerCase());
        if (model.objective().variational()) {
            m.put(BETA, Double.toString(model.objective().beta()));
        }
        TrainingConfig training = TrainingConfig.readOrNull(trainingConfigJson);
        ImageSource images = training == null ? null : training.images();
        m.put(DATASET, images == null ? dataset.cliName() : images.name());
        List<String> names = images == null ? dataset.classNames() : images.classNames();
        m.put(CLASS_NAMES, Json.write(names).replaceAll("\\s+", " "));
        m.put(
                PREPROCESSING,
                (images == null ? idxInput(model) : folderInput(model))
                        + "; decoder output in the same space ("
                        + (model.objective().loss() == LossKind.BCE ? "a sigmoid, in [0,1]" : "not clipped") + ")"
                        + (model.objective().variational() ? "; the encoder gives the posterior mean" : ""));
        m.put(MODEL_CONFIG, Json.write(model).replaceAll("\\s+", " "));
        if (trainingConfigJson != null) {
            m.put(TRAINING_CONFIG, trainingConfigJson.replaceAll("\\s+", " "));
        }
        m.put(SOURCE_SHA256, sourceSha256);
        m.put(PRODUCER, OnnxExporter.PRODUCER);
        BuildInfo build = BuildInfo.current();
        m.put(VERSION, build.version());
        m.put(OPSET, Long.toString(OnnxExporter.OPSET));
        m.put(DL4J_VERSION, build.dl4jVersion());
        m.put(ENGINE, engine.label());
        m.put(ONNXRUNTIME_VERSION, build.onnxRuntimeVersion());
        build.gitCommit().ifPresent(commit -> m.put(GIT_COMMIT, commit));
        return m;
    }
}
