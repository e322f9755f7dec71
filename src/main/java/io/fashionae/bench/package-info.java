/**
 * The benchmark behind {@code make bench}: training, encoding and decoding throughput and peak
 * memory, measured after warm-up as medians of repeats.
 */
package io.fashionae.bench;
