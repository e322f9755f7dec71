package io.fashionae.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}, shared by every command; {@link ErrorReporter} and {@link Main} read it. */
final class VerboseOption {
    @Option(names = "--verbose", description = "Print stack traces and debug logs.")
    boolean verbose;
}
