package io.fashionae.model;

import io.fashionae.config.Precision;

/**
 * The optimiser baked into a DL4J graph configuration: Adam with decoupled weight decay (AdamW).
 *
 * @param learningRate Adam's learning rate
 * @param weightDecay  decoupled weight decay coefficient, applied after the Adam step and scaled by the learning rate
 * @param seed         seed of the weight initialisation
 * @param precision    the graph's floating-point type
 */
public record OptimizerSettings(double learningRate, double weightDecay, long seed, Precision precision) {

    /** Settings in 32-bit floats. */
    public OptimizerSettings(double learningRate, double weightDecay, long seed) {
        this(learningRate, weightDecay, seed, Precision.FP32);
    }
}
