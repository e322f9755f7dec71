/**
 * DL4J graph to ONNX: per-layer mapping with every numerical trap handled (GELU form, batch norm's
 * log10 std, deconvolution padding, dense weight order), metadata for provenance, and a
 * self-check against ONNX Runtime before a file is kept.
 */
package io.fashionae.onnx;
