package io.fashionae.run;

import io.fashionae.config.OutputConfig;
import io.fashionae.latent.FigureData;
import io.fashionae.latent.FrameSink;
import io.fashionae.latent.FrameStore;
import io.fashionae.latent.LatentFrame;
import io.fashionae.plot.Figures;
import io.fashionae.plot.FramePlotter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a training run's latent frames and figures go under the reports folder: each frame is
 * stored ({@code latent/step-NNNN.bin}) and drawn ({@code latent/step-NNNN.png}) as it arrives, and
 * kept in memory (a few MB: 41 frames of 10,000 2-D points are 3.3 MB), from which the animation and
 * the figures are drawn at the end; only a resumed run reads the frames it had written before.
 */
final class RunArtifacts {
    private final Path reports;
    private final FrameStore store;
    private final List<String> classNames;
    /** The run's frames by step: a resumed run may emit again a frame it had written before it stopped. */
    private final SortedMap<Integer, LatentFrame> frames = new TreeMap<>();

    /**
     * @param reports the reports folder
     * @param resumed the run continues an interrupted one, whose frames are kept
     * @param classNames the data set's class names, for the legends
     */
    RunArtifacts(Path reports, boolean resumed, List<String> classNames) throws IOException {
        this.reports = reports;
        this.classNames = List.copyOf(classNames);
        this.store = new FrameStore(reports.resolve("latent"));
        if (resumed) {
            store.readAll().forEach(this::keep);
        } else {
            // A new run's figures must not sit beside an older run's frames, animation or metrics
            // (metrics.json is written when training ends: an interrupted new run leaves none).
            store.clear();
            Files.deleteIfExists(reports.resolve(Figures.EVOLUTION));
            Files.deleteIfExists(reports.resolve(OutputConfig.METRICS_FILE));
        }
    }

    /** Stores, draws and keeps each frame. */
    FrameSink frameSink() {
        FramePlotter plotter = new FramePlotter(reports.resolve("latent"), classNames);
        return frame -> {
            store.accept(frame);
            plotter.accept(frame);
            keep(frame);
        };
    }

    /** Draws the end-of-training figures and the animation from the frames kept; returns the files. */
    List<Path> writeFigures(FigureData figures) throws IOException {
        return Figures.writeAll(figures, frames(), reports);
    }

    /** The frames kept so far, in step order. */
    List<LatentFrame> frames() {
        return List.copyOf(frames.values());
    }

    private void keep(LatentFrame frame) {
        frames.put(frame.step(), frame);
    }
}
