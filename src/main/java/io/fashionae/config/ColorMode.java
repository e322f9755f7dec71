package io.fashionae.config;

/** How many channels the images of a folder are read with ({@code --color}). */
public enum ColorMode {
    /** RGB when some image has colour, grey otherwise. */
    AUTO,
    /** One plane: BT.601 luma. */
    GREY,
    /** Three planes; grey images are repeated into all three. */
    RGB
}
