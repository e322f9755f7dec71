package io.fashionae.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fashionae.common.UserException;
import io.fashionae.config.CheckpointConfig;
import io.fashionae.config.Engine;
import io.fashionae.config.GeluForm;
import io.fashionae.config.LossKind;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.Objective;
import io.fashionae.config.OutputConfig;
import io.fashionae.config.PaddingForm;
import io.fashionae.config.PlotConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.LabeledImages;
import io.fashionae.data.idx.IdxDataModule;
import io.fashionae.latent.LatentFrame;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.Inference;
import io.fashionae.model.OptimizerSettings;
import io.fashionae.testing.SyntheticData;
import io.fashionae.training.listener.LatentFrameListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checkpoints, resume after a stop, fallback from a corrupt checkpoint, refusals, and the NaN stop. */
class CheckpointResumeTest {
    /** Small but real: the seed's architecture, 8 batches of 32 per epoch, dropout on so its masks count too. */
    private static final ModelConfig MODEL = ModelConfig.builder()
            .encoder(List.of(3, 3, 3), List.of(8, 16, 16), List.of(2, 2, 2))
            .dropout(true, 0.15)
            .build();

    private static final TrainingConfig TRAINING = new TrainingConfig(2, 32, 2e-3, 1e-5, 5, 0, 0);
    private static final PlotConfig PLOTS = new PlotConfig(3, 12, 40);
    private static final IdxDataModule DATA =
            IdxDataModule.inMemory(SyntheticData.bars(256, 3), SyntheticData.bars(80, 4));

    private static Autoencoder fresh() {
        return fresh(MODEL);
    }

    private static Autoencoder fresh(ModelConfig config) {
        return Autoencoder.create(
                config, new OptimizerSettings(TRAINING.learningRate(), TRAINING.weightDecay(), TRAINING.seed()));
    }

    /** The seed's objective, and a VAE on BCE, whose sample noise must also come back the same after a resume. */
    static Stream<Arguments> objectives() {
        return Stream.of(
                Arguments.of("mse", MODEL),
                Arguments.of("vae-bce", MODEL.withObjective(new Objective(LossKind.BCE, true, 1))));
    }

    private static Trainer trainer(
            Path dir, Autoencoder model, List<LatentFrame> frames, CheckpointConfig checkpoints, StopSignal stop) {
        LabeledImages sample = DATA.validation().first(PLOTS.samples());
        LatentFrameListener listener = new LatentFrameListener(
                model,
                Inference.dl4j(model),
                sample.images(),
                sample.labels(),
                PLOTS.every(),
                PLOTS.until(),
                frames::add);
        return TrainerFixtures.trainer(
                TRAINING, OutputConfig.under(dir), TrainingProgress.NONE, List.of(listener), checkpoints, stop);
    }

