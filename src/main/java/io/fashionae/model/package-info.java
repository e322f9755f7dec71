/**
 * The autoencoder as a DL4J ComputationGraph: built from a {@link io.fashionae.config.ModelConfig},
 * split into an encoder and a decoder that share its parameters, summarised like torchsummary,
 * and saved or loaded as a model zip.
 */
package io.fashionae.model;
