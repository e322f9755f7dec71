/**
 * The latent space as data: frames captured during training, their binary store, kNN accuracy,
 * PCA to a plotting plane. Plain Java arrays: no DL4J, no plotting.
 */
package io.fashionae.latent;
