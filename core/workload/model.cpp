#include "core/workload/model.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

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
    const double q = h * m.heads * m.head_dim;
    const double kv = 2.0 * h * m.kv_heads * m.head_dim;
    const double o = static_cast<double>(m.heads) * m.head_dim * h;
    return q + kv + o;
}

double ffn_params(const ModelSpec& m, double intermediate) {
    return (m.gated_ffn ? 3.0 : 2.0) * m.hidden * intermediate;
}

int moe_layers(const ModelSpec& m) {
    return m.is_moe() ? std::max(0, m.layers - m.moe.first_dense_layers) : 0;
}

double params(const ModelSpec& m, bool active_only) {
    const double h = m.hidden;
    const int moe = moe_layers(m);
    const int dense = m.layers - moe;
    double total = m.layers * (attention_params(m) + 2.0 * h);  // + attention and FFN norms
    total += dense * ffn_params(m, m.ffn);
    if (moe > 0) {
        const double routed = active_only ? m.moe.top_k : m.moe.experts;
        total += moe * (h * m.moe.experts  // router
                        + (routed + m.moe.shared_experts) * ffn_params(m, m.moe.expert_ffn));
    }
    total += h;                                     // final norm
    // Embedding + untied LM head. The embedding is a table lookup, not per-token compute, so the
    // active count leaves it out (OpenAI's 5.1B active for gpt-oss-120b is counted this way).
    total += (active_only ? 1.0 : 2.0) * static_cast<double>(m.vocab) * h;
    return total;
}

std::string where(std::string_view origin) { return origin.empty() ? "model" : std::string(origin); }

}  // namespace

double ModelSpec::parameters() const { return params(*this, false); }
double ModelSpec::active_parameters() const { return params(*this, true); }

