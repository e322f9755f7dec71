/**
 * The MNIST family's IDX files as a data module ({@link io.fashionae.data.idx.IdxDataModule}):
 * finding the files ({@link io.fashionae.data.idx.DataLocator}: option, variable, default folders,
 * Debian's package, download), checking their hashes, reading them through a DataVec record reader
 * ({@link io.fashionae.data.idx.FashionMnistRecordReader}, {@link io.fashionae.data.idx.IdxReader})
 * and padding 28x28 to 32x32 ({@link io.fashionae.config.ImagePadding}).
 */
package io.fashionae.data.idx;
