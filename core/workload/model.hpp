#pragma once
// Decoder-only transformer descriptions (dense, GQA/MQA, MoE, MLA) and the serving scenario.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/hw/precision.hpp"
#include "core/util/result.hpp"

namespace scoville {

struct MoeSpec {
    int experts = 0;             // routed experts per MoE layer; 0 = dense model
    int top_k = 0;               // routed experts per token
    int shared_experts = 0;      // always-active experts
    int expert_ffn = 0;          // intermediate size of one expert
    int first_dense_layers = 0;  // leading layers with a dense FFN (DeepSeek-V3: 3)
    int every = 1;               // after those, every n-th layer is MoE, the others dense (Llama 4 Maverick: 2)
    // Latent experts (Nemotron 3 Super's LatentMoE, config moe_latent_size): a layer projects its tokens from the
    // hidden width down to this one, routes and runs its experts on it and projects their sum back up; 0 = the
    // experts take the hidden width. (Shared experts stay on the hidden width.)
    int latent = 0;
    // Routing skew: the power-law exponent of the tokens each expert receives (aiconfigurator's MoE
    // workload model: Qwen3-235B 1.2, DeepSeek-V3 1.01); 0 = not known.
    double routing_alpha = 0;
    // Where routing_alpha is an estimate: its plausible low and high (JSON "routing_alpha_range"), which the
    // results' ranges evaluate the model at (core/sweep/ranges.hpp); 0, 0 = no range.
    double routing_alpha_low = 0, routing_alpha_high = 0;
    [[nodiscard]] bool routing_alpha_ranged() const { return routing_alpha_high > 0; }
    friend bool operator==(const MoeSpec&, const MoeSpec&) = default;
};

struct MlaSpec {
    int q_lora_rank = 0;         // 0 = no MLA
    int kv_lora_rank = 0;
    int qk_nope_head_dim = 0;
    int qk_rope_head_dim = 0;
    int v_head_dim = 0;
    friend bool operator==(const MlaSpec&, const MlaSpec&) = default;
};

// Linear-attention layers (Gated DeltaNet: Qwen3-Next, Qwen3.5). In place of a KV cache that grows with the
// context, each keeps per request a recurrent state of value_heads x key_head_dim x value_head_dim (the delta
// rule's key-value memory, decayed and corrected token by token) and its short causal convolution's last
// conv_kernel - 1 inputs over the queries, keys and values. Its projections: queries and keys of key_heads x
// key_head_dim, values and an output gate of value_heads x value_head_dim, a decay and a write strength per value
// head; then a gated norm and the output projection.
// (Their names in a model file: "linear": {"value_heads": ...}, core/workload/model_keys.cpp.)
// Which recurrence a linear-attention layer runs. gated_delta: Gated DeltaNet's delta rule (Qwen3-Next, Qwen3.5).
// mamba2: Mamba-2's state-space duality (Nemotron-H, Nemotron 3): a scalar decay per head and step, the state
// written with the input's outer product alone (no correction), read by C; its "key heads" are the groups sharing B
// and C (n_groups), the key head size the state size (ssm_state_size), the value heads and their size the SSM heads
// and their width (mamba_num_heads, mamba_head_dim).
// (Their names in a model file: the "linear.kind" key's choices.)
enum class LinearKind : std::uint8_t { gated_delta, mamba2 };

struct LinearAttentionSpec {
    LinearKind kind = LinearKind::gated_delta;
    int value_heads = 0;      // linear_num_value_heads; 0 = no linear-attention layers
    int key_heads = 0;        // linear_num_key_heads (a key head serves value_heads / key_heads value heads)
    int key_head_dim = 0;     // linear_key_head_dim
    int value_head_dim = 0;   // linear_value_head_dim
    int conv_kernel = 0;      // linear_conv_kernel_dim
    int full_every = 0;       // every n-th layer is full attention, the rest linear (full_attention_interval: 4); 0 = all linear
    // The state's format the model's configuration asks of an engine (mamba_ssm_cache_dtype float32: Nemotron-H,
    // Nemotron 3), which engines follow unless told otherwise (vLLM's mamba_ssm_cache_dtype auto); else 16 bits.
    bool state_fp32 = false;
    // Tokens per chunk of a prompt's chunked scan: flash-linear-attention's chunk_gated_delta_rule takes 64, which
    // vLLM and SGLang run for Gated DeltaNet; a Mamba-2 model's engines take its config's chunk_size.
    int chunk_tokens = 64;
    [[nodiscard]] double key_dim() const { return static_cast<double>(key_heads) * key_head_dim; }
    [[nodiscard]] double value_dim() const { return static_cast<double>(value_heads) * value_head_dim; }
    // Channels of the causal convolution: queries, keys and values.
    [[nodiscard]] double conv_dim() const { return 2.0 * key_dim() + value_dim(); }
    friend bool operator==(const LinearAttentionSpec&, const LinearAttentionSpec&) = default;
};

// Weights by where they sit in a deployment (counts, not bytes).
struct ParameterCounts {
    double attention = 0;       // projections of every layer
    double dense_ffn = 0;       // FFNs of the dense layers
    double routed_experts = 0;  // every routed expert of every MoE layer
    double shared_experts = 0;
    double routers = 0;
    double latent_projections = 0;  // latent experts' projections down to their width and back (MoeSpec::latent)
    double embedding = 0;
    double lm_head = 0;
    double norms = 0;
    [[nodiscard]] double total() const {
        return attention + dense_ffn + routed_experts + shared_experts + routers + latent_projections + embedding +
               lm_head + norms;
    }
};

// A local-attention layer's keys: the last `sliding_window` tokens (sliding: Mistral, gpt-oss), or the
// tokens of its own chunk of `sliding_window` (chunked: Llama 4's attention_chunk_size), from none at a
// chunk's start to the whole chunk at its end, half of it on average.
// (Their names in a model file: the "window_kind" key's choices, core/workload/model_keys.cpp.)
enum class WindowKind : std::uint8_t { sliding, chunked };

// How the model rotates its queries and keys: a RoPE whose frequencies are fixed per dimension before the
// run (the original, linear, Llama 3's and LongRoPE scalings), which an engine's attention kernel may apply
// itself, or YaRN (gpt-oss, DeepSeek-V3: config rope_scaling type "yarn"), which some kernels leave to a
// kernel of their own.
// (Their names: the "rope" key's choices.)
enum class RopeKind : std::uint8_t { standard, yarn };

struct ModelSpec {
    std::string id;
    std::string name;
    std::string source;
    int layers = 0;
    int hidden = 0;
    int heads = 0;
    int kv_heads = 0;            // == heads: MHA; 1: MQA; otherwise GQA
    int head_dim = 0;
    int ffn = 0;                 // intermediate size of the dense FFN
    bool gated_ffn = true;       // SwiGLU: gate + up + down
    int vocab = 0;
    // The LM head projects with the embedding's table (config.json tie_word_embeddings): one table in memory, two
    // where pipeline stages part them (the first stage looks tokens up, the last projects).
    bool tied_embedding = false;
    int sliding_window = 0;      // tokens; 0 = full attention everywhere
    int sliding_window_every = 0;  // every n-th layer is full attention, the rest sliding (gpt-oss: 2)
    WindowKind window_kind = WindowKind::sliding;  // JSON "window_kind": how the local layers' window moves
    int max_context = 0;         // tokens a request may hold, prompt and output (max_position_embeddings); 0 = not given
    // Multi-token-prediction modules the checkpoint holds beside its layers (DeepSeek-V3's num_nextn_predict_layers,
    // Qwen3-Next's mtp_num_hidden_layers, Nemotron 3 Super's mtp_hybrid_override_pattern): each one layer of the model's
    // kind fed through a projection of the hidden state and the next token's embedding (2 x hidden to hidden), with the
    // embedding and LM head of the model. Not in its parameter counts; held and run where speculative decoding drafts
    // with them (no draft model). 0: none.
    int mtp_layers = 0;
    RopeKind rope = RopeKind::standard;  // JSON "rope"
    // One block a layer, in Nemotron-H's notation (config.json hybrid_override_pattern): 'M' a linear-attention
    // mixer (ModelSpec::linear), '*' an attention mixer, '-' a dense FFN, 'E' an MoE FFN; as many characters as
    // layers. Empty: every layer an attention (or linear-attention) mixer and an FFN, as the other keys say.
    std::string layer_pattern;
    // Full attention's output gate (Qwen3-Next, Qwen3.5 "gated attention"): the query projection also makes a
    // sigmoid gate for each element of the attention's output, twice its width.
    bool attention_gate = false;
    MoeSpec moe;
    MlaSpec mla;
    LinearAttentionSpec linear;
    friend bool operator==(const ModelSpec&, const ModelSpec&) = default;

