/**
 * What DL4J M2.1 lacks or does slowly: convolution layers that call libnd4j's native
 * {@code conv2d}/{@code deconv2d} ops and their {@code _bp} ops directly, in place of DL4J's
 * layer code; batch norm on libnd4j's fused {@code moments}/{@code batchnorm}/{@code batchnorm_bp};
 * a crop that hands on contiguous arrays; and the exact (erf) GELU of PyTorch's {@code nn.GELU()}
 * ({@link io.fashionae.model.layer.ActivationErfGelu}), which DL4J does not have, in a layer that
 * keeps {@code Phi(x)} from the forward pass for the backward one.
 *
 * <p>Why: DL4J's {@code ConvolutionLayer} does its own im2col and GEMM in Java-called steps
 * (a 1x1 convolution's backward pass took ~200 ms per batch of 64 here), and both it and
 * {@code Deconvolution2DLayer} recompute the whole forward pass inside backprop to get the
 * pre-activation, even when the activation is the identity. The native ops run oneDNN's kernels
 * when ND4J's {@code -onednn} build is on the classpath. DL4J's batch norm reduces NCHW maps with
 * strided loops and recomputes the batch statistics in backprop; its activation layer copies its
 * input before every pass. Each configuration here extends DL4J's own, so everything that reads a
 * {@code ConvolutionLayer}, {@code Deconvolution2D}, {@code BatchNormalization}, {@code Cropping2D}
 * or {@code ActivationLayer} (parameter layout, initialisation, ONNX export, summaries) sees the
 * same layer; only the computation differs, and a parity test per layer checks it against DL4J's.
 *
 * <p>On the CPU backend the elementwise forward work (the GELU, batch norm's normalisation) is
 * done in Java ({@link io.fashionae.model.layer.HostFloats}): libnd4j makes one pass over memory
 * per op and its {@code erf} and plain-layout batch norm are slow, while one chunked pass that
 * HotSpot vectorises reads and writes each activation once.
 */
package io.fashionae.model.layer;
