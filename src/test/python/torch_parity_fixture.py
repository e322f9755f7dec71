#!/usr/bin/env python3
"""Writes the PyTorch parity fixture that TorchParityTest reads.

A scaled-down seed autoencoder, built from the PyTorch reference's own Encoder and Decoder
classes (channels 4/8/16 instead of 32/64/128, so the fixture stays small; kernels, strides,
padding, output_padding, batch norm, GELU and the 1x1 output as in the seed), with batch norm
running statistics moved away from their initial values. It records, for fixed inputs, the
eval-mode latents and reconstructions, and the train-mode MSE loss and the gradient of every
parameter. Regenerate only on purpose:

    /usr/bin/python3 src/test/python/torch_parity_fixture.py \
        --reference ../shared/reference/seed_reference.py --out src/test/resources/torch/tiny-torch.json
"""
import argparse, importlib.util, json

import torch

CHANNELS, SIDE = [4, 8, 16], 4


def load_reference(path):
    spec = importlib.util.spec_from_file_location("seed_reference", path)
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    # The reference reads its architecture from module constants; only the widths change here.
    ref.CHANNELS, ref.LINEAR_DIM = CHANNELS, CHANNELS[-1] * SIDE * SIDE
    return ref


def build(ref):
    class Decoder(ref.Decoder):
        def forward(self, z):  # the reference's forward, with the bottleneck width not fixed at 128
            return self.output(self.conv(self.linear(z).reshape(z.shape[0], CHANNELS[-1], SIDE, SIDE)))

    class AutoEncoder(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder, self.decoder = ref.Encoder(2), Decoder(2)

        def forward(self, x):
            return self.decoder(self.encoder(x))

    return AutoEncoder()


def flat(t):
    # 9 significant digits give every float32 back exactly, in about half the characters.
    return [float("%.9g" % v) for v in t.detach().reshape(-1).tolist()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reference", default="../shared/reference/seed_reference.py")
    ap.add_argument("--out", default="src/test/resources/torch/tiny-torch.json")
    a = ap.parse_args()
    torch.manual_seed(5)
    model = build(load_reference(a.reference))
    with torch.no_grad():
        for m in model.modules():  # batch norm's affine parameters away from 1 and 0, so a swap would show
            if isinstance(m, torch.nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.2, 0.2)
        for _ in range(3):  # train-mode passes that move the running statistics
            model(torch.rand(16, 1, 32, 32) * 2)
    images = torch.rand(4, 1, 32, 32)
    model.eval()
    with torch.no_grad():
        latents, eval_out = model.encoder(images), model(images)
    state = {k: {"shape": list(v.shape), "values": flat(v)} for k, v in model.state_dict().items()
             if not k.endswith("num_batches_tracked")}
    model.train()
    loss = torch.nn.MSELoss()(model(images), images)
    loss.backward()
    grads = {k: flat(p.grad) for k, p in model.named_parameters()}
    fixture = {"torch": torch.__version__, "channels": CHANNELS, "images": flat(images), "state": state,
               "eval_latents": flat(latents), "eval_reconstruction": flat(eval_out),
               "train_loss": loss.item(), "train_gradients": grads}
    with open(a.out, "w") as f:
        json.dump(fixture, f)


if __name__ == "__main__":
    main()
