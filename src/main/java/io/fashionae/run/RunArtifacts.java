package io.fashionae.run;

import io.fashionae.latent.FigureData;
import io.fashionae.latent.FrameSink;
import io.fashionae.latent.FrameStore;
import io.fashionae.plot.Figures;
import io.fashionae.plot.FramePlotter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a training run's latent frames and figures go under the reports folder: each frame is
 * stored ({@code latent/step-NNNN.bin}) and drawn ({@code latent/step-NNNN.png}) as it arrives;
 * the figures are drawn at the end from the stored frames.
 */
final class RunArtifacts {
    private final Path reports;
    private final FrameStore store;
    private final List<String> classNames;

    /**
     * @param reports the reports folder
     * @param resumed the run continues an interrupted one, whose frames are kept
     * @param classNames the data set's class names, for the legends
     */
    RunArtifacts(Path reports, boolean resumed, List<String> classNames) throws IOException {
        this.reports = reports;
        this.classNames = List.copyOf(classNames);
        this.store = new FrameStore(reports.resolve("latent"));
        if (!resumed) {
            // A new run's figures must not sit beside an older run's frames or animation.
            store.clear();
            Files.deleteIfExists(reports.resolve(Figures.EVOLUTION));
        }
    }

    /** Stores and draws each frame. */
    FrameSink frameSink() {
        FramePlotter plotter = new FramePlotter(reports.resolve("latent"), classNames);
        return frame -> {
            store.accept(frame);
            plotter.accept(frame);
        };
    }

    /** Draws the end-of-training figures and the animation; returns the files. */
    List<Path> writeFigures(FigureData figures) throws IOException {
        return Figures.writeAll(figures, store.readAll(), reports);
    }
}
