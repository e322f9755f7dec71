package io.fashionae.training.listener;

import java.util.List;

/**
 * What a checkpoint keeps of a {@link StatefulListener}, and what {@code metrics.json} reports of
 * it: the time it spent observing (reported apart from the training time) and the figures of the
 * latent frames it emitted. The checkpoint format has one such slot, so a trainer carries at most
 * one stateful listener.
 *
 * @param secondsSpent time spent inside the listener so far
 * @param frames       the figures of every frame emitted so far, in step order
 */
public record ListenerState(double secondsSpent, List<FrameStats> frames) {
    /** Nothing observed yet. */
    public static final ListenerState EMPTY = new ListenerState(0, List.of());

    /** Copies the list; refuses a negative or non-finite time. */
    public ListenerState {
        if (!(secondsSpent >= 0) || Double.isInfinite(secondsSpent)) {
            throw new IllegalArgumentException("secondsSpent must be finite and non-negative, got " + secondsSpent);
        }
        frames = List.copyOf(frames);
    }
}