    [[nodiscard]] bool is_moe() const { return moe.experts > 0; }
    // The width the routed experts take and give: the latent one, or the hidden size.
    [[nodiscard]] double expert_width() const { return moe.latent > 0 ? moe.latent : hidden; }
    [[nodiscard]] bool is_mla() const { return mla.kv_lora_rank > 0; }
    [[nodiscard]] bool has_linear_attention() const { return linear.value_heads > 0; }
    // Local layers that attend their own chunk (Llama 4), not a sliding window.
    [[nodiscard]] bool has_chunked_attention() const {
        return sliding_window > 0 && window_kind == WindowKind::chunked;
    }
    [[nodiscard]] double parameters() const;         // total weights (count)
    [[nodiscard]] double active_parameters() const;  // per token
    [[nodiscard]] ParameterCounts parameter_counts() const;
    [[nodiscard]] int moe_layer_count() const;
    // Whether `layer` (from 0) is a linear-attention layer: every layer of a model with them but each
    // linear.full_every-th (Qwen3-Next: layers 3, 7, 11, ... attend fully), or its pattern's 'M' layers.
    [[nodiscard]] bool is_linear_layer(int layer) const;
    [[nodiscard]] int linear_layer_count() const;
    [[nodiscard]] bool has_layer_pattern() const { return !layer_pattern.empty(); }
    // Whether `layer` has a mixer (attention or linear attention) and an FFN: both, unless a layer pattern gives
    // it one block.
    [[nodiscard]] bool has_mixer(int layer) const;
    [[nodiscard]] bool has_ffn(int layer) const;
    // Layers whose mixer is attention with a KV cache (full or local).
    [[nodiscard]] int attention_layer_count() const;
    // Layers with a dense FFN.
    [[nodiscard]] int dense_ffn_layer_count() const;
};

enum class PhaseSelect { both, prefill, decode };

// How an engine holds a request's KV cache: reserve its final length when admitting it
// (TensorRT-LLM's default GUARANTEED_NO_EVICT), or page it in as tokens are made (vLLM;
// TensorRT-LLM MAX_UTILIZATION), so memory holds the requests' current contexts.
enum class KvAllocation { reserve, on_demand };
std::string_view to_string(KvAllocation a);
std::optional<KvAllocation> parse_kv_allocation(std::string_view s);

// How an offline run's batch comes about. best: the batch (requests in flight) with the highest
// throughput within memory and the engine's limits, as a tuned deployment would pick it. fill: the
// engine admits queued requests until memory or its max_batch stops it, as TensorRT-LLM and vLLM
// schedulers do under a full queue; a throughput peak below that limit is not sought. A server's
// requests in flight follow from its arrival rate either way.
enum class Admission { best, fill };
std::string_view to_string(Admission a);
std::optional<Admission> parse_admission(std::string_view s);

// Where an engine runs the prompts of arriving requests. mixed: in chunks inside the decode steps,
// within the token budget (chunked prefill: TensorRT-LLM in-flight batching, vLLM V1, SGLang);
// separate: in steps of their own, which pause every decode (vLLM V0 with enable_chunked_prefill
// off): whenever requests wait at the end of a scheduling block, one step prefills them all.
enum class PrefillSteps { mixed, separate };
std::string_view to_string(PrefillSteps p);
std::optional<PrefillSteps> parse_prefill_steps(std::string_view s);

// How the tokens of several attention ranks reach the expert-parallel ranks of an MoE layer and come
// back. allgather: every rank gathers every token of the group (an all-gather, quantised as the
// experts' inputs), runs the MoE op on all of them and returns the sums by a reduce-scatter (bf16):
// TensorRT-LLM on 8-GPU nodes, vLLM. alltoall: only the rows routed to a rank's experts travel, there
// and back (DeepEP; TensorRT-LLM on NVL72-class domains). automatic: the engines' rule
// (moe_dispatch_for, core/perf/lower.hpp).
enum class MoeDispatch { automatic, allgather, alltoall };
std::string_view to_string(MoeDispatch d);
std::optional<MoeDispatch> parse_moe_dispatch(std::string_view s);

// The format of a linear-attention layer's state: the model's (LinearAttentionSpec::state_fp32), or 16 or 32 bits.
// (Their names: the workload key state_precision's choices, "model", "bf16", "fp32".)
enum class StateFormat : std::uint8_t { model, bf16, fp32 };

// Measured request lengths as quantiles: at probability p, a share p of the requests are at most
// `tokens` long. Probabilities rise strictly within (0, 1), lengths do not fall.
struct LengthQuantile {
    double p = 0, tokens = 0;
    friend bool operator==(const LengthQuantile&, const LengthQuantile&) = default;
};
using LengthQuantiles = std::vector<LengthQuantile>;
inline constexpr size_t kMaxLengthQuantiles = 64;
// "p:tokens" pairs separated by spaces, commas or semicolons ("0.01:23 0.5:251 0.99:922"); errors name `key`.
Result<LengthQuantiles> parse_length_quantiles(std::string_view text, std::string_view key);
// Probabilities rising strictly within (0, 1), lengths of 1 to 1e7 tokens not falling, 2 to 64 of them
// (or none); the message names `key` and the pair.
Status validate_length_quantiles(const LengthQuantiles& q, std::string_view key);
std::string to_string(const LengthQuantiles& q);  // the same form, space-separated; "" when empty
// The distribution the quantiles give: its quantile function log-linear between them and held beyond the
// first and the last (an atom at each end). Its mean, its spread (standard deviation / mean), the share of
// lengths above x and the mean excess E[(L - x)+], all in the quantiles' own tokens. (At least two quantiles.)
double quantiles_at(const LengthQuantiles& q, double p);  // the quantile function: the length at probability p
double quantiles_mean(const LengthQuantiles& q);
double quantiles_spread(const LengthQuantiles& q);
double quantiles_above(const LengthQuantiles& q, double x);
double quantiles_excess(const LengthQuantiles& q, double x);

struct Scenario {
    int batch = 1;               // requests in flight per replica (per pipeline micro-batch); 0 = auto
    int input_len = 1024;        // prompt tokens per request
    int output_len = 256;        // generated tokens per request
    // Spread of the request mix: coefficient of variation (standard deviation / mean) of the prompt
    // and output lengths over the requests; 0 = every request has the mean lengths. input_len and
    // output_len are the means. (MLPerf OpenOrca and Mixtral sets: ~0.77 and ~0.79.)
    double input_len_cv = 0.0;
    double output_len_cv = 0.0;
    // The output lengths' measured shape, when known: its quantiles, scaled to the mean output_len, stand
    // for the lengths in place of the lognormal of output_len_cv: the spread of the time per output token
    // (each request's steps, the end of its multi-step block), the requests' mean context in flight and
    // the end of a finite run. Empty = the lognormal.
    LengthQuantiles output_len_quantiles;
    Precision weight_precision = Precision::bf16;
    // Share of the weights (and of each weight GEMM's FLOPs) kept at 16 bits where the weight precision
    // is narrower: a mixed-precision checkpoint (ModelOpt auto_quantize with effective_bits 8.75 over
    // fp8 and 16-bit layers keeps (8.75 - 8) / 8 = 9.4 % of them at 16 bits). 0 = none.
    double weights_16bit_share = 0.0;
    Precision activation_precision = Precision::bf16;  // GEMM compute precision
    Precision kv_precision = Precision::bf16;
    int chips = 1;               // total; a replica spans tp x attention_dp x pp chips
    // Parallelism; 0 = auto (the best throughput within the limits, shown in the result).
    int tp = 1;                  // tensor-parallel degree of attention and dense layers
    int pp = 1;                  // pipeline stages
    int ep = 1;                  // expert-parallel degree (divides tp x attention_dp)
    int attention_dp = 1;        // attention data-parallel ranks (each its own requests; MoE spans them)
    // The engine (continuous batching with chunked prefill, TensorRT-LLM / vLLM style).
    int max_tokens_per_step = 8192;  // token budget of one step per attention rank (TensorRT-LLM max_num_tokens)
    int max_batch = 2048;            // requests in flight per attention rank (TensorRT-LLM max_batch_size)
    KvAllocation kv_allocation = KvAllocation::reserve;
    Admission admission = Admission::best;  // offline batch: best throughput, or filled to the limits
    // Host (CPU) time per step and request the GPU waits for: scheduling, sampling and request
    // bookkeeping of the engine's loop (vLLM V1: ~1 us; TensorRT-LLM PyTorch backend: ~9 us).
    double host_us_per_request = 1.0;
    // Share of host_us_per_request the loop spends walking every request the engine holds rather than
    // the micro-batch it steps (its scheduler and response handling: TensorRT-LLM's PyTorch executor
    // runs _schedule and _handle_responses over all active requests every iteration). It tells only over
    // pipeline stages, where a rank holds pp micro-batches and runs pp iterations a step. 0.59 is an
    // estimate fitted to one measured row (TensorRT-LLM perf-overview, Llama 3.3 70B FP4 over 8 RTX PRO
    // 6000 stages at 128/2048), range 0.4 to 0.8.
    double host_active_share = 0.59;
    // Host time per request and step to hand the step's token to a streaming client (a response per
    // request per step), paid where the clients stream: a server, whose latency limits presume it
    // (TTFT is the first streamed token); offline runs return whole responses. NVIDIA's and AMD's
    // MLPerf harnesses stream in every scenario but Offline: ~15 us (NVIDIA's own v5.1 Interactive
    // runs, with host_ms_per_step); 0 = the engine hands tokens over off the step's path.
    double stream_us_per_token = 0.0;
    // Host time per step the chips wait for whatever the batch: the loop of an engine that neither
    // replays the step from a CUDA graph nor overlaps its scheduling with the step (TensorRT-LLM's
    // C++ executor as NVIDIA's MLPerf harness runs it, use_graphs off: ~6.5 ms beside its streamed tokens;
    // vLLM with enforce_eager in AMD's: ~4.9 ms); 0 = hidden.
    double host_ms_per_step = 0.0;
    // Steps in a scheduling block: new requests join the batch only between blocks, and a block hands
    // its tokens back at its end (vLLM num_scheduler_steps, multi-step scheduling); 1 = at every step,
    // as TensorRT-LLM does.
    int admit_every_steps = 1;
    PrefillSteps prefill_steps = PrefillSteps::mixed;
    // Attention data-parallel ranks take their prompt chunks in the same steps (TensorRT-LLM's
    // attention_dp_config enable_balance). Off, its default: each rank schedules its own prompts, and the
    // MoE layers' exchange makes every step wait for its slowest rank, so a step in which any rank runs a
    // chunk takes a chunk step's time.
    bool attention_dp_balance = false;
    // A chunked-attention model's local layers (window_kind chunked) attend only their own chunk in prompts;
    // in decode the engine attends the whole context where this is set (chunked attention in prompts only, as
    // TensorRT-LLM's docs/source/features/long-sequence.md describes it and its kernels ran it before 0.21),
    // else the chunk there too.
    bool chunked_decode_full = false;
    // What a chunked local layer's KV cache keeps of a request's context: its current chunk only, where this
    // is unset (vLLM V1 frees the chunks before it), or every token (TensorRT-LLM, whose cache manager keeps
    // the whole context on every layer). Decodes that attend the whole context (chunked_decode_full) need it
    // all kept whatever this says.
    bool chunked_kv_whole = false;
    // The LM head, the token embedding and an MoE model's routers run and are held in the weights' format
    // where this is set; else at 16 bits (bf16), as quantisation tools leave them: ModelOpt's recipes disable
    // their quantizers (modelopt/torch/quantization/config.py, _default_disabled_quantizer_cfg: *lm_head*,
    // *router*), and AMD Quark's checkpoints list lm_head under "exclude".
    bool lm_head_as_weights = false;
    // Linear-attention layers (ModelSpec::linear): the format the recurrent state is held in: the model's
    // (linear.state_fp32, as vLLM's mamba_ssm_cache_dtype auto follows the model's config), or 16 or 32 bits
    // whatever it says (vLLM's mamba_ssm_cache_dtype float32, llama.cpp: 32). The convolution's inputs are held at
    // 16 bits either way.
    StateFormat state_format = StateFormat::model;
    // Linear-attention layers: tokens per chunk of a prompt's chunked scan; 0 = the model's (linear.chunk_tokens).
    int linear_chunk_tokens = 0;
    // The engine's own all-reduce kernels (one-shot, two-shot) take messages up to this size, its
    // workspace (TensorRT-LLM: 16 MB at TP <= 2, 8 MB above; vLLM: 8 MiB); larger ones go to the vendor
    // library (NCCL, RCCL), which pays link.library_latency_us per call and its pipeline window.
    double custom_allreduce_mb = 8.0;
    // The run's length: requests issued at once and served to the last (a benchmark such as
    // trtllm-bench or an MLPerf offline run); the throughput counts the tail in which the batch
    // drains. 0 = a steady stream without end.
    int requests = 0;
    // Speculative decoding: spec_tokens drafts per step, each accepted with probability spec_accept
    // (independently, until the first rejection); drafts from draft_model, or from MTP modules of
    // the target when draft_model is empty.
    int spec_tokens = 0;
    double spec_accept = 0.0;
    std::string draft_model;
    // Mixture of experts: the busiest expert-parallel rank's routed tokens / the mean (1 = balanced);
    // 0 = from the model's routing skew at the step's expert parallelism and tokens
    // (busiest_expert_rank_load).
    double expert_imbalance = 0;
    // Mixture of experts: bytes each routed copy of a token moves per hidden element outside the
    // expert GEMMs (expand into expert order, activation quantisation and its scales, the weighted
    // sum back into token order); 0 = the default for the GEMM precision (moe_pair_bytes_default). (Latent experts'
    // rows are of their latent width, ModelSpec::expert_width.)
    double moe_pair_bytes = 0.0;
    // Mixture of experts: tokens per tile of the grouped expert GEMMs, the most a kernel takes (an expert's
    // rows fill whole tiles: the last one of each expert is part empty); 0 = rows fill the tiles exactly.
    int moe_tile_tokens = 128;
    // Mixture of experts over several attention ranks: how tokens reach the experts and come back.
    MoeDispatch moe_dispatch = MoeDispatch::automatic;
    // Fraction of each layer's collective time hidden behind its other ops (0: engines run the
    // tensor-parallel all-reduce between GEMMs; ~0.5-0.9 with two-batch overlap or fused kernels).
    double comm_overlap = 0.0;
    // Prefill/decode disaggregation: chips of each pool (0 and 0: one pool does both); the prefill
    // pool may use another chip (an id or file; empty: the same chip).
    int prefill_chips = 0;
    int decode_chips = 0;
    std::string prefill_chip;
    // The prefill pool's own degrees of parallelism (a disaggregated scenario alone); 0 = shared: the pool
    // takes tp, pp, ep and attention_dp above, given or auto, as the decode pool does.
    int prefill_tp = 0;
    int prefill_pp = 0;
    int prefill_ep = 0;
    int prefill_attention_dp = 0;
    std::optional<double> ttft_slo_s;  // p99 time to first token limit
    std::optional<double> tpot_slo_s;  // p99 time per output token limit
    friend bool operator==(const Scenario&, const Scenario&) = default;

