package io.fashionae.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionae.common.AtomicFiles;
import io.fashionae.common.Json;
import io.fashionae.common.UserException;
import io.fashionae.latent.FrameStore;
import io.fashionae.latent.LatentPoints;
import io.fashionae.plot.Figures;
import io.fashionae.plot.Images;
import io.fashionae.plot.PlotGeometry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code reports/index.html}: one self-contained page (inline CSS and JavaScript, the run's
 * data embedded as JSON, images by relative path) built from the files of a finished run, so it
 * can be regenerated without retraining and opened from disk. Parts whose files are missing are
 * left out rather than linked. The page is written atomically: a failure keeps the old one.
 */
public final class ReportWriter {
    /** The page. */
    public static final String INDEX = "index.html";
    /** The explorer's sprite of decodes. */
    public static final String EXPLORER_SPRITE = "explorer-grid.png";
    /** The exact interpolations' sprite: one row of decodes per pair. */
    public static final String INTERPOLATIONS = "interpolations.png";
    /** The model table written at training time. */
    public static final String MODEL_SUMMARY = "model-summary.json";
    /** Builds the page's data tree; reading and writing it go through {@link Json}. */
    private static final JsonNodeFactory TREE = JsonNodeFactory.instance;

    private ReportWriter() {}

    /** Builds the page from {@code reports} (and the ONNX files in {@code models}); returns its path. */
    public static Path write(Path reports, Path models) throws IOException {
        return write(reports, models, warning -> {});
    }

    /**
     * Builds the page from {@code reports} (and the ONNX files in {@code models}); returns its path.
     * Files the run's metrics list but that are missing are left out and reported to {@code warn}.
     *
     * @throws UserException when the page there has the explorer or ONNX section and {@code models}
     *         lacks the files to rebuild it (a wrong {@code --models} would otherwise drop them)
     */
    public static Path write(Path reports, Path models, java.util.function.Consumer<String> warn) throws IOException {
        return write(reports, models, List.of(), warn);
    }

    /**
     * Like {@link #write(Path, Path, java.util.function.Consumer)}, with exact interpolations
     * between {@code pairs} of validation images beside the default ones.
     *
     * @throws UserException also for a pair outside the report's sampled validation images
     */
    public static Path write(
            Path reports, Path models, List<InterpolationPair> pairs, java.util.function.Consumer<String> warn)
            throws IOException {
        Path metricsFile = reports.resolve("metrics.json");
        if (!Files.isRegularFile(metricsFile)) {
            throw new UserException(
                    "no metrics.json in " + reports, "train first ('make train'), or pass --reports DIR of a run");
        }
        ObjectNode data = TREE.objectNode();
        data.set("metrics", read(metricsFile));
        data.set("summary", readOptional(reports.resolve(MODEL_SUMMARY)));
        data.set("onnx", readOptional(models.resolve("onnx-export.json")));
        int classes = ClassColors.namesIn(data.get("metrics")).size();
        data.set("explorer", explorer(reports, models, true, pairs, classes));
        keepSections(reports.resolve(INDEX), models, data);
        data.set("frames", frames(reports, data.get("metrics"), warn));
        data.set("figures", figures(reports));
        data.set("explorer", explorer(reports, models, false, pairs, classes));
        data.set("classes", ClassColors.json(ClassColors.namesIn(data.get("metrics"))));
        data.put("generated", java.time.Instant.now().toString());
        String html = Html.page("report-template.html", Json.writeCompact(data));
        Path index = reports.resolve(INDEX);
        AtomicFiles.writeString(index, html);
        return index;
    }

    /**
     * Refuses to replace a page that has the explorer or ONNX section with one that would lack it
     * because {@code models} does not hold the files (the page embeds its data as JSON; a section
     * that was there shows as an object rather than null).
     */
    private static void keepSections(Path index, Path models, ObjectNode data) throws IOException {
        if (!Files.isRegularFile(index)) {
            return;
        }
        String old = Files.readString(index, StandardCharsets.UTF_8);
        List<String> lost = new ArrayList<>();
        if (old.contains("\"explorer\":{") && data.get("explorer").isNull()) {
            lost.add("the latent explorer (needs decoder.onnx)");
        }
        if (old.contains("\"onnx\":{") && data.get("onnx").isNull()) {
            lost.add("the ONNX section (needs onnx-export.json)");
        }
        if (!lost.isEmpty()) {
            throw new UserException(
                    index + " has " + String.join(" and ", lost) + ", which --models " + models
                            + " cannot rebuild; the page was left as it was",
                    "pass the run's --models folder, or delete " + index + " to rebuild without them");
        }
    }

    private static ArrayNode frames(Path reports, JsonNode metrics, java.util.function.Consumer<String> warn) {
        ArrayNode frames = TREE.arrayNode();
        JsonNode steps = metrics.get("steps");
        if (steps == null) {
            return frames;
        }
        List<String> missing = new ArrayList<>();
        for (JsonNode s : steps) {
            String src = String.format(
                    Locale.ROOT, "latent/step-%04d.png", s.get("step").asInt());
            if (Files.isRegularFile(reports.resolve(src))) {
                ObjectNode f = frames.addObject();
                f.setAll((ObjectNode) s);
                f.put("src", src);
            } else {
                missing.add(src);
            }
        }
        if (!missing.isEmpty()) {
            warn.accept(missing.size() + " of " + steps.size() + " latent frames in metrics.json have no PNG in "
                    + reports
                    + " (" + String.join(", ", missing.subList(0, Math.min(3, missing.size())))
                    + (missing.size() > 3 ? ", ..." : "") + "): the player leaves them out");
        }
        return frames;
    }

