package io.fashionae.config;

/**
 * The reconstruction loss the autoencoder trains with. Whatever the loss, the figures reported
 * (validation MSE, per-class MSE) are the per-pixel mean squared error of the reconstruction, so
 * runs with different losses compare on one scale.
 */
public enum LossKind {
    /** Mean squared error on an unbounded (identity) output: the seed's {@code nn.MSELoss()}. */
    MSE,
    /**
     * Binary cross-entropy on a sigmoid output, computed from the logits ({@code
     * BCEWithLogitsLoss}): the loss of the published 2-D autoencoder baselines on Fashion-MNIST.
     * The decoder's output passes through the sigmoid, so reconstructions lie in [0, 1].
     */
    BCE
}
