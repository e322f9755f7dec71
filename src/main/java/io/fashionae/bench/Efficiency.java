package io.fashionae.bench;

/**
 * How far training is from the hardware: its arithmetic rate beside a matrix product's on the
 * same cores in the same process.
 *
 * @param trainingMflopPerImage floating-point work of one image's training step, millions
 *                              ({@link io.fashionae.model.ModelWork}: 86 for the seed's model)
 * @param trainingGflops        that work times the training images/s, in GFLOP/s
 * @param gemmGflops            a 2048x2048 single-precision matrix product through ND4J, GFLOP/s
 * @param shareOfPeak           {@code trainingGflops / gemmGflops}
 */
public record Efficiency(double trainingMflopPerImage, double trainingGflops, double gemmGflops, double shareOfPeak) {}
