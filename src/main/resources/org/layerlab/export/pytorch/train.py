"""Trains the exported network with its LayerLab project's settings, on one process or many.

    python3 train.py                                   # one process (CPU, or the GPU if there is one)
    torchrun --standalone --nproc_per_node=2 train.py  # two processes on this machine
    torchrun --nnodes=2 --nproc_per_node=4 --rdzv_backend=c10d --rdzv_endpoint=HOST:29500 train.py  # a cluster

Reads model.py and model.safetensors (the network and its starting weights), training.json (the
project's training settings, as LayerLab saves them) and data.safetensors (the training and test
data exactly as LayerLab feeds them: encoded, normalized). Writes checkpoint.safetensors, which
LayerLab reads back with File > Import Weights... or `layerlab import-weights PROJECT FILE`.

Under torchrun every process trains a DistributedDataParallel replica on its share of each
epoch (DistributedSampler, reshuffled per epoch); gradients are averaged, so the batch size in
training.json is per process and one step sees world_size times as many samples. Metrics are
summed over all processes; only rank 0 prints and saves. Backend: nccl with CUDA, else gloo.

Keras 3 semantics kept: losses on the output probabilities with Keras' clipping (1e-7), weight
decay decoupled from the gradient as Keras applies it, Keras' optimizer defaults (epsilon 1e-7),
learning-rate schedules per optimizer step, global_clipnorm and clipvalue, early stopping and
reduce-on-plateau on val_loss. Not kept: LayerLab's data augmentation (the data is the
un-augmented training set).
"""
import argparse
import json
import math
import os

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

from model import Model, load_weights

EPSILON = 1e-7


def parse_args():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description="Train the exported LayerLab network.")
    p.add_argument("--epochs", type=int, help="override the project's epochs")
    p.add_argument("--config", default=os.path.join(here, "training.json"))
    p.add_argument("--data", default=os.path.join(here, "data.safetensors"))
    p.add_argument("--weights", default=os.path.join(here, "model.safetensors"))
    p.add_argument("--out", default=os.path.join(here, "checkpoint.safetensors"))
    return p.parse_args()


def save_weights(state, path, metadata):
    """state (name -> tensor) as a .safetensors file, written with numpy alone."""
    header, chunks, offset = {"__metadata__": metadata}, [], 0
    for name, t in state.items():
        data = t.detach().cpu().float().contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path + ".part", "wb") as f:
        f.write(len(text).to_bytes(8, "little"))
        f.write(text)
        for c in chunks:
            f.write(c)
    os.replace(path + ".part", path)


# ---- losses: Keras' formulas, on probabilities unless the project says from_logits ----

