package org.layerlab.export.core;

/** Python that more than one export writes into its generated code. */
public final class PythonCode {
    /** {@code load_weights(path)}: the float32 tensors of a .safetensors file by name, with numpy and torch. */
    public static final String LOAD_WEIGHTS = """
            def load_weights(path):
                \"\"\"The tensors of a .safetensors file, read with numpy alone (works where the safetensors package is missing).\"\"\"
                with open(path, "rb") as f:
                    size = int.from_bytes(f.read(8), "little")
                    header = json.loads(f.read(size))
                    data = f.read()
                tensors = {}
                for name, info in header.items():
                    if name != "__metadata__":
                        start, end = info["data_offsets"]
                        values = np.frombuffer(data[start:end], dtype=np.float32).reshape(info["shape"])
                        tensors[name] = torch.from_numpy(values.copy())
                return tensors
            """;

    /** The same reader returning numpy arrays (for Keras, whatever its backend). */
    public static final String LOAD_ARRAYS = LOAD_WEIGHTS.replace("torch.from_numpy(values.copy())", "values.copy()")
            .replace("load_weights(path)", "load_arrays(path)");

    private PythonCode() {
    }
}
