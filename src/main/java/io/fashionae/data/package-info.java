/**
 * Fashion-MNIST: finding the files (option, variable, default folders, Debian's package,
 * download), reading and verifying IDX files through a DataVec record reader, padding 28x28 to
 * 32x32, and batch iterators with a seeded per-epoch shuffle.
 */
package io.fashionae.data;
