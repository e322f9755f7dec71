package io.fashionae.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.latent.FrameStore;
import io.fashionae.latent.LatentFrame;
import io.fashionae.latent.LatentPoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunArtifactsTest {

    private static LatentFrame frame(int step, double loss) {
        return new LatentFrame(step, 1, loss, 0.5, new LatentPoints(new float[] {1, 2, 3, 4}, 2, new int[] {0, 1}));
    }

    @Test
    void aNewRunKeepsItsOwnFramesInMemoryAndDropsAnOlderRunsFromDisk(@TempDir Path reports) throws Exception {
        new FrameStore(reports.resolve("latent")).accept(frame(10, 0.9));
        Files.writeString(reports.resolve("metrics.json"), "{}");
        RunArtifacts artifacts = new RunArtifacts(reports, false, List.of("a", "b"));
        artifacts.frameSink().accept(frame(0, 0.5));
        assertThat(artifacts.frames()).extracting(LatentFrame::step).containsExactly(0);
        assertThat(new FrameStore(reports.resolve("latent")).readAll())
                .extracting(LatentFrame::step)
                .containsExactly(0);
        // The older run's figures go with its frames: an interrupted new run leaves no mixed folder.
        assertThat(reports.resolve("metrics.json")).doesNotExist();
    }

    @Test
    void aResumedRunKeepsTheFramesWrittenBeforeItStoppedAndReplacesOneEmittedAgain(@TempDir Path reports)
            throws Exception {
        FrameStore before = new FrameStore(reports.resolve("latent"));
        before.accept(frame(0, 0.5));
        before.accept(frame(10, 0.4));
        RunArtifacts artifacts = new RunArtifacts(reports, true, List.of("a", "b"));
        // The checkpoint was older than frame 10: the resumed run emits it again, then goes on.
        artifacts.frameSink().accept(frame(10, 0.3));
        artifacts.frameSink().accept(frame(20, 0.2));
        assertThat(artifacts.frames()).extracting(LatentFrame::step).containsExactly(0, 10, 20);
        assertThat(artifacts.frames()).extracting(LatentFrame::loss).containsExactly(0.5, 0.3, 0.2);
    }
}
