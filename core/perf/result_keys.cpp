#include "core/perf/result_keys.hpp"

#include <cmath>
#include <vector>

#include "core/util/registry.hpp"
#include "core/util/tr.hpp"

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
        {"throughput_tokens_per_s", SCV_TR("ResultKey", "Throughput"), SCV_TR("ResultKey", "Output tokens per second, whole system"), SCV_TR("ResultKey", "Tokens/s"),
         SCV_TR("Unit", "tokens/s"), B::higher, K::si, SCV_SERVING(throughput_tokens_per_s)},
        {"throughput_tokens_per_s_per_chip", SCV_TR("ResultKey", "Throughput"), SCV_TR("ResultKey", "Output tokens per second per chip"), SCV_TR("ResultKey", "Tokens/s per chip"),
         SCV_TR("Unit", "tokens/s"), B::higher, K::si, SCV_SERVING(throughput_tokens_per_s_per_chip)},
        {"requests_per_s", SCV_TR("ResultKey", "Throughput"), SCV_TR("ResultKey", "Requests served per second, whole system"), SCV_TR("ResultKey", "Requests/s"),
         SCV_TR("Unit", "requests/s"), B::higher, K::si, SCV_SERVING(requests_per_s)},
        {"ttft_s", SCV_TR("ResultKey", "Latency"), SCV_TR("ResultKey", "Time to first token, mean"), SCV_TR("ResultKey", "TTFT mean"), SCV_TR("Unit", "s"), B::lower, K::seconds, SCV_SERVING(ttft_s)},
        {"ttft_p50_s", SCV_TR("ResultKey", "Latency"), SCV_TR("ResultKey", "Time to first token, median"), SCV_TR("ResultKey", "TTFT p50"), SCV_TR("Unit", "s"), B::lower, K::seconds,
         SCV_SERVING(ttft_p50_s)},
        {"ttft_p99_s", SCV_TR("ResultKey", "Latency"), SCV_TR("ResultKey", "Time to first token, 99th percentile"), SCV_TR("ResultKey", "TTFT p99"), SCV_TR("Unit", "s"), B::lower, K::seconds,
         SCV_SERVING(ttft_p99_s)},
        {"tpot_s", SCV_TR("ResultKey", "Latency"), SCV_TR("ResultKey", "Time per output token, mean"), SCV_TR("ResultKey", "TPOT mean"), SCV_TR("Unit", "s"), B::lower, K::seconds, SCV_SERVING(tpot_s)},
        {"tpot_p50_s", SCV_TR("ResultKey", "Latency"), SCV_TR("ResultKey", "Time per output token, median"), SCV_TR("ResultKey", "TPOT p50"), SCV_TR("Unit", "s"), B::lower, K::seconds,
         SCV_SERVING(tpot_p50_s)},
        {"tpot_p99_s", SCV_TR("ResultKey", "Latency"), SCV_TR("ResultKey", "Time per output token, 99th percentile"), SCV_TR("ResultKey", "TPOT p99"), SCV_TR("Unit", "s"), B::lower, K::seconds,
         SCV_SERVING(tpot_p99_s)},
        {"batch", SCV_TR("ResultKey", "Batch"), SCV_TR("ResultKey", "Requests in flight per replica and pipeline micro-batch"), SCV_TR("ResultKey", "Batch per replica"), "",
         B::none, K::integer, SCV_SERVING(batch)},
        {"max_batch", SCV_TR("ResultKey", "Batch"), SCV_TR("ResultKey", "Largest batch that memory, the engine limit and the token budget allow"), SCV_TR("ResultKey", "Largest batch"),
         "", B::higher, K::integer, SCV_SERVING(max_batch)},
        {"replicas", SCV_TR("ResultKey", "Batch"), SCV_TR("ResultKey", "Model replicas in the system"), SCV_TR("ResultKey", "Replicas"), "", B::none, K::integer, SCV_SERVING(replicas)},
        {"sequences_in_flight_per_replica", SCV_TR("ResultKey", "Batch"), SCV_TR("ResultKey", "Requests in flight per replica, over all pipeline stages"),
         SCV_TR("ResultKey", "In flight per replica"), "", B::none, K::integer, SCV_SERVING(in_flight)},
        {"step_s", SCV_TR("ResultKey", "Engine"), SCV_TR("ResultKey", "One engine step (the decode pool's when disaggregated)"), SCV_TR("ResultKey", "Step"), SCV_TR("Unit", "s"), B::none,
         K::seconds, SCV_SERVING(step_s)},
        {"host_s_per_step", SCV_TR("ResultKey", "Engine"), SCV_TR("ResultKey", "Host work per step that the chips wait for"), SCV_TR("ResultKey", "Host per step"), SCV_TR("Unit", "s"), B::lower,
         K::seconds, SCV_SERVING(host_s_per_step)},
        {"host_stream_s_per_step", SCV_TR("ResultKey", "Engine"), SCV_TR("ResultKey", "Of the host work per step: a server's tokens handed to its streaming clients"),
         SCV_TR("ResultKey", "Host streaming per step"), SCV_TR("Unit", "s"), B::lower, K::seconds, SCV_SERVING(host_stream_s_per_step)},
        {"prefill_tokens_per_step", SCV_TR("ResultKey", "Engine"), SCV_TR("ResultKey", "Prompt tokens per step and replica, mean"), SCV_TR("ResultKey", "Prompt tokens/step"),
         SCV_TR("Unit", "tokens"), B::none, K::si, SCV_SERVING(prefill_tokens_per_step)},
        {"prompt_step_s", SCV_TR("ResultKey", "Engine"), SCV_TR("ResultKey", "A step of prompts alone, host work included (engines that run prompts in steps of their own; 0 otherwise)"),
         SCV_TR("ResultKey", "Prompt step"), SCV_TR("Unit", "s"), B::none, K::seconds, SCV_SERVING(prompt_step_s)},
        {"prompt_steps_per_step", SCV_TR("ResultKey", "Engine"), SCV_TR("ResultKey", "Prompt steps of their own per decode step, mean (0: prompts ride the decode steps)"),
         SCV_TR("ResultKey", "Prompt steps/step"), "", B::none, K::fraction, SCV_SERVING(prompt_steps_per_step)},
        {"chunk_step_s", SCV_TR("ResultKey", "Engine"), SCV_TR("ResultKey", "A step that carries a prompt chunk more than the others, host work included (prompts mixed into the decode steps, not a whole number of chunks a step; 0 otherwise)"),
         SCV_TR("ResultKey", "Chunk step"), SCV_TR("Unit", "s"), B::none, K::seconds, SCV_SERVING(chunk_step_s)},
        {"plain_step_s", SCV_TR("ResultKey", "Engine"), SCV_TR("ResultKey", "A step between those, with the whole chunks every step carries or decodes alone, host work included (0 where every step carries the same prompt tokens)"),
         SCV_TR("ResultKey", "Step without that chunk"), SCV_TR("Unit", "s"), B::none, K::seconds, SCV_SERVING(plain_step_s)},
        {"chunk_steps_share", SCV_TR("ResultKey", "Engine"), SCV_TR("ResultKey", "Share of the steps that carry a prompt chunk more than the others (0: the same prompt tokens in every step, or prompts in steps of their own)"),
         SCV_TR("ResultKey", "Steps with a chunk"), "", B::none, K::fraction, SCV_SERVING(chunk_steps_share)},
        {"chunk_tokens_per_step", SCV_TR("ResultKey", "Engine"), SCV_TR("ResultKey", "Prompt tokens a step that carries a chunk more holds, per replica"),
         SCV_TR("ResultKey", "Chunk tokens"), SCV_TR("Unit", "tokens"), B::none, K::si, SCV_SERVING(chunk_tokens_per_step)},
        {"plain_prompt_tokens_per_step", SCV_TR("ResultKey", "Engine"), SCV_TR("ResultKey", "Prompt tokens the other steps hold, per replica (0: they decode alone)"),
         SCV_TR("ResultKey", "Other steps' prompt tokens"), SCV_TR("Unit", "tokens"), B::none, K::si, SCV_SERVING(plain_prompt_tokens_per_step)},
        {"decode_tokens_per_step", SCV_TR("ResultKey", "Engine"), SCV_TR("ResultKey", "Decode tokens per step and replica"), SCV_TR("ResultKey", "Decode tokens/step"), SCV_TR("Unit", "tokens"),
         B::none, K::si, SCV_SERVING(decode_tokens_per_step)},
        {"tokens_per_step_per_request", SCV_TR("ResultKey", "Engine"), SCV_TR("ResultKey", "Accepted tokens per step and request (above 1: speculative)"),
         SCV_TR("ResultKey", "Tokens/step/request"), SCV_TR("Unit", "tokens"), B::higher, K::decimal, SCV_SERVING(tokens_per_step_per_request)},
        {"prefill_utilisation", SCV_TR("ResultKey", "Engine"), SCV_TR("ResultKey", "Share of the steps' room for prompt tokens in use"), SCV_TR("ResultKey", "Prompt room used"), "",
         B::none, K::fraction, SCV_SERVING(prefill_utilisation)},
        {"weights_gb_per_chip", SCV_TR("ResultKey", "Memory"), SCV_TR("ResultKey", "Weights per chip"), SCV_TR("ResultKey", "Weights/chip"), SCV_TR("Unit", "GB"), B::lower, K::gigabytes,
         SCV_SERVING(weights_gb_per_chip)},
        {"kv_gb_per_request_per_chip", SCV_TR("ResultKey", "Memory"), SCV_TR("ResultKey", "KV cache per request per chip, at full context"), SCV_TR("ResultKey", "KV/request/chip"),
         SCV_TR("Unit", "GB"), B::lower, K::gigabytes, SCV_SERVING(kv_gb_per_request_per_chip)},
        {"memory_capacity_gb_per_chip", SCV_TR("ResultKey", "Memory"), SCV_TR("ResultKey", "Memory for weights and KV cache per chip"), SCV_TR("ResultKey", "Memory/chip"), SCV_TR("Unit", "GB"),
         B::higher, K::gigabytes, SCV_SERVING(memory_capacity_gb_per_chip)},
        {"power_w_per_chip", SCV_TR("ResultKey", "Physical"), SCV_TR("ResultKey", "Average power per chip on this workload"), SCV_TR("ResultKey", "Power per chip"), SCV_TR("Unit", "W"), B::lower,
         K::whole, SCV_PHYSICAL(power_w)},
        {"tokens_per_joule", SCV_TR("ResultKey", "Physical"), SCV_TR("ResultKey", "Output tokens per joule"), SCV_TR("ResultKey", "Tokens/J"), SCV_TR("Unit", "tokens/J"), B::higher, K::si,
         SCV_PHYSICAL(tokens_per_joule)},
        {"die_area_mm2", SCV_TR("ResultKey", "Physical"), SCV_TR("ResultKey", "Area of one compute die"), SCV_TR("ResultKey", "Die area"), SCV_TR("Unit", "mm2"), B::lower, K::whole,
         SCV_PHYSICAL(die_area_mm2)},
        {"io_die_area_mm2", SCV_TR("ResultKey", "Physical"), SCV_TR("ResultKey", "Area of one I/O die (packages with separate I/O dies)"), SCV_TR("ResultKey", "I/O die area"), SCV_TR("Unit", "mm2"), B::lower, K::whole,
         [](const Evaluation& e) -> std::optional<double> {
             return e.physical.io_die_area_mm2 > 0 ? std::optional<double>(e.physical.io_die_area_mm2) : std::nullopt;
         }},
        {"package_area_mm2", SCV_TR("ResultKey", "Physical"), SCV_TR("ResultKey", "Area of all dies of the package"), SCV_TR("ResultKey", "Package area"), SCV_TR("Unit", "mm2"), B::lower, K::whole,
         SCV_PHYSICAL(package_area_mm2)},
        {"clock_ghz", SCV_TR("ResultKey", "Physical"), SCV_TR("ResultKey", "Compute clock after the TDP cap"), SCV_TR("ResultKey", "Clock"), SCV_TR("Unit", "GHz"), B::higher, K::decimal,
         SCV_PHYSICAL(clock_ghz)},
        {"cost_per_million_tokens_usd", SCV_TR("ResultKey", "Physical"), SCV_TR("ResultKey", "Cost per million output tokens"), SCV_TR("ResultKey", "$/M tokens"), SCV_TR("Unit", "USD"),
         B::lower, K::money,
         // 0 where there is no cost: no throughput, or a die that cannot be made (a warning says why)
         [](const Evaluation& e) -> std::optional<double> {
             const double usd = e.physical.cost_per_million_tokens_usd;
             return usd > 0 ? std::optional<double>(usd) : std::nullopt;
         }},
        {"tco_usd_per_chip_hour", SCV_TR("ResultKey", "Economics"), SCV_TR("ResultKey", "Owner's cost per chip-hour: capital and energy"), SCV_TR("ResultKey", "$/chip-hour"), SCV_TR("Unit", "USD/h"),
         B::lower, K::money, SCV_COST(tco_usd_per_hour)},
        {"chip_usd", SCV_TR("ResultKey", "Economics"), SCV_TR("ResultKey", "What one chip costs its owner: price paid, or built cost with the partner's margin"),
         SCV_TR("ResultKey", "Chip cost"), SCV_TR("Unit", "USD"), B::lower, K::money, SCV_COST(chip_usd)},
        {"nre_usd_per_chip", SCV_TR("ResultKey", "Economics"), SCV_TR("ResultKey", "Design NRE per chip built"), SCV_TR("ResultKey", "NRE per chip"), SCV_TR("Unit", "USD"), B::lower, K::money,
         SCV_COST(nre_usd_per_chip)},
        {"capex_usd_per_chip", SCV_TR("ResultKey", "Economics"), SCV_TR("ResultKey", "Capital per chip: chip, NRE share, system, network and data centre"),
         SCV_TR("ResultKey", "Capex per chip"), SCV_TR("Unit", "USD"), B::lower, K::money, SCV_COST(capex_usd_per_chip)},
        {"tokens_per_s_per_mw", SCV_TR("ResultKey", "Economics"), SCV_TR("ResultKey", "Output tokens per second per provisioned MW, at the utilisation"),
         SCV_TR("ResultKey", "Tokens/s per MW"), SCV_TR("Unit", "tokens/s/MW"), B::higher, K::si, SCV_COST(tokens_per_s_per_mw)},
        {"fleet_chips", SCV_TR("ResultKey", "Economics"), SCV_TR("ResultKey", "Chips the fleet's power budget provisions"), SCV_TR("ResultKey", "Fleet chips"), "", B::none,
         K::integer, SCV_COST(fleet_chips)},
        {"fleet_capex_usd", SCV_TR("ResultKey", "Economics"), SCV_TR("ResultKey", "Capital of the fleet"), SCV_TR("ResultKey", "Fleet capex"), SCV_TR("Unit", "USD"), B::none, K::money,
         SCV_COST(fleet_capex_usd)},
        {"fleet_usd_per_year", SCV_TR("ResultKey", "Economics"), SCV_TR("ResultKey", "Yearly cost of the fleet: capital recovery and energy"), SCV_TR("ResultKey", "Fleet cost/year"),
         SCV_TR("Unit", "USD/year"), B::none, K::money, SCV_COST(fleet_usd_per_year)},
        {"fleet_tokens_per_day", SCV_TR("ResultKey", "Economics"), SCV_TR("ResultKey", "Output tokens the fleet serves per day"), SCV_TR("ResultKey", "Fleet tokens/day"), SCV_TR("Unit", "tokens/day"),
         B::higher, K::si, SCV_COST(fleet_tokens_per_day)},
        {"memory_tb_s", SCV_TR("ResultKey", "Chip"), SCV_TR("ResultKey", "Off-chip memory bandwidth"), SCV_TR("ResultKey", "Memory bandwidth"), SCV_TR("Unit", "TB/s"), B::higher, K::decimal,
         SCV_CHIP(memory_tb_s)},
        {"sram_tb_s", SCV_TR("ResultKey", "Chip"), SCV_TR("ResultKey", "On-chip SRAM bandwidth"), SCV_TR("ResultKey", "SRAM bandwidth"), SCV_TR("Unit", "TB/s"), B::higher, K::decimal,
         SCV_CHIP(sram_tb_s)},
        {"memory_gb", SCV_TR("ResultKey", "Chip"), SCV_TR("ResultKey", "Off-chip memory (HBM, GDDR or LPDDR) capacity per chip"), SCV_TR("ResultKey", "Memory capacity"), SCV_TR("Unit", "GB"), B::higher,
         K::gigabytes, SCV_CHIP(memory_gb)},
        // Only where the chip runs the precision natively: a chip that runs FP8 at BF16 has no FP8 peak.
        {"peak_fp8_tflops", SCV_TR("ResultKey", "Chip"), SCV_TR("ResultKey", "Dense peak at FP8, where the chip runs FP8 natively"), SCV_TR("ResultKey", "Peak FP8"), SCV_TR("Unit", "TFLOP/s"),
         B::higher, K::whole, SCV_POSITIVE(native_fp8_tflops)},
        {"peak_fp4_tflops", SCV_TR("ResultKey", "Chip"), SCV_TR("ResultKey", "Dense peak at FP4, where the chip runs FP4 natively"), SCV_TR("ResultKey", "Peak FP4"), SCV_TR("Unit", "TFLOP/s"),
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

bool ResultKey::unbounded(const Evaluation& ev) const {
    if (!latency || !get) return false;
    const auto v = get(ev);
    return v && std::isinf(*v) && *v > 0;
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
