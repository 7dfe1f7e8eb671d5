# Shared by the window benchmarks: sourced with $workload set (mlp or cnn). Copies full
# Fashion-MNIST to a temporary folder, writes the bench's network for $workload there as a
# project ($work/project.layerlab) and sets java_opts to run LayerLab's classes from target/
# (the window under Monocle with software rendering, as in the UI tests).
data=/usr/share/datasets/fashion-mnist
[ -f "$data/train-images-idx3-ubyte.gz" ] || { echo "no Fashion-MNIST in $data: apt-get install dataset-fashion-mnist" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data"
cp "$data"/*.gz "$work/data/"
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1 \
    || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="target/classes:$(cat "$work/cp.txt")"

# The bench's networks (BenchWorkloads), written as projects from the bundled CNN sample.
python3 - "$workload" "$work/project.layerlab" <<'PY'
import json, sys
workload, out = sys.argv[1], sys.argv[2]
p = json.load(open("samples/fashion_cnn.layerlab"))
p["dataset"] = {"kind": "idx", "train_images": "data/train-images-idx3-ubyte.gz",
                "train_labels": "data/train-labels-idx1-ubyte.gz",
                "test_images": "data/t10k-images-idx3-ubyte.gz", "test_labels": "data/t10k-labels-idx1-ubyte.gz"}
p.pop("weights", None)
p.pop("history", None)
t = p["training"]
t.update({"epochs": 1000, "batch_size": 64 if workload == "mlp" else 32, "validation_split": 0.0,
          "optimizer": {"name": "adam", "learning_rate": 0.001, "options": {}}})
if workload == "mlp":
    inp = next(n for n in p["nodes"] if n["kind"] == "Input")
    def dense(i, units, act):
        return {"id": i, "name": i, "kind": "Dense", "params": {"units": units, "activation": act},
                "x": inp["x"], "y": 0}
    nodes = [inp, {"id": "flatten", "name": "flatten", "kind": "Flatten", "params": {}, "x": inp["x"], "y": 0},
             dense("hidden", 128, "relu"), dense("out", 10, "softmax")]
    for k, n in enumerate(nodes):
        n["y"] = inp["y"] + 110 * k
    p["nodes"] = nodes
    names = [n["id"] for n in nodes]
    p["edges"] = [{"from": a, "to": b, "port": 0} for a, b in zip(names, names[1:])]
json.dump(p, open(out, "w"), indent=2)
PY

java_opts=(--add-modules jdk.incubator.vector -Dglass.platform=Monocle -Dmonocle.platform=Headless
           -Dprism.order=sw -cp "$cp")
