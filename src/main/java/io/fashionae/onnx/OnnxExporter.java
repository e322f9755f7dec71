package io.fashionae.onnx;

import ai.onnx.proto.OnnxMl;
import io.fashionae.config.LossKind;
import io.fashionae.config.ModelConfig;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.AutoencoderGraphBuilder;
import io.fashionae.model.GraphNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Translates the trained DL4J graph into ONNX models (DL4J has no exporter): the encoder, the
 * decoder, or the whole autoencoder, one self-contained file each, default ONNX domain only.
 *
 * <p>It walks the graph's layers in topological order and lets {@link LayerMapper} translate each
 * one, so it follows whatever configuration the model was built from; a layer or setting without
 * an exact mapping stops the export with an error naming it.
 */
public final class OnnxExporter {
    /** The ONNX opset of every exported file; ONNX Runtime 1.26 accepts 18 to 26. */
    public static final long OPSET = 18;
    /** IR version that goes with opset 18. */
    public static final long IR_VERSION = 8;
    /** Written into {@code producer_name}. */
    public static final String PRODUCER = "fashionae";

    private OnnxExporter() {}

    /** The ONNX model of {@code part} of {@code model}, with {@code metadata} as its {@code metadata_props}. */
    public static OnnxMl.ModelProto export(Autoencoder model, ModelPart part, Map<String, String> metadata) {
        ModelConfig config = model.config();
        ComputationGraph graph = model.graph();
        ComputationGraphConfiguration conf = graph.getConfiguration();
        AutoencoderGraphBuilder builder = new AutoencoderGraphBuilder(config);
        InputType imageType = builder.imageType();
        Map<String, InputType> types = conf.getLayerActivationTypes(builder.inputTypes());

        OnnxGraphBuilder onnx = new OnnxGraphBuilder("fashionae_" + part.name().toLowerCase());
        LayerMapper mapper = new LayerMapper(onnx);
        Map<String, String> tensors = new HashMap<>();
        String firstVertex = part == ModelPart.DECODER ? GraphNames.LATENT : GraphNames.IMAGE;
        tensors.put(firstVertex, part.inputName());
        List<String> layers = layersOf(part, builder);
        String last = null;
        for (String name : layers) {
            if (name.equals(GraphNames.LATENT_LOG_VAR)) {
                continue; // a VAE's log-variance head: only training's sample uses it
            }
            LayerVertex vertex = (LayerVertex) conf.getVertices().get(name);
            String inputVertex =
                    inferenceSource(conf.getVertexInputs().get(name).get(0));
            String input = tensors.get(inputVertex);
            if (input == null) {
                throw new UnsupportedLayerException(
                        name, "its input '" + inputVertex + "' is outside the exported part");
            }
            InputType inType = inputVertex.equals(GraphNames.IMAGE) ? imageType : types.get(inputVertex);
            input = mapper.preprocess(name, vertex.getPreProcessor(), input);
            if (vertex.getPreProcessor() != null) {
                inType = vertex.getPreProcessor().getOutputType(inType);
            }
            last = mapper.layer(name, vertex.getLayerConf().getLayer(), graph.getLayer(name), inType, input);
            tensors.put(name, last);
        }
        if (part.givesImages() && config.objective().loss() == LossKind.BCE) {
            // The training graph's loss layer applies the sigmoid to the logits; the exported decoder ends with it.
            last = mapper.sigmoid(GraphNames.DECODER_SIGMOID, last);
        }
        onnx.renameLastOutput(last, part.outputName());

        OnnxMl.GraphProto.Builder g = onnx.graph();
        declareInputAndOutput(g, part, config);

        OnnxMl.ModelProto.Builder m = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(PRODUCER)
                .setProducerVersion(metadata.getOrDefault(ExportMetadata.VERSION, ""))
                .setDomain("io.fashionae")
                .setModelVersion(1)
                .setDocString(
                        "FashionAE " + part.name().toLowerCase() + " exported from a Deeplearning4j ComputationGraph")
                .addOpsetImport(
                        OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(g);
        metadata.forEach((k, v) -> m.addMetadataProps(
                OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return m.build();
    }

    private static void declareInputAndOutput(OnnxMl.GraphProto.Builder g, ModelPart part, ModelConfig config) {
        g.addInput(
                part.takesImages()
                        ? OnnxGraphBuilder.floatValue(
                                part.inputName(), config.imageChannels(), config.imageSize(), config.imageSize())
                        : OnnxGraphBuilder.floatValue(part.inputName(), config.latentDim()));
        g.addOutput(
                part.givesImages()
                        ? OnnxGraphBuilder.floatValue(
                                part.outputName(), config.imageChannels(), config.imageSize(), config.imageSize())
                        : OnnxGraphBuilder.floatValue(part.outputName(), config.latentDim()));
    }

    /**
     * The vertex whose output a layer reads in inference: a VAE's sample is the posterior mean
     * there, so the decoder reads the mean head directly.
     */
    private static String inferenceSource(String vertex) {
        return vertex.equals(GraphNames.SAMPLE) ? GraphNames.LATENT : vertex;
    }

    private static List<String> layersOf(ModelPart part, AutoencoderGraphBuilder builder) {
        List<String> layers = new ArrayList<>();
        if (part != ModelPart.DECODER) {
            layers.addAll(builder.encoderLayerNames());
        }
        if (part != ModelPart.ENCODER) {
            layers.addAll(builder.decoderLayerNames());
        }
        return layers;
    }
}
