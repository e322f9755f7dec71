#!/usr/bin/env python3
"""Writes the PyTorch parity fixture that TorchParityTest reads.

A scaled-down seed autoencoder, built from the PyTorch reference's own Encoder and Decoder
classes (channels 4/8/16 instead of 32/64/128, so the fixture stays small; kernels, strides,
padding, output_padding, batch norm, GELU and the 1x1 output as in the seed), with batch norm
running statistics moved away from their initial values. It records, for fixed inputs, the
eval-mode latents and reconstructions, and the train-mode MSE loss and the gradient of every
parameter.

With --objectives it writes instead the fixture of ObjectiveParityTest: the same model trained
on binary cross-entropy from the logits, and as variational autoencoders (a second linear head
for the log-variance, a fixed noise batch for the sample, the KL term weighted by beta), each
case's loss and gradients. Regenerate only on purpose:

    /usr/bin/python3 src/test/python/torch_parity_fixture.py \
        --reference ../shared/reference/seed_reference.py --out src/test/resources/torch/tiny-torch.json
    /usr/bin/python3 src/test/python/torch_parity_fixture.py --objectives \
        --reference ../shared/reference/seed_reference.py --out src/test/resources/torch/tiny-torch-objectives.json
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


def settle(model):
    with torch.no_grad():
        for m in model.modules():  # batch norm's affine parameters away from 1 and 0, so a swap would show
            if isinstance(m, torch.nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.2, 0.2)
        for _ in range(3):  # train-mode passes that move the running statistics
            model(torch.rand(16, 1, 32, 32) * 2)


def seed_fixture(model):
    settle(model)
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
    return fixture


def state_of(model):
    return {k: {"shape": list(v.shape), "values": flat(v)} for k, v in model.state_dict().items()
            if not k.endswith("num_batches_tracked")}


def kl(mu, log_var):
    """Per-image KL(N(mu, sigma^2) || N(0, I)), summed over the latent dimensions."""
    return -0.5 * (1 + log_var - mu.pow(2) - log_var.exp()).sum(dim=1)


def recon_sum(logits, images, loss):
    if loss == "bce":
        return torch.nn.functional.binary_cross_entropy_with_logits(logits, images, reduction="sum")
    return torch.nn.functional.mse_loss(logits, images, reduction="sum")


def objective_case(model, images, noise, loss, variational, beta):
    """Loss per pixel and image, and gradients, of one objective in train mode."""
    model.zero_grad()
    model.train()
    n, pixels = images.shape[0], images[0].numel()
    features = model.encoder_features(images)
    mu = model.encoder.linear(features)
    if variational:
        log_var = model.log_var(features)
        out = model.decoder(mu + noise * (0.5 * log_var).exp())
        total = (recon_sum(out, images, loss) + beta * kl(mu, log_var).sum()) / (n * pixels)
    else:
        total = recon_sum(model.decoder(mu), images, loss) / (n * pixels)
    total.backward()
    return {"loss": loss, "variational": variational, "beta": beta, "train_loss": total.item(),
            "train_gradients": {k: flat(p.grad) for k, p in model.named_parameters() if p.grad is not None}}


def objectives_fixture(model):
    """BCE and VAE cases on one model; the VAE's log-variance head is an extra Linear beside the mean's."""
    model.log_var = torch.nn.Linear(CHANNELS[-1] * SIDE * SIDE, 2)
    # The encoder's features before its Linear: the reference's conv stack, flattened channel-major.
    model.encoder_features = lambda x: model.encoder.conv(x).flatten(1)
    settle(model)
    with torch.no_grad():  # log-variances around -1 and spread out, not all near 0
        model.log_var.bias.fill_(-1.0)
    images, noise = torch.rand(4, 1, 32, 32), torch.randn(4, 2)
    model.eval()
    with torch.no_grad():
        mu = model.encoder(images)
        eval_out = model.decoder(mu)
    state = state_of(model)  # before the cases: their train-mode passes move batch norm's running statistics
    cases = [objective_case(model, images, noise, "bce", False, 1.0),
             objective_case(model, images, noise, "mse", True, 0.5),
             objective_case(model, images, noise, "bce", True, 1.0)]
    return {"torch": torch.__version__, "channels": CHANNELS, "images": flat(images), "noise": flat(noise),
            "state": state, "eval_latents": flat(mu), "eval_logits": flat(eval_out), "cases": cases}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reference", default="../shared/reference/seed_reference.py")
    ap.add_argument("--out", default="src/test/resources/torch/tiny-torch.json")
    ap.add_argument("--objectives", action="store_true")
    a = ap.parse_args()
    torch.manual_seed(5)
    model = build(load_reference(a.reference))
    fixture = objectives_fixture(model) if a.objectives else seed_fixture(model)
    with open(a.out, "w") as f:
        json.dump(fixture, f)


if __name__ == "__main__":
    main()
