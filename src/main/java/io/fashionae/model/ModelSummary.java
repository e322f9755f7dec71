package io.fashionae.model;

import io.fashionae.config.GeluForm;
import io.fashionae.config.ModelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** The summary of {@code model}'s architecture. */
    public static ModelSummary of(Autoencoder model) {
        return of(model.config());
    }

    /**
     * The summary of {@code config}'s {@link ArchitecturePlan}: the layers that run in inference,
     * encoder then decoder. Training adds the loss layer (and a VAE's sampling layer), which have
     * no parameters.
     */
    public static ModelSummary of(ModelConfig config) {
        ArchitecturePlan plan = ArchitecturePlan.of(config);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(
                GraphNames.IMAGE,
                "Input",
                PlannedLayer.Shape.map(config.imageChannels(), config.imageSize())
                        .toString(),
                0));
        for (PlannedLayer layer : plan.layers()) {
            rows.add(new Row(layer.name(), typeOf(layer), layer.out().toString(), layer.trainableCount()));
        }
        return new ModelSummary(rows, plan.trainableCount(), plan.parameterCount() - plan.trainableCount());
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

    /** The kind's engine-neutral name; a GELU says its form, {@code GELU_ERF} for the exact one. */
    private static String typeOf(PlannedLayer layer) {
        if (layer.kind() == LayerKind.GELU) {
            return layer.gelu() == GeluForm.ERF ? "Activation(GELU_ERF)" : "Activation(GELU)";
        }
        return layer.kind().label();
    }
}
