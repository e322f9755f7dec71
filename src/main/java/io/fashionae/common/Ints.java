package io.fashionae.common;

/** Integer arithmetic the JDK 17 lacks ({@code Math.ceilDiv} arrives in Java 18). */
public final class Ints {
    private Ints() {}

    /**
     * {@code ceil(a / b)} for {@code a >= 0} and {@code b > 0}: batches in a pass, a side after a
     * stride, grid rows.
     */
    public static int ceilDiv(int a, int b) {
        return (int) ceilDiv((long) a, b);
    }

    /** {@code ceil(a / b)} for {@code a >= 0} and {@code b > 0}. */
    public static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
