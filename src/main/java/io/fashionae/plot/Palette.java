package io.fashionae.plot;

import java.awt.Color;
import java.util.List;

/** Matplotlib's tab10 colours, one per class, as the seed's plots use them. */
public final class Palette {
    /** tab10, in label order. */
    public static final List<Color> TAB10 = List.of(
            new Color(0x1f77b4),
            new Color(0xff7f0e),
            new Color(0x2ca02c),
            new Color(0xd62728),
            new Color(0x9467bd),
            new Color(0x8c564b),
            new Color(0xe377c2),
            new Color(0x7f7f7f),
            new Color(0xbcbd22),
            new Color(0x17becf));

    private Palette() {}

    /** The colour of {@code label} with the seed's alpha of 0.9. */
    public static Color classColor(int label) {
        Color c = TAB10.get(label % TAB10.size());
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.round(0.9f * 255));
    }
}
