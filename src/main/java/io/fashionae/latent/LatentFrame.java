package io.fashionae.latent;

/**
 * The latent space at one training step: what the listener emits and what plots, the animation
 * and the report are drawn from.
 *
 * @param step   training step in the seed's numbering (0 is after the first step)
 * @param epoch  1-based epoch the step belongs to
 * @param loss   training MSE of that step
 * @param knn5   leave-one-out 5-NN accuracy within the plotted sample
 * @param points latent vectors of the plotted validation sample (full latent dimension)
 */
public record LatentFrame(int step, int epoch, double loss, double knn5, LatentPoints points) {}
