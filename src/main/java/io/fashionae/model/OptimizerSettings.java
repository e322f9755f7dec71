package io.fashionae.model;

/**
 * The optimiser baked into a DL4J graph configuration: Adam with decoupled weight decay (AdamW).
 *
 * @param learningRate Adam's learning rate
 * @param weightDecay  decoupled weight decay coefficient, applied after the Adam step and scaled by the learning rate
 * @param seed         seed of the weight initialisation
 */
public record OptimizerSettings(double learningRate, double weightDecay, long seed) {
}
