/**
 * What every data module shares ({@link io.fashionae.data.DataModule}): what a run trains on, read
 * and verified before anything is written, as {@link io.fashionae.data.LabeledImages} (padded,
 * scaled images and their labels, over a {@link io.fashionae.data.PixelStore}) handed out by a
 * {@link io.fashionae.data.BatchIterator} with a seeded per-epoch shuffle. The sources are sibling
 * packages: {@code data.idx} (the MNIST family's IDX files) and {@code data.images} (a folder of
 * image files, {@code --images DIR}). The class names and image constants live in
 * {@code config}, which needs none of DataVec or ND4J; nothing here draws.
 */
package io.fashionae.data;
