/**
 * What every layer needs to know about Fashion-MNIST and nothing more: the class names, the
 * image side (28) and how an image is scaled and padded to the network's input side. Plain Java,
 * no DataVec and no ND4J, so that rendering ({@code plot}, {@code report}), export ({@code onnx})
 * and training can name the classes and the padding without pulling in the data pipeline that
 * {@code data} builds on DataVec.
 */
package io.fashionae.dataset;
