package io.fashionae.latent;

/** Receives latent frames as training emits them (to store them, draw them, ...). */
@FunctionalInterface
public interface FrameSink {
    /** Takes one frame; called on the training thread, so it should be quick. */
    void accept(LatentFrame frame);
}
