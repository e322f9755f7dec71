/**
 * Fashion-MNIST: finding the files (option, variable, default folders, Debian's package,
 * download), reading and verifying IDX files through a DataVec record reader, padding 28x28 to
 * 32x32 (with {@link io.fashionae.dataset.ImagePadding}), and batch iterators with a seeded
 * per-epoch shuffle. The class names and image constants live in {@code dataset}, which needs
 * none of this package's DataVec and ND4J. For {@code --images DIR} (in progress): the folder scan
 * and seeded split ({@link io.fashionae.data.ImageFolder}) and the decoding and aspect-keeping fit
 * of one file with ImageIO ({@link io.fashionae.data.ImageFile}); this package decodes images but
 * draws nothing.
 */
package io.fashionae.data;
