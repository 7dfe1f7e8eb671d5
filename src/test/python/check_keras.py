"""Runs Keras exports against LayerLab's outputs: python check_keras.py FOLDER...

Each FOLDER holds an export (keras_model.py, keras_model.safetensors) and check.safetensors with
an input x and LayerLab's output y, as KerasExportTest writes them under target/keras-exports.
Each model is built and loaded as a user would (load_model() from its script), saved as a .keras
file and loaded back with keras.saving.load_model, and the model.keras LayerLab wrote itself (when
there is one) is loaded by Keras alone: all must give y within 1e-5 (relative; absolute below 1). Needs Keras 3 and a backend (CI: a virtual environment with keras and torch,
KERAS_BACKEND=torch).
"""
import importlib.util
import os
import sys
import tempfile

import numpy as np

TOLERANCE = 1e-5


def load_module(folder, index):
    spec = importlib.util.spec_from_file_location(f"exported_keras_{index}", os.path.join(folder, "keras_model.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def error(y, expected):
    if y.shape != expected.shape:
        return f"shape {y.shape}, LayerLab {expected.shape}"
    worst = float(np.max(np.abs(y - expected) / np.maximum(np.abs(expected), 1)))
    return None if worst <= TOLERANCE else f"differs from LayerLab by {worst:.3g} (relative)"


def check(folder, index, keras):
    module = load_module(folder, index)
    model = module.load_model()
    expected = module.load_arrays(os.path.join(folder, "check.safetensors"))
    problem = error(np.asarray(model.predict(expected["x"], verbose=0)), expected["y"])
    if problem:
        return problem
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "model.keras")
        model.save(path)
        reloaded = keras.saving.load_model(path)
        problem = error(np.asarray(reloaded.predict(expected["x"], verbose=0)), expected["y"])
    if problem:
        return "after a .keras round trip: " + problem
    written = os.path.join(folder, "model.keras")
    if os.path.exists(written):
        WRITTEN.append(folder)
        problem = error(np.asarray(keras.saving.load_model(written).predict(expected["x"], verbose=0)), expected["y"])
        if problem:
            return "LayerLab's model.keras: " + problem
    return None


WRITTEN = []


def main(folders):
    import keras
    failures = 0
    for index, folder in enumerate(folders):
        try:
            problem = check(folder, index, keras)
        except Exception as e:  # a model that does not even build is a failure to report, not a crash
            problem = f"{type(e).__name__}: {e}"
        if problem:
            failures += 1
            print(f"FAIL {folder}: {problem}")
    print(f"{len(folders) - failures} of {len(folders)} Keras exports agree with LayerLab, {len(WRITTEN)} of them also"
          f" through the model.keras LayerLab wrote (keras {keras.__version__}, backend {keras.backend.backend()})")
    return 1 if failures or not folders else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
