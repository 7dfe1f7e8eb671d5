"""Runs PyTorch exports against LayerLab's outputs: python3 check_pytorch.py FOLDER...

Each FOLDER holds an export (model.py, model.safetensors) and check.safetensors with an input x
and LayerLab's output y for it, as PyTorchExportTest writes them under target/pytorch-exports.
The model is loaded the way a user would (load_model() from its model.py) and must give y within
1e-5 (relative; absolute below 1). Needs numpy and torch (Debian's python3-torch is enough).
"""
import importlib.util
import os
import sys

import torch

TOLERANCE = 1e-5


def load_module(folder, index):
    spec = importlib.util.spec_from_file_location(f"exported_model_{index}", os.path.join(folder, "model.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check(folder, index):
    module = load_module(folder, index)
    model = module.load_model(os.path.join(folder, "model.safetensors"))
    expected = module.load_weights(os.path.join(folder, "check.safetensors"))
    with torch.no_grad():
        y = model(expected["x"])
    if tuple(y.shape) != tuple(expected["y"].shape):
        return f"shape {tuple(y.shape)}, LayerLab {tuple(expected['y'].shape)}"
    error = ((y - expected["y"]).abs() / expected["y"].abs().clamp(min=1)).max().item()
    return None if error <= TOLERANCE else f"differs from LayerLab by {error:.3g} (relative)"


def main(folders):
    torch.set_num_threads(1)
    failures = 0
    for index, folder in enumerate(folders):
        try:
            problem = check(folder, index)
        except Exception as e:  # a model that does not even run is a failure to report, not a crash
            problem = f"{type(e).__name__}: {e}"
        if problem:
            failures += 1
            print(f"FAIL {folder}: {problem}")
    print(f"{len(folders) - failures} of {len(folders)} PyTorch exports agree with LayerLab (torch {torch.__version__})")
    return 1 if failures or not folders else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
