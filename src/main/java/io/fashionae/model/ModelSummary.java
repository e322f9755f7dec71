package io.fashionae.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;

/**
 * A per-layer table of the autoencoder, like torchsummary's: name, type, output shape and
 * trainable parameters, with totals.
 *
 * @param rows         one row per layer, in topological order
 * @param trainable    parameters that training changes
 * @param runningStats batch norm running mean and variance (state, not parameters)
 */
public record ModelSummary(List<Row> rows, long trainable, long runningStats) {

    /**
     * One layer.
     *
     * @param name   vertex name
     * @param type   layer type, with the activation for activation layers
     * @param shape  output shape with {@code -1} for the batch
     * @param params trainable parameters
     */
    public record Row(String name, String type, String shape, long params) {}

    /** Copies the rows. */
    public ModelSummary {
        rows = List.copyOf(rows);
    }

    /** The summary of {@code model}. */
    public static ModelSummary of(Autoencoder model) {
        ComputationGraph graph = model.graph();
        InputType input = new AutoencoderGraphBuilder(model.config()).imageType();
        InputType[] inputs = new AutoencoderGraphBuilder(model.config()).inputTypes();
        Map<String, InputType> types = graph.getConfiguration().getLayerActivationTypes(inputs);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(GraphNames.IMAGE, "Input", shape(input), 0));
        if (inputs.length > 1) {
            rows.add(new Row(GraphNames.NOISE, "Input", shape(inputs[1]), 0));
        }
        GraphVertex[] vertices = graph.getVertices();
        for (int index : graph.topologicalSortOrder()) {
            GraphVertex v = vertices[index];
            if (!v.hasLayer()) {
                continue;
            }
            rows.add(new Row(
                    v.getVertexName(),
                    typeOf(graph, v.getVertexName()),
                    shape(types.get(v.getVertexName())),
                    ParameterCounts.trainable(v.getLayer())));
        }
        long trainable = ParameterCounts.trainable(graph);
        return new ModelSummary(rows, trainable, graph.numParams() - trainable);
    }

    /** The table as text, as {@code summary} and {@code train} print it. */
    public String format() {
        int nameWidth = Math.max(
                10, rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        int typeWidth = Math.max(
                10, rows.stream().mapToInt(r -> r.type().length()).max().orElse(0));
        String fmt = "%-" + nameWidth + "s  %-" + typeWidth + "s  %-18s %,12d%n";
        String head = "%-" + nameWidth + "s  %-" + typeWidth + "s  %-18s %12s%n";
        StringBuilder sb = new StringBuilder();
        String rule = "-".repeat(nameWidth + typeWidth + 34) + "\n";
        sb.append(rule).append(String.format(Locale.ROOT, head, "Layer", "Type", "Output shape", "Param #"));
        sb.append("=".repeat(nameWidth + typeWidth + 34)).append('\n');
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, fmt, r.name(), r.type(), r.shape(), r.params()));
        }
        sb.append(rule);
        sb.append(String.format(Locale.ROOT, "Trainable params: %,d%n", trainable));
        sb.append(String.format(Locale.ROOT, "Batch-norm running statistics (not trained): %,d%n", runningStats));
        sb.append(rule);
        return sb.toString();
    }

    private static String typeOf(ComputationGraph graph, String name) {
        var conf = ((LayerVertex) graph.getConfiguration().getVertices().get(name))
                .getLayerConf()
                .getLayer();
        String simple = conf.getClass().getSimpleName();
        if (conf instanceof ActivationLayer a) {
            String fn = a.getActivationFn().toString();
            int paren = fn.indexOf('(');
            return "Activation(" + (paren > 0 ? fn.substring(0, paren) : fn).toUpperCase(Locale.ROOT) + ")";
        }
        return simple.endsWith("Layer") && simple.length() > 5 ? simple.substring(0, simple.length() - 5) : simple;
    }

    private static String shape(InputType type) {
        return Arrays.toString(type.getShape(true)).replace(" ", "");
    }
}
