package io.fashionae.cli;

import io.fashionae.common.FolderLock;
import io.fashionae.common.UserException;
import io.fashionae.config.CheckpointConfig;
import io.fashionae.config.ImageSource;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.OutputConfig;
import io.fashionae.config.PlotConfig;
import io.fashionae.config.Precision;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.DataModule;
import io.fashionae.data.idx.DataLocator;
import io.fashionae.data.images.ImageFolderDataModule;
import io.fashionae.run.TrainingRun;
import io.fashionae.training.BackendInfo;
import io.fashionae.training.TrainingInterruptedException;
import io.fashionae.training.TrainingJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fashionae train}: trains the autoencoder and writes the model and metrics. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train the autoencoder on Fashion-MNIST, another data set of the MNIST family, or a folder of "
                + "images (defaults: the seed's configuration).")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    ImageOptions imageOptions;

    @Mixin
    OutputOptions outputOptions;

    @Option(
            names = SeedDefaults.EPOCHS,
            paramLabel = "N",
            description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
            names = SeedDefaults.BATCH_SIZE,
            paramLabel = "N",
            description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = SeedDefaults.LR, paramLabel = "X", description = "AdamW learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(
            names = SeedDefaults.WEIGHT_DECAY,
            paramLabel = "X",
            description = "AdamW decoupled weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(
            names = SeedDefaults.SEED,
            paramLabel = "N",
            description = "Seed of initialisation and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = SeedDefaults.TRAIN_LIMIT,
            paramLabel = "N",
            description = "Use only the first N training images; 0 = all (default: ${DEFAULT-VALUE}).")
    int trainLimit;

    @Option(
            names = SeedDefaults.VAL_LIMIT,
            paramLabel = "N",
            description = "Use only the first N validation images; 0 = all (default: ${DEFAULT-VALUE}).")
    int valLimit;

    @Option(
            names = SeedDefaults.PLOT_EVERY,
            paramLabel = "N",
            description = "Capture and plot the latent space every N steps; 0 = off (default: ${DEFAULT-VALUE}).")
    int plotEvery;

    @Option(
            names = SeedDefaults.PLOT_UNTIL,
            paramLabel = "STEP",
            description = "Last step plotted (default: ${DEFAULT-VALUE}).")
    int plotUntil;

    @Option(
            names = SeedDefaults.PLOT_SAMPLES,
            paramLabel = "N",
            description = "Validation images per latent plot; 0 = all (default: ${DEFAULT-VALUE}).")
    int plotSamples;

    @Option(
            names = SeedDefaults.CHECKPOINT_EVERY,
            paramLabel = "N",
            description = "Write a checkpoint every N steps, besides one per epoch; 0 = per epoch only "
                    + "(default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(
            names = SeedDefaults.KEEP_CHECKPOINTS,
            paramLabel = "K",
            description = "Checkpoints each run keeps in MODELS/checkpoints/RUN-ID, newest first "
                    + "(default: ${DEFAULT-VALUE}).")
    int keepCheckpoints;

    @Option(
            names = "--resume",
            description = "Continue the interrupted run from its newest readable checkpoint (same options as that run; "
                    + "a larger --epochs trains a finished run further).")
    boolean resume;

    @Option(
            names = "--precision",
            paramLabel = "TYPE",
            defaultValue = "FP32",
            description = "Floating-point type of the network: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); "
                    + "fp16/bf16 are for CUDA, the CPU backend runs them slower.")
    Precision precision;

    @Option(
            names = "--progress",
            paramLabel = "MODE",
            defaultValue = "AUTO",
            description = "Progress display: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ProgressMode progress;

    @Mixin
    EngineOption engineOption;

    @Mixin
    VerboseOption verbose;

    /** How progress is shown. */
    enum ProgressMode {
        /** A live bar on a terminal, lines otherwise. */
        AUTO,
        /** Always the live bar. */
        BAR,
        /** Always plain lines. */
        LINES
    }

    @Override
    public Integer call() throws IOException {
        // Every option is validated before the output folders are checked (which creates them).
        ModelConfig model = modelOptions.toConfig();
        TrainingConfig training = new TrainingConfig(
                        epochs, batchSize, learningRate, weightDecay, seed, trainLimit, valLimit, precision)
                .withDataset(dataOptions.toConfig().dataset());
        ImageSource images = imageOptions.toSource();
        if (images != null && dataOptions.givenExplicitly()) {
            throw new UserException(
                    "--images cannot be combined with --dataset or --data", "train on one: drop one of them");
        }
        if (images != null) {
            // A side the strides cannot reach is refused before the folder is read.
            model.withInput(images.imageSize(), model.imageChannels());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (DataModule data = images == null
                ? null
                : ImageFolderDataModule.open(
                        images, seed, trainLimit, valLimit, Path.of(System.getProperty("java.io.tmpdir")))) {
            if (data instanceof ImageFolderDataModule folder) {
                // The images are read (and their colour seen) before the model is built: it follows them.
                model = model.withInput(images.imageSize(), folder.channels());
                training = training.withImages(folder.source());
                ImagesPrinter.print(out, folder);
            }
            return train(model, training, data);
        }
    }

    private Integer train(ModelConfig model, TrainingConfig training, DataModule folderData) throws IOException {
        PlotConfig plots = new PlotConfig(plotEvery, plotUntil, plotSamples);
        CheckpointConfig checkpoints = new CheckpointConfig(checkpointEvery, keepCheckpoints, resume);
        // The job's constructor refuses an unsupported precision or batch before any folder is created.
        TrainingJob job = new TrainingJob(
                model,
                training,
                plots,
                dataOptions.toConfig(),
                new OutputConfig(outputOptions.models, outputOptions.reports),
                checkpoints,
                engineOption.resolve());
        OutputConfig output = outputOptions.toConfigCheckedWritable();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // One run per folder: the lock is taken before anything is read or written there.
        try (FolderLock lock = FolderLock.acquire(
                        "train", notice -> err.println("notice: " + notice), output.modelsDir(), output.reportsDir());
                InterruptSignal interrupt = InterruptSignal.install(err, lock::release)) {
            BackendInfo backend = BackendInfo.current(job.engine().engine());
            if (!backend.fallback().isEmpty()) {
                out.println("warning: " + backend.fallback());
            }
            out.println(backend.describe());
            out.println(job.engine().describe());
            try {
                TrainingRun.execute(
                        job,
                        folderData != null
                                ? folderData
                                : job.dataModule(DataLocator.standard(job.data().dataset())),
                        new ConsoleRunEvents(out, progress(out)),
                        interrupt);
            } catch (TrainingInterruptedException e) {
                throw new StoppedBySignalException(e, interrupt.exitCode());
            }
        }
        return ExitCode.OK.code();
    }

    private ConsoleProgress progress(PrintWriter out) {
        boolean interactive = switch (progress) {
            case AUTO -> System.console() != null;
            case BAR -> true;
            case LINES -> false;
        };
        return new ConsoleProgress(out, System.err, interactive);
    }
}
