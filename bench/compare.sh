#!/usr/bin/env bash
# Runs LayerLab's bench and its PyTorch twin back to back on the same data and prints both
# tables and the ratio per workload (LayerLab / PyTorch; above 1 means LayerLab is faster).
# Usage: bench/compare.sh [--quick]   (from the repository root, after `mvn -B package`)
set -euo pipefail
cd "$(dirname "$0")/.."
quick="${1:-}"
# Without Debian's OpenBLAS (openmp build) PyTorch silently runs on the reference BLAS, ten times
# slower on the lstm twin: a comparison against that would flatter LayerLab.
if [ ! -d /usr/lib/x86_64-linux-gnu/openblas-openmp ]; then
  echo "PyTorch would use the reference BLAS: apt-get install libopenblas0-openmp first" >&2
  exit 1
fi
java --add-modules jdk.incubator.vector -jar target/layerlab.jar bench $quick 2>/dev/null | tee /tmp/layerlab-bench.txt
LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OPENBLAS_CORETYPE=SkylakeX \
    /usr/bin/python3 bench/pytorch_bench.py $quick | tee /tmp/pytorch-bench.txt
echo
echo "workload   LayerLab/PyTorch"
python3 - <<'PY'
import re
def rows(path):
    out = {}
    for line in open(path):
        m = re.match(r"^(xor|mlp|cnn|lstm|transformer|gemm \d+)\s+([\d,\.]+)", line)
        if m:
            out[m.group(1)] = float(m.group(2).replace(",", ""))
    return out
ours, theirs = rows("/tmp/layerlab-bench.txt"), rows("/tmp/pytorch-bench.txt")
for k in ours:
    if k in theirs:
        print(f"{k:<10} {ours[k] / theirs[k]:6.2f}x")
PY
