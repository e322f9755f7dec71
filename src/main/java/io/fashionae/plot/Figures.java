package io.fashionae.plot;

import io.fashionae.common.Json;
import io.fashionae.latent.FigureData;
import io.fashionae.latent.FrameStore;
import io.fashionae.latent.ImageSet;
import io.fashionae.latent.LatentFrame;
import io.fashionae.latent.LatentPoints;
import io.fashionae.latent.Plane;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the end-of-training figures into the reports folder. */
public final class Figures {
    /** The seed's animation speed. */
    public static final int GIF_DELAY_MS = 200;
    /** File names, relative to the reports folder. */
    public static final String EVOLUTION = "latent-evolution.gif";
    /** The converged latent space. */
    public static final String FINAL = "latent-final.png";
    /** Where the final plot's data area is, for the report's explorer. */
    public static final String FINAL_GEOMETRY = "latent-final.json";
    /** First images of a training batch. */
    public static final String SAMPLES = "samples.png";
    /** Random latent points decoded. */
    public static final String RANDOM_DECODES = "random-decodes.png";
    /** Inputs over their reconstructions. */
    public static final String RECONSTRUCTIONS = "reconstructions.png";
    /** Decodes on a regular latent grid. */
    public static final String MANIFOLD = "manifold.png";
    /**
     * The final validation latents (full dimension) with their labels, in the latent-frame format
     * ({@code FrameStore.read}): what {@code compare} aligns and the report's explorer searches.
     */
    public static final String FINAL_POINTS = "latent-final.bin";
    /** The first validation images, the first points of {@link #FINAL_POINTS}, as a sprite. */
    public static final String VALIDATION_SPRITE = "validation-sample.png";
    /** Tiles per row of {@link #VALIDATION_SPRITE}. */
    public static final int SPRITE_COLUMNS = 40;

    private Figures() {}

    /** Writes every figure; the animation only when there are frames. Returns the files written. */
    public static List<Path> writeAll(FigureData data, List<LatentFrame> frames, Path reports) throws IOException {
        List<Path> written = new ArrayList<>();
        if (!frames.isEmpty()) {
            written.add(writeEvolution(frames, data.classNames(), reports.resolve(EVOLUTION)));
        }
        Plane plane = data.plane();
        String suffix = plane.isProjection() ? " (PCA projection)" : "";
        LatentScatter.Rendered fin = LatentScatter.renderWithArea(
                plane.project(data.validation()),
                data.classNames(),
                "Validation latent space" + suffix,
                plane.axisLabels(),
                null,
                true,
                900,
                680);
        written.add(png(fin.image(), reports.resolve(FINAL)));
        written.addAll(writeFinalPointsAndImages(data, reports));
        Json.writeFile(
                reports.resolve(FINAL_GEOMETRY),
                new PlotGeometry(
                        fin.image().getWidth(),
                        fin.image().getHeight(),
                        fin.dataArea(),
                        fin.range(),
                        data.validation().dim(),
                        plane));
        written.add(png(
                ImageGrid.captioned(data.samples(), 4, 3, "First images of a training batch"),
                reports.resolve(SAMPLES)));
        written.add(png(
                ImageGrid.captioned(data.randomDecodes(), 4, 3, "Random latent points decoded" + suffix),
                reports.resolve(RANDOM_DECODES)));
        written.add(png(
                ImageGrid.captioned(
                        data.reconstructions(),
                        data.reconstructions().count() / 2,
                        2,
                        "Validation images (top) and their reconstructions (bottom)"),
                reports.resolve(RECONSTRUCTIONS)));
        written.add(png(
                ImageGrid.manifold(
                        data.manifold(),
                        data.gridSize(),
                        data.xRange(),
                        data.yRange(),
                        plane.axisLabels(),
                        "Decoded latent grid" + suffix),
                reports.resolve(MANIFOLD)));
        return written;
    }

    private static List<Path> writeFinalPointsAndImages(FigureData data, Path reports) throws IOException {
        Path points = reports.resolve(FINAL_POINTS);
        FrameStore.write(points, new LatentFrame(0, 0, Double.NaN, Double.NaN, data.validation()));
        ImageSet sample = data.validationSample();
        Path sprite = png(
                Sprite.pack(sample.pixels(), sample.count(), sample.side(), sample.channels(), SPRITE_COLUMNS),
                reports.resolve(VALIDATION_SPRITE));
        return List.of(points, sprite);
    }

    /** Every frame redrawn on one common axis range, 200 ms each, looping. */
    public static Path writeEvolution(List<LatentFrame> frames, List<String> classNames, Path target)
            throws IOException {
        List<LatentPoints> planes = new ArrayList<>();
        for (LatentFrame f : frames) {
            planes.add(Plane.of(f.points()).project(f.points()));
        }
        AxisRange common = AxisRange.covering(planes);
        List<BufferedImage> images = new ArrayList<>();
        for (LatentFrame f : frames) {
            images.add(FramePlotter.render(f, common, classNames));
        }
        Images.writeGif(images, GIF_DELAY_MS, target);
        return target;
    }

    private static Path png(BufferedImage image, Path target) throws IOException {
        Images.writePng(image, target);
        return target;
    }
}
