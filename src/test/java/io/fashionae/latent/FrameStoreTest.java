package io.fashionae.latent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameStoreTest {

    private static LatentFrame frame(int step) {
        return new LatentFrame(
                step, 1, 0.05 + step, 0.5, new LatentPoints(new float[] {1, 2, 3, 4, 5, 6}, 3, new int[] {9, 0}));
    }

    @Test
    void framesComeBackAsTheyWereStoredInStepOrder(@TempDir Path dir) throws IOException {
        FrameStore store = new FrameStore(dir);
        store.accept(frame(20));
        store.accept(frame(0));
        store.accept(frame(10));
        assertThat(store.readAll()).containsExactly(frame(0), frame(10), frame(20));
        assertThat(store.fileOf(10)).hasFileName("step-0010.bin");
    }

    @Test
    void aDamagedFrameFileIsReported(@TempDir Path dir) throws IOException {
        FrameStore store = new FrameStore(dir);
        store.accept(frame(0));
        byte[] bytes = Files.readAllBytes(store.fileOf(0));
        Files.write(store.fileOf(0), java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertThatThrownBy(store::readAll).isInstanceOf(IOException.class).hasMessageContaining("does not match");
    }

    @Test
    void clearRemovesAnEarlierRunsFramesAndPlotsOnly(@TempDir Path dir) throws IOException {
        FrameStore store = new FrameStore(dir);
        store.accept(frame(0));
        Files.writeString(dir.resolve("step-0000.png"), "png");
        Files.writeString(dir.resolve("notes.txt"), "keep");
        store.clear();
        assertThat(store.readAll()).isEmpty();
        assertThat(Files.list(dir)).containsExactly(dir.resolve("notes.txt"));
    }
}
