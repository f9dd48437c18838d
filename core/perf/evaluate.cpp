#include "core/perf/evaluate.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/hw/params.hpp"
#include "core/perf/lower.hpp"
#include "core/perf/roofline.hpp"

namespace scoville {

namespace {

std::string gb(double bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f GB", bytes / 1e9);
    return buf;
}

std::string ceiling_label(Precision p) {
    std::string s(to_string(p));
    for (auto& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return s + " peak";
}

struct ServingState {
    const ModelSpec& model;
    const Scenario& scenario;
    const ChipRates& rates;
    double weights = 0;    // bytes per chip
    double kv_req = 0;     // bytes per request per chip
    int pp = 1;            // pipelined micro-batches in flight (one per stage)
    double sram = 0;       // bytes
    bool has_hbm = true;

    Placement placement(int batch) const {
        Placement p;
        if (!has_hbm || weights <= sram) p.weights = MemLevel::sram;
        if (!has_hbm || weights + kv_req * batch * pp <= sram) p.kv = MemLevel::sram;
        return p;
    }
    void run(int batch, Evaluation& ev) const {
        const Placement p = placement(batch);
        lower_phase(model, scenario, rates, Phase::prefill, batch, p, ev.prefill);
        lower_phase(model, scenario, rates, Phase::decode, batch, p, ev.decode);
    }
    bool meets_slo(const Evaluation& ev) const {
        if (scenario.ttft_slo_s && ev.prefill.time_s > *scenario.ttft_slo_s) return false;
        if (scenario.tpot_slo_s && ev.decode.time_s > *scenario.tpot_slo_s) return false;
        return true;
    }
};

// validate_chip() builds a message string per key; on the hot path only a failure needs one.
Status check_chip(const ChipSpec& chip) {
    for (const auto& info : chip_params()) {
        const double v = info.get(chip);
        if (!(v >= info.min && v <= info.max)) return validate_chip(chip);
    }
    if (chip.rate(Precision::bf16) <= 0 && chip.rate(Precision::fp8) <= 0 && chip.rate(Precision::fp4) <= 0 &&
        chip.rate(Precision::int8) <= 0)
        return validate_chip(chip);
    if ((chip.memory_tb_s() <= 0 && chip.sram.tb_s <= 0) || (chip.memory_gb() <= 0 && chip.sram.mb <= 0))
        return validate_chip(chip);
    return Ok{};
}

}  // namespace

Result<Evaluation> evaluate(const ChipSpec& chip, const ModelSpec& model, const Scenario& s) {
    if (auto st = check_chip(chip); !st) return st.error();
    if (auto st = validate_model(model); !st) return st.error();
    if (auto st = validate_scenario(s, model); !st) return st.error();
    const ChipRates rates = chip_rates(chip);
    if ((s.tp > 1 || s.pp > 1) && rates.link_bytes_s <= 0)
        return Error{"chip '" + chip.id + "': tp x pp = " + std::to_string(s.tp * s.pp) +
                     " needs scale-up links, but link.count x link.gb_s is 0"};

    Evaluation ev;
    for (Precision p : kAllPrecisions) ev.peak_tflops[static_cast<size_t>(p)] = chip.peak_tflops(p);
    ev.memory_tb_s = chip.memory_tb_s();
    ev.sram_tb_s = chip.sram.tb_s;
    for (Precision p : kAllPrecisions)
        if (chip.rate(p) > 0) ev.ceilings.push_back({ceiling_label(p), chip.peak_tflops(p), false});
    if (ev.memory_tb_s > 0) ev.ceilings.push_back({"HBM", ev.memory_tb_s, true});
    if (ev.sram_tb_s > 0) ev.ceilings.push_back({"SRAM", ev.sram_tb_s, true});

    for (Precision p : {s.weight_precision, s.activation_precision, s.kv_precision}) {
        const Precision ex = chip.executed_precision(p);
        if (ex != p) {
            const std::string w = "precision: " + std::string(to_string(p)) + " is not native on '" + chip.id +
                                  "'; runs at " + std::string(to_string(ex));
            if (std::find(ev.warnings.begin(), ev.warnings.end(), w) == ev.warnings.end()) ev.warnings.push_back(w);
        }
    }
    if (chip.compute.vector_lanes_per_core == 0)
        ev.warnings.push_back("compute: no vector lanes; softmax, norms and activations run on the matrix units");
    if (s.tp * s.pp > chip.link.domain)
        ev.warnings.push_back("network: tp x pp = " + std::to_string(s.tp * s.pp) + " exceeds the scale-up domain of " +
                              std::to_string(chip.link.domain) + " chips; collectives are modelled at scale-up bandwidth");

    ServingState st{model, s, rates};
    st.weights = weight_bytes_per_chip(model, s);
    st.kv_req = kv_bytes_per_request_per_chip(model, s);
    st.pp = s.pp;
    st.sram = rates.sram_bytes;
    st.has_hbm = rates.has_hbm;
    const double capacity = rates.has_hbm ? chip.memory_gb() * 1e9 * chip.hbm.usable_fraction : rates.sram_bytes;
    const double free_bytes = capacity - st.weights;
    // With pp stages the replica keeps pp micro-batches in flight (one per stage, MLPerf/TensorRT-LLM
    // style), so every chip holds the KV of pp x batch sequences for its 1/pp of the layers.
    const double kv_per_batch_slot = st.kv_req * s.pp;
    const double fit = free_bytes / kv_per_batch_slot;
    if (!(fit >= 1.0)) {
        return Error{"model '" + model.id + "' does not fit on chip '" + chip.id + "' at tp " + std::to_string(s.tp) +
                     " x pp " + std::to_string(s.pp) + ": needs " + gb(st.weights + kv_per_batch_slot) +
                     " per chip at batch 1 (weights " + gb(st.weights) + " + KV " + gb(kv_per_batch_slot) + "), " +
                     gb(capacity) + " available"};
    }
    constexpr int kMaxBatch = 1000000;
    const int max_batch = static_cast<int>(std::min<double>(kMaxBatch, std::floor(fit)));

    int batch = s.batch;
    if (batch > 0) {
        if (batch > max_batch)
            return Error{"batch " + std::to_string(batch) + " does not fit: model '" + model.id + "' on chip '" +
                         chip.id + "' holds at most " + std::to_string(max_batch) + " requests per replica (" +
                         gb(kv_per_batch_slot) + " KV each, " + gb(free_bytes) + " free per chip)"};
        st.run(batch, ev);
        if (!st.meets_slo(ev)) ev.warnings.push_back("slo: batch " + std::to_string(batch) + " misses the latency limits");
    } else {
        // Throughput and both latencies grow with batch: the largest batch within memory that meets
        // the limits is the best. Binary search on the limits.
        st.run(max_batch, ev);
        batch = max_batch;
        if (!st.meets_slo(ev)) {
            st.run(1, ev);
            if (!st.meets_slo(ev)) {
                ev.warnings.push_back("slo: the latency limits are missed even at batch 1");
                batch = 1;
            } else {
                int lo = 1, hi = max_batch;  // lo meets, hi misses
                while (hi - lo > 1) {
                    const int mid = lo + (hi - lo) / 2;
                    st.run(mid, ev);
                    (st.meets_slo(ev) ? lo : hi) = mid;
                }
                batch = lo;
                st.run(batch, ev);
            }
        }
    }

    ServingResult& sv = ev.serving;
    sv.batch = batch;
    sv.max_batch = max_batch;
    sv.replicas = s.chips / (s.tp * s.pp);
    sv.ttft_s = ev.prefill.time_s;
    sv.tpot_s = ev.decode.time_s;
    const double request_s = ev.prefill.time_s + s.output_len * ev.decode.time_s;
    // Pipelined micro-batches: each stage works on a different one, so a replica completes pp
    // micro-batches per request time (pipeline fill and drain ignored).
    sv.in_flight = batch * s.pp;
    sv.throughput_tokens_per_s = sv.replicas * static_cast<double>(sv.in_flight) * s.output_len / request_s;
    sv.throughput_tokens_per_s_per_chip = sv.throughput_tokens_per_s / s.chips;
    sv.weights_gb_per_chip = st.weights / 1e9;
    sv.kv_gb_per_request_per_chip = st.kv_req / 1e9;
    sv.memory_capacity_gb_per_chip = capacity / 1e9;
    // Every input is range-checked, so this only guards against a model defect reaching the output.
    if (!std::isfinite(sv.throughput_tokens_per_s) || !std::isfinite(sv.ttft_s) || !std::isfinite(sv.tpot_s) ||
        sv.throughput_tokens_per_s <= 0)
        return Error{"chip '" + chip.id + "', model '" + model.id + "': the evaluation produced a non-finite result"};
    return ev;
}

}  // namespace scoville
