package io.fashionae.onnx;

import ai.onnx.proto.OnnxMl;
import io.fashionae.config.ModelConfig;
import io.fashionae.model.ArchitecturePlan;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.GraphNames;
import io.fashionae.model.LayerKind;
import io.fashionae.model.PlannedLayer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
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
        OnnxGraphBuilder onnx = new OnnxGraphBuilder("fashionae_" + part.name().toLowerCase());
        LayerMapper mapper = new LayerMapper(onnx);
        Map<String, String> tensors = new HashMap<>();
        tensors.put(part == ModelPart.DECODER ? GraphNames.LATENT : GraphNames.IMAGE, part.inputName());
        String last = null;
        ArchitecturePlan plan = ArchitecturePlan.of(config);
        for (PlannedLayer layer : layersOf(part, plan)) {
            String input = tensors.get(layer.input());
            if (input == null) {
                throw new UnsupportedLayerException(
                        layer.name(), "its input '" + layer.input() + "' is outside the exported part");
            }
            if (layer.kind() == LayerKind.SIGMOID) {
                // Inference's end of a BCE model; the training graph's loss layer applies it, so DL4J's graph has none.
                last = mapper.sigmoid(layer.name(), input);
            } else {
                LayerVertex vertex = (LayerVertex) conf.getVertices().get(layer.name());
                input = mapper.preprocess(layer.name(), vertex.getPreProcessor(), input);
                last = mapper.layer(
                        layer.name(),
                        vertex.getLayerConf().getLayer(),
                        graph.getLayer(layer.name()),
                        inputType(layer.in()),
                        input);
            }
            tensors.put(layer.name(), last);
        }
        onnx.renameLastOutput(last, part.outputName());

        OnnxMl.GraphProto.Builder g = onnx.graph();
        declareInputAndOutput(g, part, plan);

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

    /** The part's input and output, shaped as the plan's first input and last output say. */
    private static void declareInputAndOutput(OnnxMl.GraphProto.Builder g, ModelPart part, ArchitecturePlan plan) {
        long[] image = plan.encoder().get(0).in().dims();
        long[] latent = plan.layer(GraphNames.LATENT).out().dims();
        g.addInput(OnnxGraphBuilder.floatValue(part.inputName(), part.takesImages() ? image : latent));
        g.addOutput(OnnxGraphBuilder.floatValue(part.outputName(), part.givesImages() ? image : latent));
    }

    /** The type DL4J gives a layer's input of {@code shape}: an NCHW feature map or a vector. */
    private static InputType inputType(PlannedLayer.Shape shape) {
        return shape.isMap()
                ? InputType.convolutional(shape.side(), shape.side(), shape.channels(), CNN2DFormat.NCHW)
                : InputType.feedForward(shape.size());
    }

    /**
     * The plan's layers that run in {@code part}'s inference: a VAE's log-variance head feeds only
     * training's sample, so the encoder ends at the mean.
     */
    private static List<PlannedLayer> layersOf(ModelPart part, ArchitecturePlan plan) {
        List<PlannedLayer> layers = new ArrayList<>();
        if (part != ModelPart.DECODER) {
            plan.encoder().stream()
                    .filter(l -> !l.name().equals(GraphNames.LATENT_LOG_VAR))
                    .forEach(layers::add);
        }
        if (part != ModelPart.ENCODER) {
            layers.addAll(plan.decoder());
        }
        return layers;
    }
}
