#!/usr/bin/env bash
# What the live dashboard costs training, measured in one process: trains the bench's network on
# full Fashion-MNIST in the window (headless Monocle, software rendering) for SECONDS, turning
# the live views off and on every PHASE seconds (the "Live views" switch), and compares the
# training speed of each stretch with the views on against the stretches with them off on
# either side. Comparing neighbours a few seconds apart cancels the drift of a shared machine,
# which moves 10-50% from minute to minute and swamps a few percent between separate runs
# (bench/window-vs-headless.sh). Stretches ending in the first WARMUP seconds are left out:
# the JIT is still compiling training and drawing code then.
#
# Usage: bench/views-on-off.sh [mlp|cnn] [SECONDS] [PHASE] [WARMUP]   (default: mlp 300 10 60)
# Needs: `mvn -B package` done, dataset-fashion-mnist installed (/usr/share/datasets/fashion-mnist).
set -euo pipefail
cd "$(dirname "$0")/.."
workload="${1:-mlp}"
seconds="${2:-300}"
phase="${3:-10}"
warmup="${4:-60}"
source bench/workload.sh

echo "$workload: views on/off every $phase s for $seconds s in one window; stretches after the first $warmup s"
timeout $((seconds + 60)) java "${java_opts[@]}" org.layerlab.ui.Launcher --screenshot="$work/w.png" \
    --train-for="$seconds" --alternate-views="$phase" --report "$work/project.layerlab" >"$work/window.txt" 2>/dev/null || true
# Pauses over 40 ms and when they came (the last, the exit screenshot's, is not the run's).
pauses=$(grep -o 'window pause of [0-9]* ms, [0-9.]* s' "$work/window.txt" | sed '$d' | awk '{printf "%s ms at %s s; ", $4, $6}')
echo "window pauses over 40 ms: ${pauses:-none}"
python3 - "$work/window.txt" "$warmup" <<'PY'
import random, re, statistics, sys
lines = open(sys.argv[1]).read().splitlines()
warmup = float(sys.argv[2])
phases, t = [], 0.0
for line in lines:
    m = re.match(r"views (on|off) for ([0-9.]+) s: ([0-9,.]+) steps/s", line)
    if m:
        t += float(m.group(2))
        if t > warmup:
            phases.append((m.group(1) == "on", float(m.group(3).replace(",", "")), float(m.group(2))))
ratios, pairs = [], []
for i, (on, speed, _) in enumerate(phases):
    if not on:
        continue
    # The views-off stretches just before and after this one: the machine as it was meanwhile.
    offs = [phases[j][1] for j in (i - 1, i + 1) if 0 <= j < len(phases) and not phases[j][0]]
    if offs and min(offs) > 0:
        ratios.append(speed / statistics.mean(offs))
    if i + 1 < len(phases) and not phases[i + 1][0]:
        pairs.append((phases[i], phases[i + 1]))
if not ratios:
    sys.exit("no stretches to compare: run longer than the warm-up, or with shorter phases")
on = [s for o, s, _ in phases if o]
off = [s for o, s, _ in phases if not o]
print(f"steps/s with the views on: median {statistics.median(on):,.1f} over {len(on)} stretches; "
      f"off: {statistics.median(off):,.1f} over {len(off)}")
rng = random.Random(1)
boot = sorted(statistics.median(rng.choices(ratios, k=len(ratios))) for _ in range(2000))
print(f"on/off ratio: median {statistics.median(ratios):.3f} over {len(ratios)} stretches "
      f"(95% interval of the median {boot[50]:.3f}-{boot[1949]:.3f}; stretches range {min(ratios):.3f}-{max(ratios):.3f})")
# All steps with the views on over all their time, against the same for off: an epoch's
# validation pass (no steps for a second or so) falls into on and off stretches alike, and
# pooling evens it out where a median of single stretches cannot. Interval: pairs resampled.
def pooled(ps):
    return (sum(a[1] * a[2] for a, _ in ps) / sum(a[2] for a, _ in ps)) / (sum(b[1] * b[2] for _, b in ps) / sum(b[2] for _, b in ps))
if pairs:
    boot = sorted(pooled(rng.choices(pairs, k=len(pairs))) for _ in range(2000))
    print(f"on/off ratio pooled: {pooled(pairs):.3f} over {len(pairs)} pairs of stretches "
          f"(95% interval {boot[50]:.3f}-{boot[1949]:.3f})")
PY
