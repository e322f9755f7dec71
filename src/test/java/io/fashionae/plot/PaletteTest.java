package io.fashionae.plot;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.latent.LatentPoints;
import java.awt.Color;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaletteTest {

    @Test
    void tenClassesKeepTheSeedsTab10Colours() {
        for (int c = 0; c < 10; c++) {
            assertThat(Palette.opaque(c, 10)).isEqualTo(Palette.TAB10.get(c));
            assertThat(Palette.classColor(c).getAlpha()).isEqualTo(230);
        }
    }

    @Test
    void upToTwentyClassesGetDistinctColoursAndBeyondStillDistinct() {
        for (int classes : new int[] {12, 20, 35}) {
            Set<Integer> seen = new HashSet<>();
            for (int c = 0; c < classes; c++) {
                seen.add(Palette.opaque(c, classes).getRGB());
            }
            assertThat(seen).as(classes + " classes").hasSize(classes);
        }
        // Neighbouring labels beyond twenty differ in hue by the golden angle: not two near-identical colours.
        Color a = Palette.opaque(20, 35);
        Color b = Palette.opaque(21, 35);
        float[] ha = Color.RGBtoHSB(a.getRed(), a.getGreen(), a.getBlue(), null);
        float[] hb = Color.RGBtoHSB(b.getRed(), b.getGreen(), b.getBlue(), null);
        double d = Math.abs(ha[0] - hb[0]);
        assertThat(Math.min(d, 1 - d)).isGreaterThan(0.3);
    }

    @Test
    void theLegendShrinksItsFontSoThatTwentyOrFortyClassesFitBesideThePlot() {
        assertThat(LatentScatter.legendFontSize(10, 560)).isEqualTo(12);
        assertThat(LatentScatter.legendFontSize(20, 560)).isEqualTo(12);
        assertThat(LatentScatter.legendFontSize(30, 560)).isEqualTo(10);
        assertThat(LatentScatter.legendFontSize(40, 560)).isEqualTo(8);
        int classes = 20;
        float[] xy = new float[classes * 2 * 5];
        int[] labels = new int[classes * 5];
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % classes;
            xy[2 * i] = i % classes;
            xy[2 * i + 1] = i / classes;
        }
        for (int c = 0; c < classes; c++) {
            names.add("class number " + c);
        }
        LatentScatter.Rendered r = LatentScatter.renderWithArea(
                new LatentPoints(xy, 2, labels), names, "t", java.util.List.of("x", "y"), null, false, 760, 560);
        // The legend leaves the data area most of the width and all of the height it would have had.
        assertThat(r.dataArea()[2]).isGreaterThan(760 * 0.55);
        assertThat(r.dataArea()[3]).isGreaterThan(560 * 0.7);
    }
}
