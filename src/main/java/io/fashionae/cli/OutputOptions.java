package io.fashionae.cli;

import io.fashionae.common.UserException;
import io.fashionae.config.OutputConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --models} and {@code --reports}. */
final class OutputOptions {
    @Option(
            names = "--models",
            paramLabel = "DIR",
            defaultValue = "models",
            description = "Folder for autoencoder.zip and the ONNX files (default: ${DEFAULT-VALUE}).")
    Path models;

    @Option(
            names = "--reports",
            paramLabel = "DIR",
            defaultValue = "reports",
            description = "Folder for metrics.json, plots and the report (default: ${DEFAULT-VALUE}).")
    Path reports;

    /**
     * The folders, checked and created now rather than after an hour of training: both are
     * checked before either is created, so a bad {@code --reports} leaves no empty {@code --models}.
     */
    OutputConfig toConfigCheckedWritable() {
        requireCreatable(models, "--models");
        requireCreatable(reports, "--reports");
        requireWritable(models, "--models");
        requireWritable(reports, "--reports");
        return new OutputConfig(models, reports);
    }

    /** The folder exists as a folder, or its nearest existing ancestor is a writable folder. */
    private static void requireCreatable(Path dir, String option) {
        Path p = dir.toAbsolutePath().normalize();
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw refused(dir, option, "it is a file", null);
        }
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw refused(dir, option, existing + " is a file", null);
        }
        if (!existing.equals(p) && !Files.isWritable(existing)) {
            throw refused(dir, option, existing + " is not writable", null);
        }
    }

    private static void requireWritable(Path dir, String option) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    ? fs.getReason()
                    : "not writable";
            throw refused(dir, option, reason, e);
        }
    }

    private static UserException refused(Path dir, String option, String reason, Exception cause) {
        return new UserException(
                "cannot write to " + option + " folder " + dir + ": " + reason,
                "choose a writable folder with " + option + " DIR",
                cause);
    }
}
