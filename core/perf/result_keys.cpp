#include "core/perf/result_keys.hpp"

#include <cmath>
#include <vector>

#include "core/util/registry.hpp"

namespace scoville {
namespace {

// A serving figure: every evaluation has one.
#define SCV_SERVING(field) \
    [](const Evaluation& e) -> std::optional<double> { return static_cast<double>(e.serving.field); }
// A physical figure: only where the physical model ran (evaluate_design; evaluate() leaves it empty).
#define SCV_PHYSICAL(field)                                                                         \
    [](const Evaluation& e) -> std::optional<double> {                                              \
        return e.physical.die_area_mm2 > 0 ? std::optional<double>(e.physical.field) : std::nullopt; \
    }
#define SCV_CHIP(field) [](const Evaluation& e) -> std::optional<double> { return e.field; }
#define SCV_POSITIVE(field) \
    [](const Evaluation& e) -> std::optional<double> { return e.field > 0 ? std::optional<double>(e.field) : std::nullopt; }
// An owner's-cost figure: only where the cost model ran (a priced or built chip; a warning says why not).
#define SCV_COST(field)                                                                                  \
    [](const Evaluation& e) -> std::optional<double> {                                                   \
        return e.physical.tco_usd_per_hour > 0 ? std::optional<double>(e.physical.field) : std::nullopt; \
    }

std::vector<ResultKey> build_keys() {
    using B = Better;
    using K = ResultKind;
    // clang-format off
    return {
        {"throughput_tokens_per_s", "Throughput", "Output tokens per second, whole system", "Tokens/s",
         "tokens/s", B::higher, K::si, SCV_SERVING(throughput_tokens_per_s)},
        {"throughput_tokens_per_s_per_chip", "Throughput", "Output tokens per second per chip", "Tokens/s per chip",
         "tokens/s", B::higher, K::si, SCV_SERVING(throughput_tokens_per_s_per_chip)},
        {"requests_per_s", "Throughput", "Requests served per second, whole system", "Requests/s",
         "requests/s", B::higher, K::si, SCV_SERVING(requests_per_s)},
        {"ttft_s", "Latency", "Time to first token, mean", "TTFT mean", "s", B::lower, K::seconds, SCV_SERVING(ttft_s)},
        {"ttft_p50_s", "Latency", "Time to first token, median", "TTFT p50", "s", B::lower, K::seconds,
         SCV_SERVING(ttft_p50_s)},
        {"ttft_p99_s", "Latency", "Time to first token, 99th percentile", "TTFT p99", "s", B::lower, K::seconds,
         SCV_SERVING(ttft_p99_s)},
        {"tpot_s", "Latency", "Time per output token, mean", "TPOT mean", "s", B::lower, K::seconds, SCV_SERVING(tpot_s)},
        {"tpot_p50_s", "Latency", "Time per output token, median", "TPOT p50", "s", B::lower, K::seconds,
         SCV_SERVING(tpot_p50_s)},
        {"tpot_p99_s", "Latency", "Time per output token, 99th percentile", "TPOT p99", "s", B::lower, K::seconds,
         SCV_SERVING(tpot_p99_s)},
        {"batch", "Batch", "Requests in flight per replica and pipeline micro-batch", "Batch per replica", "",
         B::none, K::integer, SCV_SERVING(batch)},
        {"max_batch", "Batch", "Largest batch that memory, the engine limit and the token budget allow", "Largest batch",
         "", B::higher, K::integer, SCV_SERVING(max_batch)},
        {"replicas", "Batch", "Model replicas in the system", "Replicas", "", B::none, K::integer, SCV_SERVING(replicas)},
        {"sequences_in_flight_per_replica", "Batch", "Requests in flight per replica, over all pipeline stages",
         "In flight per replica", "", B::none, K::integer, SCV_SERVING(in_flight)},
        {"step_s", "Engine", "One engine step (the decode pool's when disaggregated)", "Step", "s", B::none,
         K::seconds, SCV_SERVING(step_s)},
        {"host_s_per_step", "Engine", "Host work per step that the chips wait for", "Host per step", "s", B::lower,
         K::seconds, SCV_SERVING(host_s_per_step)},
        {"prefill_tokens_per_step", "Engine", "Prompt tokens per step and replica, mean", "Prompt tokens/step",
         "tokens", B::none, K::si, SCV_SERVING(prefill_tokens_per_step)},
        {"decode_tokens_per_step", "Engine", "Decode tokens per step and replica", "Decode tokens/step", "tokens",
         B::none, K::si, SCV_SERVING(decode_tokens_per_step)},
        {"tokens_per_step_per_request", "Engine", "Accepted tokens per step and request (above 1: speculative)",
         "Tokens/step/request", "tokens", B::higher, K::decimal, SCV_SERVING(tokens_per_step_per_request)},
        {"prefill_utilisation", "Engine", "Share of the steps' room for prompt tokens in use", "Prompt room used", "",
         B::none, K::fraction, SCV_SERVING(prefill_utilisation)},
        {"weights_gb_per_chip", "Memory", "Weights per chip", "Weights/chip", "GB", B::lower, K::gigabytes,
         SCV_SERVING(weights_gb_per_chip)},
        {"kv_gb_per_request_per_chip", "Memory", "KV cache per request per chip, at full context", "KV/request/chip",
         "GB", B::lower, K::gigabytes, SCV_SERVING(kv_gb_per_request_per_chip)},
        {"memory_capacity_gb_per_chip", "Memory", "Memory for weights and KV cache per chip", "Memory/chip", "GB",
         B::higher, K::gigabytes, SCV_SERVING(memory_capacity_gb_per_chip)},
        {"power_w_per_chip", "Physical", "Average power per chip on this workload", "Power per chip", "W", B::lower,
         K::whole, SCV_PHYSICAL(power_w)},
        {"tokens_per_joule", "Physical", "Output tokens per joule", "Tokens/J", "tokens/J", B::higher, K::si,
         SCV_PHYSICAL(tokens_per_joule)},
        {"die_area_mm2", "Physical", "Area of the largest die", "Die area", "mm2", B::lower, K::whole,
         SCV_PHYSICAL(die_area_mm2)},
        {"package_area_mm2", "Physical", "Area of all dies of the package", "Package area", "mm2", B::lower, K::whole,
         SCV_PHYSICAL(package_area_mm2)},
        {"clock_ghz", "Physical", "Compute clock after the TDP cap", "Clock", "GHz", B::higher, K::decimal,
         SCV_PHYSICAL(clock_ghz)},
        {"cost_per_million_tokens_usd", "Physical", "Cost per million output tokens", "$/M tokens", "USD",
         B::lower, K::money,
         // 0 where there is no cost: no throughput, or a die that cannot be made (a warning says why)
         [](const Evaluation& e) -> std::optional<double> {
             const double usd = e.physical.cost_per_million_tokens_usd;
             return usd > 0 ? std::optional<double>(usd) : std::nullopt;
         }},
        {"tco_usd_per_chip_hour", "Economics", "Owner's cost per chip-hour: capital and energy", "$/chip-hour", "USD/h",
         B::lower, K::money, SCV_COST(tco_usd_per_hour)},
        {"chip_usd", "Economics", "What one chip costs its owner: price paid, or built cost with the partner's margin",
         "Chip cost", "USD", B::lower, K::money, SCV_COST(chip_usd)},
        {"nre_usd_per_chip", "Economics", "Design NRE per chip built", "NRE per chip", "USD", B::lower, K::money,
         SCV_COST(nre_usd_per_chip)},
        {"capex_usd_per_chip", "Economics", "Capital per chip: chip, NRE share, system, network and data centre",
         "Capex per chip", "USD", B::lower, K::money, SCV_COST(capex_usd_per_chip)},
        {"tokens_per_s_per_mw", "Economics", "Output tokens per second per provisioned MW, at the utilisation",
         "Tokens/s per MW", "tokens/s/MW", B::higher, K::si, SCV_COST(tokens_per_s_per_mw)},
        {"fleet_chips", "Economics", "Chips the fleet's power budget provisions", "Fleet chips", "", B::none,
         K::integer, SCV_COST(fleet_chips)},
        {"fleet_capex_usd", "Economics", "Capital of the fleet", "Fleet capex", "USD", B::none, K::money,
         SCV_COST(fleet_capex_usd)},
        {"fleet_usd_per_year", "Economics", "Yearly cost of the fleet: capital recovery and energy", "Fleet cost/year",
         "USD/year", B::none, K::money, SCV_COST(fleet_usd_per_year)},
        {"fleet_tokens_per_day", "Economics", "Output tokens the fleet serves per day", "Fleet tokens/day", "tokens/day",
         B::higher, K::si, SCV_COST(fleet_tokens_per_day)},
        {"memory_tb_s", "Chip", "Off-chip memory bandwidth", "Memory bandwidth", "TB/s", B::higher, K::decimal,
         SCV_CHIP(memory_tb_s)},
        {"sram_tb_s", "Chip", "On-chip SRAM bandwidth", "SRAM bandwidth", "TB/s", B::higher, K::decimal,
         SCV_CHIP(sram_tb_s)},
        {"memory_gb", "Chip", "Off-chip memory (HBM) capacity per chip", "HBM capacity", "GB", B::higher,
         K::gigabytes, SCV_CHIP(memory_gb)},
        // Only where the chip runs the precision natively: a chip that runs FP8 at BF16 has no FP8 peak.
        {"peak_fp8_tflops", "Chip", "Dense peak at FP8, where the chip runs FP8 natively", "Peak FP8", "TFLOP/s",
         B::higher, K::whole, SCV_POSITIVE(native_fp8_tflops)},
        {"peak_fp4_tflops", "Chip", "Dense peak at FP4, where the chip runs FP4 natively", "Peak FP4", "TFLOP/s",
         B::higher, K::whole, SCV_POSITIVE(native_fp4_tflops)},
    };
    // clang-format on
}

#undef SCV_SERVING
#undef SCV_PHYSICAL
#undef SCV_CHIP
#undef SCV_POSITIVE
#undef SCV_COST

}  // namespace

std::optional<double> ResultKey::value(const Evaluation& ev) const {
    const auto v = get(ev);
    if (!v || !std::isfinite(*v)) return std::nullopt;
    return v;
}

int ResultKey::compare(double value, double base) const {
    if (better == Better::none || !std::isfinite(value) || !std::isfinite(base) || value == base) return 0;
    return (value > base) == (better == Better::higher) ? 1 : -1;
}

static std::vector<ResultKey> with_latency_marks() {
    std::vector<ResultKey> keys = build_keys();
    for (ResultKey& k : keys)
        for (std::string_view q : {"ttft_s", "ttft_p50_s", "ttft_p99_s", "tpot_p50_s", "tpot_p99_s", "prefill_utilisation"})
            if (k.key == q) k.latency = true;
    return keys;
}

std::span<const ResultKey> result_keys() {
    static const std::vector<ResultKey> keys = with_latency_marks();
    return keys;
}

const ResultKey* find_result_key(std::string_view key) {
    return find_by_key(result_keys(), key);
}

std::string_view to_string(Better b) {
    switch (b) {
    case Better::higher: return "higher";
    case Better::lower: return "lower";
    case Better::none: return "none";
    }
    return "none";
}

const ResultRange* Ranges::find(std::string_view key) const {
    for (const ResultRange& r : results)
        if (r.key && r.key->key == key) return &r;
    return nullptr;
}

}  // namespace scoville
