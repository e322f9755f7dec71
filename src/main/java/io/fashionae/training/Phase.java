package io.fashionae.training;

/** The two passes of an epoch. */
public enum Phase {
    /** Gradient steps over the shuffled training set. */
    TRAIN,
    /** Inference over the validation set (batch norm uses its running statistics). */
    VALIDATE
}
