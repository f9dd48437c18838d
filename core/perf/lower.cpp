#include "core/perf/lower.hpp"

#include <algorithm>
#include <cmath>

namespace scoville {

namespace {

constexpr double kActBytes = 2.0;  // residual stream, GEMM outputs and collectives in bf16 (named assumption)

struct Ctx {
    const ModelSpec& m;
    const Scenario& s;
    const ChipRates& r;
    Phase phase;
    double batch = 0;
    double tokens = 0;        // per replica step
    double seq_queries = 0;   // query tokens per sequence in this step (prefill: input_len; decode: 1)
    double tp = 1;
    double wb = 2, ab_in = 2, kvb = 2;
    Precision gemm_p = Precision::bf16;
    Precision attn_p = Precision::bf16;
    MemLevel wl = MemLevel::hbm, kvl = MemLevel::hbm;
};

MemLevel act_level(double bytes, const ChipRates& r) {
    if (!r.has_hbm) return MemLevel::sram;
    return r.sram_bytes > 0 && bytes <= r.sram_bytes ? MemLevel::sram : MemLevel::hbm;
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
    OpResult& op = push(ops, name, OpKind::gemm);
    op.precision = c.gemm_p;
    op.m = m_tile;
    op.n = n;
    op.k = k;
    op.flops = 2.0 * rows * n * k;
    op.weight_bytes = matrices * n * k * c.wb;
    op.activation_bytes = rows * k * c.ab_in + rows * n * kActBytes;
    op.weight_level = c.wl;
    op.activation_level = act_level(op.activation_bytes, c.r);
    op.utilisation = tile_utilisation(m_tile, n, c.r.mac_rows, c.r.mac_cols);
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
    op.activation_level = act_level(act_bytes, c.r);
    op.utilisation = tile_utilisation(m_tile, n_tile, c.r.mac_rows, c.r.mac_cols);
}

void vec(std::vector<OpResult>& ops, const Ctx& c, std::string_view name, double flops, double act_bytes) {
    OpResult& op = push(ops, name, OpKind::vector);
    op.precision = Precision::bf16;
    op.flops = flops;
    op.activation_bytes = act_bytes;
    op.activation_level = act_level(act_bytes, c.r);
}

void collective(std::vector<OpResult>& ops, std::string_view name, std::string_view what, double sent_bytes,
                double seconds) {
    OpResult& op = push(ops, name, OpKind::collective);
    op.collective = what;
    op.network_bytes = sent_bytes;
    op.network_s = seconds;
}

void tp_allreduce(std::vector<OpResult>& ops, const Ctx& c, std::string_view name, int n) {
    if (n <= 1) return;
    const double bytes = c.tokens * c.m.hidden * kActBytes;
    collective(ops, name, "all-reduce", 2.0 * (n - 1) / n * bytes, ring_allreduce_s(bytes, n, c.r));
}

// Query-key pairs one sequence attends in this step. Prefill (causal): sum over positions i = 1..S of
// min(i, W), averaged over the request mix (E[S^2] = mean^2 (1 + cv^2)); decode: min(context, W) for
// the one new token at the mean decode context.
double pairs_per_sequence(const Ctx& c, bool sliding) {
    const double window = sliding ? c.m.sliding_window : 0.0;
    if (c.phase == Phase::prefill) {
        const double s = c.s.input_len;
        if (window <= 0 || window >= s) return (s * s * (1.0 + c.s.input_len_cv * c.s.input_len_cv) + s) / 2;
        return window * (window + 1) / 2 + (s - window) * window;
    }
    const double ctx = mean_decode_context(c.s);
    return window > 0 ? std::min(ctx, window) : ctx;
}

void attention_block(std::vector<OpResult>& ops, const Ctx& c, bool sliding) {
    const ModelSpec& m = c.m;
    const double t = c.tokens;
    const double h = m.hidden;
    vec(ops, c, "attn_norm", 4.0 * t * h, 2.0 * t * h * kActBytes);  // square, sum, scale, weight

    const double pairs = pairs_per_sequence(c, sliding);
    const double all_pairs = c.batch * pairs;
    const double keys_per_query = pairs / c.seq_queries;
    const double hq = m.heads / c.tp;
    double score_dim = 0, value_dim = 0, kv_token = 0, m_tile = 0, k_read_share = 0.5;
    double attn_out = 0;  // width of the attention output per token on this chip
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
        if (c.phase == Phase::prefill) {
            score_dim = nope + rope;
            value_dim = v;
            m_tile = c.seq_queries;
        } else {
            score_dim = lora + rope;
            value_dim = lora;
            m_tile = hq;  // every head reads the one shared latent: heads fill the M tile
        }
        k_read_share = 1.0;  // one latent serves keys and values
        attn_out = hq * v;
    } else {
        const double hkv = std::max(1.0, m.kv_heads / c.tp);
        const double hd = m.head_dim;
        gemm(ops, c, "qkv_proj", t, t, (hq + 2.0 * hkv) * hd, h, 1);
        score_dim = hd;
        value_dim = hd;
        kv_token = 2.0 * hkv * hd * c.kvb;
        // Prefill: query tokens fill M; decode: the query heads of one GQA group share K/V and fill M.
        m_tile = c.phase == Phase::prefill ? c.seq_queries : static_cast<double>(m.heads) / m.kv_heads;
        attn_out = hq * hd;
    }
    // KV traffic: write the step's new tokens, read every attended key/value once (flash attention
    // keeps a query block's scores on chip).
    const double attended = c.phase == Phase::prefill ? t : c.batch * pairs;
    const double kv_total = (t + attended) * kv_token;
    const double q_bytes = t * hq * score_dim * kActBytes;
    attention(ops, c, "attn_score", 2.0 * hq * score_dim * all_pairs, kv_total * k_read_share, q_bytes, m_tile,
              keys_per_query, score_dim);
    vec(ops, c, "softmax", 5.0 * hq * all_pairs, 0.0);  // fused: scores never leave the chip
    attention(ops, c, "attn_value", 2.0 * hq * value_dim * all_pairs, kv_total * (1.0 - k_read_share),
              t * attn_out * kActBytes, m_tile, value_dim, keys_per_query);
    gemm(ops, c, "o_proj", t, t, h, attn_out, 1);
    tp_allreduce(ops, c, "attn_allreduce", c.s.tp);
}

void ffn_block(std::vector<OpResult>& ops, const Ctx& c, bool moe) {
    const ModelSpec& m = c.m;
    const double t = c.tokens;
    const double h = m.hidden;
    const double gates = m.gated_ffn ? 2.0 : 1.0;
    vec(ops, c, "ffn_norm", 4.0 * t * h, 2.0 * t * h * kActBytes);
    if (!moe) {
        const double f = m.ffn / c.tp;
        gemm(ops, c, "ffn_gate_up", t, t, gates * f, h, 1);
        vec(ops, c, "ffn_act", 4.0 * t * f, (gates + 1.0) * t * f * kActBytes);
        gemm(ops, c, "ffn_down", t, t, h, f, 1);
        tp_allreduce(ops, c, "ffn_allreduce", c.s.tp);
        return;
    }
    const int ep = c.s.ep;
    const double e = m.moe.experts, k = m.moe.top_k;
    gemm(ops, c, "moe_router", t, t, e, h, 1);
    // Each token's row is copied once per chosen expert into expert order (the grouped GEMM's input)
    // and, after the experts, the k outputs are weighted and summed back into token order.
    const double slots = t * k;
    vec(ops, c, "moe_permute", 0.0, (t + slots) * h * kActBytes);
    // Each chip of the ep group dispatches its 1/ep share of the token-slots to the experts' owners.
    const double a2a = t * k / ep * h * kActBytes;
    if (ep > 1) collective(ops, "ep_dispatch", "all-to-all", (ep - 1.0) / ep * a2a, all_to_all_s(a2a, ep, c.r));
    const double inner = static_cast<double>(c.s.tp) / ep;  // each expert sharded over tp/ep chips
    const double fe = m.moe.expert_ffn / inner;
    const double routed = t * k / ep;                     // token-slots this chip's experts process
    const double touched = expected_distinct_experts(e, k, t) / ep;
    const double per_expert = routed / touched;
    gemm(ops, c, "expert_gate_up", routed, per_expert, gates * fe, h, touched);
    vec(ops, c, "expert_act", 4.0 * routed * fe, (gates + 1.0) * routed * fe * kActBytes);
    gemm(ops, c, "expert_down", routed, per_expert, h, fe, touched);
    if (m.moe.shared_experts > 0) {
        const double fs = static_cast<double>(m.moe.shared_experts) * m.moe.expert_ffn / c.tp;
        gemm(ops, c, "shared_gate_up", t, t, gates * fs, h, 1);
        vec(ops, c, "shared_act", 4.0 * t * fs, (gates + 1.0) * t * fs * kActBytes);
        gemm(ops, c, "shared_down", t, t, h, fs, 1);
    }
    if (ep > 1) collective(ops, "ep_combine", "all-to-all", (ep - 1.0) / ep * a2a, all_to_all_s(a2a, ep, c.r));
    vec(ops, c, "moe_combine", 2.0 * slots * h, (slots + t) * h * kActBytes);
    tp_allreduce(ops, c, "ffn_allreduce", static_cast<int>(inner));
}

void lm_head_block(std::vector<OpResult>& ops, const Ctx& c) {
    const double h = c.m.hidden;
    // Only the last position of each sequence is projected to the vocabulary.
    vec(ops, c, "final_norm", 4.0 * c.batch * h, 2.0 * c.batch * h * kActBytes);
    gemm(ops, c, "lm_head", c.batch, c.batch, c.m.vocab / c.tp, h, 1);
    if (c.s.pp > 1) {
        // Activations cross each of the pp - 1 stage boundaries once per step.
        const double bytes = c.tokens * h * kActBytes;
        collective(ops, "pp_sendrecv", "send/recv", bytes, (c.s.pp - 1) * send_recv_s(bytes, c.r));
    }
}

void finish_template(LayerTemplate& t, const ChipRates& r) {
    t.time_s = t.compute_s = t.memory_s = t.network_s = 0;
    double by_bound[3] = {0, 0, 0};
    for (auto& op : t.ops) {
        finish_op(op, r);
        t.time_s += op.time_s;
        t.compute_s += op.compute_s;
        t.memory_s += op.memory_s;
        t.network_s += op.network_s;
        by_bound[static_cast<int>(op.bound)] += op.time_s;
    }
    t.bound = by_bound[0] >= by_bound[1] && by_bound[0] >= by_bound[2] ? Bound::compute
              : by_bound[1] >= by_bound[2]                             ? Bound::memory
                                                                       : Bound::network;
}

constexpr std::string_view kKinds[4] = {"dense", "dense-sliding", "moe", "moe-sliding"};

}  // namespace

