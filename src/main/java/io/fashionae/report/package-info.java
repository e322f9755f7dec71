/**
 * The HTML report: one self-contained page built from a run's files (metrics, frames, figures,
 * ONNX export figures), with a latent-evolution player and a latent explorer that work offline.
 */
package io.fashionae.report;
