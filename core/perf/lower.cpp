#include "core/perf/lower.hpp"
#include "core/util/tr.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <tuple>
#include <utility>
#include <vector>

namespace scoville {

namespace {

constexpr double kActBytes = 2.0;  // residual stream, GEMM outputs and collectives in bf16 (named assumption)

// The routed experts the busiest of ep expert-parallel groups holds: experts / ep where ep divides
// them, else one more than some others (ceil): experts are whole (vLLM's expert map spreads the
// remainder; TensorRT-LLM and SGLang take only an ep that divides them).
double busiest_group_experts(const MoeSpec& moe, int ep) {
    return std::ceil(static_cast<double>(moe.experts) / std::max(1, ep));
}

// NVFP4 activations are quantised, with their block scales laid out for the GEMMs, in kernels of their own
// inside a fused MoE call: the time of 2.6 launches beyond the fp8 and bf16 paths' (the median of
// aiconfigurator's 1-token fp4 rows on B200 and GB200 beyond the chip's efficiency.moe_overhead_us: 2.57 op
// overheads).
constexpr double kFp4MoeLaunches = 2.6;

// What one pass of one model computes on one chip.
struct Ctx {
    const ModelSpec& m;
    const Scenario& s;
    const ChipRates& r;
    Parallelism par;
    // Per replica
    double decode_seqs = 0, queries = 1, prefill_tokens = 0, prefill_seqs = 0, chunk = 0;
    double tokens = 0;       // decode_seqs x queries + prefill_tokens
    // Per attention rank (one chip's view of attention, dense FFNs and shared experts)
    double t_a = 0;          // tokens
    double dec_a = 0;        // decoding requests
    double pre_a = 0;        // prompt tokens
    double wb = 2, ab_in = 2, kvb = 2;
    Precision gemm_p = Precision::bf16;
    Precision attn_p = Precision::bf16;
    MemLevel wl = MemLevel::hbm, kvl = MemLevel::hbm;
    bool mixed = false;      // decodes and prompt chunks share the step
    MoeDispatch dispatch = MoeDispatch::allgather;  // resolved (StepPlan::moe_dispatch)
    bool balanced_routing = false;                   // StepPlan::balanced_routing
};

MemLevel act_level(double bytes, const ChipRates& r) {
    if (!r.has_hbm) return MemLevel::sram;
    return r.activation_sram_bytes > 0 && bytes <= r.activation_sram_bytes ? MemLevel::sram : MemLevel::hbm;
}

// The precision an op asks for (its executed precision follows the chip, finish_op): GEMMs at the
// activations' format (those kept at 16 bits, OpResult::wide, in bf16), attention at the KV cache's (never
// narrower than fp8), vector work in bf16.
Precision requested_precision(const OpResult& op, const Scenario& s) {
    switch (op.kind) {
    case OpKind::gemm: return op.wide ? Precision::bf16 : s.activation_precision;
    case OpKind::attention: return s.kv_precision == Precision::fp4 ? Precision::fp8 : s.kv_precision;
    case OpKind::vector:
    case OpKind::collective: break;
    }
    return Precision::bf16;
}

// What the chip's rates decide about an op whose shape is lowered: its executed precision, where
// its activations live, how it fills the MAC array, its kernel's fixed time, its collective's
// algorithm and time, and then its time. Lowering and retiming both go through here, so a step
// retimed for other rates equals one lowered afresh.
void apply_rates(OpResult& op, const Scenario& s, const ChipRates& r, const Parallelism& par, CollectiveMemo& memo) {
    op.precision = requested_precision(op, s);
    if (op.kind == OpKind::collective) {
        CollectiveCost cost;
        const CollectiveCost* kept = memo.find(op.collective, op.buffer_bytes, op.group);
        if (kept) {
            cost = *kept;
        } else if (op.collective == kAllReduce) {
            // The engine's own kernels up to their workspace; beyond it the vendor library.
            cost = op.buffer_bytes > s.custom_allreduce_mb * 1e6 ? library_all_reduce(op.buffer_bytes, op.group, r.net)
                                                                 : all_reduce(op.buffer_bytes, op.group, r.net);
        } else if (op.collective == kAllToAll) {
            cost = all_to_all(op.buffer_bytes, op.group, r.net);
        } else if (op.collective == kAllGather || op.collective == kReduceScatter) {
            cost = library_all_gather(op.buffer_bytes, op.group, r.net);  // the engines call NCCL, RCCL for both
        } else {
            // Activations cross each of the pp - 1 stage boundaries once per step.
            cost = send_recv(op.buffer_bytes, par.chips() > r.net.domain, r.net);
            cost.time_s *= par.pp - 1;
        }
        if (!kept) memo.keep(op.collective, op.buffer_bytes, op.group, cost);
        op.library = cost.library;
        op.algorithm = to_string(cost.algo);
        op.network_bytes = cost.sent_bytes;
        op.network_s = cost.time_s;
    } else {
        op.activation_level = act_level(op.activation_bytes, r);
        // A GEMM's tiles follow the chip's dataflow (weights held or outputs held); attention's matmuls, which
        // hold no weights, keep the output tile's (no timing of a weight-stationary chip's attention kernel
        // says otherwise).
        if (op.kind == OpKind::attention)
            op.utilisation = tile_utilisation(op.m, op.n, r.mac_rows, r.mac_cols) * op.row_share;
        else if (op.kind != OpKind::vector)
            op.utilisation = tile_utilisation(op.m, op.n, op.k, r) * op.row_share;
        // A mixed-precision checkpoint runs its 16-bit share of each weight GEMM at the bf16 rate.
        if (const double kept = weights_kept_at_16bit(s); op.kind == OpKind::gemm && kept > 0) {
            const double narrow = r.achieved_flops[static_cast<size_t>(op.precision)];
            const double wide = r.achieved_flops[static_cast<size_t>(Precision::bf16)];
            if (narrow > 0 && wide > 0) op.utilisation /= 1.0 - kept + kept * narrow / wide;
        }
        // Attention kernels: a fixed cost per call (attention_call_cost; a prompt chunk's kernel also pays its
        // launch, being fused with nothing before it, and the launch of the kernel that ropes its queries and
        // keys and writes them to the KV cache first; a decode call's fixed cost, measured whole, holds that).
        if (op.attention_calls > 0)
            op.fixed_s = op.attention_calls * attention_call_cost(op, r).total_s();
        else if (op.moe_calls > 0)
            op.fixed_s = op.moe_calls * (r.moe_overhead_s +
                                         (s.activation_precision == Precision::fp4 ? kFp4MoeLaunches * r.overhead_s : 0.0));
    }
    finish_op(op, r);
}

OpResult& push(std::vector<OpResult>& ops, std::string_view name, OpKind kind) {
    OpResult& op = ops.emplace_back();
    op.name = name;
    op.kind = kind;
    return op;
}

// GEMM: `rows` tokens in total, `m_tile` of them per weight matrix (MoE: per touched expert).
void gemm(std::vector<OpResult>& ops, const Ctx& c, std::string_view name, double rows, double m_tile,
          double n, double k, double matrices) {
    if (rows <= 0) return;
    OpResult& op = push(ops, name, OpKind::gemm);
    op.precision = c.gemm_p;
    op.m = m_tile;
    op.n = n;
    op.k = k;
    op.flops = 2.0 * rows * n * k;
    op.weight_bytes = matrices * n * k * c.wb;
    op.activation_bytes = rows * k * c.ab_in + rows * n * kActBytes;
    op.weight_level = c.wl;
}

// A GEMM over the LM head or a router: its weights at edge_weight_bytes_per_element; where that is wider
// than the other weights (16 bits, Scenario::lm_head_as_weights unset), its inputs and the GEMM are bf16 too,
// the op marked wide.
void edge_gemm(std::vector<OpResult>& ops, const Ctx& c, std::string_view name, double rows, double n, double k) {
    Ctx e = c;
    e.wb = edge_weight_bytes_per_element(c.s);
    const bool wide = e.wb > c.wb;
    if (wide) {
        e.gemm_p = Precision::bf16;
        e.ab_in = 2.0;
    }
    const size_t before = ops.size();
    gemm(ops, e, name, rows, rows, n, k, 1);
    if (ops.size() > before) ops.back().wide = wide;
}

void attention(std::vector<OpResult>& ops, const Ctx& c, std::string_view name, double flops, double kv_bytes,
               double act_bytes, double m_tile, double n_tile, double k_tile) {
    OpResult& op = push(ops, name, OpKind::attention);
    op.precision = c.attn_p;
    op.m = m_tile;
    op.n = n_tile;
    op.k = k_tile;
    op.flops = flops;
    op.kv_bytes = kv_bytes;
    op.activation_bytes = act_bytes;
    op.kv_level = c.kvl;
}

void vec(std::vector<OpResult>& ops, const Ctx&, std::string_view name, double flops, double act_bytes) {
    OpResult& op = push(ops, name, OpKind::vector);
    op.flops = flops;
    op.activation_bytes = act_bytes;
}

// A collective of `chips` chips over `buffer` bytes (the buffer each holds, or each sends); none
// for one chip or nothing to send. Its algorithm and time follow the rates (apply_rates).
void collective(std::vector<OpResult>& ops, std::string_view name, std::string_view what, double buffer,
                int chips) {
    if (chips <= 1 || buffer <= 0) return;
    OpResult& op = push(ops, name, OpKind::collective);
    op.collective = what;
    op.group = chips;
    op.buffer_bytes = buffer;
}

void all_reduce_op(std::vector<OpResult>& ops, const Ctx&, std::string_view name, double bytes, int chips) {
    collective(ops, name, kAllReduce, bytes, chips);
}

void all_to_all_op(std::vector<OpResult>& ops, const Ctx&, std::string_view name, double bytes, int chips) {
    collective(ops, name, kAllToAll, bytes, chips);
}


// All-reduce of the attention rank's activations over its tp chips.
void tp_allreduce(std::vector<OpResult>& ops, const Ctx& c, std::string_view name) {
    if (c.par.tp <= 1) return;
    all_reduce_op(ops, c, name, c.t_a * c.m.hidden * kActBytes, c.par.tp);
}

// One group of attention ops over `seqs` sequences with `queries` each, `keys` attended per query.
struct AttnPart {
    std::string_view score, softmax, value;
    double queries = 0;        // query tokens on this chip
    double keys_per_query = 0;
    double kv_read_tokens = 0; // KV entries read from memory
    double kv_write_tokens = 0;
    double m_tile = 0;
};

void attention_block(std::vector<OpResult>& ops, const Ctx& c, bool sliding) {
    const ModelSpec& m = c.m;
    const double t = c.t_a;
    const double h = m.hidden;
    vec(ops, c, "attn_norm", 4.0 * t * h, 2.0 * t * h * kActBytes);  // square, sum, scale, weight

    const double window = sliding ? m.sliding_window : 0.0;
    const double hq = static_cast<double>(m.heads) / c.par.tp;
    double score_dim_pre = 0, value_dim_pre = 0, score_dim_dec = 0, value_dim_dec = 0, kv_token = 0;
    double k_read_share = 0.5, attn_out = 0, group_heads = 1, kv_heads = 1;
    if (m.is_mla()) {
        const double nope = m.mla.qk_nope_head_dim, rope = m.mla.qk_rope_head_dim;
        const double lora = m.mla.kv_lora_rank, v = m.mla.v_head_dim;
        if (m.mla.q_lora_rank > 0) {
            gemm(ops, c, "q_down", t, t, m.mla.q_lora_rank, h, 1);
            gemm(ops, c, "q_up", t, t, hq * (nope + rope), m.mla.q_lora_rank, 1);
        } else {
            gemm(ops, c, "q_proj", t, t, hq * (nope + rope), h, 1);
        }
        gemm(ops, c, "kv_down", t, t, lora + rope, h, 1);
        // Prefill expands the latent to per-head keys/values; decode absorbs the same matrices into the
        // query and output (same FLOPs: 2 x tokens x heads x lora x (nope + v)).
        gemm(ops, c, "kv_up", t, t, hq * (nope + v), lora, 1);
        kv_token = (lora + rope) * c.kvb;
        score_dim_pre = nope + rope;
        value_dim_pre = v;
        score_dim_dec = lora + rope;
        value_dim_dec = lora;
        group_heads = hq;  // decode: every head reads the one shared latent, heads fill the M tile
        k_read_share = 1.0;  // one latent serves keys and values
        attn_out = hq * v;
    } else {
        const double hkv = std::max(1.0, static_cast<double>(m.kv_heads) / c.par.tp);
        const double hd = m.head_dim;
        // (A gated attention's query projection also makes the output's gate, its product fused into the output.)
        gemm(ops, c, "qkv_proj", t, t, (hq * (m.attention_gate ? 2.0 : 1.0) + 2.0 * hkv) * hd, h, 1);
        score_dim_pre = score_dim_dec = hd;
        value_dim_pre = value_dim_dec = hd;
        kv_token = 2.0 * hkv * hd * c.kvb;
        group_heads = static_cast<double>(m.heads) / m.kv_heads;  // a GQA group shares K/V: fills M
        kv_heads = hkv;
        attn_out = hq * hd;
    }

    // Decode: each request's queries attend its whole context (up to the window), reading its KV once.
    if (c.dec_a > 0) {
        const double ctx = mean_decode_context(c.s);
        const double keys = decode_keys_per_token(c.s, window, m.window_kind);
        const double q = c.dec_a * c.queries;
        const double pairs = q * keys;
        const double kv_bytes = (c.dec_a * keys + q) * kv_token;  // read the context, write the new tokens
        const double m_tile = group_heads * c.queries;
        // The kernel's thread blocks each serve one request's KV head (an MLA latent is one head); their
        // per-block work is shared between the two ops as the KV bytes are, so the ops' ridges add up
        // to the kernel's.
        const double blocks = c.dec_a * kv_heads;
        // A 16-bit cache with grouped-query heads, and heads with a KV head each, run in kernels of their own on some chips.
        const DecodeKernel kernel = decode_kernel(m, c.s.kv_precision);
        // The op just pushed carries `share` of the kernel's per-pair work (the K or V side, as its KV bytes).
        const auto carry_pairs = [&](double share) {
            OpResult& op = ops.back();
            op.attention_pairs = blocks * share;
            op.pair_keys = keys;
            // Hopper's grouped-query kernels size their split of a pair by the request's whole context, also on a
            // sliding layer whose window alone they read (the 16-bit one's choice against the fallback kernel
            // follows the window).
            op.split_keys = runs_per_head(kernel) ? keys : ctx;
            op.pair_share = share;
            op.decode_kernel = kernel;
            // The 8-bit grouped-query kernel leaves a YaRN RoPE to a pass of its own (efficiency.attention_rope_pass_us).
            op.rope_pass = kernel == DecodeKernel::grouped && m.rope == RopeKind::yarn && !m.is_mla();
            // An MLA latent's absorbed heads keep the per-head time as measured: no MLA timings set it.
            op.head_width = m.is_mla() ? 1.0 : score_dim_dec / kAttentionHeadDimMeasured;
        };
        attention(ops, c, "attn_score", 2.0 * hq * score_dim_dec * pairs, kv_bytes * k_read_share,
                  q * hq * score_dim_dec * kActBytes, m_tile, keys, score_dim_dec);
        ops.back().attention_calls = 1;  // one kernel call: score, softmax and value
        carry_pairs(k_read_share);
        vec(ops, c, "softmax", kSoftmaxFlopsPerScore * hq * pairs, 0.0);  // fused: scores never leave the chip
        attention(ops, c, "attn_value", 2.0 * hq * value_dim_dec * pairs, kv_bytes * (1.0 - k_read_share),
                  q * attn_out * kActBytes, m_tile, value_dim_dec, keys);
        ops.back().fused = true;
        carry_pairs(1.0 - k_read_share);
    }
    // Prompt tokens: causal attention over their own prompt. A prompt longer than the step's chunk
    // re-reads its earlier chunks' KV once per later chunk (flash attention keeps a query block's
    // scores on chip, so a chunk reads its prefix once).
    if (c.pre_a > 0) {
        const double keys = prefill_keys_per_token(c.s, window, m.window_kind);
        const double pairs = c.pre_a * keys;
        const double prompt = window > 0 ? std::min<double>(c.s.input_len, window) : c.s.input_len;
        const double chunk = c.chunk > 0 ? std::min(c.chunk, static_cast<double>(c.s.input_len))
                                         : static_cast<double>(c.s.input_len);
        const double rereads = std::max(0.0, prompt / chunk - 1.0) / 2.0;  // prefix reads per prompt token
        const double kv_bytes = c.pre_a * (1.0 + rereads) * kv_token + c.pre_a * kv_token;
        const double m_tile = std::min(chunk, c.pre_a);
        const bool chunked = c.dec_a > 0;  // named apart only when decodes share the step
        // The kernel's thread blocks (prompt_blocks): a launched call holds at least one chunk; a chunk
        // attends, besides its own tokens, the half of the prompt before it on average.
        const auto blocks_of = [&](OpResult& op) {
            op.prompt_pairs = std::max(1.0, c.pre_a / chunk) * hq;
            op.prompt_chunk = chunk;
            op.prompt_prefix = std::max(0.0, (c.s.input_len - chunk) / 2.0);
            op.prompt_window = window;
        };
        attention(ops, c, chunked ? "chunk_attn_score" : "attn_score", 2.0 * hq * score_dim_pre * pairs,
                  kv_bytes * k_read_share, c.pre_a * hq * score_dim_pre * kActBytes, m_tile, keys, score_dim_pre);
        // Prompt tokens averaged over steps may be a fraction of a chunk: only that fraction of the
        // steps launches the prompt-attention kernel at all.
        const double launched = chunked ? std::min(1.0, c.pre_a / chunk) : 1.0;
        ops.back().attention_calls = launched;
        ops.back().fused = true;
        ops.back().prompt_token_heads = c.pre_a * hq * k_read_share;  // shared with the value op as the KV bytes are
        blocks_of(ops.back());
        vec(ops, c, chunked ? "chunk_softmax" : "softmax", kSoftmaxFlopsPerScore * hq * pairs, 0.0);
        ops.back().prompt = true;
        blocks_of(ops.back());
        attention(ops, c, chunked ? "chunk_attn_value" : "attn_value", 2.0 * hq * value_dim_pre * pairs,
                  kv_bytes * (1.0 - k_read_share), c.pre_a * attn_out * kActBytes, m_tile, value_dim_pre, keys);
        ops.back().fused = true;
        ops.back().prompt_token_heads = c.pre_a * hq * (1.0 - k_read_share);
        blocks_of(ops.back());
    }
    gemm(ops, c, "o_proj", t, t, h, attn_out, 1);
    tp_allreduce(ops, c, "attn_allreduce");
}

// Value columns of the state one thread block of the chunked delta rule carries from chunk to chunk (BV of
// flash-linear-attention's chunk_gated_delta_rule_fwd_h, which its autotuning picks among 32 and 64: an estimate).
constexpr double kLinearValueBlock = 64.0;

// A vector op over a linear-attention layer's per-request state (`state_bytes` read and written where the KV
// cache lives), run as a kernel of its own: it pays a launch.
void state_op(std::vector<OpResult>& ops, const Ctx& c, std::string_view name, double flops, double act_bytes,
              double state_bytes) {
    OpResult& op = push(ops, name, OpKind::vector);
    op.flops = flops;
    op.activation_bytes = act_bytes;
    op.kv_bytes = state_bytes;
    op.kv_level = c.kvl;
    op.launched = true;
}

// A linear-attention layer (Gated DeltaNet, as vLLM and SGLang run it with flash-linear-attention's kernels): the
// input projection; the short causal convolution over queries, keys and values; the delta rule, which a decoding
// token runs as one recurrent step over its request's state and a prompt runs chunk by chunk; the gated norm; the
// output projection and the tensor-parallel all-reduce. Heads, and so the state, split over tp. A Mamba-2 mixer (as
// vLLM runs it with mamba_ssm's kernels) has the same ops: its projection, convolution, state update or chunked
// scan, gated norm and output projection.
void linear_attention_block(std::vector<OpResult>& ops, const Ctx& c) {
    const ModelSpec& m = c.m;
    const LinearAttentionSpec& a = m.linear;
    const double t = c.t_a;
    const double h = m.hidden;
    const double tp = c.par.tp;
    vec(ops, c, "attn_norm", 4.0 * t * h, 2.0 * t * h * kActBytes);
    const double kd = a.key_dim() / tp, vd = a.value_dim() / tp, hv = a.value_heads / tp;
    const double dk = a.key_head_dim, dv = a.value_head_dim;
    const double conv = a.conv_dim() / tp;
    // One request's recurrent state on this chip, and its convolution's last inputs.
    const double state = linear_recurrent_state_bytes(m, c.s, c.par.tp);
    const double conv_state = linear_conv_state_bytes(m, c.par.tp);
    const bool mamba = a.kind == LinearKind::mamba2;
    // Gated DeltaNet: queries and keys, values and the output gate, a decay and a write strength per value head.
    // Mamba-2: C and B, the input x and the gate z, a step size per head.
    gemm(ops, c, "linear_in_proj", t, t, 2.0 * kd + 2.0 * vd + (mamba ? 1.0 : 2.0) * hv, h, 1);
    // Each prompt piece of the step (a chunk, or a whole prompt) reads its request's state and writes it back, as a
    // decoding request does.
    const double piece = c.chunk > 0 ? std::min(c.chunk, static_cast<double>(c.s.input_len))
                                     : static_cast<double>(c.s.input_len);
    const double pieces = c.pre_a > 0 ? std::max(1.0, c.pre_a / piece) : 0.0;
    // The convolution: a multiply-add per tap and a SiLU (4 FLOPs) per channel and token.
    state_op(ops, c, "linear_conv", t * conv * (2.0 * a.conv_kernel + 4.0), 2.0 * t * conv * kActBytes,
             2.0 * (c.dec_a + pieces) * conv_state);
    // Per token and value head, a recurrent step: decay the state (dk dv), read it at the key (2 dk dv), write the
    // correction's outer product (2 dk dv), read it at the query (2 dk dv): 7 dk dv FLOPs on the vector units. The
    // state is read once a step and written after each query token (a speculative step keeps each draft position's
    // state to resume from the accepted one).
    // Mamba-2's step (selective_state_update): decay the state (dk dv), add the step's input times B (2 dk dv), read
    // it at C (2 dk dv): 5 dk dv.
    if (c.dec_a > 0) {
        const double q = c.dec_a * c.queries;
        state_op(ops, c, "linear_recurrent", (mamba ? 5.0 : 7.0) * dk * dv * hv * q, q * (2.0 * kd + 2.0 * vd) * kActBytes,
                 c.dec_a * (1.0 + c.queries) * state);
    }
    // A prompt's chunked delta rule (C tokens a chunk, or the prompt piece where shorter; tensor cores at bf16), per
    // chunk and value head: the keys' products within the chunk (2 C^2 dk), their triangular inverse (2 C^3 / 3),
    // the chunk's keys and values through it (2 C^2 (dk + dv)), the values less the state's prediction and the
    // state's update (2 x 2 C dk dv), the output from the state (2 C dk dv) and within the chunk (2 C^2 (dk + dv)).
    // Per token: C (6 dk + 4 dv) + 6 dk dv + 2 C^2 / 3. Between its kernels each chunk's state and its keys' and
    // values' transforms pass through memory (written and read at 16 bits).
    // Mamba-2's chunked scan (mamba_chunk_scan_combined), per chunk: C B^T within it for each group (2 C^2 dk, shared
    // by the group's heads), and per head the chunk's output from it (2 C^2 dv), the chunk's state (2 C dk dv) and the
    // output from the state carried in (2 C dk dv). Per token and head: 2 C dv + 4 dk dv + 2 C dk x groups / heads.
    // Its chunk states pass between its kernels at 32 bits (written, passed on, read: 4 passes of dk dv a chunk and
    // head), and C B^T at 32 bits (written and read).
    if (c.pre_a > 0) {
        const double chunk_c = std::min<double>(linear_chunk_used(m, c.s), piece);
        OpResult& op = push(ops, c.dec_a > 0 ? "linear_chunk_prompt" : "linear_chunk", OpKind::gemm);
        op.wide = true;  // the kernels run at 16 bits whatever the weights' format
        op.m = chunk_c;
        op.n = dv;
        op.k = dk;
        op.kv_bytes = 2.0 * pieces * state;
        op.kv_level = c.kvl;
        const double io_bytes = (2.0 * kd + 2.0 * vd) * kActBytes;  // a token's inputs and output
        if (mamba) {
            const double groups_per_head = static_cast<double>(a.key_heads) / a.value_heads;
            op.flops = c.pre_a * hv * (2.0 * chunk_c * dv + 4.0 * dk * dv + 2.0 * chunk_c * dk * groups_per_head);
            op.activation_bytes = c.pre_a * (io_bytes + hv * 4.0 * 4.0 * dk * dv / chunk_c + 2.0 * 4.0 * chunk_c * kd / dk);
            // The walk from chunk to chunk (its state-passing kernel) is a multiply-add per state element and chunk,
            // on the vector units: too small a chain to bound the op.
        } else {
            const double per_token = chunk_c * (6.0 * dk + 4.0 * dv) + 6.0 * dk * dv + 2.0 * chunk_c * chunk_c / 3.0;
            op.flops = c.pre_a * hv * per_token;
            op.activation_bytes = c.pre_a * (io_bytes + hv * 2.0 * kActBytes * (dk + dv + dk * dv / chunk_c));
            // The state passes from chunk to chunk: one thread block for each prompt, value head and
            // kLinearValueBlock of its value columns walks the prompt's chunks in order, each step its state's product
            // with the chunk's transformed keys and the update (2 x 2 C dk x the block's columns). A prompt's pieces
            // follow one another (a chunked prompt's next piece starts from the state its last one left), so the
            // step's prompt tokens are whole prompts side by side, or part of one.
            const double block_cols = std::min(kLinearValueBlock, dv);
            const double prompt_tokens = std::min(c.pre_a, static_cast<double>(c.s.input_len));
            op.chain_flops = std::ceil(prompt_tokens / chunk_c) * 4.0 * chunk_c * dk * block_cols;
            op.chain_blocks = static_cast<float>(c.pre_a / prompt_tokens * hv * std::ceil(dv / block_cols));
        }
    }
    // The gated RMS norm of each head's output (square, sum, scale, weight; the gate's SiLU and product).
    state_op(ops, c, "linear_norm", 8.0 * t * vd, 3.0 * t * vd * kActBytes, 0.0);
    gemm(ops, c, "linear_out_proj", t, t, h, vd, 1);
    tp_allreduce(ops, c, "attn_allreduce");
}

void ffn_block(std::vector<OpResult>& ops, const Ctx& c, bool moe) {
    const ModelSpec& m = c.m;
    const double t = c.t_a;
    const double h = m.hidden;
    const double gates = m.gated_ffn ? 2.0 : 1.0;
    vec(ops, c, "ffn_norm", 4.0 * t * h, 2.0 * t * h * kActBytes);
    if (!moe) {
        const double f = static_cast<double>(m.ffn) / c.par.tp;
        gemm(ops, c, "ffn_gate_up", t, t, gates * f, h, 1);
        vec(ops, c, "ffn_act", 4.0 * t * f, (gates + 1.0) * t * f * kActBytes);
        gemm(ops, c, "ffn_down", t, t, h, f, 1);
        tp_allreduce(ops, c, "ffn_allreduce");
        return;
    }
    const Parallelism& p = c.par;
    const double e = m.moe.experts, k = m.moe.top_k;
    edge_gemm(ops, c, "moe_router", t, e, h);
    // Latent experts: the tokens go down to the experts' width before they travel (and back up after, below).
    const double xw = m.expert_width();
    if (m.moe.latent > 0) edge_gemm(ops, c, "moe_latent_down", t, xw, h);
    // Tokens live on their attention rank (copied on its tp chips). The experts are spread over ep
    // groups of tp x dp / ep chips. With one attention rank every chip already holds every token and
    // picks its experts' rows. With several, either every chip gathers every token of the group
    // (all-gather, at the experts' input format) and each returns its partial sums by a reduce-scatter
    // (bf16), or each token travels only to the groups its experts live in (one row per destination,
    // an all-to-all) and its outputs travel back.
    const double all_tokens = c.tokens;
    const bool gather = p.dp > 1 && c.dispatch == MoeDispatch::allgather;
    const double remote_rows =
        p.dp > 1 && !gather ? all_tokens * token_reaches_group(p.ep, k) * (1.0 - 1.0 / p.dp) : 0.0;
    const double others = 1.0 - 1.0 / p.group();  // the share of the group's tokens on other chips
    if (gather) collective(ops, "ep_dispatch", kAllGather, all_tokens * others * xw * c.ab_in, p.group());
    if (remote_rows > 0)
        all_to_all_op(ops, c, "ep_dispatch", remote_rows * xw * c.ab_in, p.group());
    // The busiest expert group sets the pace: its share of the token-slots, times the imbalance (which
    // counts the expert it holds beyond the others' where ep does not divide the experts). Slots and
    // experts are whole, so it takes at least a whole share of each: with balanced routing (every count
    // known) the ceiling of an even share of the step's slots and of its distinct experts, what the rank
    // a kernel benchmark times receives (rank 0 of aiconfigurator's balanced_logits: one token's expert at
    // any ep when the step has fewer slots than groups); with random routing (expected counts) at least
    // one slot and one expert.
    const double held = busiest_group_experts(m.moe, p.ep);
    const double even_slots = all_tokens * k / p.ep;
    const double least_slots = c.balanced_routing ? std::ceil(even_slots - 1e-9) : std::min(1.0, all_tokens * k);
    const double routed =
        std::max(least_slots, even_slots * expert_imbalance_used(c.s, m.moe, p.ep, all_tokens));
    const double arrived = gather ? all_tokens : (p.dp > 1 ? t + remote_rows : t);
    // Each token's row is copied once per chosen expert into expert order (the grouped GEMM's input)
    // and, after the experts, the k outputs are weighted and summed back into token order: the
    // arrived rows are read once and written once; each routed copy moves pair_bytes per hidden
    // element on the way (half before the experts, half after).
    const double pair_bytes = c.s.moe_pair_bytes > 0 ? c.s.moe_pair_bytes : moe_pair_bytes_default(c.gemm_p);
    vec(ops, c, "moe_permute", 0.0, arrived * xw * kActBytes + routed * xw * pair_bytes / 2);
    // The fused op's own kernels beyond its two GEMMs (routing, sorting, expand, activation, finalise)
    // cost a fixed time per call: carried here, on the op that opens the call.
    ops.back().moe_calls = 1;
    const double fe = static_cast<double>(m.moe.expert_ffn) / p.moe_tp();
    const double distinct = c.balanced_routing ? std::min(e, all_tokens * k) : expected_distinct_experts(e, k, all_tokens);
    const double least_experts = c.balanced_routing ? std::ceil(distinct / p.ep - 1e-9) : std::min(1.0, distinct);
    const double touched = std::min(held, std::max(distinct * held / e, least_experts));
    const double per_expert = touched > 0 ? routed / touched : routed;
    const double row_share = expert_row_share(per_expert, c.s.moe_tile_tokens, c.balanced_routing);
    gemm(ops, c, "expert_gate_up", routed, per_expert, gates * fe, xw, touched);
    ops.back().grouped = true;
    ops.back().row_share = row_share;
    vec(ops, c, "expert_act", 4.0 * routed * fe, (gates + 1.0) * routed * fe * kActBytes);
    gemm(ops, c, "expert_down", routed, per_expert, xw, fe, touched);
    ops.back().grouped = true;
    ops.back().row_share = row_share;
    if (m.moe.shared_experts > 0) {
        const double fs = static_cast<double>(m.moe.shared_experts) * m.moe.expert_ffn / p.tp;
        gemm(ops, c, "shared_gate_up", t, t, gates * fs, h, 1);
        vec(ops, c, "shared_act", 4.0 * t * fs, (gates + 1.0) * t * fs * kActBytes);
        gemm(ops, c, "shared_down", t, t, h, fs, 1);
    }
    if (gather) collective(ops, "ep_combine", kReduceScatter, all_tokens * others * xw * kActBytes, p.group());
    if (remote_rows > 0)
        all_to_all_op(ops, c, "ep_combine", remote_rows * xw * kActBytes, p.group());
    vec(ops, c, "moe_combine", 2.0 * routed * xw, routed * xw * pair_bytes / 2 + arrived * xw * kActBytes);
    if (m.moe.latent > 0) edge_gemm(ops, c, "moe_latent_up", t, h, xw);
    // Partial sums (experts split over chips, shared experts over tp, token rows picked apart on
    // each chip) become the full output on every chip of the attention rank.
    if (p.dp == 1) {
        if (p.group() > 1)
            all_reduce_op(ops, c, "ffn_allreduce", t * h * kActBytes, p.group());
    } else {
        tp_allreduce(ops, c, "ffn_allreduce");
    }
}

void lm_head_block(std::vector<OpResult>& ops, const Ctx& c) {
    const double h = c.m.hidden;
    // Only the last position of each sequence (each query of a decoding one) is projected.
    const double rows = (c.decode_seqs * c.queries + c.prefill_seqs) / c.par.dp;
    vec(ops, c, "final_norm", 4.0 * rows * h, 2.0 * rows * h * kActBytes);
    edge_gemm(ops, c, "lm_head", rows, static_cast<double>(c.m.vocab) / c.par.tp, h);
    if (c.par.pp > 1) {
        // Activations cross each of the pp - 1 stage boundaries once per step.
        const double bytes = c.t_a * h * kActBytes;
        collective(ops, "pp_sendrecv", kSendRecv, bytes, 2);
    }
}

void finish_template(LayerTemplate& t, const Scenario& s, const ChipRates& r, const Parallelism& par,
                     CollectiveMemo& memo) {
    const double comm_overlap = s.comm_overlap;
    t.time_s = t.compute_s = t.memory_s = t.network_s = 0;
    double by_bound[3] = {0, 0, 0};
    double other_s = 0, comm_s = 0;
    for (auto& op : t.ops) {
        apply_rates(op, s, r, par, memo);
        t.time_s += op.time_s;
        t.compute_s += op.compute_s;
        t.memory_s += op.memory_s;
        t.network_s += op.network_s;
        by_bound[static_cast<int>(op.bound)] += op.time_s;
        (op.kind == OpKind::collective ? comm_s : other_s) += op.time_s;
    }
    // Overlapped communication (two micro-batches interleaved, GEMMs fused with the collective)
    // hides behind the layer's other ops, never more than they take.
    t.hidden_s = std::min(comm_overlap * comm_s, other_s);
    t.time_s -= t.hidden_s;
    t.bound = largest_bound(by_bound[0], by_bound[1], by_bound[2]);
}

// Kinds by pass and layer type; index = the FFN (0 dense, 1 MoE, 2 none) x kMixers + the mixer (0 full attention,
// 1 sliding, 2 linear, 3 none), then the LM head; a layer pattern's layers hold one block (an FFN or a mixer alone),
// the others both. Layer kinds as people read them too (the explain panel and the roofline translate them).
constexpr int kMixers = 4, kNoMixer = 3, kNoFfn = 2, kLayerKinds = 3 * kMixers, kHeadKind = kLayerKinds;
using Kinds = std::string_view[kLayerKinds + 1];
constexpr Kinds kTargetKinds = {SCV_TR("Model", "dense"),         SCV_TR("Model", "dense-sliding"),
                                SCV_TR("Model", "dense-linear"),  SCV_TR("Model", "mlp"),
                                SCV_TR("Model", "moe"),           SCV_TR("Model", "moe-sliding"),
                                SCV_TR("Model", "moe-linear"),    SCV_TR("Model", "moe-ffn"),
                                SCV_TR("Model", "attention"),     SCV_TR("Model", "sliding"),
                                SCV_TR("Model", "linear"),        "",
                                SCV_TR("Model", "lm_head")};
constexpr Kinds kDraftKinds = {SCV_TR("Model", "draft"),             SCV_TR("Model", "draft-sliding"),
                               SCV_TR("Model", "draft-linear"),      SCV_TR("Model", "draft-mlp"),
                               SCV_TR("Model", "draft-moe"),         SCV_TR("Model", "draft-moe-sliding"),
                               SCV_TR("Model", "draft-moe-linear"),  SCV_TR("Model", "draft-moe-ffn"),
                               SCV_TR("Model", "draft-attention"),   SCV_TR("Model", "draft-sliding-only"),
                               SCV_TR("Model", "draft-linear-only"), "",
                               SCV_TR("Model", "draft-lm_head")};
constexpr Kinds kMtpKinds = {SCV_TR("Model", "mtp"),             SCV_TR("Model", "mtp-sliding"),
                             SCV_TR("Model", "mtp-linear"),      SCV_TR("Model", "mtp-mlp"),
                             SCV_TR("Model", "mtp-moe"),         SCV_TR("Model", "mtp-moe-sliding"),
                             SCV_TR("Model", "mtp-moe-linear"),  SCV_TR("Model", "mtp-moe-ffn"),
                             SCV_TR("Model", "mtp-attention"),   SCV_TR("Model", "mtp-sliding-only"),
                             SCV_TR("Model", "mtp-linear-only"), "",
                             SCV_TR("Model", "mtp-lm_head")};

constexpr size_t kLayerOps = 30;  // the largest layer (MLA + latent MoE, shared experts, EP, chunked prefill) has 30 ops
constexpr size_t kHeadOps = 3;    // the final norm, the LM head and a pipeline send

struct Builder {
    PhaseResult& out;
    CollectiveMemo& memo;  // the step's collective costs (one network, workspace and replica)
    size_t used = 0;
    // `ops`: room for the template's ops, so they are never moved as it grows.
    LayerTemplate& next(std::string_view kind, size_t ops = kLayerOps) {
        if (out.templates.size() <= used) out.templates.emplace_back();
        if (out.template_layers.size() <= used) out.template_layers.resize(used + 1);
        out.template_layers[used] = 0;
        LayerTemplate& t = out.templates[used++];
        t.kind = kind;
        t.ops.clear();
        t.ops.reserve(ops);
        return t;
    }
};

Ctx make_ctx(const ModelSpec& m, const Scenario& s, const ChipRates& r, const StepPlan& plan, const StepShape& sh) {
    Ctx c{m, s, r, plan.par};
    c.decode_seqs = sh.decode_seqs;
    c.queries = sh.decode_queries;
    c.prefill_tokens = sh.prefill_tokens;
    c.prefill_seqs = sh.prefill_seqs;
    c.chunk = sh.prefill_chunk;
    c.tokens = sh.decode_seqs * sh.decode_queries + sh.prefill_tokens;
    const double dp = plan.par.dp;
    // The busiest attention rank sets the pace of its ops: its prompt tokens are those of the ranks that
    // carry them, shared evenly among those.
    const double prompt_ranks = sh.prefill_ranks > 0 ? std::min(sh.prefill_ranks, dp) : dp;
    c.dec_a = sh.decode_seqs / dp;
    c.pre_a = sh.prefill_tokens / prompt_ranks;
    c.t_a = c.dec_a * sh.decode_queries + c.pre_a;
    c.wb = weight_bytes_per_element(s);
    c.ab_in = bytes_per_element(s.activation_precision);
    c.kvb = bytes_per_element(s.kv_precision);
    c.gemm_p = s.activation_precision;
    // Attention runs at the KV-cache format, never narrower than fp8.
    c.attn_p = s.kv_precision == Precision::fp4 ? Precision::fp8 : s.kv_precision;
    c.wl = plan.placement.weights;
    c.kvl = plan.placement.kv;
    c.dispatch = plan.moe_dispatch;
    c.balanced_routing = plan.balanced_routing;
    return c;
}

// Appends one pass of `m` (all its layers, or the `only` ones where given) and its LM head, `repeat` times, to the
// step.
void add_pass(Builder& b, const Ctx& c, const Kinds& kinds, int repeat, std::span<const int> only = {}) {
    const ModelSpec& m = c.m;
    int slot[kLayerKinds];
    std::fill(std::begin(slot), std::end(slot), -1);
    const int first = only.empty() ? 0 : only.front();
    const int last = only.empty() ? m.layers : only.back() + 1;
    std::vector<int>& order = b.out.layer_template;
    const size_t start = order.size();
    int uses[kLayerKinds] = {};  // layers of each kind in one pass
    // A layer kind's template, built the first time a layer of that kind comes.
    auto slot_of = [&](int kind) {
        if (slot[kind] < 0) {
            slot[kind] = static_cast<int>(b.used);
            LayerTemplate& t = b.next(kinds[kind]);
            const int mixer = kind % kMixers, ffn = kind / kMixers;
            if (mixer == 2) linear_attention_block(t.ops, c);
            else if (mixer != kNoMixer) attention_block(t.ops, c, mixer == 1);
            if (ffn != kNoFfn) ffn_block(t.ops, c, ffn == 1);
            finish_template(t, c.s, c.r, c.par, b.memo);
        }
        return slot[kind];
    };
    if (!m.is_moe() && m.sliding_window <= 0 && !m.has_linear_attention() && !m.has_layer_pattern()) {
        // Every layer is dense and global: one template, repeated, without asking each layer its kind.
        order.insert(order.end(), static_cast<size_t>(last - first), slot_of(0));
        uses[0] = last - first;
    } else {
        for (int l = first; l < last; ++l) {
            if (!only.empty() && std::find(only.begin(), only.end(), l) == only.end()) continue;
            const int ffn = !m.has_ffn(l) ? kNoFfn : is_moe_layer(m, l) ? 1 : 0;
            const int mixer = !m.has_mixer(l) ? kNoMixer : m.is_linear_layer(l) ? 2 : is_sliding_layer(m, l) ? 1 : 0;
            const int kind = ffn * kMixers + mixer;
            order.push_back(slot_of(kind));
            ++uses[kind];
        }
    }
    for (int kind = 0; kind < kLayerKinds; ++kind)
        if (slot[kind] >= 0) b.out.template_layers[static_cast<size_t>(slot[kind])] = repeat * uses[kind];
    const int head = static_cast<int>(b.used);
    LayerTemplate& t = b.next(kinds[kHeadKind], kHeadOps);
    lm_head_block(t.ops, c);
    finish_template(t, c.s, c.r, c.par, b.memo);
    order.push_back(head);
    b.out.template_layers[static_cast<size_t>(head)] = repeat;
    const size_t pass_len = order.size() - start;
    for (int i = 1; i < repeat; ++i)
        for (size_t j = 0; j < pass_len; ++j) order.push_back(order[start + j]);
}

}  // namespace

bool is_sliding_layer(const ModelSpec& m, int layer) {
    if (m.sliding_window <= 0) return false;  // (a layer pattern's attention layers attend fully: validate_model)
    if (m.sliding_window_every <= 0) return true;
    return layer % m.sliding_window_every != m.sliding_window_every - 1;
}

bool is_moe_layer(const ModelSpec& m, int layer) {
    if (m.has_layer_pattern())
        return m.is_moe() && layer >= 0 && static_cast<size_t>(layer) < m.layer_pattern.size() &&
               m.layer_pattern[static_cast<size_t>(layer)] == 'E';
    if (!m.is_moe() || layer < m.moe.first_dense_layers) return false;
    const int every = std::max(1, m.moe.every);
    return (layer - m.moe.first_dense_layers) % every == every - 1;
}

double moe_pair_bytes_default(Precision p) {
    // TensorRT-LLM's fused MoE op (routing, activation quantisation, expand, two grouped GEMMs,
    // SwiGLU, finalise) on the Qwen3-235B expert shape (H 4096, I 1536, 128 experts, top-8, EP 8,
    // 16,384 tokens on every rank: 16,384 routed copies per GPU), balanced routing; NVIDIA
    // aiconfigurator moe_perf, TensorRT-LLM 1.3.0rc20 (ai-dynamo/aiconfigurator 095f58a5). Measured,
    // us: H100 fp8 766; H200 bf16 997, fp8 714; B200 bf16 495, fp8 430, fp4 447. bf16 moves a read
    // and a write of each copy, 4 B (moe_kernel with the chip's fused-MoE fixed cost: H200 1016, B200
    // 580 us). The quantised paths move more per copy (quantising it, its scale factors): fp8 needs
    // 2.7, 5.2 and 8.0 B on H100, H200 and B200 (the median, 5.2, is used) and fp4 16.3 B on B200 (with
    // the 2.6 launches NVFP4 adds, kFp4MoeLaunches, and its 4.5-bit elements).
    switch (p) {
        case Precision::fp4: return 16.3;
        case Precision::fp8:
        case Precision::int8: return 5.2;
        default: return 4.0;
    }
}

double expert_row_share(double rows, double tile, bool balanced) {
    if (!(tile > 0) || !(rows > 0)) return 1.0;
    // In tiles: an expert's mean rows, and the tiles they fill. Balanced, every expert holds the mean: the
    // whole tiles it needs. Routed, the experts' rows spread over more than a tile, so their last tile is
    // filled to a point spread evenly over it: half a tile more than the rows on average (mean + 1/2, at
    // least one tile: below half a tile every expert fits one).
    const double mean = rows / tile;
    const double tiles = balanced ? std::ceil(mean - 1e-9) : mean + 0.5;
    // Below one tile the kernel takes a smaller one (TensorRT-LLM: the rows' power of two, at least 8): the
    // GEMM's efficiency at so few rows, measured on whole GEMMs, holds that part.
    return std::max(1.0, mean) / std::max(1.0, tiles);
}

double expected_distinct_experts(double experts, double top_k, double tokens) {
    if (experts <= 0 || top_k <= 0 || tokens <= 0) return 0.0;
    return experts * (1.0 - std::pow(1.0 - top_k / experts, tokens));
}

namespace {
// Draws of the experts' loads a set holds: 128 up to 256 experts, fewer beyond (32,768 loads a set, at least 8
// draws): the busiest rank's share over the mean varies less from draw to draw the more experts a rank
// averages, and a set of a model with tens of thousands of experts stays a few MB, drawn once.
int rank_draws(int experts) { return std::clamp(32768 / std::max(1, experts), 8, 128); }

// The experts' loads of rank_draws draws at exactly `tokens` tokens, draw after draw (deterministic: a fixed
// seed). They do not depend on how the experts are grouped onto ranks, so one set serves every
// expert-parallel size.
std::vector<double> draw_expert_loads(double alpha, int experts, int top_k, double tokens) {
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    auto uniform = [&state] {  // splitmix64, 53 bits
        state += 0x9E3779B97F4A7C15ull;
        std::uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        return static_cast<double>(z >> 11) * 0x1.0p-53;
    };
    const double slots = tokens * top_k;
    const bool many = slots > experts;
    const double lo = many ? 1.0 : 0.01, hi = many ? std::max(1.0, 0.8 * tokens) : 2.0;
    // Inverse CDF of the power law on [lo, hi] (alpha = 1: the log-uniform limit).
    const bool log_uniform = std::fabs(alpha - 1.0) < 1e-9;
    const double lo_t = std::pow(lo, 1 - alpha), span_t = std::pow(hi, 1 - alpha) - lo_t, inv = 1 / (1 - alpha);
    const auto n = static_cast<size_t>(experts);
    const int draws = rank_draws(experts);
    std::vector<double> loads(n * static_cast<size_t>(draws));
    for (int d = 0; d < draws; ++d) {
        const std::span<double> load(loads.data() + static_cast<size_t>(d) * n, n);
        double total = 0;
        for (double& x : load) {
            const double u = uniform();
            x = log_uniform ? lo * std::pow(hi / lo, u) : std::pow(span_t * u + lo_t, inv);
            total += x;
        }
        for (double& x : load) x *= slots / total;
        // No expert takes more than every token once: the excess goes to the others in proportion.
        for (int pass = 0; pass < 8; ++pass) {
            double excess = 0, room = 0;
            for (double& x : load) {
                if (x > tokens) {
                    excess += x - tokens;
                    x = tokens;
                } else if (x < tokens) {
                    room += x;
                }
            }
            if (excess <= 0 || room <= 0) break;
            for (double& x : load)
                if (x < tokens) x += excess * x / room;
        }
    }
    return loads;
}

// The busiest rank's load over the mean, averaged over the draws, with the experts in `ep` contiguous groups.
double busiest_rank_of(const std::vector<double>& loads, int experts, int top_k, int ep, double tokens) {
    const double slots = tokens * top_k;
    const int per_rank = (experts + ep - 1) / ep;
    const auto n = static_cast<size_t>(experts);
    double sum_ratio = 0;
    const int draws = rank_draws(experts);
    for (int d = 0; d < draws; ++d) {
        const double* load = loads.data() + static_cast<size_t>(d) * n;
        double busiest = 0;
        for (int r = 0; r < ep; ++r) {
            double rank = 0;
            for (int i = r * per_rank; i < std::min(experts, (r + 1) * per_rank); ++i) rank += load[i];
            busiest = std::max(busiest, rank);
        }
        sum_ratio += busiest / (slots / ep);
    }
    return sum_ratio / draws;
}

// busiest_rank_of at 2^power tokens, kept per thread: a search over a large system's deployments asks
// for hundreds of expert-parallel sizes at a score of powers each. An open-addressed table of 4,096 slots
// keeps up to 2,048 of them (then starts afresh); a key is looked for from the slot its hash names on.
// Behind it one table for the process: a thread that meets a key another has worked out (a background
// evaluation of the design the GUI thread evaluated, the reference chips' threads) copies its value. The
// loads drawn at a power serve every expert-parallel size (16,384 power-law samples at 128 experts, some
// 0.3 ms), so they are kept for the process too, up to 32 MB of them (256 sets at 128 experts; a set is at
// most 32,768 loads up to 4,096 experts and 8 draws beyond: 4 MB at the 65,536 a model may hold).
double shared_rank_draws(double alpha, int experts, int top_k, int ep, int power) {
    using Key = std::tuple<double, int, int, int, int>;
    using LoadsKey = std::tuple<double, int, int, int>;
    constexpr std::size_t kMaxShared = 1u << 16, kMaxLoadsBytes = std::size_t{32} << 20;  // then each starts afresh
    static std::mutex mutex;
    static std::map<Key, double> shared;
    static std::map<LoadsKey, std::shared_ptr<const std::vector<double>>> drawn;
    static std::size_t drawn_bytes = 0;
    const Key key{alpha, experts, top_k, ep, power};
    const LoadsKey loads_key{alpha, experts, top_k, power};
    std::shared_ptr<const std::vector<double>> loads;
    {
        const std::lock_guard lock(mutex);
        if (const auto it = shared.find(key); it != shared.end()) return it->second;
        if (const auto it = drawn.find(loads_key); it != drawn.end()) loads = it->second;
    }
    const double tokens = std::ldexp(1.0, power);
    if (!loads) loads = std::make_shared<const std::vector<double>>(draw_expert_loads(alpha, experts, top_k, tokens));
    const double v = busiest_rank_of(*loads, experts, top_k, ep, tokens);
    const std::lock_guard lock(mutex);
    if (shared.size() >= kMaxShared) shared.clear();
    shared.emplace(key, v);
    if (const std::size_t bytes = loads->size() * sizeof(double); bytes <= kMaxLoadsBytes) {
        if (drawn_bytes + bytes > kMaxLoadsBytes) {
            drawn.clear();
            drawn_bytes = 0;
        }
        if (drawn.emplace(loads_key, std::move(loads)).second) drawn_bytes += bytes;
    }
    return v;
}

[[gnu::noinline]] double kept_rank_draws(double alpha, int experts, int top_k, int ep, int power) {
    struct Kept {
        double alpha;
        int experts, top_k, ep, power;
        double value;
    };
    constexpr std::size_t kSlots = 4096, kMaxKept = kSlots / 2;
    thread_local std::array<Kept, kSlots> kept{};  // experts 0: an empty slot
    thread_local std::size_t count = 0;
    std::uint64_t h = std::bit_cast<std::uint64_t>(alpha);
    for (const int v : {experts, top_k, ep, power}) h = (h ^ static_cast<unsigned>(v)) * 0x100000001B3ull;
    h ^= h >> 29;
    std::size_t i = h & (kSlots - 1);
    for (; kept[i].experts != 0; i = (i + 1) & (kSlots - 1)) {
        const Kept& k = kept[i];
        if (k.experts == experts && k.alpha == alpha && k.top_k == top_k && k.ep == ep && k.power == power)
            return k.value;
    }
    const double v = shared_rank_draws(alpha, experts, top_k, ep, power);
    if (count == kMaxKept) {
        kept.fill(Kept{});
        count = 0;
        i = h & (kSlots - 1);
    }
    kept[i] = Kept{alpha, experts, top_k, ep, power, v};
    ++count;
    return v;
}
}  // namespace

double busiest_expert_rank_load(const MoeSpec& moe, int ep, double tokens) {
    if (ep <= 1 || moe.experts <= 0 || moe.top_k <= 0) return 1.0;
    // Without a known skew: the default, times the busiest group's share of the experts over the mean
    // share (1 where ep divides them; Mixtral's 8 over 6 groups: 2 / 1.33 = 1.5). The draws below
    // place whole experts on each group.
    if (!(moe.routing_alpha > 0)) return kDefaultExpertImbalance * busiest_group_experts(moe, ep) * ep / moe.experts;
    // Drawn at whole powers of two of the tokens and interpolated in log2 between them (a few thousand
    // power-law samples each power, kept).
    const double lg = std::log2(std::max(1.0, tokens));
    const int below = static_cast<int>(std::floor(lg));
    auto at = [&](int power) { return kept_rank_draws(moe.routing_alpha, moe.experts, moe.top_k, ep, power); };
    const double a = at(below);
    if (lg == below) return a;
    const double w = lg - below;
    return a * (1 - w) + at(below + 1) * w;
}

MoeDispatch moe_dispatch_for(const Scenario& s, const Parallelism& par, const NetworkRates& net) {
    if (s.moe_dispatch != MoeDispatch::automatic) return s.moe_dispatch;
    if (par.group() > net.domain) return MoeDispatch::alltoall;
    return net.domain >= 72 && par.moe_tp() == 1 ? MoeDispatch::alltoall : MoeDispatch::allgather;
}

double expert_imbalance_used(const Scenario& s, const MoeSpec& moe, int ep, double tokens) {
    return s.expert_imbalance > 0 ? std::max(1.0, s.expert_imbalance) : busiest_expert_rank_load(moe, ep, tokens);
}

double token_reaches_group(double ep, double top_k) {
    if (ep <= 1) return 1.0;
    return 1.0 - std::pow(1.0 - 1.0 / ep, top_k);
}

double weights_kept_at_16bit(const Scenario& s) {
    return bytes_per_element(s.weight_precision) < 2.0 ? s.weights_16bit_share : 0.0;
}

double weight_bytes_per_element(const Scenario& s) {
    const double b = bytes_per_element(s.weight_precision);
    return b + weights_kept_at_16bit(s) * (2.0 - b);
}

double edge_weight_bytes_per_element(const Scenario& s) {
    const double b = weight_bytes_per_element(s);
    return s.lm_head_as_weights ? b : std::max(b, 2.0);
}

namespace {
// Weights per chip of counts `n` of model `m` over its parallelism, before pipeline stages part the layers.
double weight_bytes_of(const ModelSpec& m, const ParameterCounts& n, double bytes_per_weight, const Parallelism& par,
                       double edge_bytes_per_weight) {
    const double per_tp = n.attention + n.dense_ffn + n.shared_experts + n.norms;
    // A tied table once, on each end stage where pipeline stages part the lookup and the projection.
    const double edge_per_tp = n.embedding + n.lm_head * (m.tied_embedding && par.pp > 1 ? 2.0 : 1.0);
    // The busiest expert group's experts, split over its moe_tp chips (n.routed_experts / group where
    // ep divides the experts).
    const double spread = m.moe.experts > 0
                              ? n.routed_experts * busiest_group_experts(m.moe, par.ep) / m.moe.experts / par.moe_tp()
                              : n.routed_experts / par.group();
    const double edge_bytes = edge_bytes_per_weight > 0 ? edge_bytes_per_weight : bytes_per_weight;
    // Routers and latent experts' projections are copied on every chip (the tokens they take are the chip's own or
    // all of its rank's), in the edge format as quantisation tools leave them.
    return (per_tp / par.tp + spread) * bytes_per_weight +
           (edge_per_tp / par.tp + n.routers + n.latent_projections) * edge_bytes;
}
}  // namespace

double weight_bytes_per_chip(const ModelSpec& m, double bytes_per_weight, const Parallelism& par,
                             double edge_bytes_per_weight) {
    return weight_bytes_of(m, m.parameter_counts(), bytes_per_weight, par, edge_bytes_per_weight) / par.pp;
}

std::array<int, 2> mtp_module_layers(const ModelSpec& m) {
    if (!m.has_layer_pattern()) return {m.layers - 1, m.layers - 1};
    const auto last_of = [&](const auto& holds) {
        for (int l = m.layers - 1; l >= 0; --l)
            if (holds(l)) return l;
        return -1;
    };
    int mixer = last_of([&](int l) { return m.has_mixer(l) && !m.is_linear_layer(l); });
    if (mixer < 0) mixer = last_of([&](int l) { return m.has_mixer(l); });
    const int ffn = last_of([&](int l) { return m.has_ffn(l); });
    std::array<int, 2> module{std::min(mixer, ffn), std::max(mixer, ffn)};
    if (module[0] < 0) module[0] = module[1];
    return module;
}

ModelSpec mtp_module(const ModelSpec& m) {
    ModelSpec mod = m;
    mod.mtp_layers = 0;
    const std::array<int, 2> module = mtp_module_layers(m);
    if (m.has_layer_pattern()) {
        mod.layer_pattern.clear();
        for (size_t i = 0; i < (module[0] == module[1] ? 1u : 2u); ++i)
            mod.layer_pattern += m.layer_pattern[static_cast<size_t>(module[i])];
        mod.layers = static_cast<int>(mod.layer_pattern.size());
        return mod;
    }
    // One layer of the last layer's kinds: its attention (local or full, linear or not) and its FFN (MoE or dense).
    const int last = module[0];
    mod.layers = 1;
    if (is_sliding_layer(m, last)) mod.sliding_window_every = 0;  // every layer local: this one
    else mod.sliding_window = mod.sliding_window_every = 0;
    if (m.has_linear_attention()) mod.linear.full_every = m.is_linear_layer(last) ? 0 : 1;
    if (m.is_moe()) {
        mod.moe.every = 1;
        mod.moe.first_dense_layers = is_moe_layer(m, last) ? 0 : 1;
    }
    return mod;
}

namespace {
// The weights of module `mod` (mtp_module's): its model's, less the embedding and LM head, with its projection and
// input norms.
ParameterCounts module_counts(const ModelSpec& mod) {
    ParameterCounts n = mod.parameter_counts();
    const double h = mod.hidden;
    n.embedding = n.lm_head = 0;
    n.attention += 2.0 * h * h;  // the projection of [hidden state, next token's embedding]
    n.norms += 2.0 * h;          // the two inputs' norms (the layer's and the output's are the module model's)
    return n;
}
}  // namespace

ParameterCounts mtp_module_counts(const ModelSpec& m) { return module_counts(mtp_module(m)); }

double mtp_weight_bytes_per_chip(const ModelSpec& m, const Scenario& s, const Parallelism& par) {
    const ModelSpec mod = mtp_module(m);  // built once for its counts and its weights' placement
    return std::max(1, m.mtp_layers) *
           weight_bytes_of(mod, module_counts(mod), weight_bytes_per_element(s), par, edge_weight_bytes_per_element(s));
}

double mtp_kv_bytes_per_request_per_chip(const ModelSpec& m, const Scenario& s, const Parallelism& par) {
    // kv_bytes_per_request_per_chip parts a model's layers over the stages; the module is whole on the last one.
    return std::max(1, m.mtp_layers) * kv_bytes_per_request_per_chip(mtp_module(m), s, par) * par.pp;
}

double weight_bytes_per_chip(const ModelSpec& m, const Scenario& s, const Parallelism& par) {
    return weight_bytes_per_chip(m, weight_bytes_per_element(s), par, edge_weight_bytes_per_element(s));
}

double weight_bytes_per_chip(const ModelSpec& m, Precision weights, const Parallelism& par) {
    return weight_bytes_per_chip(m, bytes_per_element(weights), par);
}

double kv_bytes_per_token_per_layer(const ModelSpec& m, Precision kv, int tp) {
    const double kvb = bytes_per_element(kv);
    if (m.is_mla()) return (static_cast<double>(m.mla.kv_lora_rank) + m.mla.qk_rope_head_dim) * kvb;
    return 2.0 * std::max(1.0, static_cast<double>(m.kv_heads) / tp) * m.head_dim * kvb;
}

double reserved_context(const Scenario& s) {
    const double spread = s.output_spread();
    return s.input_len + s.output_len * (1.0 + spread * spread);
}

double mean_decode_context(const Scenario& s) {
    return (s.input_len + reserved_context(s)) / 2.0;  // the slot's context grows linearly to the reserve
}

double prefill_keys_per_token(const Scenario& s, double window, WindowKind kind) {
    const double len = s.input_len;
    if (window <= 0 || window >= len) return (len * (1.0 + s.input_len_cv * s.input_len_cv) + 1.0) / 2.0;
    if (kind == WindowKind::chunked) {
        const double whole = std::floor(len / window), rest = len - whole * window;
        return (whole * window * (window + 1) / 2 + rest * (rest + 1) / 2) / len;
    }
    return (window * (window + 1) / 2 + (len - window) * window) / len;
}

double decode_keys_per_token(const Scenario& s, double window, WindowKind kind) {
    const double ctx = mean_decode_context(s);
    if (window <= 0) return ctx;
    if (kind == WindowKind::sliding) return std::min(ctx, window);
    if (s.chunked_decode_full) return ctx;  // the engine attends the whole context in decode
    // A token with x tokens of context (itself included) attends (x - 1) mod window + 1 of them. The sawtooth
    // y mod window integrated from 0: whole chunks of window^2 / 2 and the part of the last; its mean over the
    // contexts from the prompt's end to the reserve, as the mean decode context runs over them (at the
    // prompt's end where they are one).
    const auto integral = [window](double y) {
        const double whole = std::floor(y / window), rest = y - whole * window;
        return whole * window * window / 2 + rest * rest / 2;
    };
    const double from = s.input_len - 1.0, to = reserved_context(s) - 1.0;
    if (to - from < 1e-9) return std::fmod(std::max(0.0, from), window) + 1.0;
    return (integral(to) - integral(from)) / (to - from) + 1.0;
}

double layer_kv_tokens(const ModelSpec& m, const Scenario& s, int layer, double ctx) {
    // A linear-attention layer keeps a state of its own, not a KV cache (linear_state_bytes); an FFN alone, nothing.
    if (m.is_linear_layer(layer) || !m.has_mixer(layer)) return 0.0;
    if (!is_sliding_layer(m, layer)) return ctx;
    // A chunked layer whose decodes attend the whole context, or whose engine keeps every token, holds it all.
    if (m.window_kind == WindowKind::chunked && (s.chunked_decode_full || s.chunked_kv_whole)) return ctx;
    return std::min(ctx, static_cast<double>(m.sliding_window));
}

bool lockstep_run(const Scenario& s) {
    return s.offline_run() && s.input_len_cv == 0 && s.output_spread() == 0;
}

double kv_token_layers(const ModelSpec& m, const Scenario& s, double ctx) {
    // No windowed layers: every full-attention layer holds the whole context.
    if (m.sliding_window <= 0) return ctx * m.attention_layer_count();
    double tokens = 0;
    for (int l = 0; l < m.layers; ++l) tokens += layer_kv_tokens(m, s, l, ctx);
    return tokens;
}

double kv_bytes_per_request_per_chip(const ModelSpec& m, const Scenario& s, const Parallelism& par) {
    const double ctx =
        s.kv_allocation == KvAllocation::reserve || lockstep_run(s) ? reserved_context(s) : mean_decode_context(s);
    return (kv_bytes_per_token_per_layer(m, s.kv_precision, par.tp) * kv_token_layers(m, s, ctx) +
            linear_states_bytes(m, s, par.tp)) /
           par.pp;
}

double linear_recurrent_state_bytes(const ModelSpec& m, const Scenario& s, int tp) {
    const LinearAttentionSpec& a = m.linear;
    return a.value_dim() * a.key_head_dim * (state_fp32_used(m, s) ? 4.0 : 2.0) / tp;
}

double linear_conv_state_bytes(const ModelSpec& m, int tp) {
    const LinearAttentionSpec& a = m.linear;
    return a.conv_dim() * (a.conv_kernel - 1.0) * kActBytes / tp;
}

double linear_state_bytes(const ModelSpec& m, const Scenario& s, int tp) {
    if (!m.has_linear_attention()) return 0.0;
    return linear_recurrent_state_bytes(m, s, tp) + linear_conv_state_bytes(m, tp);
}

double linear_states_bytes(const ModelSpec& m, const Scenario& s, int tp) {
    return m.linear_layer_count() * linear_state_bytes(m, s, tp);
}

double kv_read_bytes_per_decode(const ModelSpec& m, const Scenario& s, const Parallelism& par) {
    const double full = mean_decode_context(s);
    double tokens = full * m.attention_layer_count();
    if (m.sliding_window > 0) {
        const double windowed = decode_keys_per_token(s, m.sliding_window, m.window_kind);
        tokens = 0;
        for (int l = 0; l < m.layers; ++l) tokens += is_sliding_layer(m, l) ? windowed : full;
    }
    // A linear-attention layer reads its state and writes it back.
    return (kv_bytes_per_token_per_layer(m, s.kv_precision, par.tp) * tokens +
            2.0 * linear_states_bytes(m, s, par.tp)) /
           par.pp;
}

DecodeKernel decode_kernel(const ModelSpec& m, Precision kv) {
    if (m.is_mla()) return DecodeKernel::grouped;  // a latent is one KV head every query head reads
    const bool wide = bytes_per_element(kv) >= 2.0;
    if (m.heads <= m.kv_heads) return wide ? DecodeKernel::per_head : DecodeKernel::per_head_8bit;
    return wide ? DecodeKernel::grouped_16bit : DecodeKernel::grouped;
}

namespace {

// A pipeline runs at its slowest stage. The engine splits the decoder layers as evenly as they go, the first
// stages taking the one more where they do not divide (TensorRT-LLM's Mapping.pp_layers: torch.tensor_split), and
// the last stage also runs the final norm and the LM head (and any speculative passes); every other stage sends its
// activations on, one hop of the step's pp - 1. With pp micro-batches in flight each waits its turn at the slowest
// stage, so a step takes pp times that stage's time where it exceeds the stages' sum.
void pipeline_stages(PhaseResult& out, const Parallelism& par) {
    out.pipeline_wait_s = 0;
    out.slowest_stage_layers = 0;
    const int pp = par.pp;
    const size_t main = out.main_layers;
    if (pp <= 1 || main < 2 || out.layer_template.size() < main) return;
    const int layers = static_cast<int>(main) - 1;
    const LayerTemplate& head = out.layer(main - 1);
    double hop = 0, head_s = head.time_s;
    for (const OpResult& op : head.ops)
        if (op.collective == kSendRecv) {
            hop = op.time_s / (pp - 1);
            head_s -= op.time_s;
        }
    for (size_t i = main; i < out.layer_template.size(); ++i) head_s += out.layer(i).time_s;
    double slowest = 0;
    int at = 0;
    for (int st = 0; st < pp; ++st) {
        const int n = layers / pp + (st < layers % pp ? 1 : 0);
        double t = st + 1 < pp ? hop : head_s;
        for (int i = at; i < at + n; ++i) t += out.layer(static_cast<size_t>(i)).time_s;
        at += n;
        if (t > slowest) {
            slowest = t;
            out.slowest_stage_layers = n;
        }
    }
    out.pipeline_wait_s = std::max(0.0, pp * slowest - out.time_s);
    out.time_s += out.pipeline_wait_s;
}

// One step runs every layer of the replica in order (pipeline stages one after another): each
// template's totals once, times the layers that use it.
void total_step(PhaseResult& out, const Parallelism& par) {
    out.time_s = out.flops = out.bytes = out.network_bytes = 0;
    const std::vector<double>& uses = out.template_layers;
    for (size_t i = 0; i < out.templates.size() && i < uses.size(); ++i) {
        const LayerTemplate& t = out.templates[i];
        double flops = 0, bytes = 0, net = 0;
        for (const auto& op : t.ops) {
            flops += op.flops;
            bytes += op.bytes();
            net += op.network_bytes;
        }
        out.time_s += uses[i] * t.time_s;
        out.flops += uses[i] * flops;
        out.bytes += uses[i] * bytes;
        out.network_bytes += uses[i] * net;
    }
    // Per chip: a chip holds 1/pp of the layers.
    out.flops /= par.pp;
    out.bytes /= par.pp;
    out.network_bytes /= par.pp;
    pipeline_stages(out, par);
}

}  // namespace

void lower_step(const ModelSpec& m, const Scenario& s, const ChipRates& r, Phase phase, const StepShape& shape,
                const StepPlan& plan, PhaseResult& out) {
    const Ctx c = make_ctx(m, s, r, plan, shape);
    out.phase = phase;
    out.batch = phase == Phase::prefill ? shape.prefill_seqs : shape.decode_seqs;
    out.tokens = c.tokens;
    out.decode_seqs = shape.decode_seqs;
    out.prefill_tokens = shape.prefill_tokens;
    out.queries_per_seq = shape.decode_queries;
    out.context = shape.decode_seqs > 0 ? mean_decode_context(s) : static_cast<double>(s.input_len);
    out.layer_template.clear();
    out.main_layers = static_cast<size_t>(m.layers) + 1;
    // The target's layers and head, and as many again for drafts or MTP passes, without regrowing.
    out.layer_template.reserve(out.main_layers * (plan.spec_tokens > 0 ? 2 : 1) + 8);
    out.templates.reserve(8);
    out.template_layers.reserve(8);

    CollectiveMemo memo;
    memo.use(r.net, s.custom_allreduce_mb, plan.par);
    Builder b{out, memo};
    add_pass(b, c, kTargetKinds, 1);
    if (plan.spec_tokens > 0 && shape.decode_seqs > 0) {
        // The drafts: K passes at one token per request (the first also prefills the step's prompt
        // tokens into the draft's cache), then the target verifies K + 1 tokens per request above.
        StepShape first = shape;
        first.decode_queries = 1;
        StepShape rest = first;
        rest.prefill_tokens = rest.prefill_seqs = 0;
        if (plan.draft) {
            Ctx d1 = make_ctx(*plan.draft, s, r, plan, first);
            add_pass(b, d1, kDraftKinds, 1);
            if (plan.spec_tokens > 1) {
                Ctx d2 = make_ctx(*plan.draft, s, r, plan, rest);
                add_pass(b, d2, kDraftKinds, plan.spec_tokens - 1);
            }
        } else {
            // An MTP module is one more layer of the target's kind (DeepSeek-V3) and its LM head; where the target's
            // layers hold one block each, an attention layer and an FFN layer of the target's (Nemotron 3 Super's
            // module, mtp_hybrid_override_pattern "*E"): its last attention (else its last mixer) and its last FFN.
            rest.prefill_tokens = 0;
            Ctx mtp = make_ctx(m, s, r, plan, rest);
            const std::array<int, 2> module = mtp_module_layers(m);
            add_pass(b, mtp, kMtpKinds, plan.spec_tokens,
                     std::span<const int>(module.data(), module[0] == module[1] ? 1 : 2));
        }
    }
    out.templates.resize(b.used);
    out.template_layers.resize(b.used);  // counted as the passes were added
    total_step(out, plan.par);
}

void CollectiveMemo::use(const NetworkRates& net, double custom_allreduce_mb, const Parallelism& par) {
    if (net == net_ && custom_allreduce_mb == custom_allreduce_mb_ && par.pp == pp_ && par.chips() == chips_) return;
    net_ = net;
    custom_allreduce_mb_ = custom_allreduce_mb;
    pp_ = par.pp;
    chips_ = par.chips();
    entries_.clear();
}

const CollectiveCost* CollectiveMemo::find(std::string_view collective, double buffer_bytes, int group) const {
    // (Collectives are named by literals: the same name is most often the same pointer.)
    const Entry* e = entries_.find([&](const Entry& k) {
        return k.buffer_bytes == buffer_bytes && k.group == group &&
               (k.collective.data() == collective.data() ? k.collective.size() == collective.size()
                                                         : k.collective == collective);
    });
    return e ? &e->cost : nullptr;
}

void CollectiveMemo::keep(std::string_view collective, double buffer_bytes, int group, const CollectiveCost& cost) {
    entries_.put({collective, buffer_bytes, group, cost});
}

void retime_step(const Scenario& s, const ChipRates& r, const Parallelism& par, PhaseResult& out, CollectiveMemo* memo) {
    CollectiveMemo own;
    CollectiveMemo& m = memo ? *memo : own;
    m.use(r.net, s.custom_allreduce_mb, par);
    for (LayerTemplate& t : out.templates) finish_template(t, s, r, par, m);
    total_step(out, par);
}

namespace {

// The quantities of an op that add up over steps (a step that lacks the op counts zero), each with
// its counterpart in `b`: f(a's, b's).
template <typename F>
void each_additive(OpResult& a, const OpResult& b, F f) {
    f(a.flops, b.flops);
    f(a.weight_bytes, b.weight_bytes);
    f(a.activation_bytes, b.activation_bytes);
    f(a.kv_bytes, b.kv_bytes);
    f(a.network_bytes, b.network_bytes);
    f(a.fixed_s, b.fixed_s);
    f(a.attention_calls, b.attention_calls);
    f(a.attention_pairs, b.attention_pairs);
    f(a.prompt_token_heads, b.prompt_token_heads);
    f(a.prompt_pairs, b.prompt_pairs);
    f(a.moe_calls, b.moe_calls);
    f(a.compute_s, b.compute_s);
    f(a.memory_s, b.memory_s);
    f(a.network_s, b.network_s);
    f(a.overhead_s, b.overhead_s);
    f(a.tail_s, b.tail_s);
    f(a.time_s, b.time_s);
}

void set_bound(OpResult& o) { o.bound = largest_bound(o.compute_s, o.memory_s, o.network_s); }

// `b` (run in a share w of the steps) becomes its mean with `a` (a share 1 - w), in place: counts, FLOPs,
// bytes, times, rows, buffer and tile use averaged; levels and collective algorithm those of the step the
// op runs in more often (shape and precision are the same in both).
void blend_op(OpResult& b, const OpResult& a, double w) {
    b.mean_share = w;
    b.first_step_s = a.time_s;
    b.second_step_s = b.time_s;
    // Tile use: the one at which the mean FLOPs take the mean of the two steps' times at the chip's rate (each
    // step's FLOPs over its own use, weighted by its share), so that FLOPs / (peak x efficiency x use) still
    // gives the mean step's compute; the plain mean of the two where either step has no FLOPs.
    const double flops_b = w * b.flops, flops_a = (1.0 - w) * a.flops;
    const bool timed = flops_a > 0 && flops_b > 0 && a.utilisation > 0 && b.utilisation > 0;
    const double use = timed ? (flops_a + flops_b) / (flops_a / a.utilisation + flops_b / b.utilisation)
                             : w * b.utilisation + (1.0 - w) * a.utilisation;
    each_additive(b, a, [w](double& x, double y) { x = w * x + (1.0 - w) * y; });
    b.m = w * b.m + (1.0 - w) * a.m;
    b.buffer_bytes = w * b.buffer_bytes + (1.0 - w) * a.buffer_bytes;
    b.utilisation = use;
    if (w < 0.5) {
        b.weight_level = a.weight_level;
        b.activation_level = a.activation_level;
        b.kv_level = a.kv_level;
        b.library = a.library;
        b.algorithm = a.algorithm;
    }
    set_bound(b);
}

// An op that only the second step runs, in a share `share` of the steps.
void scale_op(OpResult& o, double share) {
    o.mean_share = share;
    o.first_step_s = 0;
    o.second_step_s = o.time_s;
    each_additive(o, o, [share](double& x, double) { x *= share; });
    set_bound(o);
}

// Ops are named by literals: the same name is most often the same pointer.
bool same_op(const OpResult& a, const OpResult& b) {
    return a.name.data() == b.name.data() ? a.name.size() == b.name.size() : a.name == b.name;
}

}  // namespace

bool blend_steps(PhaseResult& out, PhaseResult& with, double w, const Parallelism& par) {
    if (!blend_into(out, with, w, par)) return false;
    std::swap(out, with);
    return true;
}

bool blend_into(const PhaseResult& out, PhaseResult& with, double w, const Parallelism& par) {
    if (out.templates.size() != with.templates.size() || out.layer_template != with.layer_template ||
        out.template_layers != with.template_layers)
        return false;
    for (size_t i = 0; i < out.templates.size(); ++i)
        if (out.templates[i].kind != with.templates[i].kind) return false;
    // Every op of `out` must be one of `with`'s, in the same order (`with` may run more).
    for (size_t ti = 0; ti < out.templates.size(); ++ti) {
        const std::vector<OpResult>& a = out.templates[ti].ops;
        const std::vector<OpResult>& b = with.templates[ti].ops;
        size_t i = 0;
        for (size_t j = 0; j < b.size() && i < a.size(); ++j)
            if (same_op(a[i], b[j])) ++i;
        if (i != a.size()) return false;
    }
    for (size_t ti = 0; ti < out.templates.size(); ++ti) {
        const LayerTemplate& t = out.templates[ti];
        LayerTemplate& u = with.templates[ti];
        size_t i = 0;
        for (OpResult& b : u.ops) {
            if (i < t.ops.size() && same_op(t.ops[i], b)) blend_op(b, t.ops[i++], w);
            else scale_op(b, w);
        }
        double by_bound[3] = {0, 0, 0};
        for (const OpResult& op : u.ops) by_bound[static_cast<int>(op.bound)] += op.time_s;
        u.time_s = w * u.time_s + (1.0 - w) * t.time_s;
        u.compute_s = w * u.compute_s + (1.0 - w) * t.compute_s;
        u.memory_s = w * u.memory_s + (1.0 - w) * t.memory_s;
        u.network_s = w * u.network_s + (1.0 - w) * t.network_s;
        u.hidden_s = w * u.hidden_s + (1.0 - w) * t.hidden_s;
        u.bound = largest_bound(by_bound[0], by_bound[1], by_bound[2]);
    }
    with.batch = w * with.batch + (1.0 - w) * out.batch;
    with.tokens = w * with.tokens + (1.0 - w) * out.tokens;
    with.decode_seqs = w * with.decode_seqs + (1.0 - w) * out.decode_seqs;
    with.prefill_tokens = w * with.prefill_tokens + (1.0 - w) * out.prefill_tokens;
    total_step(with, par);
    return true;
}

namespace {
// Whether two scenarios lower a step alike: they may differ in the deployment (the chips, their split and
// degrees, auto or given), which lowering takes from the plan (StepPlan::par), never from the scenario.
// (An evaluation's TDP-cap runs give the deployment its nominal run chose.)
bool lower_alike(const Scenario& a, const Scenario& b) {
    if (a == b) return true;
    Scenario x = b;
    x.chips = a.chips;
    x.tp = a.tp;
    x.pp = a.pp;
    x.ep = a.ep;
    x.attention_dp = a.attention_dp;
    x.prefill_chips = a.prefill_chips;
    x.decode_chips = a.decode_chips;
    x.prefill_tp = a.prefill_tp;
    x.prefill_pp = a.prefill_pp;
    x.prefill_ep = a.prefill_ep;
    x.prefill_attention_dp = a.prefill_attention_dp;
    return x == a;
}
}  // namespace

void LoweringCache::lower(const ModelSpec& model, const Scenario& scenario, const ChipRates& rates, Phase phase,
                          const StepShape& shape, const StepPlan& plan, PhaseResult& out) {
    for (Entry& e : entries_) {
        if (e.buffer != &out) continue;
        if (e.model == &model && e.phase == phase && e.shape == shape && e.plan == plan &&
            lower_alike(e.scenario, scenario)) {
            retime_step(scenario, rates, plan.par, out, &collectives_);
            return;
        }
        lower_step(model, scenario, rates, phase, shape, plan, out);
        e.model = &model;
        e.scenario = scenario;
        e.phase = phase;
        e.shape = shape;
        e.plan = plan;
        return;
    }
    lower_step(model, scenario, rates, phase, shape, plan, out);
    if (entries_.empty()) entries_.reserve(6);  // an evaluation lowers into up to six buffers
    entries_.push_back({&out, &model, scenario, phase, shape, plan});
}

}  // namespace scoville
