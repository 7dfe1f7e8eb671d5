"""PyTorch twins of LayerLab's bench workloads (PERFORMANCE.md): same networks, batch sizes,
optimizers and data, 2 threads. Prints one line per workload in the same units as `bench`.

Run with the setup PERFORMANCE.md describes, e.g.
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OPENBLAS_CORETYPE=SkylakeX \
      /usr/bin/python3 bench/pytorch_bench.py [--quick] [--data DIR]
"""
import argparse
import gzip
import json
import os
import struct
import time

import numpy as np
import torch
import torch.nn as nn

torch.set_num_threads(2)
torch.manual_seed(1)


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        magic = struct.unpack(">I", f.read(4))[0]
        dims = [struct.unpack(">I", f.read(4))[0] for _ in range(magic & 0xFF)]
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(dims)


def load(base):
    def p(stem):
        return os.path.join(base, stem + ".gz") if os.path.exists(os.path.join(base, stem + ".gz")) else os.path.join(base, stem)
    xtr = torch.from_numpy(read_idx(p("train-images-idx3-ubyte")).copy())
    ytr = torch.from_numpy(read_idx(p("train-labels-idx1-ubyte")).astype(np.int64))
    xte = torch.from_numpy(read_idx(p("t10k-images-idx3-ubyte")).copy())
    yte = torch.from_numpy(read_idx(p("t10k-labels-idx1-ubyte")).astype(np.int64))
    return xtr, ytr, xte, yte


