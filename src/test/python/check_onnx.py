"""Runs ONNX's own checker on exported models: python3 check_onnx.py FILE.onnx...

The ONNX Runtime round trip in the Java tests shows an export computes what LayerLab computes;
this shows the file is valid ONNX by the standard's own rules (full_check also runs shape
inference), which other tools than ONNX Runtime rely on. Needs Debian's python3-onnx (1.12, opset <= 17).
"""
import sys

import onnx


def main(paths):
    if not paths:
        print("usage: check_onnx.py FILE.onnx...", file=sys.stderr)
        return 2
    for path in paths:
        model = onnx.load(path)
        onnx.checker.check_model(model, full_check=True)
        opset = max(o.version for o in model.opset_import)
        print(f"ok  {path}  (opset {opset}, {len(model.graph.node)} nodes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