    // The output lengths' spread: the measured quantiles' when given, else output_len_cv.
    [[nodiscard]] double output_spread() const {
        return output_len_quantiles.size() >= 2 ? quantiles_spread(output_len_quantiles) : output_len_cv;
    }
    [[nodiscard]] bool disaggregated() const { return prefill_chips != 0 || decode_chips != 0; }
    // Any of the prefill pool's own degrees given.
    [[nodiscard]] bool prefill_degrees_given() const {
        return prefill_tp > 0 || prefill_pp > 0 || prefill_ep > 0 || prefill_attention_dp > 0;
    }
    // The scenario the prefill pool's deployment is chosen in: tp, pp, ep and attention_dp the pool's own where
    // given.
    [[nodiscard]] Scenario prefill_pool_degrees() const {
        Scenario p = *this;
        if (prefill_tp > 0) p.tp = prefill_tp;
        if (prefill_pp > 0) p.pp = prefill_pp;
        if (prefill_ep > 0) p.ep = prefill_ep;
        if (prefill_attention_dp > 0) p.attention_dp = prefill_attention_dp;
        return p;
    }
    [[nodiscard]] bool has_limits() const { return ttft_slo_s.has_value() || tpot_slo_s.has_value(); }
    // An offline benchmark run: `requests` issued at once and served to the last (a server's requests
    // arrive at a rate whatever the run's length).
    [[nodiscard]] bool offline_run() const { return requests > 0 && !has_limits(); }
    // The engine's host time per request and step the chips wait for in this run: its bookkeeping,
    // and a server's streamed token.
    [[nodiscard]] double request_host_us() const {
        return host_us_per_request + (has_limits() ? stream_us_per_token : 0.0);
    }
    // Whether a loop iteration walks the requests held beyond those it steps (they cost it host time).
    [[nodiscard]] bool loop_walks_held_requests() const { return host_active_share > 0 && host_us_per_request > 0; }
    // The host time of one loop iteration over a micro-batch of `requests` (one attention rank's), us,
    // with pp micro-batches held: what the requests it steps cost, and the walk over the other pp - 1
    // micro-batches' requests. A step runs pp iterations on every rank.
    [[nodiscard]] double iteration_host_us(double requests, int pp) const {
        const double walked = host_us_per_request * host_active_share * (pp - 1);
        return host_ms_per_step * 1e3 + requests * (request_host_us() + walked);
    }
};

// What a scenario runs a model's linear-attention layers with: their state at 32 bits, and tokens per chunk of a
// prompt's scan (the scenario's where it says, else the model's).
bool state_fp32_used(const ModelSpec& model, const Scenario& scenario);
int linear_chunk_used(const ModelSpec& model, const Scenario& scenario);

Result<ModelSpec> model_from_json(std::string_view text, std::string_view origin);
std::string model_to_json(const ModelSpec& model, int indent = 2);
Status validate_model(const ModelSpec& model);
Status validate_scenario(const Scenario& scenario, const ModelSpec& model);
// The workload key moe_pair_bytes alone (validate_scenario checks it too; the fused-MoE kernel takes it bare).
Status validate_moe_pair_bytes(double bytes);
// The workload key moe_tile_tokens alone (as moe_pair_bytes).
Status validate_moe_tile_tokens(int tokens);

// Whether `tp` tensor-parallel ranks split the model's attention as engines do (vLLM, TensorRT-LLM,
// SGLang): every rank holds the same number of query heads, and an even share of the KV heads or,
// with more ranks than KV heads, a copy of one (tp a multiple of them). A latent KV cache (MLA)
// has no KV heads to split. Linear-attention layers need tp to divide their key and value heads too
// (tp_splits_linear_heads).
bool tp_splits_heads(const ModelSpec& model, int tp);
// Whether `tp` ranks hold the same key heads and value heads of each linear-attention layer (vLLM's and
// Megatron's Gated DeltaNet shard both evenly); true for a model without such layers.
bool tp_splits_linear_heads(const ModelSpec& model, int tp);

}  // namespace scoville
