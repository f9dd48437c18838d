#include "core/workload/scenario_keys.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/util/registry.hpp"

namespace scoville {

namespace {

std::string number_text(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

#define SCV_INT(field) \
    [](const Scenario& s) { return number_text(s.field); }, \
    [](Scenario& s, double v, std::string_view) { s.field = static_cast<int>(std::lround(v)); }
#define SCV_REAL(field) \
    [](const Scenario& s) { return number_text(s.field); }, \
    [](Scenario& s, double v, std::string_view) { s.field = v; }
#define SCV_PRECISION(field) \
    [](const Scenario& s) { return std::string(to_string(s.field)); }, \
    [](Scenario& s, double v, std::string_view) { s.field = static_cast<Precision>(std::lround(v)); }
#define SCV_LIMIT(field) \
    [](const Scenario& s) { return s.field ? number_text(*s.field) : std::string(); }, \
    [](Scenario& s, double v, std::string_view) { s.field = v > 0 ? std::optional<double>(v) : std::nullopt; }
#define SCV_TEXT(field) \
    [](const Scenario& s) { return s.field; }, [](Scenario& s, double, std::string_view t) { s.field = std::string(t); }

const std::vector<std::string_view> kPrecisions{"bf16", "fp8", "fp4", "int8"};

std::vector<WorkloadKey> build() {
    std::vector<WorkloadKey> k;
    auto add = [&](WorkloadKey key) { k.push_back(std::move(key)); };
    using K = WorkloadKeyKind;
    // clang-format off
    add({"batch", "Requests", "Batch", "requests", K::integer, 0, 1000000, "auto", {},
         "Requests in flight per replica; auto = the most memory and the engine allow (offline) or the most that "
         "meet the p99 latency limits (server).", SCV_INT(batch)});
    add({"input_len", "Requests", "Prompt", "tokens", K::integer, 1, 10000000, "", {},
         "Prompt tokens per request (the mean over the requests).", SCV_INT(input_len)});
    add({"output_len", "Requests", "Output", "tokens", K::integer, 1, 10000000, "", {},
         "Generated tokens per request (the mean over the requests).", SCV_INT(output_len)});
    add({"input_len_cv", "Requests", "Prompt spread", "", K::real, 0, 10, "", {},
         "Standard deviation / mean of the prompt lengths (MLPerf OpenOrca: 0.77).", SCV_REAL(input_len_cv)});
    add({"output_len_cv", "Requests", "Output spread", "", K::real, 0, 10, "", {},
         "Standard deviation / mean of the output lengths (MLPerf OpenOrca: 0.79).", SCV_REAL(output_len_cv)});
    add({"weight_precision", "Precision", "Weights", "", K::choice, 0, 3, "", kPrecisions,
         "Number format of the weights.", SCV_PRECISION(weight_precision)});
    add({"activation_precision", "Precision", "Activations", "", K::choice, 0, 3, "", kPrecisions,
         "Number format the GEMMs compute in.", SCV_PRECISION(activation_precision)});
    add({"kv_precision", "Precision", "KV cache", "", K::choice, 0, 3, "", kPrecisions,
         "Number format of the KV cache.", SCV_PRECISION(kv_precision)});
    add({"chips", "Parallelism", "Chips", "", K::integer, 1, 1000000, "", {},
         "Chips in the system; replicas = chips / (tp x attention_dp x pp).", SCV_INT(chips)});
    add({"tp", "Parallelism", "Tensor parallel", "", K::integer, 0, 1000000, "auto", {},
         "Tensor-parallel degree of attention, dense FFNs and the LM head; auto = the best within the limits.",
         SCV_INT(tp)});
    add({"pp", "Parallelism", "Pipeline stages", "", K::integer, 0, 1000000, "auto", {},
         "Pipeline stages; auto = 1 unless the model only fits deeper.", SCV_INT(pp)});
    add({"ep", "Parallelism", "Expert parallel", "", K::integer, 0, 1000000, "auto", {},
         "Chips the routed experts are spread over (divides tp x attention_dp); auto = the best.", SCV_INT(ep)});
    add({"attention_dp", "Parallelism", "Attention data parallel", "", K::integer, 0, 1000000, "auto", {},
         "Attention ranks, each with its own requests, that MoE layers span (DeepSeek and Qwen3 deployments).",
         SCV_INT(attention_dp)});
    add({"max_tokens_per_step", "Engine", "Token budget per step", "tokens", K::integer, 1, 10000000, "", {},
         "Decode and prompt-chunk tokens one step of an attention rank takes (TensorRT-LLM max_num_tokens: 8192).",
         SCV_INT(max_tokens_per_step)});
    add({"max_batch", "Engine", "Engine batch limit", "requests", K::integer, 1, 1000000, "", {},
         "Requests in flight per attention rank the engine allows (TensorRT-LLM max_batch_size: 2048).",
         SCV_INT(max_batch)});
    add({"kv_allocation", "Engine", "KV allocation", "", K::choice, 0, 1, "", {"reserve", "on_demand"},
         "reserve: a request's final KV is set aside when it is admitted (TensorRT-LLM default); on_demand: pages "
         "as tokens are made (vLLM, TensorRT-LLM max utilisation), so more requests fit.",
         [](const Scenario& s) { return std::string(to_string(s.kv_allocation)); },
         [](Scenario& s, double v, std::string_view) { s.kv_allocation = static_cast<KvAllocation>(std::lround(v)); }});
    add({"host_us_per_request", "Engine", "Host time per request", "us", K::real, 0, 10000, "", {},
         "CPU time per step and request the accelerator waits for: scheduling, sampling, bookkeeping (vLLM V1 "
         "update_from_output: 0.254 ms at batch 256, ~1 us; TensorRT-LLM PyTorch backend: ~580 us per step at "
         "64 requests, ~9 us, issue 13957).", SCV_REAL(host_us_per_request)});
    add({"requests", "Engine", "Requests in the run", "requests", K::integer, 0, 1000000000, "steady", {},
         "Requests issued at once and served to the last, as a benchmark runs them (trtllm-bench: 1,000-30,000 "
         "by length; MLPerf offline: at least 600 s of samples); the throughput includes the tail in which the "
         "batch drains. 0 = a steady stream.", SCV_INT(requests)});
    add({"spec_tokens", "Speculative decoding", "Draft tokens", "tokens", K::integer, 0, 16, "off", {},
         "Tokens drafted per step and verified in one pass of the target; 0 = off.", SCV_INT(spec_tokens)});
    add({"spec_accept", "Speculative decoding", "Acceptance", "", K::real, 0, 1, "", {},
         "Probability a drafted token is accepted (DeepSeek-V3 MTP: 0.85-0.9 for the second token).",
         SCV_REAL(spec_accept)});
    add({"draft_model", "Speculative decoding", "Draft model", "", K::text, 0, 0, "", {},
         "Model id of a separate draft model; empty = MTP layers of the target.", SCV_TEXT(draft_model)});
    add({"expert_imbalance", "Mixture of experts", "Expert imbalance", "x", K::real, 1, 64, "", {},
         "Routed load of the busiest expert-parallel rank / the mean (TensorRT-LLM DeepSeek-R1 at EP32: 1.11 "
         "with EPLB, 2.56 without).", SCV_REAL(expert_imbalance)});
    add({"moe_pair_bytes", "Mixture of experts", "Traffic per routed token", "B", K::real, 0, 256, "auto", {},
         "Bytes each routed copy of a token moves per hidden element outside the expert GEMMs: the expand into "
         "expert order, activation quantisation and the weighted sum back (auto: 4 at bf16, 8 at fp8 and int8, "
         "20 at fp4, from TensorRT-LLM fused-MoE kernel timings on H100, H200 and B200).", SCV_REAL(moe_pair_bytes)});
    add({"comm_overlap", "Engine", "Communication overlap", "", K::real, 0, 1, "", {},
         "Fraction of collective time hidden behind the layer's other ops (0: engines run the all-reduce between "
         "GEMMs; two-batch overlap hides most of an all-to-all).", SCV_REAL(comm_overlap)});
    add({"prefill_chips", "Disaggregation", "Prefill chips", "", K::integer, -1, 1000000, "off", {},
         "Chips of the prefill pool (with decode_chips); 0 = one pool does both; -1 = the best split of chips.",
         SCV_INT(prefill_chips)});
    add({"decode_chips", "Disaggregation", "Decode chips", "", K::integer, -1, 1000000, "off", {},
         "Chips of the decode pool (prefill_chips + decode_chips = chips); -1 with prefill_chips -1.",
         SCV_INT(decode_chips)});
    add({"prefill_chip", "Disaggregation", "Prefill chip", "", K::text, 0, 0, "", {},
         "Chip id of the prefill pool; empty = the design's chip.", SCV_TEXT(prefill_chip)});
    add({"ttft_slo_s", "Limits", "TTFT p99 limit", "s", K::limit, 0, 1e6, "none", {},
         "p99 time-to-first-token limit; empty = none (MLPerf Llama-2-70B server: 2 s).", SCV_LIMIT(ttft_slo_s)});
    add({"tpot_slo_s", "Limits", "TPOT p99 limit", "s", K::limit, 0, 1e6, "none", {},
         "p99 time-per-output-token limit; empty = none (MLPerf Llama-2-70B server: 0.2 s).", SCV_LIMIT(tpot_slo_s)});
    // clang-format on
    return k;
}

#undef SCV_INT
#undef SCV_REAL
#undef SCV_PRECISION
#undef SCV_LIMIT
#undef SCV_TEXT

Error unknown(std::string_view key) {
    std::string keys;
    for (const auto& k : workload_keys()) keys += (keys.empty() ? "" : ", ") + std::string(k.key);
    return Error{"unknown workload key '" + std::string(key) + "' (keys: " + keys + ")"};
}

}  // namespace

std::span<const WorkloadKey> workload_keys() {
    static const std::vector<WorkloadKey> keys = build();
    return keys;
}

const WorkloadKey* find_workload_key(std::string_view key) {
    return find_by_key(workload_keys(), key);
}

Result<std::string> get_workload_text(const Scenario& s, std::string_view key) {
    const WorkloadKey* k = find_workload_key(key);
    if (!k) return unknown(key);
    return k->get(s);
}

Status set_workload_text(Scenario& s, std::string_view key, std::string_view text) {
    const WorkloadKey* k = find_workload_key(key);
    if (!k) return unknown(key);
    const std::string name(key);
    if (k->kind == WorkloadKeyKind::text) {
        k->set(s, 0, text);
        return Ok{};
    }
    if (k->kind == WorkloadKeyKind::choice) {
        std::string allowed;
        for (size_t i = 0; i < k->choices.size(); ++i) {
            if (k->choices[i] == text || (name == "kv_allocation" && text == "on-demand" && i == 1)) {
                k->set(s, static_cast<double>(i), text);
                return Ok{};
            }
            allowed += (allowed.empty() ? "" : ", ") + std::string(k->choices[i]);
        }
        return Error{"workload '" + name + "': '" + std::string(text) + "' is not one of " + allowed};
    }
    if (k->kind == WorkloadKeyKind::limit && (text.empty() || text == k->zero_text)) {
        k->set(s, 0, text);
        return Ok{};
    }
    double v = 0;
    if (!k->zero_text.empty() && text == k->zero_text) {
        v = 0;
    } else if (text == "auto" && (name == "prefill_chips" || name == "decode_chips")) {
        v = -1;
    } else {
        auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (text.empty() || ec != std::errc() || p != text.data() + text.size() || !std::isfinite(v))
            return Error{"workload '" + name + "': '" + std::string(text) + "' is not a number"};
    }
    const double lo = k->kind == WorkloadKeyKind::limit ? 0.0 : k->min;
    if (v < lo || v > k->max || (k->kind == WorkloadKeyKind::limit && v <= 0)) {
        char range[96];
        std::snprintf(range, sizeof range, "[%g, %g]", lo, k->max);
        return Error{"workload '" + name + "': " + std::string(text) + " is out of range " + range};
    }
    if (k->kind == WorkloadKeyKind::integer && v != std::round(v))
        return Error{"workload '" + name + "': " + std::string(text) + " must be a whole number"};
    k->set(s, v, text);
    return Ok{};
}

}  // namespace scoville
