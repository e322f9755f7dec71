/**
 * What DL4J M2.1 lacks or does slowly: convolution layers that call libnd4j's native
 * {@code conv2d}/{@code deconv2d} ops and their {@code _bp} ops directly, in place of DL4J's
 * layer code, and the exact (erf) GELU of PyTorch's {@code nn.GELU()}
 * ({@link io.fashionae.model.layer.ActivationErfGelu}), which DL4J does not have.
 *
 * <p>Why: DL4J's {@code ConvolutionLayer} does its own im2col and GEMM in Java-called steps
 * (a 1x1 convolution's backward pass took ~200 ms per batch of 64 here), and both it and
 * {@code Deconvolution2DLayer} recompute the whole forward pass inside backprop to get the
 * pre-activation, even when the activation is the identity. The native ops run oneDNN's kernels
 * when ND4J's {@code -onednn} build is on the classpath. The configurations extend DL4J's own, so
 * everything that reads a {@code ConvolutionLayer} or {@code Deconvolution2D} (parameter layout,
 * initialisation, ONNX export, summaries) sees the same layer; only the computation differs.
 */
package io.fashionae.model.layer;
