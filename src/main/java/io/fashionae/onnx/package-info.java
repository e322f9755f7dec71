/**
 * DL4J graph to ONNX: per-layer mapping with every numerical trap handled (GELU form, batch norm's
 * log10 std, deconvolution padding, dense weight order), metadata for provenance, a self-check
 * against ONNX Runtime before a file is kept, and inference on in-memory snapshots of a model's
 * current weights. The caller hands in the model, the check images and the provenance: this
 * package neither finds data nor knows how a model was trained.
 */
package io.fashionae.onnx;