def loss_function(spec):
    name, logits = spec["name"], spec.get("from_logits", False)
    smoothing = spec.get("label_smoothing", 0.0)

    def categorical(p, y):
        # Class indices (sparse targets) become one-hot rows of the output's width.
        y = F.one_hot(y[:, 0].long(), p.shape[-1]).float() if y.shape[-1] == 1 else y
        if smoothing:
            y = y * (1 - smoothing) + smoothing / y.shape[-1]
        if logits:
            return -(y * F.log_softmax(p, dim=-1)).sum(-1).mean()
        p = (p / p.sum(-1, keepdim=True)).clamp(EPSILON, 1 - EPSILON)
        return -(y * p.log()).sum(-1).mean()

    def binary(p, y):
        if smoothing:
            y = y * (1 - smoothing) + 0.5 * smoothing
        if logits:
            return F.binary_cross_entropy_with_logits(p, y)
        p = p.clamp(EPSILON, 1 - EPSILON)
        return -(y * p.log() + (1 - y) * (1 - p).log()).mean()

    def focal(p, y):
        gamma, alpha = spec.get("gamma", 2.0), spec.get("alpha", 0.25)
        if smoothing:
            y = y * (1 - smoothing) + 0.5 * smoothing
        p = torch.sigmoid(p) if logits else p.clamp(EPSILON, 1 - EPSILON)
        bce = -(y * p.log() + (1 - y) * (1 - p).log())
        pt = y * p + (1 - y) * (1 - p)
        weight = (1 - pt) ** gamma
        if spec.get("apply_class_balancing", False):
            weight = weight * (y * alpha + (1 - y) * (1 - alpha))
        return (weight * bce).mean()

    def huber(p, y):
        delta, e = spec.get("delta", 1.0), (p - y).abs()
        return torch.where(e <= delta, 0.5 * e ** 2, delta * e - 0.5 * delta ** 2).mean()

    def cosine(p, y):
        return -(F.normalize(p, dim=-1) * F.normalize(y, dim=-1)).sum(-1).mean()

    def hinge(p, y, power):
        y = torch.where(y == 0, -torch.ones_like(y), y)
        return (F.relu(1 - y * p) ** power).mean()

    losses = {
        "mse": lambda p, y: ((p - y) ** 2).mean(),
        "mae": lambda p, y: (p - y).abs().mean(),
        "huber": huber,
        "log_cosh": lambda p, y: (p - y + F.softplus(-2 * (p - y)) - math.log(2)).mean(),
        "binary_crossentropy": binary,
        "binary_focal_crossentropy": focal,
        "categorical_crossentropy": categorical,
        "sparse_categorical_crossentropy": categorical,
        "kl_divergence": lambda p, y: (y.clamp(EPSILON, 1) * (y.clamp(EPSILON, 1) / p.clamp(EPSILON, 1)).log()).sum(-1).mean(),
        "poisson": lambda p, y: (p - y * (p + EPSILON).log()).mean(),
        "hinge": lambda p, y: hinge(p, y, 1),
        "squared_hinge": lambda p, y: hinge(p, y, 2),
        "cosine_similarity": cosine,
    }
    if name not in losses:
        raise SystemExit(f"train.py does not know the loss '{name}'")
    return shaped(losses[name])


def shaped(loss):
    """The loss with flat targets (N, values) compared value by value with an output of another shape: an
    autoencoder's targets are its inputs, flattened, as LayerLab stores them."""
    def compare(p, y):
        return loss(p, as_output(p, y))
    return compare


def as_output(p, y):
    return y.reshape(p.shape) if y.dim() == 2 and p.dim() > 2 and y.shape[1] == p[0].numel() else y


def added_losses(model):
    """The terms layers add to the loss themselves (a VAE's Sampling adds its KL divergence), from the last forward."""
    return sum(getattr(model, "added_losses", {}).values())


# ---- optimizers with Keras' options and defaults ----

def optimizer_for(spec, parameters):
    name, o = spec["name"], spec.get("options", {})
    beta_1, beta_2, eps = o.get("beta_1", 0.9), o.get("beta_2", 0.999), o.get("epsilon", EPSILON)
    lr = learning_rate(spec, 0)
    if name == "sgd":
        return torch.optim.SGD(parameters, lr=lr, momentum=o.get("momentum", 0.0), nesterov=bool(o.get("nesterov", 0)))
    if name == "rmsprop":
        return torch.optim.RMSprop(parameters, lr=lr, alpha=o.get("rho", 0.9), eps=eps, momentum=o.get("momentum", 0.0),
                                   centered=bool(o.get("centered", 0)))
    if name == "adagrad":
        return torch.optim.Adagrad(parameters, lr=lr, eps=eps,
                                   initial_accumulator_value=o.get("initial_accumulator_value", 0.1))
    if name == "adadelta":
        return torch.optim.Adadelta(parameters, lr=lr, rho=o.get("rho", 0.95), eps=eps)
    if name in ("adam", "adamw"):
        # Keras' weight decay is decoupled for every optimizer: applied in step(), not here.
        return torch.optim.Adam(parameters, lr=lr, betas=(beta_1, beta_2), eps=eps, amsgrad=bool(o.get("amsgrad", 0)))
    if name == "adamax":
        return torch.optim.Adamax(parameters, lr=lr, betas=(beta_1, beta_2), eps=eps)
    if name == "nadam":
        return torch.optim.NAdam(parameters, lr=lr, betas=(beta_1, beta_2), eps=eps)
    raise SystemExit(f"train.py has no PyTorch optimizer for '{name}' (PyTorch {torch.__version__} has no Lion):"
                     " choose another optimizer in LayerLab and export again")


