#!/usr/bin/env bash
# Training speed with the window's dashboard open versus headless `train`, on full Fashion-MNIST
# (issue #5's target: the window at most 5% slower). Runs window and headless alternately, PAIRS
# times, SECONDS each, and compares the median samples/s of the second half of each run's epochs
# (the first half is the JIT compiling, which is slower in the window: it compiles JavaFX too).
# Alternating matters on a shared machine, whose speed moves by 10-50% from minute to minute.
#
# Usage: bench/window-vs-headless.sh [mlp|cnn] [PAIRS] [SECONDS]   (default: mlp 4 40)
# Needs: `mvn -B package` done, dataset-fashion-mnist installed (/usr/share/datasets/fashion-mnist).
# The window runs headless under Monocle with software rendering, as in the UI tests: a real
# display with a GPU takes less processor time for drawing than this.
set -euo pipefail
cd "$(dirname "$0")/.."
workload="${1:-mlp}"
pairs="${2:-4}"
seconds="${3:-40}"
source bench/workload.sh

# Median samples/s over the second half of the epochs listed on standard input (one figure a line).
late_median() {
    python3 -c '
import statistics, sys
v = [float(x) for x in sys.stdin.read().split()]
late = v[len(v) // 2:]
print(f"{statistics.median(late):.0f} {len(v)}" if late else "0 0")'
}
echo "$workload: window vs headless, $pairs pairs of $seconds s; median samples/s of each run's second half"
ratios=()
for i in $(seq 1 "$pairs"); do
    timeout $((seconds + 60)) java "${java_opts[@]}" org.layerlab.ui.Launcher --screenshot="$work/w.png" \
        --train-for="$seconds" --report "$work/project.layerlab" >"$work/window.txt" 2>/dev/null || true
    w=$(sed -n 's/^window epoch [0-9]*: \([0-9,]*\) samples\/s.*/\1/p' "$work/window.txt" | tr -d , | late_median)
    # Not the last epoch's figure: an epoch ending as the window exits includes the screenshot's pause.
    pause=$(grep -o 'longest pause so far [0-9]* ms' "$work/window.txt" | tail -2 | head -1 | awk '{print $5}')
    cp "$work/project.layerlab" "$work/headless.layerlab"
    h=$(timeout "$seconds" java "${java_opts[@]}" org.layerlab.cli.Main train "$work/headless.layerlab" 2>/dev/null \
        | sed -n 's/^epoch .* \([0-9,]*\) samples\/s.*/\1/p' | tr -d , | late_median || true)
    read -r wm wn <<<"$w"
    read -r hm hn <<<"$h"
    ratio=$(python3 -c "print(f'{$wm / $hm:.3f}' if $hm > 0 else 'nan')")
    ratios+=("$ratio")
    printf 'pair %d: window %8s samples/s (%s epochs, longest pause %s ms)   headless %8s samples/s (%s epochs)   window/headless %s\n' \
        "$i" "$wm" "$wn" "${pause:-?}" "$hm" "$hn" "$ratio"
done
python3 -c "
import statistics
r = [float(x) for x in '${ratios[*]}'.split()]
print(f'median window/headless over {len(r)} pairs: {statistics.median(r):.3f} (pairs range {min(r):.3f}-{max(r):.3f})')"