def xor(seconds, count):
    """LayerLab's protocol (BenchWorkloads.xor): steps run until a window of at least `seconds` is
    full, one window untimed, then `count` timed. Returns the median window's steps/s, the slowest
    and the fastest."""
    x = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
    y = torch.tensor([[0.], [1.], [1.], [0.]])
    net = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1), nn.Sigmoid())
    opt = torch.optim.SGD(net.parameters(), lr=0.5)
    loss_fn = nn.MSELoss()
    rates = []
    for window in range(count + 1):
        steps = 0
        start = time.perf_counter()
        while True:
            for _ in range(1000):
                opt.zero_grad()
                loss = loss_fn(net(x), y)
                loss.backward()
                opt.step()
            steps += 1000
            now = time.perf_counter()
            if now - start >= seconds:
                break
        if window > 0:
            rates.append(steps / (now - start))
    rates.sort()
    return rates[len(rates) // 2], rates[0], rates[-1]


def images(data):
    """Fashion-MNIST as float tensors in [0, 1], prepared once outside any timed loop."""
    xtr, ytr, xte, yte = data
    return xtr.float().div_(255).unsqueeze(1), ytr, xte.float().div_(255).unsqueeze(1), yte


def sequences(n, seed):
    """The lstm workload's data, as BenchSequences draws it: the class is the feature (of the
    first ten) with the largest mean over the 64 steps; prepared once, outside the timed loop."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, 64, 32), dtype=np.float32)
    y = x[:, :, :10].sum(axis=1).argmax(axis=1)
    return torch.from_numpy(x), torch.from_numpy(y.astype(np.int64))


class LstmClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(32, 128, batch_first=True)
        self.out = nn.Linear(128, 10)

    def forward(self, x):
        _, (h, _) = self.lstm(x)
        return self.out(h[-1])


def marked_tokens(n, seed):
    """The transformer workload's data, as BenchSequences draws it: random tokens 10..999 with one
    marker token (0..9, the class) at eight random positions."""
    rng = np.random.default_rng(seed)
    x = rng.integers(10, 1000, size=(n, 64))
    y = rng.integers(0, 10, size=n)
    for i in range(n):
        x[i, rng.integers(0, 64, size=8)] = y[i]
    return torch.from_numpy(x.astype(np.int64)), torch.from_numpy(y.astype(np.int64))


class EncoderBlock(nn.Module):
    """Keras' block as LayerLab's bench builds it: post-norm, LayerNormalization epsilon 1e-3, no dropout."""
    def __init__(self):
        super().__init__()
        self.attention = nn.MultiheadAttention(64, 2, batch_first=True)  # head size 32 = Keras key_dim 32
        self.norm1 = nn.LayerNorm(64, eps=1e-3)
        self.ff = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 64))
        self.norm2 = nn.LayerNorm(64, eps=1e-3)

    def forward(self, x):
        a, _ = self.attention(x, x, x, need_weights=False)
        x = self.norm1(a + x)
        return self.norm2(self.ff(x) + x)


class TransformerClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = nn.Embedding(1000, 64)
        self.positions = nn.Parameter(torch.empty(64, 64).uniform_(-0.05, 0.05))
        self.blocks = nn.Sequential(EncoderBlock(), EncoderBlock())
        self.out = nn.Linear(64, 10)

    def forward(self, x):
        return self.out(self.blocks(self.tokens(x) + self.positions).mean(dim=1))


def measure(net, batch, xtr, ytr, xte, yte, seconds, count):
    """LayerLab's protocol (cli/TimedWindows.java): one epoch of the fresh network, then the test
    accuracy; then training goes on through as many epochs as needed while the clock cuts it into
    windows of at least `seconds`: one untimed, then `count` timed. Returns the median window's
    samples/s, the slowest, the fastest, the accuracy and the first epoch's rate."""
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()  # softmax + categorical cross-entropy on logits, as LayerLab fuses them
    n = xtr.shape[0]

    def epoch_batches():
        while True:
            order = torch.randperm(n)
            for i in range(0, n, batch):
                yield order[i:i + batch]

    batches = epoch_batches()
    start = time.perf_counter()
    for _ in range((n + batch - 1) // batch):
        idx = next(batches)
        opt.zero_grad()
        loss_fn(net(xtr[idx]), ytr[idx]).backward()
        opt.step()
    first = n / (time.perf_counter() - start)
    with torch.no_grad():
        accuracy = (net(xte).argmax(1) == yte).float().mean().item()
    rates = []
    window_start, samples = None, 0
    while len(rates) < count + 1:
        idx = next(batches)
        opt.zero_grad()
        loss_fn(net(xtr[idx]), ytr[idx]).backward()
        opt.step()
        now = time.perf_counter()
        if window_start is None:
            window_start = now
            continue
        samples += idx.shape[0]
        if now - window_start >= seconds:
            rates.append(samples / (now - window_start))
            window_start, samples = now, 0
    timed = sorted(rates[1:])
    return timed[len(timed) // 2], timed[0], timed[-1], accuracy, first


def lstm(quick, seconds, count):
    xtr, ytr = sequences(1024 if quick else 8192, 1)
    xte, yte = sequences(2048, 2)
    return measure(LstmClassifier(), 64, xtr, ytr, xte, yte, seconds, count)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--only", default="xor,mlp,cnn,lstm,transformer,gemm")
    ap.add_argument("--json", help="also write the rows to this file, as LayerLab's bench --json does")
    args = ap.parse_args()
    only = set(args.only.split(","))
    seconds, count = (0.3, 3) if args.quick else (2.0, 5)
    base = "samples/data/fashion-mnist-small" if args.quick else args.data
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads")
    rows = []

    def report(name, figure, unit, low=None, high=None, accuracy=None, note=""):
        spread = f"{low:,.0f}-{high:,.0f}" if low is not None else ""
        acc = f"{100 * accuracy:.2f}%" if accuracy is not None else ""
        print(f"{name:<11} {figure:13,.1f} {unit:<10} {spread:<17} {acc:>8}  {note}")
        row = {"workload": name, "figure": figure, "unit": unit}
        if low is not None:
            row.update(low=low, high=high)
        if accuracy is not None:
            row["testAccuracy"] = accuracy
        rows.append(row)

    def trained(name, result):
        rate, low, high, acc, first = result
        report(name, rate, "samples/s", low, high, acc, f"median of {count} windows of >={seconds} s; first epoch {first:,.0f}/s")

    if "xor" in only:
        rate, low, high = xor(seconds, count)
        report("xor", rate, "steps/s", low, high, note=f"median of {count} windows of >={seconds} s")
    if "mlp" in only or "cnn" in only:
        data = images(load(base))
    if "mlp" in only:
        mlp = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
        trained("mlp", measure(mlp, 64, *data, seconds, count))
    if "cnn" in only:
        cnn = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                            nn.MaxPool2d(2), nn.Conv2d(64, 64, 3), nn.ReLU(), nn.Flatten(),
                            nn.Linear(576, 64), nn.ReLU(), nn.Linear(64, 10))
        trained("cnn", measure(cnn, 32, *data, seconds, count))
    if "lstm" in only:
        trained("lstm", lstm(args.quick, seconds, count))
    if "transformer" in only:
        xtr, ytr = marked_tokens(1024 if args.quick else 4096, 1)
        xte, yte = marked_tokens(1024, 2)
        trained("transformer", measure(TransformerClassifier(), 32, xtr, ytr, xte, yte, seconds, count))
    for n in ([] if "gemm" not in only else [256, 1024] if args.quick else [256, 512, 1024, 2048]):
        a = torch.rand(n, n)
        b = torch.rand(n, n)
        # One untimed window, then five sharing the time: median and range, as LayerLab's bench
        # (BenchWorkloads.gemm).
        rates = []
        window = (0.3 if args.quick else 2.0) / 5
        for w in range(6):
            reps = 0
            start = time.perf_counter()
            while time.perf_counter() - start < (max(0.5, window) if w == 0 else window):
                a @ b
                reps += 1
            rates.append(2 * n ** 3 * reps / (time.perf_counter() - start) / 1e9)
        rates = sorted(rates[1:])
        report(f"gemm {n}", rates[2], "GFLOP/s", low=rates[0], high=rates[-1])
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"torch": torch.__version__, "threads": torch.get_num_threads(), "results": rows}, f, indent=2)


if __name__ == "__main__":
    main()
