package io.fashionae.cli;

import io.fashionae.training.StopSignal;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns the first Ctrl-C (SIGINT) during training into a {@link StopSignal}: the trainer finishes
 * the step it is in, writes a checkpoint and stops, and the command exits with 130. A second
 * Ctrl-C exits at once. The JVM's own handlers are put back by {@link #close()}.
 *
 * <p>{@code sun.misc.Signal} is the JDK's supported-but-unofficial way to catch a signal (module
 * {@code jdk.unsupported}); without it the JVM would run its shutdown hooks while the training
 * thread is still writing, which is how half-written files happen.
 */
final class InterruptSignal implements StopSignal, AutoCloseable {
    private static final Signal INT = new Signal("INT");

    private final AtomicBoolean raised = new AtomicBoolean();
    private final SignalHandler previous;

    private InterruptSignal(PrintWriter err) {
        this.previous = Signal.handle(INT, signal -> {
            if (raised.compareAndSet(false, true)) {
                err.println();
                err.println("Interrupted: stopping after this step and writing a checkpoint (Ctrl-C again to quit now)");
                err.flush();
            } else {
                Runtime.getRuntime().halt(ExitCode.INTERRUPTED.code());
            }
        });
    }

    /** Catches SIGINT until closed; messages go to {@code err}. */
    static InterruptSignal install(PrintWriter err) {
        return new InterruptSignal(err);
    }

    @Override
    public boolean requested() {
        return raised.get();
    }

    @Override
    public void close() {
        Signal.handle(INT, previous);
    }
}
