package io.fashionae.plot;

import io.fashionae.latent.FrameSink;
import io.fashionae.latent.LatentFrame;
import io.fashionae.latent.LatentPoints;
import io.fashionae.latent.Plane;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Draws each latent frame as {@code step-NNNN.png} as it arrives (the seed's ScatterPlots/Step_NNN.png). */
public final class FramePlotter implements FrameSink {
    /** Size of the per-step plots and the animation's frames. */
    public static final int WIDTH = 760;
    /** Height of the per-step plots and the animation's frames. */
    public static final int HEIGHT = 560;

    private final Path dir;
    private final List<String> classNames;

    /** Plots go to {@code dir}; the legend names the classes {@code classNames} (in label order). */
    public FramePlotter(Path dir, List<String> classNames) {
        this.dir = dir;
        this.classNames = List.copyOf(classNames);
    }

    @Override
    public void accept(LatentFrame frame) {
        Path target = dir.resolve(String.format(Locale.ROOT, "step-%04d.png", frame.step()));
        try {
            Images.writePng(render(frame, null, classNames), target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** One frame as a scatter plot; {@code range} null fits the axes to the points. */
    public static BufferedImage render(LatentFrame frame, AxisRange range, List<String> classNames) {
        Plane plane = Plane.of(frame.points());
        LatentPoints xy = plane.project(frame.points());
        return LatentScatter.render(
                xy, classNames, title(frame, plane), plane.axisLabels(), range, false, WIDTH, HEIGHT);
    }

    static String title(LatentFrame f, Plane plane) {
        return String.format(
                Locale.ROOT,
                "Step %d (epoch %d)  loss %.4f  5-NN %.3f%s",
                f.step(),
                f.epoch(),
                f.loss(),
                f.knn5(),
                plane.isProjection() ? "  [PCA]" : "");
    }
}
