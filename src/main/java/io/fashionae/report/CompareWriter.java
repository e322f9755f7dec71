package io.fashionae.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionae.common.AtomicFiles;
import io.fashionae.common.Json;
import io.fashionae.latent.LatentPoints;
import io.fashionae.plot.AxisRange;
import io.fashionae.plot.LatentScatter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Writes {@code compare.html} and {@code compare.json} for a {@link RunComparison}. The page is
 * one self-contained file: its data as embedded JSON and the aligned latent plots as PNG data
 * URIs, so it can be mailed or attached as it is. Both files are replaced atomically, together.
 */
public final class CompareWriter {
    /** The page. */
    public static final String PAGE = "compare.html";
    /** The figures behind it. */
    public static final String DATA = "compare.json";

    private static final int PLOT_WIDTH = 620;
    private static final int PLOT_HEIGHT = 470;

    private CompareWriter() {}

    /** Writes both files into {@code out} (created if needed); returns the page. */
    public static Path write(RunComparison comparison, Path out) throws IOException {
        Files.createDirectories(out);
        ObjectNode data = comparison.toJson();
        String json = Json.write(data);
        data.set("plots", plots(comparison));
        data.set("classes", ClassColors.json(comparison.classNames()));
        data.put("generated", java.time.Instant.now().toString());
        String html = Html.page("compare-template.html", Json.writeCompact(data));
        Path page = out.resolve(PAGE);
        Map<Path, AtomicFiles.Writer> files = new LinkedHashMap<>();
        files.put(out.resolve(DATA), tmp -> Files.writeString(tmp, json));
        files.put(page, tmp -> Files.writeString(tmp, html));
        AtomicFiles.writeAll(files);
        return page;
    }

    /** Each run's aligned final latents on one common axis range, as PNG data URIs. */
    private static ArrayNode plots(RunComparison comparison) throws IOException {
        List<LatentPoints> planes = new ArrayList<>();
        for (int i = 0; i < comparison.runs().size(); i++) {
            planes.add(comparison.aligned(i));
        }
        AxisRange common = AxisRange.covering(planes);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < planes.size(); i++) {
            BufferedImage image = LatentScatter.render(
                    planes.get(i),
                    comparison.classNames(),
                    comparison.runs().get(i).name(),
                    List.of("aligned x", "aligned y"),
                    common,
                    true,
                    PLOT_WIDTH,
                    PLOT_HEIGHT);
            out.add("data:image/png;base64," + Base64.getEncoder().encodeToString(png(image)));
        }
        return out;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