    private static ArrayNode figures(Path reports) {
        ArrayNode out = TREE.arrayNode();
        String[][] known = {
            {
                Figures.EVOLUTION,
                "Latent space while it learns",
                "Animation of the validation latent space, every 10 steps"
            },
            {
                Figures.FINAL,
                "Final latent space",
                "Scatter plot of the validation set's latent vectors, coloured by class"
            },
            {Figures.RECONSTRUCTIONS, "Reconstructions", "One validation image per class above its reconstruction"},
            {
                Figures.RANDOM_DECODES,
                "Random latent points decoded",
                "Eight decodes of random points in the latent range"
            },
            {Figures.MANIFOLD, "Decoded latent grid", "Decodes on a regular grid over the latent range"},
            {Figures.SAMPLES, "Training samples", "The first four images of a training batch with their classes"},
        };
        for (String[] f : known) {
            if (Files.isRegularFile(reports.resolve(f[0]))) {
                ObjectNode n = out.addObject();
                n.put("src", f[0]);
                n.put("title", f[1]);
                n.put("alt", f[2]);
            }
        }
        return out;
    }

    /** The explorer's data (drawing its sprite unless {@code probeOnly}), or null when its files are missing. */
    private static JsonNode explorer(
            Path reports, Path models, boolean probeOnly, List<InterpolationPair> pairs, int classes)
            throws IOException {
        Path geometryFile = reports.resolve(Figures.FINAL_GEOMETRY);
        Path decoder = models.resolve("decoder.onnx");
        if (!Files.isRegularFile(geometryFile)
                || !Files.isRegularFile(decoder)
                || !Files.isRegularFile(reports.resolve(Figures.FINAL))) {
            return TREE.nullNode();
        }
        if (probeOnly) {
            return TREE.objectNode();
        }
        PlotGeometry geometry = Json.read(Files.readString(geometryFile), PlotGeometry.class);
        Images.writePng(ExplorerGrid.render(decoder, geometry), reports.resolve(EXPLORER_SPRITE));
        ObjectNode n = (ObjectNode) read(geometryFile);
        n.put("sprite", EXPLORER_SPRITE);
        n.put("cells", ExplorerGrid.CELLS);
        n.put("plot", Figures.FINAL);
        n.set("sample", sample(reports, geometry, decoder, pairs, classes));
        return n;
    }

    /**
     * The real validation images beside the explorer: where each of the first ones lies on the
     * final plot (for the nearest one under the pointer), their sprite, and the exact
     * interpolations between pairs of them. Null for a run written before these files existed.
     */
    private static JsonNode sample(
            Path reports, PlotGeometry geometry, Path decoder, List<InterpolationPair> extra, int classes)
            throws IOException {
        Path pointsFile = reports.resolve(Figures.FINAL_POINTS);
        Path spriteFile = reports.resolve(Figures.VALIDATION_SPRITE);
        if (!Files.isRegularFile(pointsFile) || !Files.isRegularFile(spriteFile)) {
            return TREE.nullNode();
        }
        LatentPoints latents = FrameStore.read(pointsFile).points();
        java.awt.image.BufferedImage sprite = javax.imageio.ImageIO.read(spriteFile.toFile());
        // A validation split smaller than a sprite row gives a narrower sprite: one tile per image.
        int side = sprite.getWidth() / Math.min(Figures.SPRITE_COLUMNS, Math.max(1, latents.size()));
        int count = Math.min(latents.size(), Figures.SPRITE_COLUMNS * (sprite.getHeight() / side));
        LatentPoints onPlane = geometry.plane().project(latents);
        ObjectNode n = TREE.objectNode();
        n.put("sprite", Figures.VALIDATION_SPRITE);
        n.put("columns", Figures.SPRITE_COLUMNS);
        n.put("side", side);
        n.put("count", count);
        ArrayNode px = n.putArray("px");
        ArrayNode py = n.putArray("py");
        ArrayNode labels = n.putArray("labels");
        for (int i = 0; i < count; i++) {
            double[] p = geometry.pixelAt(onPlane.get(i, 0), onPlane.get(i, 1));
            px.add(Math.round(p[0] * 10) / 10.0);
            py.add(Math.round(p[1] * 10) / 10.0);
            labels.add(latents.labels()[i]);
        }
        List<InterpolationPair> pairs = new ArrayList<>(Interpolations.defaults(latents.labels(), count, classes));
        pairs.addAll(extra);
        if (!pairs.isEmpty()) {
            Images.writePng(Interpolations.render(decoder, latents, pairs, count), reports.resolve(INTERPOLATIONS));
        }
        ObjectNode interpolations = n.putObject("interpolations");
        interpolations.put("sprite", INTERPOLATIONS);
        interpolations.put("steps", Interpolations.STEPS);
        ArrayNode list = interpolations.putArray("pairs");
        pairs.forEach(p -> list.addArray().add(p.from()).add(p.to()));
        return n;
    }

    private static JsonNode read(Path file) throws IOException {
        try {
            return Json.readTree(file);
        } catch (IOException e) {
            throw new UserException(
                    file + " is not valid JSON (" + e.getClass().getSimpleName() + ")", "train again to rewrite it", e);
        }
    }

    private static JsonNode readOptional(Path file) throws IOException {
        return Files.isRegularFile(file) ? read(file) : TREE.nullNode();
    }
}
