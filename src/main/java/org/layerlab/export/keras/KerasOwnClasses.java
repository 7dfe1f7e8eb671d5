package org.layerlab.export.keras;

import java.util.Map;

import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.layers.PositionalEmbedding;
import org.layerlab.nn.layers.Sampling;

/**
 * The LayerLab kinds Keras has no layer for, each with the Python class keras_model.py defines
 * for it (registered under the package "layerlab", so model.keras files saved from the script
 * load wherever the class is imported). A new such kind is one entry here.
 */
final class KerasOwnClasses {
    private KerasOwnClasses() {
    }

    /** Not a Keras layer: the class the Keras Transformer examples define. */
    private static final String POSITIONAL_EMBEDDING = """

            @keras.saving.register_keras_serializable(package="layerlab")
            class PositionalEmbedding(layers.Layer):
                \"\"\"A learned vector per token id plus a learned vector per position (Keras' Transformer examples).\"\"\"

                def __init__(self, sequence_length, input_dim, output_dim, **kwargs):
                    super().__init__(**kwargs)
                    self.sequence_length, self.input_dim, self.output_dim = sequence_length, input_dim, output_dim
                    uniform = keras.initializers.RandomUniform(minval=-0.05, maxval=0.05)
                    self.token_embeddings = layers.Embedding(input_dim, output_dim, embeddings_initializer=uniform)
                    self.position_embeddings = layers.Embedding(sequence_length, output_dim, embeddings_initializer=uniform)

                def build(self, input_shape):
                    self.token_embeddings.build(input_shape)
                    self.position_embeddings.build((self.sequence_length,))

                def call(self, ids):
                    positions = keras.ops.arange(keras.ops.shape(ids)[-1])
                    return self.token_embeddings(ids) + self.position_embeddings(positions)

                def get_config(self):
                    return {**super().get_config(), "sequence_length": self.sequence_length, "input_dim": self.input_dim,
                            "output_dim": self.output_dim}

            """;

    /** The Keras VAE example's Sampling, with LayerLab's choices (the mean outside training, the KL weight). */
    private static final String SAMPLING = """

            @keras.saving.register_keras_serializable(package="layerlab")
            class Sampling(layers.Layer):
                \"\"\"z = z_mean + exp(z_log_var / 2) · ε in training, z_mean otherwise; adds kl_weight · KL(N(z_mean,
                exp(z_log_var)) ‖ N(0, 1)), summed over a sample's values and averaged over the batch, to the loss.\"\"\"

                def __init__(self, kl_weight=1.0, **kwargs):
                    super().__init__(**kwargs)
                    self.kl_weight = kl_weight
                    self.seed_generator = keras.random.SeedGenerator(1337)

                def call(self, inputs, training=None):
                    z_mean, z_log_var = inputs
                    axes = list(range(1, len(z_mean.shape)))
                    kl = -0.5 * keras.ops.sum(1 + z_log_var - keras.ops.square(z_mean) - keras.ops.exp(z_log_var), axis=axes)
                    self.add_loss(self.kl_weight * keras.ops.mean(kl))
                    if not training:
                        return z_mean
                    epsilon = keras.random.normal(keras.ops.shape(z_mean), seed=self.seed_generator)
                    return z_mean + keras.ops.exp(0.5 * z_log_var) * epsilon

                def get_config(self):
                    return {**super().get_config(), "kl_weight": self.kl_weight}

            """;

    /** Spec type → the class's source. */
    static final Map<Class<? extends LayerSpec>, String> SOURCES = Map.of(
            PositionalEmbedding.class, POSITIONAL_EMBEDDING,
            Sampling.class, SAMPLING);

    /** Whether keras_model.py defines the class for this layer (named as its kind). */
    static boolean has(LayerSpec spec) {
        return SOURCES.containsKey(spec.getClass());
    }
}
