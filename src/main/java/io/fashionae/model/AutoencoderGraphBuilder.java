package io.fashionae.model;

import io.fashionae.common.UserException;
import io.fashionae.config.Engine;
import io.fashionae.config.GeluForm;
import io.fashionae.config.LossKind;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.Objective;
import io.fashionae.config.Precision;
import io.fashionae.model.layer.ActivationErfGelu;
import io.fashionae.model.layer.SigmoidCrossEntropy;
import io.fashionae.model.layer.VariationalSample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the DL4J {@link ComputationGraphConfiguration}s of the autoencoder from a
 * {@link ModelConfig}: the full graph (image to reconstruction, with the loss layer), and the encoder
 * and decoder alone, which use the same layer names so that their parameters are slices of the
 * full graph's.
 *
 * <p>Numerics that DL4J M2.1 does not do by itself (docs/model.md lists them with their tests):
 * every layer's activation and convolution mode are set explicitly (DL4J defaults to sigmoid and
 * Truncate); GELU is a separate {@link ActivationLayer} because {@code BatchNormalization} ignores
 * its activation, and its exact (erf) form is our own {@link ActivationErfGelu} because DL4J's
 * {@code GELU} is the sigmoid approximation; DL4J has neither asymmetric padding nor
 * {@code output_padding}, so {@link ConvGeometry} picks each layer's mode, padding and crop to
 * place the odd pixel where {@link ModelConfig#padding()} says.
 *
 * <p>Which classes compute each layer is the {@link LayerKit} of the engine it is built for: DL4J's
 * own layers or the native ones. The architecture, the layer names and the parameter layout are
 * the same in both.
 */
public final class AutoencoderGraphBuilder {
    /** Batch norm as PyTorch's defaults: momentum 0.1 (DL4J decay 0.9), eps 1e-5. */
    private static final double BN_DECAY = 0.9;

    private static final double BN_EPS = 1e-5;
    private static final double HALF_ADAM_EPSILON = 1e-4;
    /** The encoder- and decoder-only graphs never train: their updater settings are unused. */
    private static final OptimizerSettings INFERENCE_ONLY = new OptimizerSettings(1e-3, 0, 0);

    private final ModelConfig config;
    private final ArchitecturePlan plan;
    private final DataType dataType;
    private final LayerKit kit;

    /** A builder for one architecture in 32-bit floats, of the native kit's layers. */
    public AutoencoderGraphBuilder(ModelConfig config) {
        this(config, DataType.FLOAT, Engine.NATIVE);
    }

    /** A builder for one architecture in 32-bit floats, of {@code engine}'s layers. */
    public AutoencoderGraphBuilder(ModelConfig config, Engine engine) {
        this(config, DataType.FLOAT, engine);
    }

    /**
     * A builder for one architecture of {@code engine}'s layers (a concrete engine, not auto) whose
     * encoder/decoder graphs use {@code dataType}.
     */
    public AutoencoderGraphBuilder(ModelConfig config, DataType dataType, Engine engine) {
        this.config = config;
        this.plan = ArchitecturePlan.of(config);
        this.dataType = dataType;
        this.kit = LayerKit.of(engine);
    }

    /**
     * The ND4J type of a precision.
     *
     * @throws UserException for BF16: DL4J M2.1 networks accept only DOUBLE, FLOAT and HALF
     */
    public static DataType dataType(Precision precision) {
        return switch (precision) {
            case FP32 -> DataType.FLOAT;
            case FP16 -> DataType.HALF;
            case BF16 ->
                throw new UserException(
                        "--precision bf16 is not available: DL4J 1.0.0-M2.1 networks run only in "
                                + "fp32 or fp16 (its layers refuse BFLOAT16)",
                        "use --precision fp16 (on CUDA) or fp32");
        };
    }

    /**
     * Image to reconstruction, with the loss layer: the graph that trains. A VAE's graph has a
     * second input, {@link GraphNames#NOISE}, and decodes the {@link VariationalSample} of the
     * encoder's two heads.
     */
    public ComputationGraphConfiguration full(OptimizerSettings optimizer) {
        GraphBuilder g = base(optimizer, dataType(optimizer.precision())).addInputs(GraphNames.IMAGE);
        addLayers(g, plan.encoder(), GraphNames.IMAGE, false);
        String latent = GraphNames.LATENT;
        Objective objective = config.objective();
        if (objective.variational()) {
            g.addInputs(GraphNames.NOISE);
            g.addVertex(
                    GraphNames.SAMPLE_INPUTS,
                    new MergeVertex(),
                    GraphNames.LATENT,
                    GraphNames.LATENT_LOG_VAR,
                    GraphNames.NOISE);
            g.addLayer(
                    GraphNames.SAMPLE, new VariationalSample(latentSize(), objective.beta()), GraphNames.SAMPLE_INPUTS);
            latent = GraphNames.SAMPLE;
        }
        // The loss layer applies a BCE model's sigmoid itself: the training graph ends before it.
        String reconstruction = addLayers(g, plan.decoder(), latent, true);
        g.addLayer(GraphNames.LOSS, lossLayer(objective.loss()), reconstruction);
        return g.setOutputs(GraphNames.LOSS).setInputTypes(inputTypes()).build();
    }

    /** The training graph's input types, in input order: the images and, for a VAE, the noise. */
    public InputType[] inputTypes() {
        return config.objective().variational()
                ? new InputType[] {imageType(), InputType.feedForward(latentSize())}
                : new InputType[] {imageType()};
    }

    /**
     * Image to latent vector: a VAE's encoder has two outputs, the mean (first; the latent
     * everything downstream uses) and the log-variance.
     */
    public ComputationGraphConfiguration encoderOnly() {
        GraphBuilder g = inferenceBase().addInputs(GraphNames.IMAGE);
        addLayers(g, plan.encoder(), GraphNames.IMAGE, false);
        if (config.objective().variational()) {
            g.setOutputs(GraphNames.LATENT, GraphNames.LATENT_LOG_VAR);
        } else {
            g.setOutputs(GraphNames.LATENT);
        }
        return g.setInputTypes(imageType()).build();
    }

    /**
     * Latent vector to reconstruction; its input is named {@link GraphNames#LATENT}. With the BCE
     * loss it ends in the sigmoid that the training graph's loss layer applies.
     */
    public ComputationGraphConfiguration decoderOnly() {
        GraphBuilder g = inferenceBase().addInputs(GraphNames.LATENT);
        String out = addLayers(g, plan.decoder(), GraphNames.LATENT, false);
        return g.setOutputs(out)
                .setInputTypes(InputType.feedForward(latentSize()))
                .build();
    }

    /**
     * MSE on the identity, as the seed; BCE from the logits ({@link SigmoidCrossEntropy}), the
     * layer's output being their sigmoid. Both average over channels and sum over the pixels.
     */
    private static CnnLossLayer lossLayer(LossKind loss) {
        return switch (loss) {
            case MSE ->
                new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY)
                        .format(CNN2DFormat.NCHW)
                        .build();
            case BCE ->
                new CnnLossLayer.Builder()
                        .lossFunction(new SigmoidCrossEntropy())
                        .activation(Activation.SIGMOID)
                        .format(CNN2DFormat.NCHW)
                        .build();
        };
    }

    /** Names of the encoder's layers, in order. */
    public List<String> encoderLayerNames() {
        return plan.encoder().stream().map(PlannedLayer::name).toList();
    }

    /** Names of the decoder's layers, in order. */
    public List<String> decoderLayerNames() {
        return plan.decoder().stream().map(PlannedLayer::name).toList();
    }

    /** The architecture this builder builds. */
    public ArchitecturePlan plan() {
        return plan;
    }

    /** The latent vector's size, as the plan's latent layer gives it. */
    private int latentSize() {
        return Math.toIntExact(plan.layer(GraphNames.LATENT).out().size());
    }

    /** The input type: {@code [1, 32, 32]} images in NCHW. */
    public InputType imageType() {
        PlannedLayer.Shape image = plan.encoder().get(0).in();
        return InputType.convolutional(image.side(), image.side(), image.channels(), CNN2DFormat.NCHW);
    }

    /**
     * The encoder- and decoder-only graphs, which only ever run inference, use workspaces too: each
     * call then reuses the memory of the last instead of allocating, zero-filling and leaving to
     * the GC one array per layer (on 2 cores, encoding ran at about 5,000 images/s without them
     * and 7,600-8,500 with them, and the resident memory stayed flat without a periodic GC).
     * {@link Autoencoder} calls them on bounded chunks, which bounds the workspaces.
     */
    private GraphBuilder inferenceBase() {
        return base(INFERENCE_ONLY, dataType);
    }

    private GraphBuilder base(OptimizerSettings optimizer, DataType type) {
        return new NeuralNetConfiguration.Builder()
                .seed(optimizer.seed())
                .dataType(type)
                .updater(adam(optimizer))
                // Decoupled (AdamW) decay: DL4J applies WeightDecay after the updater, times the learning rate.
                .weightDecay(optimizer.weightDecay(), true)
                .weightDecayBias(optimizer.weightDecay(), true)
                // Replaced by PyTorchInit in Autoencoder.create; Xavier only for graphs built elsewhere.
                .weightInit(WeightInit.XAVIER)
                .activation(Activation.IDENTITY)
                .convolutionMode(ConvolutionMode.Same)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder();
    }

    /**
     * Adds {@code layers} of the plan, each as the kit's layer of its kind, the first reading
     * {@code input}; returns the last one's name. A layer that takes a feature map from a vector
     * (the decoder's first transposed convolution) reads it channel-major, as the encoder
     * flattened it.
     *
     * @param training whether this is the training graph, which leaves the final sigmoid to its loss layer
     */
    private String addLayers(GraphBuilder g, List<PlannedLayer> layers, String input, boolean training) {
        String first = layers.get(0).input();
        // What each vertex gives, by the plan's names: the half's input first, then each layer's output.
        Map<String, PlannedLayer.Shape> outputs = new HashMap<>();
        outputs.put(first, layers.get(0).in());
        String last = input;
        for (PlannedLayer layer : layers) {
            outputs.put(layer.name(), layer.out());
            if (training && layer.kind() == LayerKind.SIGMOID) {
                continue;
            }
            String from = layer.input().equals(first) ? input : layer.input();
            g.addLayer(layer.name(), layerOf(layer), from);
            if (layer.in().isMap() && !outputs.get(layer.input()).isMap()) {
                PlannedLayer.Shape map = layer.in();
                g.inputPreProcessor(
                        layer.name(), new FeedForwardToCnnPreProcessor(map.side(), map.side(), map.channels()));
            }
            last = layer.name();
        }
        return last;
    }

    /** The kit's DL4J layer for one planned layer. */
    private org.deeplearning4j.nn.conf.layers.Layer layerOf(PlannedLayer layer) {
        return switch (layer.kind()) {
            case CONVOLUTION -> kit.convolution(layer);
            case DECONVOLUTION -> kit.deconvolution(layer);
            case CROP -> kit.crop(layer.crop()[0], layer.crop()[1]);
            case BATCH_NORM -> kit.batchNorm(BN_DECAY, BN_EPS);
            case GELU -> gelu(layer.gelu());
            // DL4J takes the probability of KEEPING a channel; Dropout2d(p) drops with probability p.
            case DROPOUT ->
                new DropoutLayer.Builder()
                        .dropOut(new SpatialDropout(1 - layer.dropout()))
                        .build();
            case DENSE ->
                new DenseLayer.Builder()
                        .nIn(layer.in().size())
                        .nOut(layer.out().size())
                        .activation(Activation.IDENTITY)
                        .build();
            case SIGMOID ->
                new ActivationLayer.Builder().activation(Activation.SIGMOID).build();
        };
    }

    /** The exact GELU as the kit's layer; DL4J's sigmoid form in DL4J's activation layer in both kits. */
    private org.deeplearning4j.nn.conf.layers.Layer gelu(GeluForm form) {
        return switch (form) {
            case ERF -> kit.erfGelu();
            case SIGMOID ->
                new ActivationLayer.Builder().activation(new ActivationGELU()).build();
        };
    }

    /**
     * Adam with PyTorch's defaults; in half precision its epsilon is 1e-4 instead of 1e-8, which
     * underflows to zero in FP16 (smallest subnormal 6e-8) and turns the first update into 0/0.
     */
    private static Adam adam(OptimizerSettings optimizer) {
        Adam adam = new Adam(optimizer.learningRate());
        if (optimizer.precision() == Precision.FP16) {
            adam.setEpsilon(HALF_ADAM_EPSILON);
        }
        return adam;
    }
}
