package io.fashionae.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionae.config.FashionMnistClasses;
import io.fashionae.plot.Palette;
import java.util.ArrayList;
import java.util.List;

/** The class names and their plot colours, as the pages' legends and tables need them. */
final class ClassColors {
    private ClassColors() {}

    /** {@code [{name, color: "#rrggbb"}]} in label order, the colours the PNG plots use. */
    static ArrayNode json(List<String> names) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int c = 0; c < names.size(); c++) {
            ObjectNode n = out.addObject();
            n.put("name", names.get(c));
            n.put(
                    "color",
                    String.format("#%06x", Palette.opaque(c, names.size()).getRGB() & 0xffffff));
        }
        return out;
    }

    /**
     * The class names a run's metrics.json records ({@code data.class_names}); the one name "image"
     * for unlabelled images (an empty list); Fashion-MNIST's for files written before they were recorded.
     */
    static List<String> namesIn(JsonNode metrics) {
        JsonNode names = metrics.path("data").path("class_names");
        if (!names.isArray()) {
            return FashionMnistClasses.NAMES;
        }
        if (names.isEmpty()) {
            return List.of("image");
        }
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add(n.asText()));
        return out;
    }
}
