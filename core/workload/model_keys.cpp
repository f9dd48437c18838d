#include "core/workload/model_keys.hpp"

#include <cmath>

#include "core/util/registry.hpp"
#include "core/util/tr.hpp"

namespace scoville {

namespace {

#define SCV_MINT(field) \
    [](const ModelSpec& m) { return static_cast<double>(m.field); }, \
    [](ModelSpec& m, double v) { m.field = static_cast<int>(std::lround(v)); }

std::vector<ModelKey> build() {
    using K = ModelKeyKind;
    const std::string_view shape = SCV_TR("scoville::ModelKeys", "Shape");
    const std::string_view attention = SCV_TR("scoville::ModelKeys", "Attention");
    const std::string_view ffn = SCV_TR("scoville::ModelKeys", "Feed-forward");
    const std::string_view moe = SCV_TR("scoville::ModelKeys", "Mixture of experts");
    const std::string_view mla = SCV_TR("scoville::ModelKeys", "Latent attention (MLA)");
    const std::string_view linear = SCV_TR("scoville::ModelKeys", "Linear attention");
    const std::string_view tokens = SCV_TR("Unit", "tokens");
    std::vector<ModelKey> k;
    auto add = [&](ModelKey key) { k.push_back(std::move(key)); };
    add({"layers", shape, SCV_TR("scoville::ModelKeys", "Layers"), "", K::integer, 1, 10000, {},
         SCV_TR("scoville::ModelKeys", "Transformer blocks (config.json num_hidden_layers)."), SCV_MINT(layers)});
    add({"hidden", shape, SCV_TR("scoville::ModelKeys", "Hidden size"), "", K::integer, 1, 1 << 20, {},
         SCV_TR("scoville::ModelKeys", "Width of the residual stream (hidden_size)."), SCV_MINT(hidden)});
    add({"vocab", shape, SCV_TR("scoville::ModelKeys", "Vocabulary"), tokens, K::integer, 1, 1 << 24, {},
         SCV_TR("scoville::ModelKeys", "Tokens of the vocabulary: the embedding's and the lm_head's rows (vocab_size)."),
         SCV_MINT(vocab)});
    add({"tied_embedding", shape, SCV_TR("scoville::ModelKeys", "LM head tied to the embedding"), "", K::flag, 0, 1, {},
         SCV_TR("scoville::ModelKeys", "The LM head projects with the embedding's table (tie_word_embeddings): its "
                "weights are held once, twice where pipeline stages part the two ends, and counted once."),
         [](const ModelSpec& m) { return m.tied_embedding ? 1.0 : 0.0; },
         [](ModelSpec& m, double v) { m.tied_embedding = v >= 0.5; }});
    add({"max_context", shape, SCV_TR("scoville::ModelKeys", "Context"), tokens, K::integer, 0, 1 << 30, {},
         SCV_TR("scoville::ModelKeys", "Tokens a request may hold, prompt and output (max_position_embeddings); a "
                "longer request is refused. 0: not given."),
         SCV_MINT(max_context)});
    add({"mtp_layers", shape, SCV_TR("scoville::ModelKeys", "MTP modules"), "", K::integer, 0, 16, {},
         SCV_TR("scoville::ModelKeys", "Multi-token-prediction modules the checkpoint holds beside its layers "
                "(num_nextn_predict_layers, mtp_num_hidden_layers): one layer of the model's kind each, with a projection "
                "of 2 x hidden to hidden. Speculative decoding without a draft model drafts with them, and holds their "
                "weights and KV cache. 0: none."),
         SCV_MINT(mtp_layers)});
    add({"heads", attention, SCV_TR("scoville::ModelKeys", "Query heads"), "", K::integer, 1, 1 << 16, {},
         SCV_TR("scoville::ModelKeys", "Attention heads of the queries (num_attention_heads); tensor parallelism splits "
                "them over the chips."),
         SCV_MINT(heads)});
    add({"kv_heads", attention, SCV_TR("scoville::ModelKeys", "KV heads"), "", K::integer, 1, 1 << 16, {},
         SCV_TR("scoville::ModelKeys", "Key-value heads (num_key_value_heads): as many as the query heads for multi-head "
                "attention, fewer for grouped-query attention; it must divide the query heads. The KV cache holds "
                "layers x KV heads x head size x 2 values a token."),
         SCV_MINT(kv_heads)});
    add({"head_dim", attention, SCV_TR("scoville::ModelKeys", "Head size"), "", K::integer, 1, 1 << 16, {},
         SCV_TR("scoville::ModelKeys", "Width of a head (head_dim; hidden size / query heads where a model does not "
                "give it)."),
         SCV_MINT(head_dim)});
    add({"sliding_window", attention, SCV_TR("scoville::ModelKeys", "Local window"), tokens, K::integer, 0, 1 << 30, {},
         SCV_TR("scoville::ModelKeys", "Keys a local-attention layer attends: the last this many tokens (a sliding "
                "window), or its own chunk of this many (Llama 4). 0: every layer attends all its keys."),
         SCV_MINT(sliding_window)});
    add({"sliding_window_every", attention, SCV_TR("scoville::ModelKeys", "Global layer every"), "", K::integer, 0,
         10000, {},
         SCV_TR("scoville::ModelKeys", "With a local window, every n-th layer attends all its keys and the others are "
                "local (gpt-oss: 2, Llama 4: 4). 0: every layer is local."),
         SCV_MINT(sliding_window_every)});
    add({"window_kind", attention, SCV_TR("scoville::ModelKeys", "Window kind"), "", K::choice, 0, 1,
         {"sliding", "chunked"},
         SCV_TR("scoville::ModelKeys", "How a local layer's keys move: sliding, the last tokens; chunked, the tokens of "
                "its own chunk, none at a chunk's start to the whole chunk at its end."),
         [](const ModelSpec& m) { return static_cast<double>(m.window_kind); },
         [](ModelSpec& m, double v) { m.window_kind = static_cast<WindowKind>(std::lround(v)); }});
    add({"rope", attention, SCV_TR("scoville::ModelKeys", "RoPE"), "", K::choice, 0, 1, {"standard", "yarn"},
         SCV_TR("scoville::ModelKeys", "How the queries and keys are rotated: standard (fixed frequencies: the "
                "original, linear, Llama 3 scalings) or YaRN, which some engines' decode kernels leave to a pass of "
                "its own."),
         [](const ModelSpec& m) { return static_cast<double>(m.rope); },
         [](ModelSpec& m, double v) { m.rope = static_cast<RopeKind>(std::lround(v)); }});
    add({"attention_gate", attention, SCV_TR("scoville::ModelKeys", "Attention output gate"), "", K::flag, 0, 1, {},
         SCV_TR("scoville::ModelKeys", "The query projection also makes a sigmoid gate for each element of the attention's "
                "output (Qwen3-Next, Qwen3.5 gated attention): its width doubles."),
         [](const ModelSpec& m) { return m.attention_gate ? 1.0 : 0.0; },
         [](ModelSpec& m, double v) { m.attention_gate = v >= 0.5; }});
    add({"ffn", ffn, SCV_TR("scoville::ModelKeys", "Dense FFN size"), "", K::integer, 0, 1 << 22, {},
         SCV_TR("scoville::ModelKeys", "Intermediate size of the dense layers' feed-forward network (intermediate_size); "
                "unused where every layer is MoE."),
         SCV_MINT(ffn)});
    add({"gated_ffn", ffn, SCV_TR("scoville::ModelKeys", "Gated (SwiGLU)"), "", K::flag, 0, 1, {},
         SCV_TR("scoville::ModelKeys", "Gate, up and down projections (SwiGLU); off: up and down only."),
         [](const ModelSpec& m) { return m.gated_ffn ? 1.0 : 0.0; },
         [](ModelSpec& m, double v) { m.gated_ffn = v >= 0.5; }});
    add({"moe.experts", moe, SCV_TR("scoville::ModelKeys", "Routed experts"), "", K::integer, 0, 1 << 16, {},
         SCV_TR("scoville::ModelKeys", "Experts of an MoE layer a router chooses among. 0: a dense model."),
         SCV_MINT(moe.experts)});
    add({"moe.top_k", moe, SCV_TR("scoville::ModelKeys", "Experts a token"), "", K::integer, 0, 1 << 16, {},
         SCV_TR("scoville::ModelKeys", "Routed experts each token takes (num_experts_per_tok)."), SCV_MINT(moe.top_k)});
    add({"moe.expert_ffn", moe, SCV_TR("scoville::ModelKeys", "Expert FFN size"), "", K::integer, 0, 1 << 22, {},
         SCV_TR("scoville::ModelKeys", "Intermediate size of one expert (moe_intermediate_size)."),
         SCV_MINT(moe.expert_ffn)});
    add({"moe.shared_experts", moe, SCV_TR("scoville::ModelKeys", "Shared experts"), "", K::integer, 0, 1024, {},
         SCV_TR("scoville::ModelKeys", "Experts every token takes besides its routed ones, each of the expert FFN size."),
         SCV_MINT(moe.shared_experts)});
    add({"moe.first_dense_layers", moe, SCV_TR("scoville::ModelKeys", "Leading dense layers"), "", K::integer, 0, 10000,
         {}, SCV_TR("scoville::ModelKeys", "Layers at the start with a dense FFN (DeepSeek-V3: 3)."),
         SCV_MINT(moe.first_dense_layers)});
    add({"moe.every", moe, SCV_TR("scoville::ModelKeys", "MoE layer every"), "", K::integer, 1, 10000, {},
         SCV_TR("scoville::ModelKeys", "After the leading dense layers, every n-th layer is MoE and the others dense "
                "(Llama 4 Maverick: 2)."),
         SCV_MINT(moe.every)});
    add({"moe.latent", moe, SCV_TR("scoville::ModelKeys", "Expert latent width"), "", K::integer, 0, 1 << 20, {},
         SCV_TR("scoville::ModelKeys", "Width the routed experts work in (moe_latent_size: Nemotron 3 Super's LatentMoE): a "
                "layer projects its tokens down to it, sends and runs them there and projects the experts' sum back up. "
                "0: the hidden size."),
         SCV_MINT(moe.latent)});
    add({"moe.routing_alpha", moe, SCV_TR("scoville::ModelKeys", "Routing skew"), "", K::real, 0, 3, {},
         SCV_TR("scoville::ModelKeys", "Power law of the tokens each expert receives, which sets the busiest expert "
                "rank's load (aiconfigurator: 1.01 to 1.2 across models). 0: every expert takes its share."),
         [](const ModelSpec& m) { return m.moe.routing_alpha; }, [](ModelSpec& m, double v) { m.moe.routing_alpha = v; }});
    add({"mla.kv_lora_rank", mla, SCV_TR("scoville::ModelKeys", "KV latent rank"), "", K::integer, 0, 1 << 16, {},
         SCV_TR("scoville::ModelKeys", "Width of the compressed key-value latent the cache holds a token (kv_lora_rank). "
                "0: no latent attention."),
         SCV_MINT(mla.kv_lora_rank)});
    add({"mla.q_lora_rank", mla, SCV_TR("scoville::ModelKeys", "Query latent rank"), "", K::integer, 0, 1 << 20, {},
         SCV_TR("scoville::ModelKeys", "Width of the compressed query (q_lora_rank). 0: uncompressed queries."),
         SCV_MINT(mla.q_lora_rank)});
    add({"mla.qk_nope_head_dim", mla, SCV_TR("scoville::ModelKeys", "Head size without RoPE"), "", K::integer, 0,
         1 << 16, {}, SCV_TR("scoville::ModelKeys", "Part of a query and key head that is not rotated (qk_nope_head_dim)."),
         SCV_MINT(mla.qk_nope_head_dim)});
    add({"mla.qk_rope_head_dim", mla, SCV_TR("scoville::ModelKeys", "RoPE head size"), "", K::integer, 0, 1 << 16, {},
         SCV_TR("scoville::ModelKeys", "Rotated part of a query and key head, shared by the heads in the cache "
                "(qk_rope_head_dim)."),
         SCV_MINT(mla.qk_rope_head_dim)});
    add({"mla.v_head_dim", mla, SCV_TR("scoville::ModelKeys", "Value head size"), "", K::integer, 0, 1 << 16, {},
         SCV_TR("scoville::ModelKeys", "Width of a value head (v_head_dim)."), SCV_MINT(mla.v_head_dim)});
    add({"linear.kind", linear, SCV_TR("scoville::ModelKeys", "Recurrence"), "", K::choice, 0, 1, {"gated_delta", "mamba2"},
         SCV_TR("scoville::ModelKeys", "What a linear-attention layer runs: gated_delta, Gated DeltaNet's delta rule "
                "(Qwen3-Next, Qwen3.5); mamba2, Mamba-2's state-space duality (Nemotron-H, Nemotron 3), whose key heads "
                "are its groups (n_groups), key head size its state size (ssm_state_size) and value heads its SSM heads "
                "(mamba_num_heads, mamba_head_dim)."),
         [](const ModelSpec& m) { return static_cast<double>(m.linear.kind); },
         [](ModelSpec& m, double v) { m.linear.kind = static_cast<LinearKind>(std::lround(v)); }});
    add({"linear.value_heads", linear, SCV_TR("scoville::ModelKeys", "Value heads"), "", K::integer, 0, 1 << 16, {},
         SCV_TR("scoville::ModelKeys", "Heads of a linear-attention layer (Gated DeltaNet: linear_num_value_heads); each "
                "keeps a key head dim x value head dim state per request in place of a KV cache. 0: no linear-attention "
                "layers."),
         SCV_MINT(linear.value_heads)});
    add({"linear.key_heads", linear, SCV_TR("scoville::ModelKeys", "Key heads"), "", K::integer, 0, 1 << 16, {},
         SCV_TR("scoville::ModelKeys", "Query and key heads of a linear-attention layer (linear_num_key_heads); each serves "
                "value heads / key heads value heads."),
         SCV_MINT(linear.key_heads)});
    add({"linear.key_head_dim", linear, SCV_TR("scoville::ModelKeys", "Key head size"), "", K::integer, 0, 1 << 12, {},
         SCV_TR("scoville::ModelKeys", "Width of a linear-attention query and key head (linear_key_head_dim): the state's "
                "rows."),
         SCV_MINT(linear.key_head_dim)});
    add({"linear.value_head_dim", linear, SCV_TR("scoville::ModelKeys", "Value head size"), "", K::integer, 0, 1 << 12,
         {},
         SCV_TR("scoville::ModelKeys", "Width of a linear-attention value head (linear_value_head_dim): the state's "
                "columns."),
         SCV_MINT(linear.value_head_dim)});
    add({"linear.conv_kernel", linear, SCV_TR("scoville::ModelKeys", "Convolution taps"), "", K::integer, 0, 64, {},
         SCV_TR("scoville::ModelKeys", "Taps of the short causal convolution over the queries, keys and values "
                "(linear_conv_kernel_dim); a request keeps the last taps - 1 inputs."),
         SCV_MINT(linear.conv_kernel)});
    add({"linear.full_every", linear, SCV_TR("scoville::ModelKeys", "Full attention every"), "", K::integer, 0, 10000,
         {},
         SCV_TR("scoville::ModelKeys", "With linear-attention layers, every n-th layer attends all its keys with a KV "
                "cache and the others are linear (full_attention_interval; Qwen3-Next: 4). 0: every layer is linear."),
         SCV_MINT(linear.full_every)});
    add({"linear.state_precision", linear, SCV_TR("scoville::ModelKeys", "State format"), "", K::choice, 0, 1,
         {"bf16", "fp32"},
         SCV_TR("scoville::ModelKeys", "The format the model's configuration asks its recurrent state be held in "
                "(mamba_ssm_cache_dtype: Nemotron 3 float32), which engines follow unless the workload says otherwise "
                "(vLLM's mamba_ssm_cache_dtype auto)."),
         [](const ModelSpec& m) { return m.linear.state_fp32 ? 1.0 : 0.0; },
         [](ModelSpec& m, double v) { m.linear.state_fp32 = std::lround(v) == 1; }});
    add({"linear.chunk_tokens", linear, SCV_TR("scoville::ModelKeys", "Scan chunk"), tokens, K::integer, 1, 1024, {},
         SCV_TR("scoville::ModelKeys", "Tokens per chunk of a prompt's chunked scan, which its engines run: within a chunk "
                "the tokens meet as in attention, across chunks through the state (Gated DeltaNet: 64, "
                "flash-linear-attention's kernel; Mamba-2: its config's chunk_size, Nemotron 3: 128)."),
         SCV_MINT(linear.chunk_tokens)});
    return k;
}

}  // namespace

std::span<const ModelKey> model_keys() {
    static const std::vector<ModelKey> keys = build();
    return keys;
}

const ModelKey* find_model_key(std::string_view key) { return find_by_key(model_keys(), key); }

}  // namespace scoville
