package io.fashionae.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Folders of generated images for the {@code --images} tests: three classes of shapes with noise
 * and mixed sizes (grey circles as PNG, grey squares as JPEG, red triangles as PNG, the one class
 * with colour), in class subfolders or all at the top (unlabelled).
 */
public final class ImageFixtures {
    /** The class folders, in label (sorted) order. */
    public static final String[] CLASSES = {"circles", "squares", "triangles"};

    private ImageFixtures() {}

    /** {@code perClass} images of each class in a subfolder named for it, each side at least {@code minSide}. */
    public static Path shapes(Path dir, int perClass, int minSide) throws IOException {
        return write(dir, perClass, minSide, false);
    }

    /** The same images, all at the top of {@code dir}: an unlabelled folder. */
    public static Path flatShapes(Path dir, int perClass, int minSide) throws IOException {
        return write(dir, perClass, minSide, true);
    }

    private static Path write(Path dir, int perClass, int minSide, boolean flat) throws IOException {
        SplittableRandom rng = new SplittableRandom(7);
        for (String cls : CLASSES) {
            Path folder = Files.createDirectories(flat ? dir : dir.resolve(cls));
            for (int i = 0; i < perClass; i++) {
                int w = minSide + rng.nextInt(minSide / 2 + 1);
                int h = minSide + rng.nextInt(minSide / 2 + 1);
                String format = cls.equals("squares") ? "jpg" : "png";
                ImageIO.write(
                        shape(cls, w, h, rng),
                        format,
                        folder.resolve(cls + "-" + i + "." + format).toFile());
            }
        }
        return dir;
    }

    private static BufferedImage shape(String cls, int w, int h, SplittableRandom rng) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        int s = Math.min(w, h) / 3 + rng.nextInt(Math.min(w, h) / 2);
        int x = rng.nextInt(w - s + 1);
        int y = rng.nextInt(h - s + 1);
        int v = 150 + rng.nextInt(106);
        g.setColor(cls.equals("triangles") ? new Color(v, rng.nextInt(60), rng.nextInt(60)) : new Color(v, v, v));
        switch (cls) {
            case "circles" -> g.fillOval(x, y, s, s);
            case "squares" -> g.fillRect(x, y, s, s);
            default -> g.fillPolygon(new int[] {x, x + s, x + s / 2}, new int[] {y + s, y + s, y}, 3);
        }
        g.dispose();
        for (int k = 0; k < w * h / 20; k++) {
            int px = rng.nextInt(w);
            int py = rng.nextInt(h);
            int noise = rng.nextInt(60);
            int rgb = img.getRGB(px, py);
            int r = Math.min(255, ((rgb >> 16) & 0xff) + noise);
            int gr = Math.min(255, ((rgb >> 8) & 0xff) + (cls.equals("triangles") ? 0 : noise));
            int b = Math.min(255, (rgb & 0xff) + (cls.equals("triangles") ? 0 : noise));
            img.setRGB(px, py, (r << 16) | (gr << 8) | b);
        }
        return img;
    }
}
