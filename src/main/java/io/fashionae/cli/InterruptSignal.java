package io.fashionae.cli;

import io.fashionae.training.StopSignal;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns the first Ctrl-C (SIGINT) or SIGTERM (what {@code docker stop}, systemd and CI runners
 * send) during training into a {@link StopSignal}: the trainer finishes the step it is in, writes a
 * checkpoint and stops, and the command exits with 130 (SIGINT) or 143 (SIGTERM), as a shell
 * reports a process killed by that signal. A second signal exits at once, after {@code beforeHalt}
 * (which releases the folder locks). The JVM's own handlers are put back by {@link #close()}.
 *
 * <p>{@code sun.misc.Signal} is the JDK's supported-but-unofficial way to catch a signal (module
 * {@code jdk.unsupported}); without it the JVM would run its shutdown hooks while the training
 * thread is still writing, which is how half-written files happen.
 */
final class InterruptSignal implements StopSignal, AutoCloseable {
    private static final Signal INT = new Signal("INT");
    private static final Signal TERM = new Signal("TERM");

    private final AtomicReference<Signal> raised = new AtomicReference<>();
    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;

    private InterruptSignal(PrintWriter err, Runnable beforeHalt) {
        SignalHandler handler = signal -> {
            if (raised.compareAndSet(null, signal)) {
                err.println();
                err.println(
                        signal.getName().equals("TERM")
                                ? "Terminated (SIGTERM): stopping after this step and writing a "
                                        + "checkpoint (send it again to quit now)"
                                : "Interrupted: stopping after this step and writing a checkpoint "
                                        + "(Ctrl-C again to quit now)");
                err.flush();
            } else {
                beforeHalt.run();
                Runtime.getRuntime().halt(exitCodeOf(signal).code());
            }
        };
        this.previousInt = Signal.handle(INT, handler);
        this.previousTerm = Signal.handle(TERM, handler);
    }

    /**
     * Catches SIGINT and SIGTERM until closed; messages go to {@code err}; {@code beforeHalt} runs
     * before a second signal quits.
     */
    static InterruptSignal install(PrintWriter err, Runnable beforeHalt) {
        return new InterruptSignal(err, beforeHalt);
    }

    @Override
    public boolean requested() {
        return raised.get() != null;
    }

    /** The exit code for the signal that stopped the run: 143 for SIGTERM, 130 for Ctrl-C. */
    ExitCode exitCode() {
        Signal signal = raised.get();
        return signal == null ? ExitCode.INTERRUPTED : exitCodeOf(signal);
    }

    private static ExitCode exitCodeOf(Signal signal) {
        return signal.getName().equals("TERM") ? ExitCode.TERMINATED : ExitCode.INTERRUPTED;
    }

    @Override
    public void close() {
        Signal.handle(INT, previousInt);
        Signal.handle(TERM, previousTerm);
    }
}
