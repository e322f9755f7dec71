/**
 * Training: the fit loop over epochs with validation in inference mode, the per-epoch figures,
 * the progress interface the CLI renders, and the ND4J backend description.
 */
package io.fashionae.training;
