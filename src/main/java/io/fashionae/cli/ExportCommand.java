package io.fashionae.cli;

import io.fashionae.common.FolderLock;
import io.fashionae.common.UserException;
import io.fashionae.config.DataConfig;
import io.fashionae.model.ModelStore;
import io.fashionae.model.StoredModel;
import io.fashionae.onnx.OnnxExport;
import io.fashionae.run.ExportRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fashionae export}: writes encoder.onnx, decoder.onnx and autoencoder.onnx from a saved model. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description =
                "Export models/autoencoder.zip to ONNX (encoder, decoder, autoencoder), each checked against DL4J.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(
            names = "--model",
            paramLabel = "FILE",
            defaultValue = "models/autoencoder.zip",
            description = "The trained model (default: ${DEFAULT-VALUE}).")
    Path model;

    @Option(
            names = "--models",
            paramLabel = "DIR",
            description = "Folder for the ONNX files (default: the model's folder).")
    Path outDir;

    @Mixin
    EngineOption engineOption;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        // Read (and checked) once, before any folder is made: a bad model file changes nothing on disk.
        StoredModel stored = ModelStore.read(model);
        Path dir = outDir != null ? outDir : model.toAbsolutePath().getParent();
        PrintWriter out = spec.commandLine().getOut();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserException(
                    "cannot create the ONNX folder " + dir + " (" + e.getClass().getSimpleName() + ")",
                    "choose a writable folder with --models DIR",
                    e);
        }
        try (FolderLock lock = FolderLock.acquire(
                "export", notice -> spec.commandLine().getErr().println("notice: " + notice), dir)) {
            OnnxExport.Report report = ExportRun.execute(
                    stored,
                    dir,
                    new DataConfig(dataOptions.data, false),
                    engineOption.resolve().engine(),
                    warning -> out.println("warning: " + warning));
            ExportPrinter.print(out, report);
        }
        return ExitCode.OK.code();
    }
}
