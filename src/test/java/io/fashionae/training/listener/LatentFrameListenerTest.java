package io.fashionae.training.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.ModelConfig;
import io.fashionae.config.OutputConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.LabeledImages;
import io.fashionae.data.idx.IdxDataModule;
import io.fashionae.latent.LatentFrame;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.Inference;
import io.fashionae.model.OptimizerSettings;
import io.fashionae.testing.SyntheticData;
import io.fashionae.training.TrainerFixtures;
import io.fashionae.training.TrainingProgress;
import io.fashionae.training.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class LatentFrameListenerTest {
    private static final TrainingConfig TRAINING = new TrainingConfig(2, 16, 1e-3, 1e-5, 21, 0, 0);
    private static final LabeledImages TRAIN = SyntheticData.bars(80, 1);
    private static final LabeledImages VAL = SyntheticData.bars(30, 2);

    private static Autoencoder model(ModelConfig config) {
        return Autoencoder.create(
                config, new OptimizerSettings(TRAINING.learningRate(), TRAINING.weightDecay(), TRAINING.seed()));
    }

    private static TrainingResult train(Autoencoder ae, Path dir, List<TrainingListener> listeners) {
        return TrainerFixtures.fitFresh(
                TrainerFixtures.trainer(TRAINING, OutputConfig.under(dir), TrainingProgress.NONE, listeners),
                ae,
                IdxDataModule.inMemory(TRAIN, VAL));
    }

    @Test
    void theSeedsScheduleEmits41FramesOverAnEpochOf938Steps() {
        Autoencoder ae = model(ModelConfig.seedDefaults());
        List<LatentFrame> frames = new ArrayList<>();
        LabeledImages sample = VAL.first(12);
        LatentFrameListener listener =
                new LatentFrameListener(ae, Inference.dl4j(ae), sample.images(), sample.labels(), 10, 400, frames::add);
        for (int step = 0; step < 938; step++) {
            listener.iterationDone(ae.graph(), step, 0);
        }
        assertThat(frames).hasSize(41);
        assertThat(frames.get(40).step()).isEqualTo(400);
        assertThat(listener.state().frames()).hasSize(41);
    }

    @Test
    void emitsAFrameEveryNStepsUpToTheLimitWithTheSampleEncoded(@TempDir Path dir) {
        Autoencoder ae = model(ModelConfig.seedDefaults());
        List<LatentFrame> frames = new ArrayList<>();
        LatentFrameListener listener =
                new LatentFrameListener(ae, Inference.dl4j(ae), VAL.images(), VAL.labels(), 3, 7, frames::add);
        TrainingResult result = train(ae, dir, List.of(listener));

        // 2 epochs x 5 steps = 10 steps, numbered 0..9: frames at 0, 3, 6 (9 is past the limit of 7).
        assertThat(frames).extracting(LatentFrame::step).containsExactly(0, 3, 6);
        assertThat(frames).extracting(LatentFrame::epoch).containsExactly(1, 1, 2);
        assertThat(frames).allSatisfy(f -> {
            assertThat(f.points().size()).isEqualTo(30);
            assertThat(f.points().dim()).isEqualTo(2);
            assertThat(f.loss()).isFinite().isPositive();
            assertThat(f.knn5()).isBetween(0.0, 1.0);
        });
        assertThat(frames.get(0).points().labels()).isEqualTo(VAL.labels());
        assertThat(listener.state().secondsSpent()).isPositive();
        assertThat(result.metrics().steps()).hasSize(3);
        assertThat(result.metrics().listenerSeconds())
                .isEqualTo(listener.state().secondsSpent());
        // The last frame is the encoder's output at that step, not a stale copy.
        assertThat(frames.get(2).points()).isNotEqualTo(frames.get(0).points());
    }

    @Test
    void theListenerDoesNotChangeTraining(@TempDir Path dir) {
        Autoencoder without = model(ModelConfig.seedDefaults());
        train(without, dir.resolve("a"), List.of());
        Autoencoder with = model(ModelConfig.seedDefaults());
        train(
                with,
                dir.resolve("b"),
                List.of(new LatentFrameListener(
                        with, Inference.dl4j(with), VAL.images(), VAL.labels(), 1, 400, f -> {})));
        INDArray a = without.graph().params();
        INDArray b = with.graph().params();
        assertThat(b).isEqualTo(a);
    }

    @Test
    void widerLatentsAreEmittedInFullForTheProjectionToHandle(@TempDir Path dir) {
        Autoencoder ae = model(ModelConfig.seedDefaults().withLatentDim(5));
        List<LatentFrame> frames = new ArrayList<>();
        train(
                ae,
                dir,
                List.of(new LatentFrameListener(
                        ae, Inference.dl4j(ae), VAL.images(), VAL.labels(), 4, 4, frames::add)));
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).points().dim()).isEqualTo(5);
    }
}