bool is_sliding_layer(const ModelSpec& m, int layer) {
    if (m.sliding_window <= 0) return false;
    if (m.sliding_window_every <= 0) return true;
    return layer % m.sliding_window_every != m.sliding_window_every - 1;
}

bool is_moe_layer(const ModelSpec& m, int layer) { return m.is_moe() && layer >= m.moe.first_dense_layers; }

double expected_distinct_experts(double experts, double top_k, double tokens) {
    if (experts <= 0 || top_k <= 0 || tokens <= 0) return 0.0;
    return experts * (1.0 - std::pow(1.0 - top_k / experts, tokens));
}

double weight_bytes_per_chip(const ModelSpec& m, const Scenario& s) {
    return m.parameters() * bytes_per_element(s.weight_precision) / (static_cast<double>(s.tp) * s.pp);
}

double kv_bytes_per_token_per_layer(const ModelSpec& m, const Scenario& s) {
    const double kvb = bytes_per_element(s.kv_precision);
    if (m.is_mla()) return (static_cast<double>(m.mla.kv_lora_rank) + m.mla.qk_rope_head_dim) * kvb;
    return 2.0 * std::max(1.0, static_cast<double>(m.kv_heads) / s.tp) * m.head_dim * kvb;
}

double reserved_context(const Scenario& s) {
    return s.input_len + s.output_len * (1.0 + s.output_len_cv * s.output_len_cv);
}