def learning_rate(spec, step):
    """The rate at this optimizer step, as the project's Keras schedule gives it."""
    s = spec["learning_rate"]
    if not isinstance(s, dict):
        return s
    kind, initial = s["type"], s.get("initial_learning_rate")
    if kind == "step_decay":
        return initial * s["factor"] ** (step // s["step_size"])
    if kind == "exponential_decay":
        p = step / s["decay_steps"]
        return initial * s["decay_rate"] ** (math.floor(p) if s.get("staircase") else p)
    if kind == "cosine_decay":
        warmup, target = s.get("warmup_steps", 0), s.get("warmup_target", 0)
        if step < warmup:
            return initial + (target - initial) * step / warmup
        peak = target if warmup > 0 else initial
        p = min(step - warmup, s["decay_steps"]) / s["decay_steps"]
        return peak * ((1 - s.get("alpha", 0)) * 0.5 * (1 + math.cos(math.pi * p)) + s.get("alpha", 0))
    if kind == "piecewise_constant_decay":
        for bound, value in zip(s["boundaries"], s["values"]):
            if step <= bound:
                return value
        return s["values"][-1]
    if kind == "polynomial_decay":
        steps, t = s["decay_steps"], step
        if s.get("cycle"):
            steps = steps * (1 if step == 0 else math.ceil(step / s["decay_steps"]))
        else:
            t = min(t, steps)
        return (initial - s["end_learning_rate"]) * (1 - t / steps) ** s["power"] + s["end_learning_rate"]
    raise SystemExit(f"train.py does not know the schedule '{kind}'")


# ---- one process of the run ----

class Run:
    def __init__(self):
        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.distributed = self.world > 1
        self.cuda = torch.cuda.is_available()
        if self.distributed:
            dist.init_process_group("nccl" if self.cuda else "gloo")
        self.rank = dist.get_rank() if self.distributed else 0
        local = int(os.environ.get("LOCAL_RANK", "0"))
        self.device = torch.device(f"cuda:{local}" if self.cuda else "cpu")
        if self.cuda:
            torch.cuda.set_device(self.device)

    def say(self, text):
        if self.rank == 0:
            print(text, flush=True)

    def total(self, values):
        """values summed over every process."""
        t = torch.tensor(values, dtype=torch.float64, device=self.device)
        if self.distributed:
            dist.all_reduce(t)
        return t.tolist()


def evaluate(model, loader, loss_fn, classes, logits):
    """Loss and metric on the whole validation set; every replica holds the same weights, so each computes it alone."""
    model.eval()
    device = next(model.parameters()).device
    loss_sum, correct, count = 0.0, 0.0, 0.0
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            p = model(x)
            loss_sum += (loss_fn(p, y) + added_losses(model)).item() * len(x)
            correct += hits(p, y, classes, logits)
            count += len(x)
    return loss_sum / max(count, 1), correct / max(count, 1)


def hits(p, y, classes, logits):
    """Correct predictions (classification) or the summed absolute error (regression) of a batch."""
    if classes:
        if p.shape[-1] == 1:
            return ((p > (0.0 if logits else 0.5)).float() == y).sum().item()
        target = y[:, 0].long() if y.shape[-1] == 1 else y.argmax(-1)
        return (p.argmax(-1) == target).sum().item()
    return (p - as_output(p, y)).abs().flatten(1).mean(-1).sum().item()


def main():
    args = parse_args()
    run = Run()
    with open(args.config) as f:
        config = json.load(f)
    seed = config.get("seed", 42)
    torch.manual_seed(seed)
    data = load_weights(args.data)
    classes = int(config.get("classes", 0))
    metric = "accuracy" if classes else "mae"
    train = TensorDataset(data["x_train"], data["y_train"])
    split = config.get("validation_split", 0.0)
    if split > 0:
        # As Keras: the last share of the training data, before any shuffling.
        keep = int(len(train) * (1 - split))
        validation = TensorDataset(data["x_train"][keep:], data["y_train"][keep:])
        train = TensorDataset(data["x_train"][:keep], data["y_train"][:keep])
    else:
        validation = TensorDataset(data["x_test"], data["y_test"]) if "x_test" in data else None
    shuffle = config.get("shuffle", True)
    batch = config["batch_size"]
    generator = torch.Generator().manual_seed(seed)
    sampler = DistributedSampler(train, shuffle=shuffle, seed=seed) if run.distributed else None
    loader = DataLoader(train, batch_size=batch, sampler=sampler, shuffle=shuffle and sampler is None, generator=generator)
    checked = None
    if validation is not None and len(validation) > 0:
        checked = DataLoader(validation, batch_size=256)

    model = Model()
    model.load_state_dict(load_weights(args.weights))
    model.to(run.device)
    net = DistributedDataParallel(model, device_ids=[run.device.index] if run.cuda else None) if run.distributed else model
    spec = config["optimizer"]
    optimizer = optimizer_for(spec, net.parameters())
    decay = spec.get("options", {}).get("weight_decay", 0.0)
    loss_fn = loss_function(config["loss"])
    logits = config["loss"].get("from_logits", False)
    epochs = args.epochs or config["epochs"]
    stop, plateau = config.get("early_stopping"), config.get("reduce_lr_on_plateau")
    best, best_state, waited, plateau_best, plateau_wait, cooldown, lr_factor = math.inf, None, 0, math.inf, 0, 0, 1.0
    step = 0
    run.say(f"training on {len(train)} samples, {run.world} process(es) on {run.device}, batch {batch} each")
    for epoch in range(epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)
        net.train()
        loss_sum, correct, count = 0.0, 0.0, 0.0
        for x, y in loader:
            x, y = x.to(run.device), y.to(run.device)
            lr = learning_rate(spec, step) * lr_factor
            for group in optimizer.param_groups:
                group["lr"] = lr
            p = net(x)
            loss = loss_fn(p, y) + added_losses(model)
            optimizer.zero_grad()
            loss.backward()
            if spec.get("global_clipnorm"):
                torch.nn.utils.clip_grad_norm_(net.parameters(), spec["global_clipnorm"])
            if spec.get("clipvalue"):
                torch.nn.utils.clip_grad_value_(net.parameters(), spec["clipvalue"])
            if decay:
                with torch.no_grad():
                    for w in net.parameters():
                        w.mul_(1 - lr * decay)
            optimizer.step()
            step += 1
            loss_sum += loss.item() * len(x)
            correct += hits(p.detach(), y, classes, logits)
            count += len(x)
        loss_sum, correct, count = run.total([loss_sum, correct, count])
        line = f"epoch {epoch + 1}  loss {loss_sum / count:.4f}  {metric} {correct / count:.4f}"
        monitored = loss_sum / count
        if checked is not None:
            val_loss, val_metric = evaluate(model, checked, loss_fn, classes, logits)
            line += f"  val_loss {val_loss:.4f}  val_{metric} {val_metric:.4f}"
            monitored = val_loss
        run.say(line)
        if plateau:
            if monitored < plateau_best - plateau.get("min_delta", 0):
                plateau_best, plateau_wait = monitored, 0
            elif cooldown > 0:
                cooldown -= 1
            else:
                plateau_wait += 1
                if plateau_wait >= plateau["patience"]:
                    floor = plateau.get("min_lr", 0) / max(learning_rate(spec, step), 1e-30)
                    lr_factor, plateau_wait, cooldown = max(lr_factor * plateau["factor"], floor), 0, plateau.get("cooldown", 0)
        if stop:
            if monitored < best - stop.get("min_delta", 0):
                best, waited = monitored, 0
                best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            else:
                waited += 1
                if waited >= stop["patience"]:
                    run.say(f"early stopping after epoch {epoch + 1}")
                    if stop.get("restore_best_weights") and best_state is not None:
                        model.load_state_dict(best_state)
                    break

    if run.distributed:
        flat = torch.cat([w.detach().reshape(-1) for w in model.state_dict().values()]).double()
        high, low = flat.clone(), flat.clone()
        dist.all_reduce(high, op=dist.ReduceOp.MAX)
        dist.all_reduce(low, op=dist.ReduceOp.MIN)
        spread = (high - low).abs().max().item()
        run.say(f"replicas identical across {run.world} processes" if spread == 0
                else f"replicas differ by up to {spread:.3g}")
    if run.rank == 0:
        save_weights(model.state_dict(), args.out, {"epochs": str(epoch + 1), "processes": str(run.world)})
        print(f"saved {args.out}")
    if run.distributed:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
