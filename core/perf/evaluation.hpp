#pragma once
// What one evaluation produces: value types, no behaviour. Produced by evaluate() (perf/evaluate.hpp),
// read by the CLI, the GUI views, sweeps and sessions.
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/hw/precision.hpp"
#include "core/util/tr.hpp"

namespace scoville {

// One byte each: an evaluation copies thousands of ops, whose small fields share one word.
enum class Bound : std::uint8_t { compute, memory, network };
enum class OpKind : std::uint8_t { gemm, attention, vector, collective };

// The bound whose time is the largest (ties: compute before memory before network).
inline Bound largest_bound(double compute, double memory, double network) {
    return compute >= memory && compute >= network ? Bound::compute : memory >= network ? Bound::memory : Bound::network;
}

// A collective op's name (OpResult::collective): one id each, shown as is in tables and JSON.
inline constexpr std::string_view kAllReduce = "all-reduce", kAllToAll = "all-to-all", kSendRecv = "send/recv",
                                  kAllGather = "all-gather", kReduceScatter = "reduce-scatter";
enum class MemLevel : std::uint8_t { sram, hbm };
enum class Phase { prefill, decode };

std::string_view to_string(Bound b);
std::string_view to_string(OpKind k);
std::string_view to_string(MemLevel l);
std::string_view to_string(Phase p);

// One op of one layer, per chip (after sharding).
// An attention score's softmax work: its maximum, subtraction, exponential, sum and rescale.
inline constexpr double kSoftmaxFlopsPerScore = 5.0;

// The decode-attention kernels an engine may run apart, each with its own costs: query groups over an 8-bit
// cache (and the chip's general attention keys), query groups over a 16-bit cache, and heads that each have a
// KV head of their own (multi-head attention) over a 16-bit or an 8-bit cache (one kernel, whose KV rate
// differs: it converts each 8-bit element before its math).
enum class DecodeKernel : std::uint8_t { grouped, grouped_16bit, per_head, per_head_8bit };
inline bool runs_per_head(DecodeKernel k) { return k == DecodeKernel::per_head || k == DecodeKernel::per_head_8bit; }
inline bool reads_16bit(DecodeKernel k) { return k == DecodeKernel::per_head || k == DecodeKernel::grouped_16bit; }
// The width of the query heads a decode-attention block's per-head time (efficiency.attention_head_ns) is
// measured on: a query head's own work in a block (its scores against the block's keys, its values' sum, its
// output row) grows with its width, so other widths scale it by width / this.
inline constexpr double kAttentionHeadDimMeasured = 128.0;

struct OpResult {
    std::string_view name;       // static names: "qkv_proj", "attn_score", "ffn_down", "tp_allreduce", ...
    OpKind kind = OpKind::gemm;
    MemLevel weight_level = MemLevel::hbm;
    MemLevel activation_level = MemLevel::hbm;
    MemLevel kv_level = MemLevel::hbm;
    Bound bound = Bound::compute;
    bool library = false;        // the collective runs in the vendor library (NCCL, RCCL): its latency per
                                 // call and pipeline window, past the engine's own kernels' workspace
    bool fused = false;          // runs inside the previous op's kernel: no launch of its own
    bool grouped = false;        // a grouped GEMM over experts inside a fused MoE op (its own kernel timings)
    bool wide = false;           // a GEMM kept at 16 bits whatever the weights' format (the LM head, a router:
                                 // Scenario::lm_head_as_weights unset)
    DecodeKernel decode_kernel = DecodeKernel::grouped;  // decode attention: which of the engine's kernels runs it
    bool prompt = false;         // prompt attention's softmax: timed per score where the chip measures it
    bool rope_pass = false;      // decode attention: its 8-bit grouped-query kernel leaves the RoPE (YaRN) to a pass of its own
    bool launched = false;       // a vector op run as a kernel of its own (a linear-attention layer's): it pays a launch
    Precision precision = Precision::bf16;  // executed precision
    int group = 0;               // chips taking part in the collective
    // Work that thread blocks each run in order, one block to a core (the chunked delta rule's state passing from chunk
    // to chunk): the blocks, and the FLOPs of one block's chain (chain_flops, below); the op's compute takes at least
    // the chain's time at one core's share of the rate, once per wave of blocks over the cores. 0: none. (A float
    // where the struct has room: a count of blocks needs no more.)
    float chain_blocks = 0;
    double m = 0, n = 0, k = 0;  // GEMM shape (M x K)(K x N); 0 where not a GEMM
    double flops = 0;
    double weight_bytes = 0;
    double activation_bytes = 0;
    double kv_bytes = 0;
    double network_bytes = 0;    // bytes this chip sends in the op's collective
    std::string_view collective; // "all-reduce", "all-to-all", "send/recv" or ""
    std::string_view algorithm;  // the collective's algorithm: "one-shot", "two-shot", "ring", ... or ""
    double buffer_bytes = 0;     // the buffer each holds (all-reduce) or sends (all-to-all, send/recv)
    double utilisation = 1.0;    // MAC-array shape utilisation (tile quantisation)
    double row_share = 1.0;      // grouped GEMM: its experts' rows over the rows of the tiles they fill (expert_row_share)
    double fixed_s = 0;          // time the kernel takes whatever its size, beyond the per-op overhead
    double attention_calls = 0;  // attention: kernel calls per step with a fixed cost (fixed_s follows)
    double attention_pairs = 0;  // decode attention: (request, KV head) pairs whose per-pair work this op carries
    double pair_keys = 0;        // decode attention: cached tokens each (request, KV head) pair reads
    double split_keys = 0;       // decode attention: the context its kernel sizes its split of a pair by (0: pair_keys)
    double pair_share = 0;       // decode attention: this op's share of its kernel's time per pair alone (K or V side)
    double head_width = 1.0;     // decode attention: its (query and KV) heads' width / kAttentionHeadDimMeasured
    double prompt_token_heads = 0;  // prompt attention: (prompt token, query head) pairs whose work this op carries
    // Prompt attention's thread blocks (prompt_blocks): the kernel's (prompt chunk, query head) pairs on
    // this chip, each chunk's tokens, the keys before it (a later chunk attends the earlier ones), the window (0: none).
    double prompt_pairs = 0, prompt_chunk = 0, prompt_prefix = 0, prompt_window = 0;
    double moe_calls = 0;        // fused MoE op: calls per step with its fixed cost (fixed_s follows)
    double chain_flops = 0;      // the FLOPs one block of chain_blocks runs in order (0: none)
    double compute_s = 0, memory_s = 0, network_s = 0, overhead_s = 0;
    double tail_s = 0;           // decode attention: a split pair's chain after the KV stream (AttentionFloors::tail_s)
    double time_s = 0;
    // The mean of two steps' op (blend_steps): the second step's share of the steps and the op's time in
    // each (0 in a step that lacks it); every figure above is then the mean. mean_share 0: one step's op.
    double mean_share = 0, first_step_s = 0, second_step_s = 0;

