"""Times the PyTorch reference's encoder at steady state, the way `fashionae bench` times ours.

`seed_reference.py --bench-steps N` times its encoder on one call of 1,000 images after one
warm-up call: a single figure that swung by a third from run to run here. `fashionae bench`
reports the median of its repeats over 10,000 images. This script gives the reference the same
protocol (its own `encode()`, 1,000 images a call, on the same 10,000 validation images, a warm-up
pass, then the median of `--repeats` timed passes) and adds the figure to the reference's JSON:

    python3 scripts/reference-encode.py --reference ../shared/reference/seed_reference.py \
        --json reports/bench-reference.json

`make bench-compare` runs it right after the reference's own bench; `fashionae bench --reference`
then compares our encoding with `encode_steady_images_per_s` when the file has it.
"""
import argparse
import importlib.util
import json
import os
import statistics
import sys
import time


def load_reference(path):
    spec = importlib.util.spec_from_file_location("seed_reference", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def steady_rates(reference, images, repeats):
    """Images per second of each timed pass over `images`, after one untimed pass."""
    model = reference.AutoEncoder()
    reference.encode(model, images)
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        reference.encode(model, images)
        rates.append(len(images) / (time.perf_counter() - start))
    return rates


def write_atomically(path, figures):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(figures, f, indent=1)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", required=True, help="path of seed_reference.py")
    ap.add_argument("--json", required=True, help="the reference's --out file, updated in place")
    ap.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--images", type=int, default=10_000, help="validation images per pass (as fashionae bench)")
    ap.add_argument("--repeats", type=int, default=3, help="timed passes; the median is reported (as fashionae bench)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    if not os.path.isfile(a.json):
        sys.exit(f"{a.json} does not exist: run seed_reference.py --bench-steps N --out {a.json} first")
    reference = load_reference(a.reference)
    torch = reference.torch
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    images = reference.load_split(a.data, "t10k")[0][: a.images]
    rates = steady_rates(reference, images, a.repeats)
    with open(a.json) as f:
        figures = json.load(f)
    figures.update(
        encode_steady_images_per_s=statistics.median(rates),
        encode_steady_runs=rates,
        encode_steady_images=len(images),
    )
    write_atomically(a.json, figures)
    print(json.dumps({k: figures[k] for k in ("encode_images_per_s", "encode_steady_images_per_s", "encode_steady_runs")}))


if __name__ == "__main__":
    main()
