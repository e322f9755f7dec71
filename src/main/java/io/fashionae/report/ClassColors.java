package io.fashionae.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionae.dataset.FashionMnistClasses;
import io.fashionae.plot.Palette;

/** The class names and their plot colours, as the pages' legends and tables need them. */
final class ClassColors {
    private ClassColors() {}

    /** {@code [{name, color: "#rrggbb"}]} in label order, the colours the PNG plots use. */
    static ArrayNode json() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int c = 0; c < FashionMnistClasses.COUNT; c++) {
            ObjectNode n = out.addObject();
            n.put("name", FashionMnistClasses.name(c));
            n.put("color", String.format("#%06x", Palette.TAB10.get(c).getRGB() & 0xffffff));
        }
        return out;
    }
}
