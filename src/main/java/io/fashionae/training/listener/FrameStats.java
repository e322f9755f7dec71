package io.fashionae.training.listener;

/**
 * The figures of one latent frame, for {@code metrics.json} and the report.
 *
 * @param step  training step (seed numbering: 0 after the first step)
 * @param epoch 1-based epoch
 * @param loss  training MSE of that step
 * @param knn5  leave-one-out 5-NN accuracy within the plotted sample
 */
public record FrameStats(int step, int epoch, double loss, double knn5) {}
