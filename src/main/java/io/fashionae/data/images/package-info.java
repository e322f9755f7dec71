/**
 * A folder of image files as a data module ({@link io.fashionae.data.images.ImageFolderDataModule},
 * {@code --images DIR}): the folder scan and seeded split ({@link io.fashionae.data.images.ImageFolder}),
 * one parallel decoding pass through a DataVec record reader over ImageIO
 * ({@link io.fashionae.data.images.ImageFolderRecordReader}, {@link io.fashionae.data.images.ImageFile})
 * into an {@link io.fashionae.data.images.ImageCache} that later epochs read.
 */
package io.fashionae.data.images;