    /** Raised once {@code model} has done {@code steps} optimiser steps, as Ctrl-C during the next step would. */
    private static StopSignal afterSteps(Autoencoder model, int steps) {
        return () -> model.graph().getIterationCount() >= steps;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objectives")
    void aRunStoppedMidEpochAndResumedEndsExactlyLikeAnUninterruptedOne(
            String name, ModelConfig config, @TempDir Path dir) throws Exception {
        List<LatentFrame> straightFrames = new ArrayList<>();
        Autoencoder straight = fresh(config);
        TrainingResult expected = TrainerFixtures.fitFresh(
                trainer(
                        dir.resolve("a"),
                        straight,
                        straightFrames,
                        new CheckpointConfig(0, 2, false),
                        StopSignal.NEVER),
                straight,
                DATA,
                PLOTS);

        List<LatentFrame> frames = new ArrayList<>();
        Autoencoder first = fresh(config);
        CheckpointConfig every4 = new CheckpointConfig(4, 2, false);
        assertThatThrownBy(() -> TrainerFixtures.fitFresh(
                        trainer(dir.resolve("b"), first, frames, every4, afterSteps(first, 11)), first, DATA, PLOTS))
                .isInstanceOfSatisfying(TrainingInterruptedException.class, e -> {
                    assertThat(e.step()).isEqualTo(11);
                    assertThat(e.checkpoint())
                            .hasFileName("checkpoint-step-00000011.zip")
                            .exists();
                });

        CheckpointStore.Restored restored = new CheckpointStore(
                        OutputConfig.under(dir.resolve("b")).checkpointsDir(), 2)
                .restoreNewest(Engine.NATIVE);
        assertThat(restored.state().epoch()).isEqualTo(2);
        assertThat(restored.state().batchesDone()).isEqualTo(3);
        assertThat(restored.skipped()).isEmpty();
        TrainingResult resumed = TrainerFixtures.fitFrom(
                trainer(dir.resolve("b"), restored.model(), frames, every4, StopSignal.NEVER),
                restored.model(),
                DATA,
                restored.state());

        assertThat(resumed.model().graph().params()).isEqualTo(straight.graph().params());
        assertThat(resumed.metrics().stepLosses()).isEqualTo(expected.metrics().stepLosses());
        assertThat(resumed.metrics().finalMetrics().valMse())
                .isEqualTo(expected.metrics().finalMetrics().valMse());
        assertThat(resumed.metrics().epochs())
                .extracting(EpochMetrics::trainLoss)
                .isEqualTo(expected.metrics().epochs().stream()
                        .map(EpochMetrics::trainLoss)
                        .toList());
        assertThat(frames).extracting(LatentFrame::step).containsExactly(0, 3, 6, 9, 12);
        assertThat(frames)
                .extracting(LatentFrame::points)
                .isEqualTo(straightFrames.stream().map(LatentFrame::points).toList());
        assertThat(resumed.metrics().steps()).hasSize(5);
    }

    @Test
    void onlyTheNewestCheckpointsAreKept(@TempDir Path dir) throws Exception {
        Autoencoder model = fresh();
        TrainerFixtures.fitFresh(
                trainer(dir, model, new ArrayList<>(), new CheckpointConfig(3, 2, false), StopSignal.NEVER),
                model,
                DATA,
                PLOTS);
        List<Path> kept = new CheckpointStore(OutputConfig.under(dir).checkpointsDir(), 2).list();
        // Steps 3, 6, 8 (end of epoch 1), 9, 12, 15, 16 (end of epoch 2): the last two remain.
        assertThat(kept)
                .extracting(p -> p.getFileName().toString())
                .containsExactly("checkpoint-step-00000016.zip", "checkpoint-step-00000015.zip");
        assertThat(Files.list(kept.get(0).getParent()).filter(p -> p.toString().endsWith(".tmp")))
                .isEmpty();
    }

    @Test
    void aCorruptNewestCheckpointFallsBackToThePreviousOneAndSaysSo(@TempDir Path dir) throws Exception {
        Autoencoder model = fresh();
        assertThatThrownBy(() -> TrainerFixtures.fitFresh(
                        trainer(dir, model, new ArrayList<>(), new CheckpointConfig(3, 3, false), afterSteps(model, 7)),
                        model,
                        DATA,
                        PLOTS))
                .isInstanceOf(TrainingInterruptedException.class);
        CheckpointStore store = new CheckpointStore(OutputConfig.under(dir).checkpointsDir(), 3);
        Path newest = store.newest();
        assertThat(newest).hasFileName("checkpoint-step-00000007.zip");
        byte[] whole = Files.readAllBytes(newest);
        Files.write(
                newest, java.util.Arrays.copyOf(whole, whole.length / 2)); // as a disk that filled up would leave it

        CheckpointStore.Restored restored = store.restoreNewest(Engine.NATIVE);
        assertThat(restored.file()).hasFileName("checkpoint-step-00000006.zip");
        assertThat(restored.state().step()).isEqualTo(6);
        assertThat(restored.skipped())
                .singleElement()
                .asString()
                .contains("checkpoint-step-00000007.zip is unreadable");
    }

    @Test
    void resumingWithOtherSettingsNamesEachSettingThatDiffers(@TempDir Path dir) throws Exception {
        Autoencoder model = fresh();
        assertThatThrownBy(() -> TrainerFixtures.fitFresh(
                        trainer(dir, model, new ArrayList<>(), new CheckpointConfig(0, 2, false), afterSteps(model, 2)),
                        model,
                        DATA,
                        PLOTS))
                .isInstanceOf(TrainingInterruptedException.class);
        CheckpointStore.Restored restored =
                new CheckpointStore(OutputConfig.under(dir).checkpointsDir(), 2).restoreNewest(Engine.NATIVE);
        TrainingConfig otherLr = new TrainingConfig(2, 32, 1e-3, 1e-5, 5, 0, 0);
        assertThatThrownBy(() -> ResumeCompatibility.check(
                        restored,
                        MODEL.withLatentDim(3).withGelu(GeluForm.SIGMOID).withPadding(PaddingForm.SAME),
                        otherLr,
                        PLOTS))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("--latent-dim (checkpoint 2, now 3)")
                .hasMessageContaining("--gelu (checkpoint ERF, now SIGMOID)")
                .hasMessageContaining("--padding (checkpoint TORCH, now SAME)")
                .hasMessageContaining("--lr (checkpoint 0.002, now 0.001)")
                .hasMessageNotContaining("--seed");
        assertThatThrownBy(() -> ResumeCompatibility.check(
                        restored, MODEL.withObjective(new Objective(LossKind.BCE, true, 4)), TRAINING, PLOTS))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("--loss (checkpoint MSE, now BCE)")
                .hasMessageContaining("--variational (checkpoint false, now true)")
                .hasMessageContaining("--beta (checkpoint 1.0, now 4.0)");
        // More epochs than the interrupted run is fine: it trains further.
        ResumeCompatibility.check(restored, MODEL, new TrainingConfig(5, 32, 2e-3, 1e-5, 5, 0, 0), PLOTS);
    }

    @Test
    void resumingWithoutACheckpointIsAOneLineUserError(@TempDir Path dir) {
        assertThatThrownBy(() -> new CheckpointStore(dir.resolve("none"), 2).restoreNewest(Engine.NATIVE))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("no checkpoint to resume from");
    }

    @Test
    void aNonFiniteLossStopsWithoutTouchingTheLastCheckpointOrTheModel(@TempDir Path dir) throws Exception {
        TrainingConfig oneEpoch = new TrainingConfig(1, 32, 2e-3, 1e-5, 5, 0, 0);
        OutputConfig out = OutputConfig.under(dir);
        Autoencoder model = fresh();
        TrainerFixtures.fitFresh(
                TrainerFixtures.trainer(
                        oneEpoch,
                        out,
                        TrainingProgress.NONE,
                        List.of(),
                        new CheckpointConfig(0, 2, false),
                        StopSignal.NEVER),
                model,
                DATA,
                PLOTS);
        Path checkpoint = new CheckpointStore(out.checkpointsDir(), 2).newest();
        byte[] checkpointBytes = Files.readAllBytes(checkpoint);
        byte[] modelBytes = Files.readAllBytes(out.modelFile());

        LabeledImages poisoned = SyntheticData.bars(256, 3);
        poisoned.images().assign(Float.NaN); // not muli(NaN): ND4J M2.1 turns x * NaN into small numbers
        CheckpointStore.Restored restored = new CheckpointStore(out.checkpointsDir(), 2).restoreNewest(Engine.NATIVE);
        IdxDataModule bad = IdxDataModule.inMemory(poisoned, SyntheticData.bars(80, 4));
        assertThatThrownBy(() -> TrainerFixtures.fitFrom(
                        TrainerFixtures.trainer(
                                TRAINING,
                                out,
                                TrainingProgress.NONE,
                                List.of(),
                                new CheckpointConfig(1, 2, false),
                                StopSignal.NEVER),
                        restored.model(),
                        bad,
                        restored.state()))
                .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
                    assertThat(e.step()).isEqualTo(9);
                    assertThat(e.lastGoodCheckpoint()).isEqualTo(checkpoint);
                    assertThat(e.getMessage())
                            .contains("at step 9", checkpoint.getFileName().toString());
                });
        assertThat(new CheckpointStore(out.checkpointsDir(), 2).list()).containsExactly(checkpoint);
        assertThat(Files.readAllBytes(checkpoint)).isEqualTo(checkpointBytes);
        assertThat(Files.readAllBytes(out.modelFile())).isEqualTo(modelBytes);
    }
}
