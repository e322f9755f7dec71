package io.fashionae.cli;

import io.fashionae.common.UserException;
import io.fashionae.training.TrainingDivergedException;
import io.fashionae.training.TrainingInterruptedException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns exceptions into a one-line message and an exit code. A stack trace is
 * printed only with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        Throwable cause = unwrap(ex);
        ExitCode code = codeOf(cause);
        err.println("error: " + messageOf(cause));
        if (isVerbose(parseResult)) {
            cause.printStackTrace(err);
        } else if (code == ExitCode.INTERNAL) {
            err.println("(run again with --verbose for the stack trace)");
        }
        err.flush();
        return code.code();
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(
                "error: " + ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCode.USAGE.code();
    }

    static ExitCode codeOf(Throwable t) {
        if (t instanceof UserException) {
            return ExitCode.USAGE;
        }
        if (t instanceof TrainingDivergedException) {
            return ExitCode.DIVERGED;
        }
        if (t instanceof StoppedBySignalException s) {
            return s.code();
        }
        if (t instanceof TrainingInterruptedException) {
            return ExitCode.INTERRUPTED;
        }
        return ExitCode.INTERNAL;
    }

    private static String messageOf(Throwable t) {
        if (t instanceof UserException u) {
            return u.oneLine();
        }
        if (t instanceof TrainingDivergedException d) {
            // The run's checkpoints stop a fresh run (they belong to an unfinished run): say how to clear them.
            return d.getMessage()
                    + (d.lastGoodCheckpoint() == null
                            ? " (nothing was overwritten; lower --lr and train again)"
                            : " (nothing was overwritten; resume with --resume, or delete "
                                    + d.lastGoodCheckpoint().getParent() + " and train again with a lower --lr)");
        }
        if (t instanceof TrainingInterruptedException || t instanceof StoppedBySignalException) {
            return t.getMessage() + " (continue with the same command and --resume)";
        }
        if (t instanceof UncheckedIOException io) {
            return io.getMessage() + ": " + io.getCause().getMessage();
        }
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null
                && !(current instanceof UserException)
                && (current instanceof CommandLine.ExecutionException
                        || current instanceof java.util.concurrent.ExecutionException)) {
            current = current.getCause();
        }
        // DL4J and Jackson wrap our validation errors: find one if it is there.
        for (Throwable c = current; c != null; c = c.getCause()) {
            if (c instanceof UserException) {
                return c;
            }
        }
        return current;
    }

    private static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
