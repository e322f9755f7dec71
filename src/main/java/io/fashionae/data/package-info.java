/**
 * The data modules ({@link io.fashionae.data.DataModule}): what a run trains on, read and verified
 * before anything is written. {@link io.fashionae.data.IdxDataModule} serves the MNIST family:
 * finding the files (option, variable, default folders, Debian's package, download), reading and
 * verifying IDX files through a DataVec record reader, padding 28x28 to 32x32 (with
 * {@link io.fashionae.dataset.ImagePadding}). {@link io.fashionae.data.ImageFolderDataModule}
 * serves {@code --images DIR}: the folder scan and seeded split ({@link io.fashionae.data.ImageFolder}),
 * one parallel decoding pass through a DataVec record reader over ImageIO
 * ({@link io.fashionae.data.ImageFolderRecordReader}, {@link io.fashionae.data.ImageFile}) into an
 * {@link io.fashionae.data.ImageCache} that later epochs read. Both hand out batch iterators with a
 * seeded per-epoch shuffle. The class names and image constants live in {@code dataset}, which
 * needs none of this package's DataVec and ND4J; this package decodes images but draws nothing.
 */
package io.fashionae.data;
