#!/usr/bin/env python3
"""Writes src/test/resources/reference/recurrent.json: SimpleRNN, LSTM and GRU outputs and gradients
computed by PyTorch (float64) from weights in Keras' layout, for RecurrentReferenceTest.

Run from the repository root with a Python that has torch (Debian: python3-torch):
    /usr/bin/python3 src/test/python/recurrent_reference.py
The mapping to PyTorch is the point of the check: PyTorch keeps kernels transposed (G·u, in),
adds two biases (b_ih + b_hh) where Keras has one (LSTM, SimpleRNN), and orders GRU gates r, z, n
where Keras has z, r, h; Keras 3's GRU (reset_after=True) keeps (input bias, recurrent bias).
"""
import json
import numpy as np
import torch

rng = np.random.default_rng(20261206)
N, T, F, U = 2, 5, 3, 4


def tensor(a):
    return torch.tensor(a, dtype=torch.float64)


def case(kind, gates, make, load):
    kernel = rng.normal(0, 0.5, (F, gates * U))
    recurrent = rng.normal(0, 0.5, (U, gates * U))
    bias = rng.normal(0, 0.5, (2, gates * U) if kind == "GRU" else (gates * U,))
    x = rng.normal(0, 1, (N, T, F))
    w = rng.normal(0, 1, (N, T, U))
    layer = make().double()
    load(layer, kernel, recurrent, bias)
    xt = tensor(x).requires_grad_(True)
    y, _ = layer(xt)
    (y * tensor(w)).sum().backward()
    return {
        "kind": kind, "batch": N, "time": T, "features": F, "units": U,
        "kernel": kernel.ravel().tolist(), "recurrent_kernel": recurrent.ravel().tolist(),
        "bias": bias.ravel().tolist(), "x": x.ravel().tolist(), "weights_of_sum": w.ravel().tolist(),
        "y": y.detach().numpy().ravel().tolist(), "dx": xt.grad.numpy().ravel().tolist(),
    }


def set_params(layer, w_ih, w_hh, b_ih, b_hh):
    with torch.no_grad():
        layer.weight_ih_l0.copy_(tensor(w_ih))
        layer.weight_hh_l0.copy_(tensor(w_hh))
        layer.bias_ih_l0.copy_(tensor(b_ih))
        layer.bias_hh_l0.copy_(tensor(b_hh))


def keras_gru_to_torch(m):
    """Columns z, r, h (Keras) to rows r, z, n (PyTorch)."""
    z, r, h = m[..., :U], m[..., U:2 * U], m[..., 2 * U:]
    return np.concatenate([r, z, h], axis=-1)


cases = [
    case("SimpleRNN", 1, lambda: torch.nn.RNN(F, U, batch_first=True),
         lambda l, k, r, b: set_params(l, k.T, r.T, b, np.zeros_like(b))),
    case("LSTM", 4, lambda: torch.nn.LSTM(F, U, batch_first=True),
         lambda l, k, r, b: set_params(l, k.T, r.T, b, np.zeros_like(b))),
    case("GRU", 3, lambda: torch.nn.GRU(F, U, batch_first=True),
         lambda l, k, r, b: set_params(l, keras_gru_to_torch(k).T, keras_gru_to_torch(r).T,
                                       keras_gru_to_torch(b[0]), keras_gru_to_torch(b[1]))),
]
with open("src/test/resources/reference/recurrent.json", "w") as f:
    json.dump({"generator": "src/test/python/recurrent_reference.py", "torch": torch.__version__, "cases": cases},
              f, indent=1)
print("wrote", len(cases), "cases")
