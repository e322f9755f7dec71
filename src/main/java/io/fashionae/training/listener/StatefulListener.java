package io.fashionae.training.listener;

import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * A training listener whose state must survive a resume, as a stateful callback does in
 * Lightning: the trainer puts {@link #state()} into every checkpoint and hands it back through
 * {@link #restore} before a resumed run's first step, so the resumed run observes exactly what
 * the uninterrupted one would have (the same frames, no frame twice). The trainer knows listeners
 * only through this interface and DL4J's.
 */
public interface StatefulListener extends TrainingListener {

    /** What a checkpoint keeps of this listener now. */
    ListenerState state();

    /**
     * Continues from a checkpoint: the run has done {@code stepsDone} optimiser steps and this
     * listener had recorded {@code state} by then.
     */
    void restore(long stepsDone, ListenerState state);
}
