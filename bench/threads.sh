#!/usr/bin/env bash
# Where a running LayerLab process's processor time goes, thread by thread: the share of one
# core each thread took over SECONDS (from /proc/PID/task/*/stat). Steadier than comparing
# separate runs' speed on a shared machine: e.g. 45 s into a cnn run in the window, the pool's
# worker gets 85-86% of its core with the views on, 91% with them off (--live-views=off) and
# 91% headless (docs/decisions/0004-dashboard-cost.md).
#
# Usage: bench/threads.sh PID [SECONDS]   (default 25; Linux only)
# Find the PID with: pgrep -f '^java .*ui.Launcher'  (the window) or  pgrep -f '^java .*cli.Main train'
set -euo pipefail
pid="$1"
seconds="${2:-25}"
[ -d "/proc/$pid/task" ] || { echo "no process $pid" >&2; exit 1; }
# One line per thread: id, user+system ticks, name (spaces made underscores, for join).
snapshot() {
    for t in /proc/"$pid"/task/*; do
        name=$(tr ' ' '_' <"$t/comm" 2>/dev/null) || continue
        ticks=$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null) || continue
        echo "${t##*/} $ticks $name"
    done | sort
}
before=$(snapshot)
sleep "$seconds"
after=$(snapshot)
hz=$(getconf CLK_TCK)
echo "share of one core over $seconds s, by thread (process $pid):"
join <(echo "$before") <(echo "$after") \
    | awk -v hz="$hz" -v s="$seconds" '{d = $4 - $2; if (d > 0) printf "%6.1f%%  %s\n", 100 * d / hz / s, $3}' \
    | sort -rn
