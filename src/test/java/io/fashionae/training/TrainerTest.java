package io.fashionae.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fashionae.config.Engine;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.OutputConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.LabeledImages;
import io.fashionae.data.idx.IdxDataModule;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.ModelStore;
import io.fashionae.model.OptimizerSettings;
import io.fashionae.testing.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class TrainerTest {
    private static final ModelConfig MODEL = ModelConfig.seedDefaults();

    private static Autoencoder model(TrainingConfig t) {
        return Autoencoder.create(MODEL, new OptimizerSettings(t.learningRate(), t.weightDecay(), t.seed()));
    }

    @Test
    void lossFallsWhenFittingOneSmallBatchRepeatedly() {
        Autoencoder ae = Autoencoder.create(MODEL, new OptimizerSettings(2e-3, 1e-5, 1));
        INDArray x = SyntheticData.bars(32, 2).images();
        ae.fitBatch(x);
        double first = ae.lastStepLoss();
        double last = first;
        for (int i = 0; i < 40; i++) {
            ae.fitBatch(x);
            last = ae.lastStepLoss();
        }
        assertThat(last).isLessThan(first * 0.5);
    }

    @Test
    void trainingWritesTheModelAndPerEpochMetrics(@TempDir Path dir) throws Exception {
        TrainingConfig t = new TrainingConfig(2, 32, 2e-3, 1e-5, 11, 0, 0);
        OutputConfig out = OutputConfig.under(dir);
        List<String> events = new ArrayList<>();
        TrainingProgress recorder = new TrainingProgress() {
            @Override
            public void phaseStarted(Phase phase, int epoch, int epochs, int batches, long images) {
                events.add(phase + " " + epoch + "/" + epochs + " " + batches + " batches");
            }

            @Override
            public void epochEnded(EpochMetrics m, int epochs) {
                events.add("end " + m.epoch());
            }
        };
        IdxDataModule data = IdxDataModule.inMemory(SyntheticData.bars(256, 3), SyntheticData.bars(100, 4));
        TrainingResult r =
                TrainerFixtures.fitFresh(TrainerFixtures.trainer(t, out, recorder, List.of()), model(t), data);

        assertThat(events)
                .containsExactly(
                        "TRAIN 1/2 8 batches",
                        "VALIDATE 1/2 1 batches",
                        "end 1",
                        "TRAIN 2/2 8 batches",
                        "VALIDATE 2/2 1 batches",
                        "end 2");
        List<EpochMetrics> epochs = r.metrics().epochs();
        assertThat(epochs).hasSize(2);
        assertThat(epochs).allSatisfy(e -> {
            assertThat(e.trainLoss()).isFinite().isPositive();
            assertThat(e.valLoss()).isFinite().isPositive();
            assertThat(e.trainImagesPerS()).isPositive();
        });
        assertThat(epochs.get(1).trainLoss()).isLessThan(epochs.get(0).trainLoss());
        assertThat(r.metrics().finalMetrics().valMse()).isEqualTo(epochs.get(1).valLoss());
        assertThat(r.metrics().trainableParams()).isEqualTo(343_619);

        String json = Files.readString(out.metricsFile());
        assertThat(json).contains("\"val_mse\"", "\"val_mse_28\"", "\"train_images_per_s\"", "\"train_loss\"");
        Autoencoder reloaded = ModelStore.load(out.modelFile(), false, Engine.NATIVE);
        INDArray x = SyntheticData.bars(4, 9).images();
        assertThat(reloaded.reconstruct(x)).isEqualTo(r.model().reconstruct(x));
    }

    @Test
    void theSameSeedTrainsToTheSameParameters(@TempDir Path dir) {
        TrainingConfig t = new TrainingConfig(1, 32, 1e-3, 1e-5, 5, 0, 0);
        LabeledImages train = SyntheticData.bars(96, 3);
        LabeledImages val = SyntheticData.bars(20, 4);
        INDArray a = TrainerFixtures.fitFresh(
                        TrainerFixtures.trainer(
                                t, OutputConfig.under(dir.resolve("a")), TrainingProgress.NONE, List.of()),
                        model(t),
                        IdxDataModule.inMemory(train, val))
                .model()
                .graph()
                .params();
        INDArray b = TrainerFixtures.fitFresh(
                        TrainerFixtures.trainer(
                                t, OutputConfig.under(dir.resolve("b")), TrainingProgress.NONE, List.of()),
                        model(t),
                        IdxDataModule.inMemory(train, val))
                .model()
                .graph()
                .params();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void aNonFiniteLossStopsTrainingAndKeepsTheSavedModel(@TempDir Path dir) throws Exception {
        OutputConfig out = OutputConfig.under(dir);
        Files.createDirectories(out.modelsDir());
        Files.writeString(out.modelFile(), "the last good model");
        LabeledImages poisoned = SyntheticData.bars(64, 3);
        poisoned.images().putScalar(new long[] {0, 0, 5, 5}, Float.NaN);
        TrainingConfig t = new TrainingConfig(1, 64, 1e-3, 0, 5, 0, 0);
        assertThatThrownBy(() -> TrainerFixtures.fitFresh(
                        TrainerFixtures.trainer(t, out, TrainingProgress.NONE, List.of()),
                        model(t),
                        IdxDataModule.inMemory(poisoned, SyntheticData.bars(10, 1))))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("step 1");
        assertThat(Files.readString(out.modelFile())).isEqualTo("the last good model");
    }
}
