#!/usr/bin/env python3
# Generates the folder of the docs/data.md throughput figures: python3 scripts/make-shapes-folder.py /tmp/big20k 20000
# (needs Pillow: apt-get install python3-pil).
"""20,000 RGB images, about 64x64 (64..80 px sides), 10 classes of coloured shapes with noise, PNG and JPEG."""
import os, sys, random
from PIL import Image, ImageDraw
out, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(11)
shapes = ["circle", "square", "triangle", "ring", "bar"]
colours = {"red": (220, 40, 40), "blue": (40, 80, 220)}
classes = [f"{c}-{s}" for c in colours for s in shapes]
for k in range(n):
    cls = classes[k % len(classes)]
    col, shape = cls.split("-")
    d = os.path.join(out, cls); os.makedirs(d, exist_ok=True)
    w, h = rnd.randint(64, 80), rnd.randint(64, 80)
    img = Image.new("RGB", (w, h), tuple(rnd.randint(0, 40) for _ in range(3)))
    dr = ImageDraw.Draw(img)
    s = rnd.randint(24, 56); x = rnd.randint(0, w - s); y = rnd.randint(0, h - s)
    fill = tuple(max(0, min(255, v + rnd.randint(-30, 30))) for v in colours[col])
    if shape == "circle": dr.ellipse([x, y, x + s, y + s], fill=fill)
    elif shape == "square": dr.rectangle([x, y, x + s, y + s], fill=fill)
    elif shape == "triangle": dr.polygon([(x, y + s), (x + s, y + s), (x + s // 2, y)], fill=fill)
    elif shape == "ring": dr.ellipse([x, y, x + s, y + s], outline=fill, width=6)
    else: dr.rectangle([x, y + s // 3, x + s, y + 2 * s // 3], fill=fill)
    ext = "jpg" if k % 2 else "png"
    img.save(os.path.join(d, f"{k:06d}.{ext}"), quality=90)
