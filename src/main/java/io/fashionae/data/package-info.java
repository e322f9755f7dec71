/**
 * Fashion-MNIST: finding the files (option, variable, default folders, Debian's package,
 * download), reading and verifying IDX files through a DataVec record reader, padding 28x28 to
 * 32x32 (with {@link io.fashionae.dataset.ImagePadding}), and batch iterators with a seeded
 * per-epoch shuffle. The class names and image constants live in {@code dataset}, which needs
 * none of this package's DataVec and ND4J.
 */
package io.fashionae.data;
