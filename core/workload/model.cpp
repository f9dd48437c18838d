#include "core/workload/model.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/util/format.hpp"
#include "core/util/json.hpp"
#include "core/workload/model_keys.hpp"

namespace scoville {

using nlohmann::json;

namespace {

// Weights of one layer's attention block (projections only; norms counted separately).
double attention_params(const ModelSpec& m) {
    const double h = m.hidden;
    if (m.is_mla()) {
        const double qk = static_cast<double>(m.mla.qk_nope_head_dim) + m.mla.qk_rope_head_dim;
        const double q = m.mla.q_lora_rank > 0
                             ? h * m.mla.q_lora_rank + static_cast<double>(m.mla.q_lora_rank) * m.heads * qk +
                                   m.mla.q_lora_rank  // q_a_layernorm
                             : h * m.heads * qk;
        const double kv_a = h * (static_cast<double>(m.mla.kv_lora_rank) + m.mla.qk_rope_head_dim);
        const double kv_b = static_cast<double>(m.mla.kv_lora_rank) * m.heads *
                            (static_cast<double>(m.mla.qk_nope_head_dim) + m.mla.v_head_dim);
        const double o = static_cast<double>(m.heads) * m.mla.v_head_dim * h;
        return q + kv_a + m.mla.kv_lora_rank + kv_b + o;
    }
    const double q = h * m.heads * m.head_dim * (m.attention_gate ? 2.0 : 1.0);  // and the output gate's
    const double kv = 2.0 * h * m.kv_heads * m.head_dim;
    const double o = static_cast<double>(m.heads) * m.head_dim * h;
    return q + kv + o;
}

// Weights of one linear-attention layer: the input projection (queries, keys, values, output gate, and a decay and
// a write strength per value head), the convolution's taps, each value head's decay rate and bias, the gated norm's
// weight (one head's width, shared by the heads) and the output projection.
// A Mamba-2 mixer's: the input projection (the gate z and the input x of the heads' width, B and C of the groups'
// state size, a step size per head), the convolution's taps and biases, each head's decay rate, skip and step bias,
// the gated norm's weight (the heads' whole width) and the output projection.
double linear_attention_params(const ModelSpec& m) {
    const LinearAttentionSpec& a = m.linear;
    const double h = m.hidden;
    if (a.kind == LinearKind::mamba2) {
        const double in = h * (2.0 * a.value_dim() + 2.0 * a.key_dim() + a.value_heads);
        return in + a.conv_dim() * (a.conv_kernel + 1.0) + 3.0 * a.value_heads + a.value_dim() + a.value_dim() * h;
    }
    const double in = h * (2.0 * a.key_dim() + 2.0 * a.value_dim() + 2.0 * a.value_heads);
    return in + a.conv_dim() * a.conv_kernel + 2.0 * a.value_heads + a.value_head_dim + a.value_dim() * h;
}

double ffn_params(const ModelSpec& m, double intermediate, double width = 0) {
    return (m.gated_ffn ? 3.0 : 2.0) * (width > 0 ? width : m.hidden) * intermediate;
}

ParameterCounts counts(const ModelSpec& m, bool active_only) {
    const double h = m.hidden;
    const int moe = m.moe_layer_count();
    const int dense = m.dense_ffn_layer_count();
    ParameterCounts n;
    const int linear = m.linear_layer_count();
    n.attention = m.attention_layer_count() * attention_params(m) + (linear > 0 ? linear * linear_attention_params(m) : 0.0);
    // Each block's norm (a layer's attention and FFN norms; one where a pattern gives it one block), the final norm.
    n.norms = (m.has_layer_pattern() ? 1.0 : 2.0) * m.layers * h + h;
    n.dense_ffn = dense * ffn_params(m, m.ffn);
    if (moe > 0) {
        const double routed = active_only ? m.moe.top_k : m.moe.experts;
        n.routers = moe * h * m.moe.experts;
        n.routed_experts = moe * routed * ffn_params(m, m.moe.expert_ffn, m.expert_width());
        n.latent_projections = m.moe.latent > 0 ? moe * 2.0 * h * m.moe.latent : 0.0;
        n.shared_experts = moe * static_cast<double>(m.moe.shared_experts) * ffn_params(m, m.moe.expert_ffn);
    }
    // Embedding + LM head. The embedding is a table lookup, not per-token compute, so the active count leaves
    // it out (OpenAI's 5.1B active for gpt-oss-120b is counted this way); a tied one is the LM head's table.
    n.embedding = active_only || m.tied_embedding ? 0.0 : static_cast<double>(m.vocab) * h;
    n.lm_head = static_cast<double>(m.vocab) * h;
    return n;
}

std::string where(std::string_view origin) { return origin.empty() ? "model" : std::string(origin); }

}  // namespace

double ModelSpec::parameters() const { return counts(*this, false).total(); }
double ModelSpec::active_parameters() const { return counts(*this, true).total(); }
ParameterCounts ModelSpec::parameter_counts() const { return counts(*this, false); }

namespace {

// A layer pattern's block at `layer` ('\0' past its end).
char block_at(const ModelSpec& m, int layer) {
    return layer >= 0 && static_cast<size_t>(layer) < m.layer_pattern.size() ? m.layer_pattern[static_cast<size_t>(layer)]
                                                                             : '\0';
}

int blocks_of(const ModelSpec& m, char block) {
    return static_cast<int>(std::count(m.layer_pattern.begin(), m.layer_pattern.end(), block));
}

}  // namespace

bool ModelSpec::is_linear_layer(int layer) const {
    if (!has_linear_attention()) return false;
    if (has_layer_pattern()) return block_at(*this, layer) == 'M';
    return linear.full_every <= 0 || layer % linear.full_every != linear.full_every - 1;
}

int ModelSpec::linear_layer_count() const {
    if (!has_linear_attention()) return 0;
    if (has_layer_pattern()) return blocks_of(*this, 'M');
    return linear.full_every <= 0 ? layers : layers - layers / linear.full_every;
}

bool ModelSpec::has_mixer(int layer) const {
    if (!has_layer_pattern()) return true;
    const char b = block_at(*this, layer);
    return b == 'M' || b == '*';
}

bool ModelSpec::has_ffn(int layer) const {
    if (!has_layer_pattern()) return true;
    const char b = block_at(*this, layer);
    return b == '-' || b == 'E';
}

int ModelSpec::attention_layer_count() const {
    return has_layer_pattern() ? blocks_of(*this, '*') : layers - linear_layer_count();
}

int ModelSpec::dense_ffn_layer_count() const {
    return has_layer_pattern() ? blocks_of(*this, '-') : layers - moe_layer_count();
}

bool state_fp32_used(const ModelSpec& m, const Scenario& s) {
    return s.state_format == StateFormat::model ? m.linear.state_fp32 : s.state_format == StateFormat::fp32;
}

int linear_chunk_used(const ModelSpec& m, const Scenario& s) {
    return s.linear_chunk_tokens > 0 ? s.linear_chunk_tokens : m.linear.chunk_tokens;
}

int ModelSpec::moe_layer_count() const {
    if (!is_moe()) return 0;
    if (has_layer_pattern()) return blocks_of(*this, 'E');
    const int after = std::max(0, layers - moe.first_dense_layers);
    return after / std::max(1, moe.every);
}

std::string_view to_string(KvAllocation a) { return a == KvAllocation::reserve ? "reserve" : "on_demand"; }

std::optional<KvAllocation> parse_kv_allocation(std::string_view s) {
    if (s == "reserve") return KvAllocation::reserve;
    if (s == "on_demand" || s == "on-demand") return KvAllocation::on_demand;
    return std::nullopt;
}

std::string_view to_string(Admission a) { return a == Admission::fill ? "fill" : "best"; }

std::optional<Admission> parse_admission(std::string_view s) {
    if (s == "best") return Admission::best;
    if (s == "fill") return Admission::fill;
    return std::nullopt;
}

std::string_view to_string(PrefillSteps p) { return p == PrefillSteps::separate ? "separate" : "mixed"; }

std::optional<PrefillSteps> parse_prefill_steps(std::string_view s) {
    if (s == "mixed") return PrefillSteps::mixed;
    if (s == "separate") return PrefillSteps::separate;
    return std::nullopt;
}

std::string_view to_string(MoeDispatch d) {
    switch (d) {
    case MoeDispatch::allgather: return "allgather";
    case MoeDispatch::alltoall: return "alltoall";
    case MoeDispatch::automatic: break;
    }
    return "auto";
}

std::optional<MoeDispatch> parse_moe_dispatch(std::string_view s) {
    if (s == "auto") return MoeDispatch::automatic;
    if (s == "allgather") return MoeDispatch::allgather;
    if (s == "alltoall") return MoeDispatch::alltoall;
    return std::nullopt;
}

Result<ModelSpec> model_from_json(std::string_view text, std::string_view origin) {
    auto parsed = parse_json(text, where(origin));
    if (!parsed) return parsed.error();
    json& j = *parsed;
    if (!j.is_object()) return Error{where(origin) + ": expected a JSON object"};

    ModelSpec m;
    auto get_int = [&](const json& v, const std::string& key, int& out) -> Status {
        if (!v.is_number_integer() && !(v.is_number_float() && std::isfinite(v.get<double>()) &&
                                         v.get<double>() == std::round(v.get<double>())))
            return Error{where(origin) + ": '" + key + "' must be a whole number"};
        const double d = v.get<double>();
        if (d < 0 || d > 1e9) return Error{where(origin) + ": '" + key + "' is out of range [0, 1e9]"};
        out = static_cast<int>(d);
        return Ok{};
    };
    // A value of the model file by its key, read as the key's kind says (core/workload/model_keys.hpp: the
    // vocabulary the forms and the sweeps use too).
    auto set_key = [&](const std::string& key, const json& v) -> Status {
        const ModelKey* k = find_model_key(key);
        if (!k) return Error{where(origin) + ": unknown key '" + key + "'"};
        switch (k->kind) {
            case ModelKeyKind::integer: {
                int x = 0;
                if (auto st = get_int(v, key, x); !st) return st;
                k->set(m, x);
                return Ok{};
            }
            case ModelKeyKind::real:
                if (!v.is_number()) return Error{where(origin) + ": '" + key + "' must be a number"};
                k->set(m, v.get<double>());
                return Ok{};
            case ModelKeyKind::flag:
                if (!v.is_boolean()) return Error{where(origin) + ": '" + key + "' must be true or false"};
                k->set(m, v.get<bool>() ? 1.0 : 0.0);
                return Ok{};
            case ModelKeyKind::choice: {
                std::string names;
                for (size_t i = 0; i < k->choices.size(); ++i) {
                    if (v.is_string() && v.get<std::string>() == k->choices[i]) {
                        k->set(m, static_cast<double>(i));
                        return Ok{};
                    }
                    if (i > 0) names.append(" or ");
                    names.append("\"").append(k->choices[i]).append("\"");
                }
                return Error{where(origin) + ": '" + key + "' must be " + names};
            }
        }
        return Ok{};
    };
    try {
        for (auto it = j.begin(); it != j.end(); ++it) {
            const std::string& k = it.key();
            const json& v = it.value();
            if (k == "id" || k == "name" || k == "source" || k == "layer_pattern") {
                if (!v.is_string()) return Error{where(origin) + ": '" + k + "' must be a string"};
                (k == "id" ? m.id : k == "name" ? m.name : k == "source" ? m.source : m.layer_pattern) = v.get<std::string>();
            } else if (k == "moe" || k == "mla" || k == "linear") {
                if (!v.is_object()) return Error{where(origin) + ": '" + k + "' must be an object"};
                for (auto p = v.begin(); p != v.end(); ++p) {
                    const std::string key = k + "." + p.key();
                    if (key == "moe.routing_alpha_range") {
                        const json& r = p.value();
                        if (!r.is_array() || r.size() != 2 || !r[0].is_number() || !r[1].is_number())
                            return Error{where(origin) + ": '" + key + "' must be [low, high]"};
                        m.moe.routing_alpha_low = r[0].get<double>();
                        m.moe.routing_alpha_high = r[1].get<double>();
                    } else if (p.key().find('.') != std::string::npos) {
                        return Error{where(origin) + ": unknown key '" + key + "'"};
                    } else if (auto st = set_key(key, p.value()); !st) {
                        return st.error();
                    }
                }
            } else if (k.find('.') != std::string::npos) {  // "moe.experts" is written inside "moe"
                return Error{where(origin) + ": unknown key '" + k + "'"};
            } else if (auto st = set_key(k, v); !st) {
                return st.error();
            }
        }
    } catch (const json::exception& e) {
        return Error{where(origin) + ": " + e.what()};
    }
    if (auto st = validate_model(m); !st) return Error{where(origin) + ": " + st.error().message};
    return m;
}

std::string model_to_json(const ModelSpec& m, int indent) {
    json j = json::object();
    j["id"] = m.id;
    j["name"] = m.name;
    j["source"] = m.source;
    j["moe"] = json::object();
    j["mla"] = json::object();
    j["linear"] = json::object();
    for (const ModelKey& k : model_keys()) {
        const double v = k.get(m);
        json value = k.kind == ModelKeyKind::integer ? json(static_cast<int>(std::lround(v)))
                     : k.kind == ModelKeyKind::flag  ? json(v >= 0.5)
                     : k.kind == ModelKeyKind::choice ? json(std::string(k.choices[static_cast<size_t>(std::lround(v))]))
                                                      : json(v);
        const auto dot = k.key.find('.');
        if (dot == std::string_view::npos) j[std::string(k.key)] = std::move(value);
        else j[std::string(k.key.substr(0, dot))][std::string(k.key.substr(dot + 1))] = std::move(value);
    }
    if (m.moe.routing_alpha_ranged())
        j["moe"]["routing_alpha_range"] = {m.moe.routing_alpha_low, m.moe.routing_alpha_high};
    if (m.has_layer_pattern()) j["layer_pattern"] = m.layer_pattern;
    return j.dump(indent);
}

Status validate_model(const ModelSpec& m) {
    // Built only on failure: evaluations call this on the hot path.
    auto name = [&m] { return "model '" + m.id + "'"; };
    auto range = [&](const char* key, int v, int lo, int hi) -> Status {
        if (v < lo || v > hi)
            return Error{name() + ": '" + key + "' = " + std::to_string(v) + " is out of range [" +
                         std::to_string(lo) + ", " + std::to_string(hi) + "]"};
        return Ok{};
    };
    // Upper bounds keep every product well inside double precision and memory sizes sane.
    if (auto st = range("layers", m.layers, 1, 10000); !st) return st;
    if (auto st = range("hidden", m.hidden, 1, 1 << 20); !st) return st;
    if (auto st = range("heads", m.heads, 1, 1 << 16); !st) return st;
    if (auto st = range("kv_heads", m.kv_heads, 1, m.heads); !st) return st;
    if (m.heads % m.kv_heads != 0)
        return Error{name() + ": 'heads' (" + std::to_string(m.heads) + ") must be a multiple of 'kv_heads' (" +
                     std::to_string(m.kv_heads) + ")"};
    if (auto st = range("head_dim", m.head_dim, 1, 1 << 16); !st) return st;
    if (auto st = range("vocab", m.vocab, 1, 1 << 24); !st) return st;
    if (auto st = range("sliding_window", m.sliding_window, 0, 1 << 30); !st) return st;
    if (auto st = range("sliding_window_every", m.sliding_window_every, 0, 10000); !st) return st;
    if (auto st = range("max_context", m.max_context, 0, 1 << 30); !st) return st;
    if (auto st = range("mtp_layers", m.mtp_layers, 0, 16); !st) return st;
    const bool needs_dense_ffn = m.has_layer_pattern() ? m.dense_ffn_layer_count() > 0
                                                       : !m.is_moe() || m.moe.first_dense_layers > 0 || m.moe.every > 1;
    if (auto st = range("ffn", m.ffn, needs_dense_ffn ? 1 : 0, 1 << 22); !st) return st;
    if (m.is_moe() || m.moe.top_k != 0 || m.moe.expert_ffn != 0) {
        if (auto st = range("moe.experts", m.moe.experts, 1, 1 << 16); !st) return st;
        if (auto st = range("moe.top_k", m.moe.top_k, 1, m.moe.experts); !st) return st;
        if (auto st = range("moe.expert_ffn", m.moe.expert_ffn, 1, 1 << 22); !st) return st;
        if (auto st = range("moe.shared_experts", m.moe.shared_experts, 0, 1024); !st) return st;
        if (auto st = range("moe.first_dense_layers", m.moe.first_dense_layers, 0, m.layers); !st) return st;
        if (auto st = range("moe.every", m.moe.every, 1, m.layers); !st) return st;
        if (auto st = range("moe.latent", m.moe.latent, 0, 1 << 20); !st) return st;
        // Power-law exponents past 3 put nearly every token on one expert; NaN is refused too.
        if (!(m.moe.routing_alpha >= 0 && m.moe.routing_alpha <= 3))
            return Error{name() + ": 'moe.routing_alpha' = " + format_number("%g", m.moe.routing_alpha) +
                         " is out of range [0, 3]"};
        // A range holds its value and stays within the exponents the model takes.
        const double lo = m.moe.routing_alpha_low, hi = m.moe.routing_alpha_high;
        if ((lo != 0 || hi != 0) && !(lo > 0 && lo <= m.moe.routing_alpha && m.moe.routing_alpha <= hi && hi <= 3))
            return Error{name() + ": 'moe.routing_alpha_range' [" + format_number("%g", lo) + ", " +
                         format_number("%g", hi) + "] must hold 'moe.routing_alpha' (" +
                         format_number("%g", m.moe.routing_alpha) + ") within (0, 3]"};
    }
    if (m.is_mla() || m.mla.q_lora_rank != 0 || m.mla.v_head_dim != 0 || m.mla.qk_nope_head_dim != 0) {
        if (auto st = range("mla.kv_lora_rank", m.mla.kv_lora_rank, 1, 1 << 16); !st) return st;
        if (auto st = range("mla.q_lora_rank", m.mla.q_lora_rank, 0, 1 << 20); !st) return st;
        if (auto st = range("mla.qk_nope_head_dim", m.mla.qk_nope_head_dim, 1, 1 << 16); !st) return st;
        if (auto st = range("mla.qk_rope_head_dim", m.mla.qk_rope_head_dim, 0, 1 << 16); !st) return st;
        if (auto st = range("mla.v_head_dim", m.mla.v_head_dim, 1, 1 << 16); !st) return st;
    }
    const LinearAttentionSpec& a = m.linear;
    if (m.has_linear_attention() || a.key_heads != 0 || a.key_head_dim != 0 || a.value_head_dim != 0 ||
        a.conv_kernel != 0 || a.full_every != 0) {
        if (auto st = range("linear.value_heads", a.value_heads, 1, 1 << 16); !st) return st;
        if (auto st = range("linear.key_heads", a.key_heads, 1, a.value_heads); !st) return st;
        if (a.value_heads % a.key_heads != 0)
            return Error{name() + ": 'linear.value_heads' (" + std::to_string(a.value_heads) +
                         ") must be a multiple of 'linear.key_heads' (" + std::to_string(a.key_heads) + ")"};
        if (auto st = range("linear.key_head_dim", a.key_head_dim, 1, 1 << 12); !st) return st;
        if (auto st = range("linear.value_head_dim", a.value_head_dim, 1, 1 << 12); !st) return st;
        if (auto st = range("linear.conv_kernel", a.conv_kernel, 1, 64); !st) return st;
        if (auto st = range("linear.full_every", a.full_every, 0, m.layers); !st) return st;
        if (auto st = range("linear.chunk_tokens", a.chunk_tokens, 1, 1024); !st) return st;
        if (m.sliding_window > 0)
            return Error{name() + ": 'sliding_window' and linear-attention layers ('linear.value_heads' " +
                         std::to_string(a.value_heads) + ") together are not supported: give the full-attention "
                         "layers no local window"};
    }
    if (m.has_layer_pattern()) {
        const std::string& p = m.layer_pattern;
        for (size_t i = 0; i < p.size(); ++i)
            if (p[i] != 'M' && p[i] != '*' && p[i] != '-' && p[i] != 'E')
                return Error{name() + ": 'layer_pattern' holds '" + std::string(1, p[i]) + "' at layer " +
                             std::to_string(i) + ": a layer is 'M' (linear attention), '*' (attention), '-' (dense "
                             "FFN) or 'E' (MoE FFN)"};
        if (p.size() != static_cast<size_t>(m.layers))
            return Error{name() + ": 'layer_pattern' gives " + std::to_string(p.size()) + " layers but 'layers' is " +
                         std::to_string(m.layers)};
        const bool linear_blocks = p.find('M') != std::string::npos, moe_blocks = p.find('E') != std::string::npos;
        if (linear_blocks != m.has_linear_attention())
            return Error{name() + (linear_blocks ? ": 'layer_pattern' has 'M' layers but 'linear.value_heads' is 0"
                                                 : ": 'linear.value_heads' is set but 'layer_pattern' has no 'M' layer")};
        if (moe_blocks != m.is_moe())
            return Error{name() + (moe_blocks ? ": 'layer_pattern' has 'E' layers but 'moe.experts' is 0"
                                              : ": 'moe.experts' is set but 'layer_pattern' has no 'E' layer")};
        if (p.find_first_of("M*") == std::string::npos)
            return Error{name() + ": 'layer_pattern' has no mixer: it needs an 'M' or a '*' layer"};
        // The pattern places every block: the keys that would place them otherwise stay at their defaults.
        for (const auto& [key, set] : {std::pair{"linear.full_every", a.full_every != 0},
                                       std::pair{"moe.every", m.moe.every > 1},
                                       std::pair{"moe.first_dense_layers", m.moe.first_dense_layers != 0},
                                       std::pair{"sliding_window", m.sliding_window != 0}})
            if (set)
                return Error{name() + ": '" + key + "' is set beside 'layer_pattern', which places every layer's block "
                             "(leave it at its default)"};
    }
    return Ok{};
}

Status validate_length_quantiles(const LengthQuantiles& q, std::string_view key) {
    const std::string name(key);
    char buf[64];
    auto bad = [&](const LengthQuantile& x, std::string_view pattern) {
        auto r = std::to_chars(buf, buf + sizeof buf, x.p);
        std::string item(buf, r.ptr);
        item += ':';
        r = std::to_chars(buf, buf + sizeof buf, x.tokens);
        item.append(buf, r.ptr);
        return Error::of({"Error", pattern, {name, item}});
    };
    for (size_t i = 0; i < q.size(); ++i) {
        const LengthQuantile& x = q[i];
        if (!(x.p > 0 && x.p < 1))
            return bad(x, SCV_TR("Error", "workload '%1': '%2' needs a probability strictly between 0 and 1"));
        if (!(x.tokens >= 1 && x.tokens <= 1e7))
            return bad(x, SCV_TR("Error", "workload '%1': '%2' needs a length of 1 to 1e7 tokens"));
        if (i > 0 && x.p <= q[i - 1].p)
            return bad(x, SCV_TR("Error", "workload '%1': '%2' must follow a lower probability"));
        if (i > 0 && x.tokens < q[i - 1].tokens)
            return bad(x, SCV_TR("Error", "workload '%1': '%2' is shorter than the quantile before it"));
        if (i >= kMaxLengthQuantiles)
            return bad(x, SCV_TR("Error", "workload '%1': '%2' is one quantile too many (64 at most)"));
    }
    if (q.size() == 1) return bad(q[0], SCV_TR("Error", "workload '%1': '%2' needs at least two quantiles"));
    return Ok{};
}

Result<LengthQuantiles> parse_length_quantiles(std::string_view text, std::string_view key) {
    LengthQuantiles out;
    const auto is_separator = [](char c) { return c == ' ' || c == ',' || c == ';' || c == '\t'; };
    const auto number = [](std::string_view t, double& v) {
        const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        return !t.empty() && ec == std::errc() && ptr == t.data() + t.size() && std::isfinite(v);
    };
    size_t i = 0;
    while (i < text.size()) {
        if (is_separator(text[i])) {
            ++i;
            continue;
        }
        size_t end = i;
        while (end < text.size() && !is_separator(text[end])) ++end;
        const std::string_view item = text.substr(i, end - i);
        i = end;
        const size_t colon = item.find(':');
        LengthQuantile q;
        if (colon == std::string_view::npos || !number(item.substr(0, colon), q.p) ||
            !number(item.substr(colon + 1), q.tokens))
            return Error::of({"Error", SCV_TR("Error", "workload '%1': '%2' is not probability:tokens"),
                              {std::string(key), std::string(item)}});
        out.push_back(q);
    }
    if (auto st = validate_length_quantiles(out, key); !st) return st.error();
    return out;
}

std::string to_string(const LengthQuantiles& q) {
    std::string out;
    char buf[64];
    for (const LengthQuantile& x : q) {
        if (!out.empty()) out += ' ';
        auto r = std::to_chars(buf, buf + sizeof buf, x.p);
        out.append(buf, r.ptr);
        out += ':';
        r = std::to_chars(buf, buf + sizeof buf, x.tokens);
        out.append(buf, r.ptr);
    }
    return out;
}

namespace {
// A real workload key outside [lo, hi]: the key, its value, the range and what it means (`meaning` is marked
// where it is passed, so it reads in the user's language too).
Status real_in_range(const char* key, double v, double lo, double hi, std::string_view meaning) {
    if (v >= lo && v <= hi) return Ok{};
    char value[32], low[32], high[32];
    std::snprintf(value, sizeof value, "%.6g", v);
    std::snprintf(low, sizeof low, "%g", lo);
    std::snprintf(high, sizeof high, "%g", hi);
    return Error::of(Message{"Error", SCV_TR("Error", "scenario: %1 = %2 is out of range [%3, %4] (%5)"),
                             {key, value, low, high},
                             {Message{"Error", meaning, {}}}});
}

// Integral over [x, y] of Q(p)^power (power 1 or 2), Q the quantile function the quantiles give.
double quantiles_integral(const LengthQuantiles& q, double x, double y, int power) {
    double sum = 0;
    const auto flat = [&](double from, double to, double len) {
        if (to > from) sum += (to - from) * (power == 2 ? len * len : len);
    };
    flat(x, std::min(y, q.front().p), q.front().tokens);
    for (size_t i = 0; i + 1 < q.size(); ++i) {
        const double a = std::max(x, q[i].p), b = std::min(y, q[i + 1].p);
        if (b <= a) continue;
        const double slope = std::log(q[i + 1].tokens / q[i].tokens) / (q[i + 1].p - q[i].p) * power;
        const double start = std::pow(q[i].tokens, power);
        sum += slope > 0 ? start * (std::exp(slope * (b - q[i].p)) - std::exp(slope * (a - q[i].p))) / slope
                         : start * (b - a);
    }
    flat(std::max(x, q.back().p), y, q.back().tokens);
    return sum;
}

// The probability p at which Q(p) first exceeds x: the share of lengths at most x.
double quantiles_at_most(const LengthQuantiles& q, double x) {
    if (x < q.front().tokens) return 0.0;
    if (x >= q.back().tokens) return 1.0;
    for (size_t i = 0; i + 1 < q.size(); ++i) {
        if (x >= q[i + 1].tokens) continue;
        // q[i].tokens <= x < q[i + 1].tokens: the segment rises through x.
        return q[i].p + std::log(x / q[i].tokens) / std::log(q[i + 1].tokens / q[i].tokens) * (q[i + 1].p - q[i].p);
    }
    return 1.0;
}
}  // namespace

double quantiles_at(const LengthQuantiles& q, double p) {
    if (p <= q.front().p) return q.front().tokens;
    if (p >= q.back().p) return q.back().tokens;
    size_t j = 0;
    while (j + 2 < q.size() && q[j + 1].p < p) ++j;
    const LengthQuantile &a = q[j], &b = q[j + 1];
    return std::exp(std::log(a.tokens) + (p - a.p) / (b.p - a.p) * (std::log(b.tokens) - std::log(a.tokens)));
}

double quantiles_mean(const LengthQuantiles& q) { return quantiles_integral(q, 0, 1, 1); }

double quantiles_spread(const LengthQuantiles& q) {
    const double mean = quantiles_mean(q);
    return std::sqrt(std::max(0.0, quantiles_integral(q, 0, 1, 2) / (mean * mean) - 1.0));
}

double quantiles_above(const LengthQuantiles& q, double x) { return 1.0 - quantiles_at_most(q, x); }

double quantiles_excess(const LengthQuantiles& q, double x) {
    const double from = quantiles_at_most(q, x);
    return std::max(0.0, quantiles_integral(q, from, 1, 1) - x * (1.0 - from));
}

bool tp_splits_linear_heads(const ModelSpec& m, int tp) {
    if (!m.has_linear_attention()) return true;
    return tp >= 1 && m.linear.key_heads % tp == 0 && m.linear.value_heads % tp == 0;
}

bool tp_splits_heads(const ModelSpec& m, int tp) {
    if (tp < 1 || m.heads < tp || m.heads % tp != 0) return false;
    if (!tp_splits_linear_heads(m, tp)) return false;
    if (m.is_mla() || m.kv_heads <= 0) return true;
    return tp <= m.kv_heads ? m.kv_heads % tp == 0 : tp % m.kv_heads == 0;
}

Status validate_moe_pair_bytes(double bytes) {
    return real_in_range("moe_pair_bytes", bytes, 0.0, 256.0,
                         SCV_TR("Error", "bytes per routed token and hidden element outside the expert GEMMs; 0 = by "
                                         "precision"));
}

Status validate_moe_tile_tokens(int tokens) {
    return real_in_range("moe_tile_tokens", tokens, 0.0, 1024.0,
                         SCV_TR("Error", "tokens per tile of the grouped expert GEMMs; 0 = no partial tiles"));
}

Status validate_scenario(const Scenario& s, const ModelSpec& m) {
    // Messages name the key; the GUI shows them translated (Error::of), the command line in English.
    using std::to_string;
    auto fail = [](std::string_view pattern, std::vector<std::string> args) {
        return Error::of(Message{"Error", pattern, std::move(args)});
    };
    auto range = [&](const char* key, long long v, long long lo, long long hi) -> Status {
        if (v < lo || v > hi)
            return fail(SCV_TR("Error", "scenario: %1 = %2 is out of range [%3, %4]"),
                        {key, to_string(v), to_string(lo), to_string(hi)});
        return Ok{};
    };
    if (auto st = range("batch", s.batch, 0, 1000000); !st) return st;
    if (auto st = range("input_len", s.input_len, 1, 10000000); !st) return st;
    if (auto st = range("output_len", s.output_len, 1, 10000000); !st) return st;
    // A request holds its prompt and its output in the model's context (the means: longer requests of a
    // spread are the engine's to cut).
    if (m.max_context > 0 && static_cast<long long>(s.input_len) + s.output_len > m.max_context)
        return fail(SCV_TR("Error", "scenario: input_len + output_len (%1 + %2) exceeds the %3-token context of '%4' "
                                    "(its max_position_embeddings; a model JSON with a larger max_context, as RoPE "
                                    "scaling allows, lifts it)"),
                    {to_string(s.input_len), to_string(s.output_len), to_string(m.max_context), m.id});
    for (const auto& [key, v] : {std::pair{"input_len_cv", s.input_len_cv}, std::pair{"output_len_cv", s.output_len_cv}})
        if (!(v >= 0.0 && v <= 10.0)) {
            char text[32];
            std::snprintf(text, sizeof text, "%.6g", v);
            return fail(SCV_TR("Error", "scenario: %1 = %2 is out of range [0, 10] (standard deviation / mean of the "
                                        "length)"),
                        {key, text});
        }
    // Quantiles set in code rather than parsed are held to the same rules.
    if (!s.output_len_quantiles.empty())
        if (auto st = validate_length_quantiles(s.output_len_quantiles, "output_len_quantiles"); !st) return st;
    if (auto st = range("chips", s.chips, 1, 1000000); !st) return st;
    // Parallelism: 0 is auto; what is given must fit the chips and the model.
    // A degree of parallelism spans as many chips as it says: more than the chips is said so.
    auto within_chips = [&](const char* key, int v) -> Status {
        if (v > s.chips)
            return fail(SCV_TR("Error", "scenario: %1 = %2 exceeds chips (%3): a degree of parallelism needs that "
                                        "many chips"),
                        {key, to_string(v), to_string(s.chips)});
        return range(key, v, 0, s.chips);
    };
    if (auto st = within_chips("tp", s.tp); !st) return st;
    if (auto st = range("pp", s.pp, 0, m.layers); !st) return st;
    if (auto st = within_chips("ep", s.ep); !st) return st;
    if (auto st = within_chips("attention_dp", s.attention_dp); !st) return st;
    if (s.tp > m.heads)
        return fail(SCV_TR("Error", "scenario: tp = %1 exceeds the %2 attention heads of '%3' (a chip would hold less "
                                    "than one head)"),
                    {to_string(s.tp), to_string(m.heads), m.id});
    const int given = std::max(1, s.tp) * std::max(1, s.attention_dp) * std::max(1, s.pp);
    // Pools that each take their own degrees hold them in their own chips, not in the sum (the split's
    // evaluation checks each pool).
    const bool own_prefill = s.disaggregated() && s.prefill_degrees_given();
    if (!own_prefill && s.chips % given != 0)
        return fail(SCV_TR("Error", "scenario: chips (%1) must be a multiple of tp x attention_dp x pp (%2)"),
                    {to_string(s.chips), to_string(given)});
    if (s.tp > 0 && !tp_splits_linear_heads(m, s.tp))
        return fail(SCV_TR("Error", "scenario: tp = %1 does not split the %2 key heads and %3 value heads of the "
                                    "linear-attention layers of '%4' evenly (tp must divide both)"),
                    {to_string(s.tp), to_string(m.linear.key_heads), to_string(m.linear.value_heads), m.id});
    if (s.tp > 0 && !tp_splits_heads(m, s.tp))
        return fail(SCV_TR("Error", "scenario: tp = %1 does not split the %2 attention heads and %3 KV heads of '%4' "
                                    "evenly (engines give every tensor-parallel rank the same heads: tp must divide the "
                                    "heads, and divide the KV heads or be a multiple of them)"),
                    {to_string(s.tp), to_string(m.heads), to_string(m.kv_heads), m.id});
    if (s.ep > 1 && !m.is_moe())
        return fail(SCV_TR("Error", "scenario: ep = %1 needs a mixture-of-experts model ('%2' is dense)"),
                    {to_string(s.ep), m.id});
    if (s.ep > 1 && s.ep > m.moe.experts)
        return fail(SCV_TR("Error", "scenario: ep (%1) exceeds the model's experts (%2)"),
                    {to_string(s.ep), to_string(m.moe.experts)});
    if (s.ep > 1 && s.tp > 0 && s.attention_dp > 0 && (s.tp * s.attention_dp) % s.ep != 0)
        return fail(SCV_TR("Error", "scenario: ep (%1) must divide tp x attention_dp (%2), the chips of a pipeline "
                                    "stage"),
                    {to_string(s.ep), to_string(s.tp * s.attention_dp)});
    if (!own_prefill && s.ep > 1 && s.chips % s.ep != 0)
        return fail(SCV_TR("Error", "scenario: ep (%1) must divide chips (%2)"), {to_string(s.ep), to_string(s.chips)});
    if (auto st = range("max_tokens_per_step", s.max_tokens_per_step, 1, 10000000); !st) return st;
    if (auto st = range("max_batch", s.max_batch, 1, 1000000); !st) return st;
    if (auto st = range("requests", s.requests, 0, 1000000000); !st) return st;
    if (auto st = range("admit_every_steps", s.admit_every_steps, 1, 1000); !st) return st;
    if (auto st = range("spec_tokens", s.spec_tokens, 0, 16); !st) return st;
    const auto real = real_in_range;
    if (auto st = real("spec_accept", s.spec_accept, 0.0, 1.0,
                       SCV_TR("Error", "probability that a drafted token is accepted"));
        !st)
        return st;
    if (s.spec_tokens > 0 && s.spec_accept <= 0)
        return fail(SCV_TR("Error", "scenario: spec_tokens = %1 needs spec_accept > 0 (the probability that a drafted "
                                    "token is accepted)"),
                    {to_string(s.spec_tokens)});
    if (!s.draft_model.empty() && s.spec_tokens == 0)
        return fail(SCV_TR("Error", "scenario: draft_model '%1' needs spec_tokens > 0"), {s.draft_model});
    if (s.expert_imbalance != 0 && !m.is_moe()) {
        char value[32];
        std::snprintf(value, sizeof value, "%.6g", s.expert_imbalance);
        return fail(SCV_TR("Error", "scenario: expert_imbalance = %1 needs a mixture-of-experts model ('%2' is dense; "
                                    "0 = auto)"),
                    {value, m.id});
    }
    if (s.expert_imbalance != 0)  // 0: from the model's routing skew
        if (auto st = real("expert_imbalance", s.expert_imbalance, 1.0, 64.0,
                           SCV_TR("Error", "busiest expert rank's load / mean; 0 = from the model's routing"));
            !st)
            return st;
    if (auto st = real("weights_16bit_share", s.weights_16bit_share, 0.0, 1.0,
                       SCV_TR("Error", "the share of the weights kept at 16 bits, 0 to 1"));
        !st)
        return st;
    if (auto st = validate_moe_pair_bytes(s.moe_pair_bytes); !st) return st;
    if (auto st = validate_moe_tile_tokens(s.moe_tile_tokens); !st) return st;
    if (auto st = real("comm_overlap", s.comm_overlap, 0.0, 1.0, SCV_TR("Error", "fraction of collective time hidden"));
        !st)
        return st;
    if (auto st = real("host_us_per_request", s.host_us_per_request, 0.0, 10000.0,
                       SCV_TR("Error", "engine host time per request and step"));
        !st)
        return st;
    if (auto st = real("host_active_share", s.host_active_share, 0.0, 1.0,
                       SCV_TR("Error", "share of the host time per request that walks every request held, 0 to 1"));
        !st)
        return st;
    if (auto st = real("stream_us_per_token", s.stream_us_per_token, 0.0, 10000.0,
                       SCV_TR("Error", "engine host time per streamed token (request and step of a server)"));
        !st)
        return st;
    if (auto st = real("host_ms_per_step", s.host_ms_per_step, 0.0, 10000.0,
                       SCV_TR("Error", "engine host time per step"));
        !st)
        return st;
    if (auto st = range("linear_chunk_tokens", s.linear_chunk_tokens, 0, 1024); !st) return st;
    if (auto st = real("custom_allreduce_mb", s.custom_allreduce_mb, 0.0, 1e6,
                       SCV_TR("Error", "the largest all-reduce the engine's own kernels take, MB"));
        !st)
        return st;
    if (s.prefill_chips < 0) {
        if (s.prefill_chips != -1 || s.decode_chips != -1)
            return fail(SCV_TR("Error", "scenario: prefill_chips = -1 (the best split) needs decode_chips = -1"), {});
        if (s.chips < 2) return fail(SCV_TR("Error", "scenario: a disaggregated split needs at least 2 chips"), {});
    } else if (s.prefill_chips > 0 || s.decode_chips > 0) {
        if (s.prefill_chips < 1 || s.decode_chips < 1)
            return fail(SCV_TR("Error", "scenario: prefill_chips (%1) and decode_chips (%2) must both be at least 1"),
                        {to_string(s.prefill_chips), to_string(s.decode_chips)});
        if (s.prefill_chips + s.decode_chips != s.chips)
            return fail(SCV_TR("Error", "scenario: prefill_chips + decode_chips (%1 + %2) must equal chips (%3)"),
                        {to_string(s.prefill_chips), to_string(s.decode_chips), to_string(s.chips)});
    } else if (!s.prefill_chip.empty()) {
        return fail(SCV_TR("Error", "scenario: prefill_chip '%1' needs prefill_chips and decode_chips"), {s.prefill_chip});
    }
    // The prefill pool's own degrees: a disaggregated scenario's, held to the same rules as tp, pp, ep and
    // attention_dp (with the shared ones where it leaves some to them).
    if (s.prefill_degrees_given()) {
        if (!s.disaggregated())
            return fail(SCV_TR("Error", "scenario: prefill_tp, prefill_pp, prefill_ep and prefill_attention_dp need "
                                        "prefill_chips and decode_chips"),
                        {});
        if (auto st = within_chips("prefill_tp", s.prefill_tp); !st) return st;
        if (auto st = range("prefill_pp", s.prefill_pp, 0, m.layers); !st) return st;
        if (auto st = within_chips("prefill_ep", s.prefill_ep); !st) return st;
        if (auto st = within_chips("prefill_attention_dp", s.prefill_attention_dp); !st) return st;
        const Scenario p = s.prefill_pool_degrees();
        if (p.tp > 0 && !tp_splits_linear_heads(m, p.tp))
            return fail(SCV_TR("Error", "scenario: the prefill pool's tp = %1 does not split the %2 key heads and %3 "
                                        "value heads of the linear-attention layers of '%4' evenly (tp must divide both)"),
                        {to_string(p.tp), to_string(m.linear.key_heads), to_string(m.linear.value_heads), m.id});
        if (p.tp > 0 && !tp_splits_heads(m, p.tp))
            return fail(SCV_TR("Error", "scenario: the prefill pool's tp = %1 does not split the %2 attention heads and %3 "
                                        "KV heads of '%4' evenly (tp must divide the heads, and divide the KV heads or be "
                                        "a multiple of them)"),
                        {to_string(p.tp), to_string(m.heads), to_string(m.kv_heads), m.id});
        if (p.ep > 1 && !m.is_moe())
            return fail(SCV_TR("Error", "scenario: the prefill pool's ep = %1 needs a mixture-of-experts model ('%2' is "
                                        "dense)"),
                        {to_string(p.ep), m.id});
        if (p.ep > 1 && p.ep > m.moe.experts)
            return fail(SCV_TR("Error", "scenario: the prefill pool's ep (%1) exceeds the model's experts (%2)"),
                        {to_string(p.ep), to_string(m.moe.experts)});
        if (p.ep > 1 && p.tp > 0 && p.attention_dp > 0 && (p.tp * p.attention_dp) % p.ep != 0)
            return fail(SCV_TR("Error", "scenario: the prefill pool's ep (%1) must divide its tp x attention_dp (%2)"),
                        {to_string(p.ep), to_string(p.tp * p.attention_dp)});
    }
    for (const auto& [key, slo] : {std::pair{"ttft_slo", s.ttft_slo_s}, std::pair{"tpot_slo", s.tpot_slo_s}}) {
        if (slo && (!std::isfinite(*slo) || *slo <= 0))
            return fail(SCV_TR("Error", "scenario: %1 must be a positive number of seconds"), {key});
    }
    return Ok{};
}

}  // namespace scoville
