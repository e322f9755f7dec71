package io.fashionae.training;

/**
 * The figures of one finished epoch, as {@code metrics.json} lists them.
 *
 * @param epoch              1-based epoch number
 * @param trainLoss          mean of the epoch's per-step training MSE (batch norm in training mode)
 * @param valLoss            validation MSE per pixel on the padded 32x32 images, inference mode
 * @param seconds            wall time of the epoch's training steps (latent frames and validation excluded)
 * @param trainImagesPerS    training images per second over the pass
 * @param validationSeconds  wall time of the validation pass
 * @param learningRate       learning rate at the end of the epoch
 * @param rssMb              resident memory of the process at the end of the epoch (MiB; 0 where unknown)
 * @param peakRssMb          peak resident memory of the process so far (MiB; 0 where unknown)
 * @param heapUsedMb         Java heap in use at the end of the epoch (MiB)
 */
public record EpochMetrics(
        int epoch,
        double trainLoss,
        double valLoss,
        double seconds,
        double trainImagesPerS,
        double validationSeconds,
        double learningRate,
        double rssMb,
        double peakRssMb,
        double heapUsedMb) {}
