package io.fashionae.config;

/**
 * The floating-point type the network trains and runs in: the DL4J counterpart of the seed's
 * mixed precision. Parameters, activations and gradients all take this type (DL4J has no
 * automatic mixed precision); exports are always converted back to 32-bit floats.
 */
public enum Precision {
    /** 32-bit floats: the default, and the only type the CPU backend runs at full speed. */
    FP32,
    /** IEEE half precision (10-bit mantissa): meant for CUDA. */
    FP16,
    /** bfloat16 (7-bit mantissa, float32's range). */
    BF16
}
