#!/usr/bin/env bash
# Alternates LayerLab's bench and its PyTorch twin in one sitting (bench/compare.py) and prints
# per workload both medians, their ratio (above 1: LayerLab is faster) and the per-round spread,
# with the processor, the FMA peak at start and end, the machine's foreign load and the memory
# bandwidth before each run.
# Usage: bench/compare.sh [--rounds N] [--only mlp,cnn,...] [--quick]
#        (from the repository root, after `mvn -B package`)
set -euo pipefail
cd "$(dirname "$0")/.."
# Without Debian's OpenBLAS (openmp build) PyTorch silently runs on the reference BLAS, ten times
# slower on the lstm twin: a comparison against that would flatter LayerLab.
if [ ! -d /usr/lib/x86_64-linux-gnu/openblas-openmp ]; then
  echo "PyTorch would use the reference BLAS: apt-get install libopenblas0-openmp first" >&2
  exit 1
fi
exec python3 bench/compare.py "$@"
