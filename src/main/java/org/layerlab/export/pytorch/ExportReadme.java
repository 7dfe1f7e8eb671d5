package org.layerlab.export.pytorch;

import org.layerlab.nn.graph.GanChecks;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.RealOrFake;
import org.layerlab.project.Project;

/** The README.md of a PyTorch export: what the files are and how to train them on one machine, several, or a GPU. */
final class ExportReadme {
    private ExportReadme() {
    }

    /** A GAN's export: its generator only, and no training files (LayerLab trains the pair). */
    static String generator(Project project) {
        return """
                # %s: PyTorch export from LayerLab (a GAN's generator)

                | file | what it is |
                |---|---|
                | `model.py` | the generator as an `nn.Module` (`Model`), `load_weights(path)` and `load_model()` |
                | `model.safetensors` | its weights, in PyTorch's layouts under the module's names |

                The discriminator served only the training and is not exported; train the pair in LayerLab
                (`layerlab train`), then export again.

                ```python
                import torch
                from model import load_model
                generator = load_model()                          # evaluation mode, the exported weights
                images = generator(%s)  # 16 images (batch, height, width, channels)
                ```
                """.formatted(project.name(), noise(project));
    }

    /** 16 draws of the generator's noise as a Python expression, of the RealOrFake layer's kind. */
    private static String noise(Project project) {
        String dims = project.graph().nodes().stream().filter(n -> n.spec() instanceof Input)
                .map(n -> ((Input) n.spec()).shape()).findFirst().map(s -> "16, " + s.toString().replaceAll("[()]", ""))
                .orElse("16");
        GraphNode seam = GanChecks.seamOf(project.graph());
        boolean uniform = seam != null && ((RealOrFake) seam.spec()).noise().equals("uniform");
        return uniform ? "torch.rand(" + dims + ") * 2 - 1" : "torch.randn(" + dims + ")";
    }

    static String text(Project project, String noData) {
        String data = noData == null ? "" : """

                **data.safetensors is missing**: %s. Export again from LayerLab where the project's data
                loads, or write it yourself: tensors `x_train`, `y_train` (and `x_test`, `y_test`), float32,
                features as the network's Input takes them, targets as class indices or values.
                """.formatted(noData);
        return """
                # %s: PyTorch export from LayerLab

                | file | what it is |
                |---|---|
                | `model.py` | the network as an `nn.Module` (`Model`), `load_weights(path)` and `load_model()` |
                | `model.safetensors` | its weights (%s), in PyTorch's layouts under the module's names |
                | `train.py` | the project's training, for one process or many (`torchrun`) |
                | `training.json` | the training settings, as the LayerLab project saves them |
                | `data.safetensors` | the training and test data exactly as LayerLab feeds the network |
                %s
                Requires Python 3 with `torch` (1.13 or newer) and `numpy`; the `safetensors` package is not needed.

                ## Use the model

                ```python
                from model import load_model
                model = load_model()            # evaluation mode, the exported weights
                y = model(x)                    # x: float32, batch first, as LayerLab's Input takes it
                ```

                ## Train on one machine

                ```sh
                python3 train.py                                    # one process (the GPU if there is one)
                torchrun --standalone --nproc_per_node=2 train.py   # two processes (CPU cores or GPUs)
                ```

                ## Train on several machines

                Start the same command on every machine, with the first machine's address:

                ```sh
                torchrun --nnodes=2 --nproc_per_node=4 --rdzv_backend=c10d --rdzv_endpoint=HOST:29500 train.py
                ```

                Each process trains a DistributedDataParallel replica on its share of every epoch; gradients
                are averaged, so the batch size in `training.json` is per process (4 machines × 4 processes ×
                batch 32 train on 512 samples per step: raise the learning rate, or lower the batch size, to
                match). With CUDA the processes use NCCL, without it Gloo. Only rank 0 prints and saves.
                At the end the processes check that their weights are identical and say so.

                Without torchrun, set the variables yourself on each process: `MASTER_ADDR`, `MASTER_PORT`,
                `WORLD_SIZE`, `RANK` (and `LOCAL_RANK` for the GPU index). Debian's torch 1.13 on Python 3.11
                has a torchrun that fails while setting up its log files; add
                `--redirects 1 --tee 1 --log_dir logs` to the torchrun command, or start the processes with
                those variables.

                ## Back into LayerLab

                `train.py` writes `checkpoint.safetensors`. In LayerLab: File ▸ Import Weights… on the project,
                or `layerlab import-weights PROJECT checkpoint.safetensors`; the trained weights then show in
                the project's views and `evaluate`.
                """.formatted(project.name().replace("\\n", " "), project.isTrained() ? "trained" : "the initial ones",
                data);
    }
}