Result<ModelSpec> model_from_json(std::string_view text, std::string_view origin) {
    json j;
    try {
        j = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        return Error{where(origin) + ": malformed JSON at byte " + std::to_string(e.byte)};
    } catch (const json::exception& e) {  // e.g. a number too large for a double
        return Error{where(origin) + ": malformed JSON (" + e.what() + ")"};
    }
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
    try {
        for (auto it = j.begin(); it != j.end(); ++it) {
            const std::string& k = it.key();
            const json& v = it.value();
            if (k == "id" || k == "name" || k == "source") {
                if (!v.is_string()) return Error{where(origin) + ": '" + k + "' must be a string"};
                (k == "id" ? m.id : k == "name" ? m.name : m.source) = v.get<std::string>();
            } else if (k == "gated_ffn") {
                if (!v.is_boolean()) return Error{where(origin) + ": 'gated_ffn' must be true or false"};
                m.gated_ffn = v.get<bool>();
            } else if (k == "moe" || k == "mla") {
                if (!v.is_object()) return Error{where(origin) + ": '" + k + "' must be an object"};
                for (auto p = v.begin(); p != v.end(); ++p) {
                    const std::string key = k + "." + p.key();
                    int* target = nullptr;
                    if (k == "moe") {
                        if (p.key() == "experts") target = &m.moe.experts;
                        else if (p.key() == "top_k") target = &m.moe.top_k;
                        else if (p.key() == "shared_experts") target = &m.moe.shared_experts;
                        else if (p.key() == "expert_ffn") target = &m.moe.expert_ffn;
                        else if (p.key() == "first_dense_layers") target = &m.moe.first_dense_layers;
                    } else {
                        if (p.key() == "q_lora_rank") target = &m.mla.q_lora_rank;
                        else if (p.key() == "kv_lora_rank") target = &m.mla.kv_lora_rank;
                        else if (p.key() == "qk_nope_head_dim") target = &m.mla.qk_nope_head_dim;
                        else if (p.key() == "qk_rope_head_dim") target = &m.mla.qk_rope_head_dim;
                        else if (p.key() == "v_head_dim") target = &m.mla.v_head_dim;
                    }
                    if (!target) return Error{where(origin) + ": unknown key '" + key + "'"};
                    if (auto st = get_int(p.value(), key, *target); !st) return st.error();
                }
            } else {
                int* target = k == "layers"                 ? &m.layers
                              : k == "hidden"               ? &m.hidden
                              : k == "heads"                ? &m.heads
                              : k == "kv_heads"             ? &m.kv_heads
                              : k == "head_dim"             ? &m.head_dim
                              : k == "ffn"                  ? &m.ffn
                              : k == "vocab"                ? &m.vocab
                              : k == "sliding_window"       ? &m.sliding_window
                              : k == "sliding_window_every" ? &m.sliding_window_every
                                                            : nullptr;
                if (!target) return Error{where(origin) + ": unknown key '" + k + "'"};
                if (auto st = get_int(v, k, *target); !st) return st.error();
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
    j["layers"] = m.layers;
    j["hidden"] = m.hidden;
    j["heads"] = m.heads;
    j["kv_heads"] = m.kv_heads;
    j["head_dim"] = m.head_dim;
    j["ffn"] = m.ffn;
    j["gated_ffn"] = m.gated_ffn;
    j["vocab"] = m.vocab;
    j["sliding_window"] = m.sliding_window;
    j["sliding_window_every"] = m.sliding_window_every;
    j["moe"] = {{"experts", m.moe.experts},
                {"top_k", m.moe.top_k},
                {"shared_experts", m.moe.shared_experts},
                {"expert_ffn", m.moe.expert_ffn},
                {"first_dense_layers", m.moe.first_dense_layers}};
    j["mla"] = {{"q_lora_rank", m.mla.q_lora_rank},
                {"kv_lora_rank", m.mla.kv_lora_rank},
                {"qk_nope_head_dim", m.mla.qk_nope_head_dim},
                {"qk_rope_head_dim", m.mla.qk_rope_head_dim},
                {"v_head_dim", m.mla.v_head_dim}};
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
    const bool needs_dense_ffn = !m.is_moe() || m.moe.first_dense_layers > 0;
    if (auto st = range("ffn", m.ffn, needs_dense_ffn ? 1 : 0, 1 << 22); !st) return st;
    if (m.is_moe() || m.moe.top_k != 0 || m.moe.expert_ffn != 0) {
        if (auto st = range("moe.experts", m.moe.experts, 1, 1 << 16); !st) return st;
        if (auto st = range("moe.top_k", m.moe.top_k, 1, m.moe.experts); !st) return st;
        if (auto st = range("moe.expert_ffn", m.moe.expert_ffn, 1, 1 << 22); !st) return st;
        if (auto st = range("moe.shared_experts", m.moe.shared_experts, 0, 1024); !st) return st;
        if (auto st = range("moe.first_dense_layers", m.moe.first_dense_layers, 0, m.layers); !st) return st;
    }
    if (m.is_mla() || m.mla.q_lora_rank != 0 || m.mla.v_head_dim != 0 || m.mla.qk_nope_head_dim != 0) {
        if (auto st = range("mla.kv_lora_rank", m.mla.kv_lora_rank, 1, 1 << 16); !st) return st;
        if (auto st = range("mla.q_lora_rank", m.mla.q_lora_rank, 0, 1 << 20); !st) return st;
        if (auto st = range("mla.qk_nope_head_dim", m.mla.qk_nope_head_dim, 1, 1 << 16); !st) return st;
        if (auto st = range("mla.qk_rope_head_dim", m.mla.qk_rope_head_dim, 0, 1 << 16); !st) return st;
        if (auto st = range("mla.v_head_dim", m.mla.v_head_dim, 1, 1 << 16); !st) return st;
    }
    return Ok{};
}

Status validate_scenario(const Scenario& s, const ModelSpec& m) {
    auto range = [&](const char* key, long long v, long long lo, long long hi) -> Status {
        if (v < lo || v > hi)
            return Error{std::string("scenario: ") + key + " = " + std::to_string(v) + " is out of range [" +
                         std::to_string(lo) + ", " + std::to_string(hi) + "]"};
        return Ok{};
    };
    if (auto st = range("batch", s.batch, 0, 1000000); !st) return st;
    if (auto st = range("input_len", s.input_len, 1, 10000000); !st) return st;
    if (auto st = range("output_len", s.output_len, 1, 10000000); !st) return st;
    for (const auto& [key, v] : {std::pair{"input_len_cv", s.input_len_cv}, std::pair{"output_len_cv", s.output_len_cv}})
        if (!(v >= 0.0 && v <= 10.0)) {
            char text[32];
            std::snprintf(text, sizeof text, "%.6g", v);
            return Error{std::string("scenario: ") + key + " = " + text +
                         " is out of range [0, 10] (standard deviation / mean of the length)"};
        }
    if (auto st = range("chips", s.chips, 1, 1000000); !st) return st;
    if (auto st = range("tp", s.tp, 1, s.chips); !st) return st;
    if (auto st = range("pp", s.pp, 1, m.layers); !st) return st;
    if (auto st = range("ep", s.ep, 1, s.tp); !st) return st;
    if (s.chips % (s.tp * s.pp) != 0)
        return Error{"scenario: chips (" + std::to_string(s.chips) + ") must be a multiple of tp x pp (" +
                     std::to_string(s.tp * s.pp) + ")"};
    if (s.tp % s.ep != 0)
        return Error{"scenario: ep (" + std::to_string(s.ep) + ") must divide tp (" + std::to_string(s.tp) + ")"};
    if (s.ep > 1 && !m.is_moe())
        return Error{"scenario: ep = " + std::to_string(s.ep) + " needs a mixture-of-experts model ('" + m.id +
                     "' is dense)"};
    if (s.ep > 1 && s.ep > m.moe.experts)
        return Error{"scenario: ep (" + std::to_string(s.ep) + ") exceeds the model's experts (" +
                     std::to_string(m.moe.experts) + ")"};
    for (const auto& [key, slo] : {std::pair{"ttft_slo", s.ttft_slo_s}, std::pair{"tpot_slo", s.tpot_slo_s}}) {
        if (slo && (!std::isfinite(*slo) || *slo <= 0))
            return Error{std::string("scenario: ") + key + " must be a positive number of seconds"};
    }
    return Ok{};
}

}  // namespace scoville
