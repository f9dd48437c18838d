#pragma once
// Lowering: one engine step of a deployment becomes per-layer op lists, per chip after sharding,
// each op timed by the roofline engine. Identical layers share one LayerTemplate.
//
// A step is what continuous-batching engines (vLLM, TensorRT-LLM, SGLang) run per iteration: the
// decode tokens of every running request plus chunks of prompts being prefilled, all through one
// forward pass that reads the weights once.
#include <array>
#include <string_view>

#include "core/hw/chip.hpp"
#include "core/perf/collective.hpp"
#include "core/perf/evaluation.hpp"
#include "core/perf/roofline.hpp"
#include "core/util/recent.hpp"
#include "core/workload/model.hpp"

namespace scoville {

// Where weights and the KV cache live for one evaluation (decided by serving from capacities).
struct Placement {
    MemLevel weights = MemLevel::hbm;
    MemLevel kv = MemLevel::hbm;
    friend bool operator==(const Placement&, const Placement&) = default;
};

// Per-chip work of one step of one replica. Counts are per replica (all attention ranks of one
// pipeline micro-batch).
struct StepShape {
    double decode_seqs = 0;     // requests generating tokens this step
    double decode_queries = 1;  // query tokens per decoding request (speculative verify: K + 1)
    double prefill_tokens = 0;  // prompt tokens processed this step
    double prefill_seqs = 0;    // prompts whose last chunk runs this step (the LM head projects them)
    double prefill_chunk = 0;   // tokens of one prompt per step (0: the whole prompt at once)
    // Attention ranks the prompt tokens are on (0: every rank, evenly): the busiest rank holds
    // prefill_tokens / prefill_ranks of them, the MoE layers all of them.
    double prefill_ranks = 0;
    friend bool operator==(const StepShape&, const StepShape&) = default;
};

// Weights one chip holds. Attention, dense FFNs, shared experts, embedding and LM head are split
// over tp and copied on every attention rank; routed experts are split over all tp x dp chips of a
// stage (ep groups, each expert sharded over tp x dp / ep chips); every chip holds 1/pp of the layers.
double weight_bytes_per_chip(const ModelSpec& model, Precision weights, const Parallelism& par);
// The same at `bytes_per_weight` bytes each (weight_bytes_per_element), the token embedding, LM head and
// routers at `edge_bytes_per_weight` (0: the same).
double weight_bytes_per_chip(const ModelSpec& model, double bytes_per_weight, const Parallelism& par,
                             double edge_bytes_per_weight = 0);
// The same for a scenario's weights: weight_bytes_per_element, the token embedding, LM head and routers at
// edge_weight_bytes_per_element.
double weight_bytes_per_chip(const ModelSpec& model, const Scenario& scenario, const Parallelism& par);
// The target's layers a multi-token-prediction pass runs (the same twice where it is one): its last layer; where
// its layers hold one block each, its last attention block (else its last mixer) and its last FFN block, in order.
std::array<int, 2> mtp_module_layers(const ModelSpec& model);
// A multi-token-prediction module (ModelSpec::mtp_layers) as a model of its own, as the lowering runs it: the
// model's last layer (where the model's layers hold one block each, its last attention block, else its last
// mixer, and its last FFN block), without an embedding or LM head of its own (it uses the model's).
ModelSpec mtp_module(const ModelSpec& model);
// Its weights: the layer's, the projection of the hidden state and the next token's embedding (2 x hidden to
// hidden, as DeepSeek-V3's eh_proj and Qwen3-Next's mtp.fc) and its norms (the two inputs', the layer's, the
// output's). Embedding and LM head: none (the model's).
ParameterCounts mtp_module_counts(const ModelSpec& model);
// Weights and KV cache per chip of the modules speculative decoding drafts with where it has no draft model: every
// module the model has (engines load them all and draft with them in turn, one module again for every token where
// it has one), at least one, held whole on the last pipeline stage.
double mtp_weight_bytes_per_chip(const ModelSpec& model, const Scenario& scenario, const Parallelism& par);
double mtp_kv_bytes_per_request_per_chip(const ModelSpec& model, const Scenario& scenario, const Parallelism& par);
// Bytes a weight of the token embedding, LM head or routers takes: 2 (bf16), or the weights' average where the
// scenario runs the LM head in the weights' format (lm_head_as_weights).
double edge_weight_bytes_per_element(const Scenario& scenario);
// Bytes a weight takes on average: its precision's, with Scenario::weights_16bit_share of the weights
// at 2 B where the precision is narrower (a mixed-precision checkpoint).
double weight_bytes_per_element(const Scenario& scenario);
// The share of the weights that runs at 16 bits beyond the precision's own: weights_16bit_share where the
// weight precision is narrower than 16 bits, else 0.
double weights_kept_at_16bit(const Scenario& scenario);
// Decode context of the requests in flight, averaged over time: input + output (1 + cv^2) / 2.
// A batch slot holds each request for its output length, so long outputs are over-represented
// (length-biased: E[o^2] / (2 E[o]) = mean (1 + cv^2) / 2); cv = 0 gives input + output / 2.
double mean_decode_context(const Scenario& scenario);
// Context a batch slot reserves KV for: its request's final length, length-biased the same way,
// input + output (1 + cv^2) (the engine reserves a request's whole KV when it admits it).
double reserved_context(const Scenario& scenario);
// Mean keys each prompt token attends to (causal): (E[S^2] / E[S] + 1) / 2 = (S (1 + cv^2) + 1) / 2;
// sliding layers at most the window; chunked layers those of the token's own chunk of `window` (token p
// attends p mod window + 1: (k window (window + 1) / 2 + r (r + 1) / 2) / S for k whole chunks and r more).
double prefill_keys_per_token(const Scenario& scenario, double window, WindowKind kind = WindowKind::sliding);
// Mean keys a decoding token attends to over a request's life: the mean decode context, a sliding layer's
// at most the window; a chunked layer's those of its own chunk of `window` (at context x, itself included:
// (x - 1) mod window + 1), averaged over the contexts from the prompt's end to the reserved context; the
// whole mean decode context where the engine attends it (scenario chunked_decode_full).
double decode_keys_per_token(const Scenario& scenario, double window, WindowKind kind = WindowKind::sliding);
// Tokens of a request's context that a layer keeps in its KV cache at context `ctx`: all of them, or a
// windowed layer's window (a chunked layer's chunk is at most that), except a chunked layer whose decodes
// attend the whole context (scenario chunked_decode_full) or whose engine keeps every token
// (chunked_kv_whole), which keeps it all.
double layer_kv_tokens(const ModelSpec& model, const Scenario& scenario, int layer, double ctx);
// Tokens a request keeps over all its layers at context `ctx`: layer_kv_tokens summed.
double kv_token_layers(const ModelSpec& model, const Scenario& scenario, double ctx);
// Requests issued at once (an offline benchmark run: requests set, no latency limits) with one length each:
// they run in waves that start and end together, so the requests in flight share one context, and an
// on-demand cache holds each at its whole context by a wave's end, as a reserving one does from the start.
bool lockstep_run(const Scenario& scenario);
// KV-cache bytes one request holds on one chip: at its reserved context, or (kv_allocation
// on_demand) at the mean context of the requests in flight, except in a lockstep run, whose requests
// reach the reserve together; each layer its layer_kv_tokens (the chips of the request's attention
// rank, 1/pp of the layers each).
double kv_bytes_per_request_per_chip(const ModelSpec& model, const Scenario& scenario, const Parallelism& par);
// Bytes one linear-attention layer keeps per request on one of `tp` chips, whatever the context: its recurrent
// state (value heads x key head dim x value head dim, at the scenario's state_precision) and its convolution's last
// conv_kernel - 1 inputs (16 bits); 0 for a model without such layers. kv_bytes_per_request_per_chip counts it.
double linear_state_bytes(const ModelSpec& model, const Scenario& scenario, int tp);
// Its two parts: the recurrent state, and the convolution's last inputs.
double linear_recurrent_state_bytes(const ModelSpec& model, const Scenario& scenario, int tp);
double linear_conv_state_bytes(const ModelSpec& model, int tp);
// The same over every linear-attention layer of the model: what a request keeps beside its KV cache.
double linear_states_bytes(const ModelSpec& model, const Scenario& scenario, int tp);
// KV bytes one decoding request reads on one chip in a step, over its life on average: each layer the keys
// its decode attention reads (mean_decode_context, or decode_keys_per_token on a windowed layer).
double kv_read_bytes_per_decode(const ModelSpec& model, const Scenario& scenario, const Parallelism& par);

// The decode-attention kernel a model's layers run in, by its query heads per KV head and the cache's format.
DecodeKernel decode_kernel(const ModelSpec& model, Precision kv);
// KV bytes per token of one layer on one chip (GQA heads sharded over tp, at least one head; MLA: the
// latent, copied on every chip of the tp group).
double kv_bytes_per_token_per_layer(const ModelSpec& model, Precision kv, int tp);

bool is_sliding_layer(const ModelSpec& model, int layer);
bool is_moe_layer(const ModelSpec& model, int layer);

// Expected number of distinct experts `tokens` token-slots touch among `experts` with top_k routing:
// E x (1 - (1 - k/E)^tokens) (uniform routing).
double expected_distinct_experts(double experts, double top_k, double tokens);
// Bytes each routed copy of a token moves per hidden element outside the expert GEMMs (Scenario::
// moe_pair_bytes when 0), by the GEMMs' precision.
double moe_pair_bytes_default(Precision gemm_precision);
// Grouped expert GEMMs run each expert's rows (its routed tokens) in tiles of up to `tile` rows (the
// workload key moe_tile_tokens; 0: the rows fill them exactly), so an expert's last tile is part empty.
// The share of the tiles' rows its `rows` fill: balanced routing (every expert the same rows, a kernel
// benchmark's) fills ceil(rows / tile) tiles; routed tokens, whose experts' rows vary by more than a tile,
// rows / tile + 1/2 on average. Below one tile, 1: the kernel takes a smaller tile, and the GEMM's
// efficiency at so few rows holds that.
double expert_row_share(double rows, double tile, bool balanced);
// Probability that a token routed to top_k of the experts has at least one of them in a given group
// of 1/ep of them: 1 - (1 - 1/ep)^k (the rows an expert-parallel dispatch sends, one per token and
// destination).
double token_reaches_group(double ep, double top_k);

// The routed load of the busiest of `ep` expert-parallel ranks over the mean, when `tokens` tokens
// pick top_k of the experts with the model's routing skew (MoeSpec::routing_alpha): each expert's
// share drawn from a power law x^-alpha over [1, 0.8 x tokens] (over [0.01, 2] when the token-slots
// are fewer than the experts), scaled to tokens x top_k slots, none over `tokens` (a token picks an
// expert at most once), the experts in contiguous groups per rank; the mean over 128 seeded draws,
// as NVIDIA's aiconfigurator draws MoE workloads. 1 at ep 1 (one rank holds every expert);
// kDefaultExpertImbalance where the model's skew is not known (alpha 0).
inline constexpr double kDefaultExpertImbalance = 1.1;
double busiest_expert_rank_load(const MoeSpec& moe, int ep, double tokens);
// The imbalance a step runs with: the scenario's expert_imbalance when given (at least 1), else
// (0 = auto) busiest_expert_rank_load at the step's expert parallelism and tokens.
double expert_imbalance_used(const Scenario& s, const MoeSpec& moe, int ep, double tokens);

// The token exchange an MoE layer runs with: the scenario's, or (automatic) the engines' rule as NVIDIA's
// aiconfigurator gives it for TensorRT-LLM: all-to-all where the chip's scale-up domain holds 72 chips or
// more and each expert lives whole on one chip (NVL72: its MNNVL all-to-all), or where the group spans
// more than one domain (wide expert parallelism runs DeepEP-style all-to-all); an all-gather and a
// reduce-scatter otherwise (TensorRT-LLM on 8-GPU nodes; vLLM's default).
MoeDispatch moe_dispatch_for(const Scenario& scenario, const Parallelism& par, const NetworkRates& net);

// How the step is lowered beyond its shape: the deployment, where data lives and the speculative
// decoding passes that run with it.
struct StepPlan {
    Parallelism par;
    Placement placement;
    // Speculative decoding: `spec_tokens` drafts per step, from `draft` (a separate model, same
    // parallelism) or, when draft is null, from MTP modules (one layer of the target each).
    int spec_tokens = 0;
    const ModelSpec* draft = nullptr;
    // How an MoE layer's tokens cross attention ranks (moe_dispatch_for: never automatic here).
    MoeDispatch moe_dispatch = MoeDispatch::allgather;
    // Tokens routed to spread evenly over the experts (a kernel benchmark's balanced routing: T tokens
    // touch min(E, T x top_k) experts) instead of each choosing at random (expected_distinct_experts).
    bool balanced_routing = false;
    friend bool operator==(const StepPlan&, const StepPlan&) = default;
};

// Lower and time one step. Reuses out's storage (no allocation after the first call with the same
// model). `phase` labels the result (prefill: a prompt-only step; decode: the engine's step).
void lower_step(const ModelSpec& model, const Scenario& scenario, const ChipRates& rates, Phase phase,
                const StepShape& shape, const StepPlan& plan, PhaseResult& out);

// Collective costs worked out while timing steps, kept for the next: a collective's cost follows from its kind,
// buffer and chips, the network's rates, the scenario's custom all-reduce workspace and the replica's stages and
// chips alone. A layer's all-reduces after attention and after the FFN move the same buffer; a sweep's next point
// that keeps the network keeps every cost.
class CollectiveMemo {
public:
    // Starts over where the network, the workspace or the replica differ from the last use.
    void use(const NetworkRates& net, double custom_allreduce_mb, const Parallelism& par);
    // The cost kept for a collective, or null.
    [[nodiscard]] const CollectiveCost* find(std::string_view collective, double buffer_bytes, int group) const;
    void keep(std::string_view collective, double buffer_bytes, int group, const CollectiveCost& cost);

private:
    struct Entry {
        std::string_view collective;
        double buffer_bytes;
        int group;
        CollectiveCost cost;
    };
    NetworkRates net_;
    double custom_allreduce_mb_ = -1;
    int pp_ = 0, chips_ = 0;
    Recent<Entry, 8> entries_;
};

// Re-times a step lowered before (same model, scenario, shape and plan) for other chip rates: the
// ops' shapes stay; levels, tile utilisation, collective algorithms and times follow the rates.
// Equal to lowering afresh (both go through the same per-op code). `memo`: costs kept from earlier
// timings (null: this step's own).
void retime_step(const Scenario& scenario, const ChipRates& rates, const Parallelism& par, PhaseResult& out,
                 CollectiveMemo* memo = nullptr);

// The mean of two steps an engine alternates between, into `out`: `out` holds the first (run in a share
// 1 - w of the steps), `with` the second (a share w), which runs every op of the first and maybe more
// (a chunk's prompt attention beside a step of decodes alone; such an op counts as zero in the first).
// Counts, FLOPs, bytes and times are averaged op by op, so the ops' times add up to the mean step time;
// each op keeps the levels and collective algorithm of the step it runs in more often. `with` is left
// holding the first step's storage. False, with both unchanged, where the steps do not match (another
// model or plan, or an op of the first that the second lacks).
bool blend_steps(PhaseResult& out, PhaseResult& with, double w, const Parallelism& par);
// The same into `with`, which becomes the mean; `out` stays as it is.
bool blend_into(const PhaseResult& out, PhaseResult& with, double w, const Parallelism& par);

// Remembers what each buffer was last lowered from, so lowering the same step into it again (a
// sweep point that changes only chip keys, the TDP cap's clock search) only retimes it. A model is
// known by its address: one cache serves models that do not change while it is in use.
class LoweringCache {
public:
    void lower(const ModelSpec& model, const Scenario& scenario, const ChipRates& rates, Phase phase,
               const StepShape& shape, const StepPlan& plan, PhaseResult& out);
    void clear() { entries_.clear(); }
    // `out` holds something else than a lowering now (blend_steps): the next lowering into it is done afresh.
    void forget(const PhaseResult& out) {
        std::erase_if(entries_, [&](const Entry& e) { return e.buffer == &out; });
    }

private:
    CollectiveMemo collectives_;
    struct Entry {
        const PhaseResult* buffer = nullptr;
        const ModelSpec* model = nullptr;
        Scenario scenario;
        Phase phase = Phase::decode;
        StepShape shape;
        StepPlan plan;
    };
    std::vector<Entry> entries_;
};

}  // namespace scoville
