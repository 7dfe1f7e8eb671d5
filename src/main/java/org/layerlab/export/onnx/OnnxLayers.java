package org.layerlab.export.onnx;

import java.util.Map;

import org.layerlab.export.core.Translations;

import org.layerlab.nn.layers.ActivationLayer;
import org.layerlab.nn.layers.AveragePooling1D;
import org.layerlab.nn.layers.AveragePooling2D;
import org.layerlab.nn.layers.BatchNormalization;
import org.layerlab.nn.layers.Bidirectional;
import org.layerlab.nn.layers.Concatenate;
import org.layerlab.nn.layers.Conv1D;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Conv2DTranspose;
import org.layerlab.nn.layers.Cropping1D;
import org.layerlab.nn.layers.Cropping2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Dropout;
import org.layerlab.nn.layers.ELU;
import org.layerlab.nn.layers.Embedding;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.GRU;
import org.layerlab.nn.layers.GlobalAveragePooling1D;
import org.layerlab.nn.layers.GlobalAveragePooling2D;
import org.layerlab.nn.layers.GlobalMaxPooling1D;
import org.layerlab.nn.layers.GlobalMaxPooling2D;
import org.layerlab.nn.layers.LSTM;
import org.layerlab.nn.layers.LayerNormalization;
import org.layerlab.nn.layers.LeakyReLU;
import org.layerlab.nn.layers.MaxPooling1D;
import org.layerlab.nn.layers.MaxPooling2D;
import org.layerlab.nn.layers.MergeLayer;
import org.layerlab.nn.layers.MultiHeadAttention;
import org.layerlab.nn.layers.PReLU;
import org.layerlab.nn.layers.PositionalEmbedding;
import org.layerlab.nn.layers.Reshape;
import org.layerlab.nn.layers.RealOrFake;
import org.layerlab.nn.layers.Sampling;
import org.layerlab.nn.layers.SimpleRNN;
import org.layerlab.nn.layers.SpatialDropout2D;
import org.layerlab.nn.layers.UpSampling2D;
import org.layerlab.nn.layers.ZeroPadding2D;

/**
 * The layer kinds the ONNX export knows, each with its translation. To export a new kind, write its
 * {@link OnnxLayer} beside its relatives and list it here; the Input layer is the graph's input and
 * needs no entry. Dropout of every sort is the identity at inference, as in Keras.
 */
final class OnnxLayers {
    static final Translations<OnnxLayer.Context> ALL = new Translations<>(Map.ofEntries(
            Map.entry(Dense.class, CoreLayers.DENSE),
            Map.entry(ActivationLayer.class, CoreLayers.IDENTITY),
            Map.entry(LeakyReLU.class, CoreLayers.LEAKY_RELU),
            Map.entry(ELU.class, CoreLayers.ELU),
            Map.entry(PReLU.class, CoreLayers.PRELU),
            Map.entry(Dropout.class, CoreLayers.IDENTITY),
            Map.entry(SpatialDropout2D.class, CoreLayers.IDENTITY),
            Map.entry(Flatten.class, CoreLayers.FLATTEN),
            Map.entry(Reshape.class, CoreLayers.RESHAPE),
            Map.entry(BatchNormalization.class, CoreLayers.BATCH_NORMALIZATION),
            Map.entry(LayerNormalization.class, CoreLayers.LAYER_NORMALIZATION),
            Map.entry(MergeLayer.class, CoreLayers.MERGE),
            Map.entry(Concatenate.class, CoreLayers.CONCATENATE),
            Map.entry(Conv2D.class, ConvolutionLayers.CONV_2D),
            Map.entry(MaxPooling2D.class, ConvolutionLayers.MAX_POOLING_2D),
            Map.entry(AveragePooling2D.class, ConvolutionLayers.AVERAGE_POOLING_2D),
            Map.entry(GlobalAveragePooling2D.class, ConvolutionLayers.global("ReduceMean", 1, 2)),
            Map.entry(GlobalMaxPooling2D.class, ConvolutionLayers.global("ReduceMax", 1, 2)),
            Map.entry(Conv1D.class, ConvolutionLayers.CONV_1D),
            Map.entry(MaxPooling1D.class, ConvolutionLayers.MAX_POOLING_1D),
            Map.entry(AveragePooling1D.class, ConvolutionLayers.AVERAGE_POOLING_1D),
            Map.entry(GlobalAveragePooling1D.class, ConvolutionLayers.GLOBAL_AVERAGE_POOLING_1D),
            Map.entry(GlobalMaxPooling1D.class, ConvolutionLayers.global("ReduceMax", 1)),
            Map.entry(Embedding.class, SequenceLayers.EMBEDDING),
            Map.entry(PositionalEmbedding.class, SequenceLayers.POSITIONAL_EMBEDDING),
            Map.entry(LSTM.class, SequenceLayers.LSTM_LAYER),
            Map.entry(GRU.class, SequenceLayers.GRU_LAYER),
            Map.entry(SimpleRNN.class, SequenceLayers.SIMPLE_RNN),
            Map.entry(Bidirectional.class, SequenceLayers.BIDIRECTIONAL),
            Map.entry(MultiHeadAttention.class, AttentionLayers.MULTI_HEAD_ATTENTION),
            Map.entry(UpSampling2D.class, ConvolutionLayers.UP_SAMPLING_2D),
            Map.entry(Conv2DTranspose.class, ConvolutionLayers.CONV_2D_TRANSPOSE),
            Map.entry(ZeroPadding2D.class, CoreLayers.ZERO_PADDING_2D),
            Map.entry(Cropping2D.class, CoreLayers.CROPPING_2D),
            Map.entry(Cropping1D.class, CoreLayers.CROPPING_1D),
            // Inference: Sampling gives z_mean, its first input.
            Map.entry(Sampling.class, CoreLayers.IDENTITY),
            Map.entry(RealOrFake.class, CoreLayers.IDENTITY)));

    private OnnxLayers() {
    }
}
