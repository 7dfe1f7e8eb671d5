"""Alternates LayerLab's `bench` and its PyTorch twin (bench/pytorch_bench.py) in one sitting and
prints, per workload, both medians, the ratio of the medians and the range of the per-round
ratios, with what could have disturbed the run: the processor, the FMA peak measured at the
start and at the end, the foreign load (time the whole machine was busy minus the CPU time
of the benchmarks themselves, from /proc/stat and rusage), and the memory bandwidth just before
each run (`bench --only memory`: this host has spells in which it halves while the other two
stay put).

Usage (from the repository root, after `mvn -B package`; bench/compare.sh sets the BLAS up):
  python3 bench/compare.py [--rounds 3] [--only mlp,cnn,...] [--quick] [--out DIR]
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

WORKLOADS = "xor,mlp,cnn,lstm,transformer,gemm"
TICK = os.sysconf("SC_CLK_TCK")


def busy_seconds():
    """Seconds the whole machine (all cores) spent on anything but idling since boot; steal
    (time the hypervisor gave to other guests) counts as busy: it is lost to us all the same."""
    with open("/proc/stat") as f:
        fields = [int(v) for v in f.readline().split()[1:]]
    idle, iowait = fields[3], fields[4]
    return (sum(fields[:8]) - idle - iowait) / TICK


def own_seconds():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    s = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime + s.ru_utime + s.ru_stime


class Meter:
    """The foreign load over a stretch of time, in cores: 0 on a quiet machine, 1 when another
    program kept one core busy throughout."""
    def __init__(self):
        self.wall, self.busy, self.own = time.monotonic(), busy_seconds(), own_seconds()

    def foreign_cores(self):
        wall = time.monotonic() - self.wall
        foreign = (busy_seconds() - self.busy) - (own_seconds() - self.own)
        return max(0.0, foreign) / max(wall, 1e-9)


def processor():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown"


def run(cmd, json_path, env=None):
    meter = Meter()
    done = subprocess.run(cmd + ["--json", json_path], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True)
    sys.stdout.write(done.stdout)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed with exit code {done.returncode}")
    with open(json_path) as f:
        rows = {r["workload"]: r for r in json.load(f)["results"]}
    return rows, meter.foreign_cores()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--only", default=WORKLOADS)
    ap.add_argument("--quick", action="store_true", help="the small data and short windows: a smoke run")
    ap.add_argument("--out", default="target/compare", help="folder for each run's JSON and the summary")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    quick = ["--quick"] if args.quick else []
    layerlab = ["java", "--add-modules", "jdk.incubator.vector", "-jar", "target/layerlab.jar", "bench"] + quick
    torch_env = dict(os.environ, LD_LIBRARY_PATH="/usr/lib/x86_64-linux-gnu/openblas-openmp",
                     OPENBLAS_CORETYPE="SkylakeX")
    pytorch = ["/usr/bin/python3", "bench/pytorch_bench.py"] + quick

    whole = Meter()
    started = time.strftime("%Y-%m-%d %H:%M")
    peak_start = run(layerlab + ["--only", "fma"], f"{args.out}/peak-start.json")[0]["fma peak"]["figure"]
    ours, theirs, loads, bandwidth = [], [], [], []

    def probe(side, r):
        # The host has spells in which memory runs at half speed and nothing else shows it.
        rows = run(layerlab + ["--only", "memory"], f"{args.out}/memory-{side}{r}.json")[0]
        bandwidth.append((side, r, rows["memory"]["figure"]))

    for r in range(args.rounds):
        probe("L", r + 1)
        print(f"--- round {r + 1} of {args.rounds}: LayerLab", flush=True)
        rows, load = run(layerlab + ["--only", args.only], f"{args.out}/layerlab-{r + 1}.json")
        ours.append(rows)
        loads.append(("LayerLab", r + 1, load))
        probe("P", r + 1)
        print(f"--- round {r + 1} of {args.rounds}: PyTorch", flush=True)
        rows, load = run(pytorch + ["--only", args.only], f"{args.out}/pytorch-{r + 1}.json", torch_env)
        theirs.append(rows)
        loads.append(("PyTorch", r + 1, load))
    peak_end = run(layerlab + ["--only", "fma"], f"{args.out}/peak-end.json")[0]["fma peak"]["figure"]

    summary = []
    for name in ours[0]:
        if name not in theirs[0]:
            continue
        a = [rows[name]["figure"] for rows in ours]
        b = [rows[name]["figure"] for rows in theirs]
        ratios = [x / y for x, y in zip(a, b)]
        entry = {"workload": name, "unit": ours[0][name]["unit"], "layerlab": statistics.median(a),
                 "pytorch": statistics.median(b), "ratio": statistics.median(a) / statistics.median(b),
                 "ratio_low": min(ratios), "ratio_high": max(ratios), "layerlab_rounds": a, "pytorch_rounds": b}
        if "testAccuracy" in ours[0][name] and "testAccuracy" in theirs[0][name]:
            entry["layerlab_accuracy"] = statistics.median(rows[name]["testAccuracy"] for rows in ours)
            entry["pytorch_accuracy"] = statistics.median(rows[name]["testAccuracy"] for rows in theirs)
        summary.append(entry)

    print()
    print(f"{started}, {processor()}, {os.cpu_count()} cores, {args.rounds} rounds alternating LayerLab and PyTorch")
    print(f"fma peak {peak_start:.1f} GFLOP/s at the start, {peak_end:.1f} at the end; foreign load "
          f"{whole.foreign_cores():.2f} cores on average (per run: "
          + ", ".join(f"{who[0]}{r} {load:.2f}" for who, r, load in loads) + ")")
    print("memory bandwidth just before each run, GB/s: "
          + ", ".join(f"{side}{r} {gbs:.0f}" for side, r, gbs in bandwidth))
    print()
    print("| workload | LayerLab (median of rounds) | PyTorch | ratio of medians | per-round ratios |")
    print("|---|---|---|---|---|")
    for e in summary:
        acc = ""
        if "layerlab_accuracy" in e:
            acc = f", {100 * e['layerlab_accuracy']:.1f}% / {100 * e['pytorch_accuracy']:.1f}%"
        print(f"| {e['workload']} | {e['layerlab']:,.0f} {e['unit']} | {e['pytorch']:,.0f}{acc} | "
              f"{e['ratio']:.2f}× | {e['ratio_low']:.2f}–{e['ratio_high']:.2f}× |")
    with open(f"{args.out}/summary.json", "w") as f:
        json.dump({"started": started, "processor": processor(), "rounds": args.rounds,
                   "fma_peak_start": peak_start, "fma_peak_end": peak_end,
                   "foreign_load_cores": whole.foreign_cores(),
                   "foreign_load_per_run": [{"side": w, "round": r, "cores": l} for w, r, l in loads],
                   "memory_bandwidth_before_run": [{"side": w, "round": r, "gb_per_s": g} for w, r, g in bandwidth],
                   "workloads": summary}, f, indent=2)


if __name__ == "__main__":
    main()