    [[nodiscard]] double bytes() const { return weight_bytes + activation_bytes + kv_bytes; }
    [[nodiscard]] double intensity() const { return bytes() > 0 ? flops / bytes() : 0.0; }
};

// Identical layers share one template: ops are computed once, every layer is still listed.
struct LayerTemplate {
    std::string_view kind;       // "dense", "moe", "dense-sliding", "moe-linear", "lm_head", ... (lower.cpp kTargetKinds)
    std::vector<OpResult> ops;
    double time_s = 0, compute_s = 0, memory_s = 0, network_s = 0;
    double hidden_s = 0;         // collective time hidden behind the layer's other ops (scenario comm_overlap)
    Bound bound = Bound::compute;
};

struct PhaseResult {
    Phase phase = Phase::prefill;
    double batch = 0;            // sequences: prompts (prefill) or decoding requests (decode)
    double tokens = 0;           // tokens processed per step, per replica
    double decode_seqs = 0;      // requests decoding in the step
    double prefill_tokens = 0;   // prompt tokens in the step
    double queries_per_seq = 1;  // tokens each decoding request runs (speculative verify: K + 1)
    double context = 0;          // attention context length used
    std::vector<LayerTemplate> templates;
    // One entry per layer run in order, index into templates: the model's layers and its LM head,
    // then any speculative-decoding passes (draft model or MTP layers, each with its head).
    std::vector<int> layer_template;
    std::vector<double> template_layers;  // per template: how many entries of layer_template use it
    size_t main_layers = 0;      // entries of the target model (layers + LM head)
    double time_s = 0;           // one step of this phase, whole replica (all pipeline stages)
    // With pp stages: what the slowest stage adds to a step beyond the stages' sum (pp x its time - the sum; in
    // time_s). Each of the pp micro-batches in flight waits its turn at that stage, so a step, one micro-batch
    // through every stage and back, takes pp of its times.
    double pipeline_wait_s = 0;
    int slowest_stage_layers = 0;  // its decoder layers (the last stage's also carry the LM head)
    double flops = 0, bytes = 0, network_bytes = 0;  // per chip, one step

