/**
 * Immutable run configuration (model, training, data, output folders) as records that validate
 * themselves in their constructors, and the data sets they name: the MNIST family
 * ({@link io.fashionae.config.IdxDataset}, Fashion-MNIST's classes in
 * {@link io.fashionae.config.FashionMnistClasses}) and how an image is scaled and padded to the
 * network's input side ({@link io.fashionae.config.ImagePadding}). Derived values, such as the
 * flattened bottleneck size and the padding, are computed here once. JDK only: rendering
 * ({@code plot}, {@code report}) and export ({@code onnx}) name the classes and the padding without
 * pulling in the data pipeline that {@code data} builds on DataVec.
 */
package io.fashionae.config;
