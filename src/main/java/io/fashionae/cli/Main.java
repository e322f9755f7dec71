package io.fashionae.cli;

import io.fashionae.common.BuildInfo;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fashionae}: the command-line entry point; each subcommand is its own class. */
@Command(
        name = "fashionae",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Convolutional autoencoder on Fashion-MNIST with Deeplearning4j.",
        subcommands = {
            TrainCommand.class,
            SummaryCommand.class,
            DataCommand.class,
            ExportCommand.class,
            DecodeCommand.class,
            EncodeCommand.class,
            CompareCommand.class,
            ReportCommand.class,
            BenchCommand.class
        })
public final class Main implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the CLI and exits with its code. */
    public static void main(String[] args) {
        configureLogging(Arrays.asList(args).contains("--verbose"));
        int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(code);
    }

    /** Runs the CLI with the given streams and returns the exit code (what tests call). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        ErrorReporter errors = new ErrorReporter();
        return new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setDefaultValueProvider(new SeedDefaults())
                .setHelpFactory(new WordWrappingHelp())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .execute(args);
    }

    /** {@code --version}: the pom's version, through {@link BuildInfo}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fashionae " + BuildInfo.current().version()};
        }
    }

    /**
     * Logging is set up by {@code simplelogger.properties} (warnings only: a default run prints the
     * commands' own lines, not timestamped logs). {@code --verbose} turns on debug logs here, before
     * anything logs, as slf4j-simple reads its settings once; system properties override the file.
     */
    private static void configureLogging(boolean verbose) {
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
            System.setProperty("org.slf4j.simpleLogger.log.io.fashionae", "debug");
        }
    }
}