    [[nodiscard]] const LayerTemplate& layer(size_t i) const { return templates[static_cast<size_t>(layer_template[i])]; }
    // Counts template_layers from layer_template (lowering does, once per structure).
    void count_template_layers();
    [[nodiscard]] size_t layer_count() const { return layer_template.size(); }
};

// How one model replica is spread over chips (resolved: no "auto").
struct Parallelism {
    int tp = 1;  // tensor-parallel degree of attention, dense FFNs, shared experts and the LM head
    int pp = 1;  // pipeline stages
    int ep = 1;  // expert-parallel degree: the routed experts spread over ep groups of chips
    int dp = 1;  // attention data-parallel ranks per stage (each with its own requests)
    [[nodiscard]] int group() const { return tp * dp; }        // chips per pipeline stage
    [[nodiscard]] int chips() const { return tp * dp * pp; }   // chips per replica
    [[nodiscard]] int moe_tp() const { return group() / ep; }  // chips each routed expert is split over
    friend bool operator==(const Parallelism&, const Parallelism&) = default;
};

// "tp 2", "tp 1, attention-dp 8, ep 8": what one replica spans.
std::string to_string(const Parallelism& p);

struct Ceiling {
    std::string label;           // "BF16 peak", "HBM", "SRAM"
    double value = 0;            // TFLOP/s for compute ceilings, TB/s for memory ceilings
    bool is_bandwidth = false;
};

// One pool of a disaggregated deployment.
struct PoolResult {
    std::string chip;            // chip id
    int chips = 0;
    Parallelism parallelism;
    int replicas = 0;
    int batch = 0;               // requests in flight per replica (decode pool): what the served rate keeps there
    int batch_limit = 0;         // decode pool: the batch it would take (given, or its best), batch at most
    double step_s = 0;           // one step: a full prompt budget (prefill) or the decode step
    double capacity_requests_per_s = 0;  // the most the pool can serve
    double utilisation = 0;      // of that capacity at the served rate
    // A decode pool the served rate keeps below the batch it would take (a disaggregated design alone sets it).
    [[nodiscard]] bool fed_below_limit() const { return batch_limit > batch; }
};

struct ServingResult {
    int batch = 0;               // requests in flight per replica (per pipeline micro-batch)
    int max_batch = 0;           // the most memory, the engine limit and the token budget allow
    bool server = false;         // latency limits given: the highest rate that meets them (MLPerf server)
    double ttft_s = 0;           // means
    double tpot_s = 0;
    double ttft_p50_s = 0, ttft_p99_s = 0;
    double tpot_p50_s = 0, tpot_p99_s = 0;
    double throughput_tokens_per_s = 0;          // output tokens/s, whole system
    double throughput_tokens_per_s_per_chip = 0;
    double requests_per_s = 0;                   // whole system
    double step_s = 0;                           // one engine step (decode pool when disaggregated)
    double host_s_per_step = 0;                  // of step_s: the engine's host work the chips wait for
    double host_stream_s_per_step = 0;           // of host_s_per_step: a server's tokens streamed to its clients
    // Prompts in steps of their own (PrefillSteps::separate; all 0 otherwise): step_s is then a
    // decode step (decode_step_s) with its share of the prompt steps.
    double decode_step_s = 0;
    double prompt_step_s = 0;                    // one prompt step, its host work included
    double prompt_steps_per_step = 0;            // prompt steps per decode step, on average
    double prompt_tokens_per_prompt_step = 0;    // replica
    // Prompts mixed into the decode steps, arriving whole: where a rank's prompt tokens per step are not a whole
    // number of chunks (n and a part), step_s is the mean of steps that carry a chunk more (n + 1: chunk_step_s,
    // chunk_steps_share of them) and steps that carry n (plain_step_s; n 0: decodes alone); host work included.
    // All 0 where every step carries the same prompt tokens.
    double chunk_step_s = 0;
    double plain_step_s = 0;
    double chunk_steps_share = 0;
    double chunk_tokens_per_step = 0;            // replica: the prompt tokens of a step that carries a chunk more
    double plain_prompt_tokens_per_step = 0;     // replica: those of the other steps (0: they decode alone)
    double chunk_ranks = 0;                      // attention ranks carrying a chunk in such a step, mean
    double chunk_share_per_rank = 0;             // of one rank's steps: those in which it carries a chunk
    double prefill_tokens_per_step = 0;          // per replica, mean
    double decode_tokens_per_step = 0;           // per replica
    double tokens_per_step_per_request = 1;      // accepted tokens per step (speculative decoding: > 1)
    double prefill_utilisation = 0;              // of the steps' room for prompt tokens
    double weights_gb_per_chip = 0;
    double kv_gb_per_request_per_chip = 0;       // at full context (input + output)
    double memory_capacity_gb_per_chip = 0;      // usable capacity for weights + KV
    int replicas = 1;
    int in_flight = 0;           // requests in flight per replica: pp micro-batches of `batch`
    Parallelism parallelism;
    bool parallelism_auto = false;  // chosen by the model (some of tp, pp, ep, attention_dp were auto)
    bool disaggregated = false;
    PoolResult prefill_pool, decode_pool;
    double kv_transfer_s = 0;               // moving one request's KV from prefill to decode pool
    double kv_transfer_gb_per_request = 0;
    // Requests one attention rank holds: its share of every micro-batch in flight.
    [[nodiscard]] double held_per_rank() const { return in_flight / static_cast<double>(std::max(1, parallelism.dp)); }
};

struct Breakdown {
    std::string name;
    double value = 0;
};

struct PhysicalResult {
    double die_area_mm2 = 0;     // one compute die
    double io_die_area_mm2 = 0;  // one I/O die (0: none)
    double package_area_mm2 = 0; // all dies
    std::vector<Breakdown> area_mm2;      // per component, whole package
    double power_w = 0;          // average power per chip for the evaluated workload
    std::vector<Breakdown> power_w_breakdown;
    double clock_ghz = 0;        // after the TDP cap
    double tokens_per_joule = 0;
    double die_cost_usd = 0;
    double package_cost_usd = 0;
    double yield = 0;
    double dies_per_wafer = 0;
    // The owner's cost of one chip (econ.*, core/physical/cost.hpp).
    bool built = false;               // econ.mode = build
    double chip_usd = 0;              // price paid, or built cost with the partner's margin
    double nre_usd_per_chip = 0;      // build: the design's NRE spread over the units
    double capex_usd_per_chip = 0;    // chip + NRE share + system + network + data centre
    double tco_usd_per_hour = 0;      // per chip-hour: capital and energy
    std::vector<Breakdown> cost_usd_per_hour;  // chip, NRE, system, network, data centre, power
    double cost_per_million_tokens_usd = 0;    // at econ.utilisation
    double tokens_per_s_per_mw = 0;            // per provisioned MW (chip + system, times PUE)
    double fleet_chips = 0;                    // what econ.fleet_mw buys
    double fleet_capex_usd = 0;
    double fleet_usd_per_year = 0;
    double fleet_tokens_per_day = 0;
};

// Why a design costs what it does per token against a baseline: cost per token is the owner's
// cost per chip-hour over the tokens a chip serves in that hour, so their two ratios multiply
// (core/physical/cost.hpp compare_cost).
struct CostComparison {
    std::string baseline;                 // the baseline chip's id
    double usd_per_million = 0;           // the design's
    double baseline_usd_per_million = 0;
    double ratio = 0;                     // design / baseline, per token
    double tco_ratio = 0;                 // per chip-hour
    double useful_tokens_ratio = 0;       // tokens served per chip-hour (throughput x utilisation)
    std::string driver;                   // the per-hour item that differs most ("chip", "power", ...)
    double driver_usd_per_hour = 0;       // that item, design and baseline
    double driver_baseline_usd_per_hour = 0;
    std::optional<double> break_even_units;  // build: units at which the design matches the baseline
};

struct Evaluation {
    PhaseResult prefill;
    PhaseResult decode;
    // An engine that runs prompts in steps of their own (PrefillSteps::separate): the prompt step of
    // the steady state (empty otherwise); serving.prompt_steps_per_step of them run per decode step.
    PhaseResult prompt_step;
    ServingResult serving;
    std::array<double, 4> peak_tflops{};  // indexed by Precision
    double memory_tb_s = 0;
    double memory_gb = 0;                 // off-chip memory capacity per chip
    double sram_tb_s = 0;
    // Dense peaks where the chip runs the precision natively (0 where it runs it at a wider one).
    double native_fp8_tflops = 0, native_fp4_tflops = 0;
    std::vector<Ceiling> ceilings;
    PhysicalResult physical;
    // The warnings as translatable patterns with their arguments (what the GUI shows); warning_texts()
    // gives them in English, "name: message" (e.g. "reticle: die 912 mm2 exceeds 858 mm2"): what the
    // command line and JSON print. The text is made when read, not at every evaluation (sweeps).
    std::vector<Message> warning_messages;

    void add_warning(Message m) { warning_messages.push_back(std::move(m)); }
    void clear_warnings() { warning_messages.clear(); }
    [[nodiscard]] std::vector<std::string> warning_texts() const {
        std::vector<std::string> out;
        out.reserve(warning_messages.size());
        for (const Message& m : warning_messages) out.push_back(m.text());
        return out;
    }
    // Whether a warning's English text starts with `prefix` ("reticle:").
    [[nodiscard]] bool has_warning(std::string_view prefix) const {
        for (const Message& m : warning_messages)
            if (m.pattern.starts_with(prefix)) return true;
        return false;
    }
};

}  // namespace scoville
