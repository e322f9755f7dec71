package io.fashionae.cli;

import io.fashionae.common.UserException;
import io.fashionae.config.OutputConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --models} and {@code --reports}. */
final class OutputOptions {
    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "Folder for autoencoder.zip and the ONNX files (default: ${DEFAULT-VALUE}).")
    Path models;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "Folder for metrics.json, plots and the report (default: ${DEFAULT-VALUE}).")
    Path reports;

    /** The folders, created and checked writable now rather than after an hour of training. */
    OutputConfig toConfigCheckedWritable() {
        requireWritable(models, "--models");
        requireWritable(reports, "--reports");
        return new OutputConfig(models, reports);
    }

    private static void requireWritable(Path dir, String option) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    ? fs.getReason() : "not writable";
            throw new UserException("cannot write to " + option + " folder " + dir + ": " + reason,
                    "choose a writable folder with " + option + " DIR", e);
        }
    }
}
