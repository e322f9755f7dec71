package io.fashionae.plot;

import java.awt.Color;
import java.util.List;

/**
 * One colour per class: matplotlib's tab10, as the seed's plots use them, for up to ten classes;
 * tab20 (its pairs of dark and light shades) for up to twenty, so that more classes stay
 * distinguishable; beyond that, hues spaced by the golden angle at two lightnesses.
 */
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

    /** tab20, in label order: each tab10 colour followed by its light shade. */
    public static final List<Color> TAB20 = List.of(
            new Color(0x1f77b4),
            new Color(0xaec7e8),
            new Color(0xff7f0e),
            new Color(0xffbb78),
            new Color(0x2ca02c),
            new Color(0x98df8a),
            new Color(0xd62728),
            new Color(0xff9896),
            new Color(0x9467bd),
            new Color(0xc5b0d5),
            new Color(0x8c564b),
            new Color(0xc49c94),
            new Color(0xe377c2),
            new Color(0xf7b6d2),
            new Color(0x7f7f7f),
            new Color(0xc7c7c7),
            new Color(0xbcbd22),
            new Color(0xdbdb8d),
            new Color(0x17becf),
            new Color(0x9edae5));

    private static final double GOLDEN_ANGLE = 0.381966;

    private Palette() {}

    /** The colour of {@code label} among ten classes (the seed's), with the seed's alpha of 0.9. */
    public static Color classColor(int label) {
        return classColor(label, TAB10.size());
    }

    /** The colour of {@code label} among {@code classes}, with the seed's alpha of 0.9. */
    public static Color classColor(int label, int classes) {
        Color c = opaque(label, classes);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.round(0.9f * 255));
    }

    /** The colour of {@code label} among {@code classes}, without transparency (for legends and pages). */
    public static Color opaque(int label, int classes) {
        if (classes <= TAB10.size()) {
            return TAB10.get(label);
        }
        if (classes <= TAB20.size()) {
            return TAB20.get(label);
        }
        float hue = (float) ((label * GOLDEN_ANGLE) % 1.0);
        return Color.getHSBColor(hue, 0.75f, label % 2 == 0 ? 0.8f : 0.55f);
    }
}
