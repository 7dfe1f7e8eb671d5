package org.layerlab.export.pytorch;

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
 * The layer kinds the PyTorch export knows, each with its translation. To export a new kind, write its
 * {@link TorchLayer} beside its relatives and list it here; the Input layer is the graph's input and
 * needs no entry.
 */
final class TorchLayers {
    static final Translations<TorchLayer.Context> ALL = new Translations<>(Map.ofEntries(
            Map.entry(Dense.class, TorchCoreLayers.DENSE),
            Map.entry(ActivationLayer.class, TorchCoreLayers.IDENTITY),
            Map.entry(LeakyReLU.class, TorchCoreLayers.LEAKY_RELU),
            Map.entry(ELU.class, TorchCoreLayers.ELU),
            Map.entry(PReLU.class, TorchCoreLayers.PRELU),
            Map.entry(Dropout.class, TorchCoreLayers.DROPOUT),
            Map.entry(SpatialDropout2D.class, TorchCoreLayers.SPATIAL_DROPOUT_2D),
            Map.entry(Flatten.class, TorchCoreLayers.FLATTEN),
            Map.entry(Reshape.class, TorchCoreLayers.RESHAPE),
            Map.entry(BatchNormalization.class, TorchCoreLayers.BATCH_NORMALIZATION),
            Map.entry(LayerNormalization.class, TorchCoreLayers.LAYER_NORMALIZATION),
            Map.entry(MergeLayer.class, TorchCoreLayers.MERGE),
            Map.entry(Concatenate.class, TorchCoreLayers.CONCATENATE),
            Map.entry(Conv2D.class, TorchConvolutionLayers.CONV_2D),
            Map.entry(MaxPooling2D.class, TorchConvolutionLayers.MAX_POOLING_2D),
            Map.entry(AveragePooling2D.class, TorchConvolutionLayers.AVERAGE_POOLING_2D),
            Map.entry(GlobalAveragePooling2D.class, TorchConvolutionLayers.GLOBAL_AVERAGE_POOLING_2D),
            Map.entry(GlobalMaxPooling2D.class, TorchConvolutionLayers.GLOBAL_MAX_POOLING_2D),
            Map.entry(Conv1D.class, TorchConvolutionLayers.CONV_1D),
            Map.entry(MaxPooling1D.class, TorchConvolutionLayers.MAX_POOLING_1D),
            Map.entry(AveragePooling1D.class, TorchConvolutionLayers.AVERAGE_POOLING_1D),
            Map.entry(GlobalAveragePooling1D.class, TorchConvolutionLayers.GLOBAL_AVERAGE_POOLING_1D),
            Map.entry(GlobalMaxPooling1D.class, TorchConvolutionLayers.GLOBAL_MAX_POOLING_1D),
            Map.entry(Embedding.class, TorchSequenceLayers.EMBEDDING),
            Map.entry(PositionalEmbedding.class, TorchSequenceLayers.POSITIONAL_EMBEDDING),
            Map.entry(LSTM.class, TorchSequenceLayers.LSTM_LAYER),
            Map.entry(GRU.class, TorchSequenceLayers.GRU_LAYER),
            Map.entry(SimpleRNN.class, TorchSequenceLayers.SIMPLE_RNN),
            Map.entry(Bidirectional.class, TorchSequenceLayers.BIDIRECTIONAL),
            Map.entry(MultiHeadAttention.class, TorchSequenceLayers.MULTI_HEAD_ATTENTION),
            Map.entry(UpSampling2D.class, TorchConvolutionLayers.UP_SAMPLING_2D),
            Map.entry(Conv2DTranspose.class, TorchConvolutionLayers.CONV_2D_TRANSPOSE),
            Map.entry(ZeroPadding2D.class, TorchCoreLayers.ZERO_PADDING_2D),
            Map.entry(Cropping2D.class, TorchCoreLayers.CROPPING_2D),
            Map.entry(Cropping1D.class, TorchCoreLayers.CROPPING_1D),
            Map.entry(Sampling.class, TorchCoreLayers.SAMPLING),
            Map.entry(RealOrFake.class, TorchCoreLayers.IDENTITY)));

    private TorchLayers() {
    }
}
