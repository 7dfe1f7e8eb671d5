package org.layerlab.export.pytorch;

import org.layerlab.export.core.PythonCode;

/**
 * Python written into model.py only when a layer needs it: the pieces of Keras' semantics that
 * PyTorch has no single call for. Each is plain code a reader can check against the Keras
 * documentation; the exporter adds each at most once, in this order.
 */
enum TorchHelpers {
    LOAD_WEIGHTS(PythonCode.LOAD_WEIGHTS),
    AVERAGE_POOL("""
            def average_pool(x, kernel, stride, pads):
                \"\"\"Keras' average pooling of (N, C, H, W): padding (left, right, top, bottom) is not counted in the mean.\"\"\"
                summed = F.avg_pool2d(F.pad(x, pads), kernel, stride, divisor_override=1)
                ones = torch.ones_like(x[:1, :1])
                counts = F.avg_pool2d(F.pad(ones, pads), kernel, stride, divisor_override=1)
                return summed / counts
            """),
    SAMPLING("""
            def sampling(model, name, mean, log_var, kl_weight):
                \"\"\"LayerLab's Sampling (the Keras VAE example's): kl_weight · KL(N(mean, exp(log_var)) ‖ N(0, 1)), summed
                over a sample's values and averaged over the batch, goes into model.added_losses (train.py adds it to
                the loss); in training the output is a sample mean + exp(log_var / 2) · ε, in evaluation the mean.\"\"\"
                kl = -0.5 * (1 + log_var - mean ** 2 - log_var.exp()).flatten(1).sum(dim=1).mean()
                if not hasattr(model, "added_losses"):
                    model.added_losses = {}
                model.added_losses[name] = kl_weight * kl
                return mean + torch.exp(0.5 * log_var) * torch.randn_like(mean) if model.training else mean
            """),
    MASKED_MEAN("""
            def masked_mean(x, mask):
                \"\"\"GlobalAveragePooling1D over the real steps only (mask 1); a row of padding only gives zeros.\"\"\"
                share = mask / mask.sum(dim=1, keepdim=True).clamp(min=1)
                return (x * share.unsqueeze(-1)).sum(dim=1)
            """),
    MASKED_RECURRENCE("""
            def masked_recurrence(cell, x, mask, backwards, sequences):
                \"\"\"Keras' recurrent layer over padding: at a padding step (mask 0) the state stays as it was and the
                output repeats the last one; backwards reads from the end and returns the steps in reading order.\"\"\"
                h = x.new_zeros(x.shape[0], cell.hidden_size)
                c = x.new_zeros(x.shape[0], cell.hidden_size) if isinstance(cell, nn.LSTMCell) else None
                outputs = []
                for t in (range(x.shape[1] - 1, -1, -1) if backwards else range(x.shape[1])):
                    keep = mask[:, t:t + 1] > 0
                    if c is None:
                        h = torch.where(keep, cell(x[:, t], h), h)
                    else:
                        new_h, new_c = cell(x[:, t], (h, c))
                        h, c = torch.where(keep, new_h, h), torch.where(keep, new_c, c)
                    outputs.append(h)
                return torch.stack(outputs, dim=1) if sequences else h
            """),
    BIDIRECTIONAL("""
            def bidirectional(outputs, units, sequences, merge):
                \"\"\"Keras' Bidirectional output from a PyTorch bidirectional layer's outputs (steps already aligned).\"\"\"
                if sequences:
                    forward, backward = outputs[..., :units], outputs[..., units:]
                else:
                    # The forward copy ends at the last step, the backward copy at the first.
                    forward, backward = outputs[:, -1, :units], outputs[:, 0, units:]
                return merge_directions(forward, backward, merge)

            def merge_directions(forward, backward, merge):
                \"\"\"The two directions joined as Keras' merge_mode says.\"\"\"
                if merge == "concat":
                    return torch.cat([forward, backward], dim=-1)
                if merge == "sum":
                    return forward + backward
                if merge == "mul":
                    return forward * backward
                return (forward + backward) / 2
            """),
    BATCH_NORMALIZATION("""
            class BatchNormalization(nn.Module):
                \"\"\"Keras' BatchNormalization over the last axis (channels last): moving statistics updated with
                Keras' momentum (new = momentum * old + (1 - momentum) * batch) from the biased batch variance.\"\"\"

                def __init__(self, channels, momentum, epsilon, center, scale):
                    super().__init__()
                    self.momentum, self.epsilon = momentum, epsilon
                    self.gamma = nn.Parameter(torch.ones(channels)) if scale else None
                    self.beta = nn.Parameter(torch.zeros(channels)) if center else None
                    self.register_buffer("moving_mean", torch.zeros(channels))
                    self.register_buffer("moving_variance", torch.ones(channels))

                def forward(self, x):
                    if self.training:
                        axes = tuple(range(x.dim() - 1))
                        mean = x.mean(dim=axes)
                        variance = x.var(dim=axes, unbiased=False)
                        with torch.no_grad():
                            self.moving_mean.mul_(self.momentum).add_((1 - self.momentum) * mean)
                            self.moving_variance.mul_(self.momentum).add_((1 - self.momentum) * variance)
                    else:
                        mean, variance = self.moving_mean, self.moving_variance
                    y = (x - mean) * torch.rsqrt(variance + self.epsilon)
                    if self.gamma is not None:
                        y = y * self.gamma
                    return y + self.beta if self.beta is not None else y
            """),
    POSITIONAL_EMBEDDING("""
            class PositionalEmbedding(nn.Module):
                \"\"\"A learned vector per token id plus a learned vector per position (Keras' Transformer examples).\"\"\"

                def __init__(self, sequence_length, vocabulary, dim):
                    super().__init__()
                    self.token_embeddings = nn.Embedding(vocabulary, dim)
                    self.position_embeddings = nn.Embedding(sequence_length, dim)

                def forward(self, ids):
                    positions = torch.arange(ids.shape[1], device=ids.device)
                    return self.token_embeddings(ids) + self.position_embeddings(positions)
            """),
    MULTI_HEAD_ATTENTION("""
            class MultiHeadAttention(nn.Module):
                \"\"\"Keras' MultiHeadAttention: per-head projections of query, key and value, the query scaled by
                1/sqrt(key_dim), softmax over the keys (later positions hidden when causal, padding keys when a
                mask is given), dropout on the weights while training, the heads joined by the output projection.\"\"\"

                def __init__(self, heads, key_dim, value_dim, query_dim, key_features, value_features, output_dim, bias,
                             causal, dropout=0.0):
                    super().__init__()
                    self.heads, self.key_dim, self.value_dim, self.causal = heads, key_dim, value_dim, causal
                    self.dropout = dropout
                    self.query = nn.Linear(query_dim, heads * key_dim, bias=bias)
                    self.key = nn.Linear(key_features, heads * key_dim, bias=bias)
                    self.value = nn.Linear(value_features, heads * value_dim, bias=bias)
                    self.attention_output = nn.Linear(heads * value_dim, output_dim, bias=bias)

                def forward(self, query, value=None, key=None, key_mask=None):
                    value = query if value is None else value
                    key = value if key is None else key
                    n, t, s = query.shape[0], query.shape[1], key.shape[1]
                    q = self.query(query).view(n, t, self.heads, self.key_dim).transpose(1, 2) * (1.0 / math.sqrt(self.key_dim))
                    k = self.key(key).view(n, s, self.heads, self.key_dim).transpose(1, 2)
                    v = self.value(value).view(n, s, self.heads, self.value_dim).transpose(1, 2)
                    scores = q @ k.transpose(-1, -2)
                    if self.causal:
                        later = torch.ones(t, s, dtype=torch.bool, device=scores.device).triu(1)
                        scores = scores.masked_fill(later, float("-inf"))
                    if key_mask is not None:
                        scores = scores - 1e9 * (1 - key_mask[:, None, None, :])
                    weights = torch.softmax(scores, dim=-1)
                    if self.dropout > 0:
                        weights = torch.nn.functional.dropout(weights, self.dropout, self.training)
                    heads = (weights @ v).transpose(1, 2).reshape(n, t, self.heads * self.value_dim)
                    return self.attention_output(heads)
            """);

    private final String code;

    TorchHelpers(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