double mean_decode_context(const Scenario& s) {
    return (s.input_len + reserved_context(s)) / 2.0;  // the slot's context grows linearly to the reserve
}

double kv_bytes_per_request_per_chip(const ModelSpec& m, const Scenario& s) {
    const double per_token = kv_bytes_per_token_per_layer(m, s);
    const double ctx = reserved_context(s);
    double tokens = 0;
    for (int l = 0; l < m.layers; ++l)
        tokens += is_sliding_layer(m, l) ? std::min(ctx, static_cast<double>(m.sliding_window)) : ctx;
    return per_token * tokens / s.pp;
}

void lower_phase(const ModelSpec& m, const Scenario& s, const ChipRates& r, Phase phase, int batch,
                 Placement placement, PhaseResult& out) {
    Ctx c{m, s, r, phase};
    c.batch = batch;
    c.seq_queries = phase == Phase::prefill ? s.input_len : 1.0;
    c.tokens = c.batch * c.seq_queries;
    c.tp = s.tp;
    c.wb = bytes_per_element(s.weight_precision);
    c.ab_in = bytes_per_element(s.activation_precision);
    c.kvb = bytes_per_element(s.kv_precision);
    c.gemm_p = s.activation_precision;
    // Attention runs at the KV-cache format, never narrower than fp8.
    c.attn_p = s.kv_precision == Precision::fp4 ? Precision::fp8 : s.kv_precision;
    c.wl = placement.weights;
    c.kvl = placement.kv;

    out.phase = phase;
    out.batch = c.batch;
    out.tokens = c.tokens;
    out.context = phase == Phase::prefill ? s.input_len : mean_decode_context(s);
    out.layer_template.resize(static_cast<size_t>(m.layers) + 1);

    int slot[4] = {-1, -1, -1, -1};
    size_t used = 0;
    auto next_template = [&](std::string_view kind) -> LayerTemplate& {
        if (out.templates.size() <= used) out.templates.emplace_back();
        LayerTemplate& t = out.templates[used++];
        t.kind = kind;
        t.ops.clear();
        t.ops.reserve(24);  // the largest layer (MLA + MoE with shared experts and EP) has 24 ops
        return t;
    };
    for (int l = 0; l < m.layers; ++l) {
        const int kind = (is_moe_layer(m, l) ? 2 : 0) + (is_sliding_layer(m, l) ? 1 : 0);
        if (slot[kind] < 0) {
            slot[kind] = static_cast<int>(used);
            LayerTemplate& t = next_template(kKinds[kind]);
            attention_block(t.ops, c, (kind & 1) != 0);
            ffn_block(t.ops, c, (kind & 2) != 0);
            finish_template(t, r);
        }
        out.layer_template[static_cast<size_t>(l)] = slot[kind];
    }
    const int head_slot = static_cast<int>(used);
    LayerTemplate& head = next_template("lm_head");
    lm_head_block(head.ops, c);
    finish_template(head, r);
    out.layer_template[static_cast<size_t>(m.layers)] = head_slot;
    out.templates.resize(used);

    // One step runs every layer of the replica in order (pipeline stages one after another).
    double count[5] = {0, 0, 0, 0, 0};
    for (int idx : out.layer_template) count[idx] += 1;
    out.time_s = out.flops = out.bytes = out.network_bytes = 0;
    for (size_t i = 0; i < used; ++i) {
        const LayerTemplate& t = out.templates[i];
        out.time_s += count[i] * t.time_s;
        for (const auto& op : t.ops) {
            out.flops += count[i] * op.flops;
            out.bytes += count[i] * op.bytes();
            out.network_bytes += count[i] * op.network_bytes;
        }
    }
    // Per chip: a chip holds 1/pp of the layers.
    out.flops /= s.pp;
    out.bytes /= s.pp;
    out.network_bytes /= s.pp;
}

}  // namespace scoville
