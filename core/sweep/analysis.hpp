#pragma once
// Questions about one design: what limits it (the elasticity of an objective to every parameter,
// and what each resource buys per mm2, per W and per dollar), and what it would take (the value of
// one key that reaches a target).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/perf/evaluate.hpp"
#include "core/perf/result_keys.hpp"
#include "core/sweep/sweep.hpp"

namespace scoville {

// The design an analysis starts from.
struct DesignPoint {
    ChipSpec chip;
    ModelSpec model;
    Scenario scenario;
    Companions companions;
};

// What a key's step does to the objective for a resource it changes (silicon area, power and capital per
// chip), for an objective with a better direction. A trade: the step buys a better objective with more of the
// resource, or gives some up for less of it, and per_* prices it (the objective's change per unit). No trade:
// the objective is better, or no worse, with less of the resource (saves); or worse (worse), or no better
// (no_gain), with more of it: per_* is then no price (a negative one, or zero) and is shown as these words.
// None where the step leaves the resource as it is, or the objective has no better direction.
enum class Exchange : std::uint8_t { none, trade, saves, worse, no_gain };
// "trade", "saves", "worse", "no_gain"; "" for none.
std::string_view to_string(Exchange exchange);
// The exchange of a step whose objective went from `objective_low` to `objective_high` (the key's lower and
// higher value) while the resource grew by `resource_change` (negative: fell); none where it did not change.
Exchange exchange_of(const ResultKey& objective, double objective_low, double objective_high,
                     const std::optional<double>& per_unit, double resource_change);

struct SensitivityRow {
    SweepKey key;
    double value = 0;              // the design's value
    double low = 0, high = 0;      // the key's values either side (a step of `step` each way, within range)
    double objective_low = 0, objective_high = 0;  // the objective there
    // d ln(objective) / d ln(key) by central difference: +1 % of the key gives about `elasticity` %
    // of the objective. 0 where the objective does not move.
    double elasticity = 0;
    // What the step buys per unit of the resource it costs: the objective's change over the change
    // of the chip's silicon area (all its dies, package_area_mm2), of its average power and of its capital
    // (capex_usd_per_chip).
    // Empty where the key does not change that resource.
    std::optional<double> per_mm2, per_w, per_usd;
    Exchange exchange_mm2 = Exchange::none, exchange_w = Exchange::none, exchange_usd = Exchange::none;
};

struct Sensitivity {
    const ResultKey* objective = nullptr;
    double value = 0;       // the objective at the design
    double step = 0;        // relative step used
    std::vector<SensitivityRow> rows;  // by |elasticity|, largest first (ties in registry order)
    std::string bound;      // what bounds the decode step: "memory", "compute" or "network"
};

// Which keys a sensitivity steps: the chip's (with the economics'), the workload's, the model's.
struct KeyGroups {
    bool chip = true, workload = false, model = false;
    friend bool operator==(const KeyGroups&, const KeyGroups&) = default;
};
// "chip", "workload", "model", a comma-separated list of them, or "all"; a message naming the word otherwise.
Result<KeyGroups> parse_key_groups(std::string_view text);

// The keys of the groups that a sensitivity of this design steps, in registry order: every numeric chip and
// economics parameter but where the measured times hold (calibration.*); the workload's numeric keys that can
// change this design's result, but the deployment (its chips and degrees, the pools': choices, not quantities
// to step) and the latency limits (requirements); the model's numeric keys (counts and sizes, not its kinds;
// the experts' only for a mixture of experts, the latent attention's only where it has one).
std::vector<SweepKey> sensitivity_keys(const DesignPoint& design, KeyGroups groups);

// Every key of the groups (sensitivity_keys) whose value on the design is not 0, stepped by `step` (relative;
// whole-number keys by at least 1) each way within its valid range. Keys at which the design no longer
// evaluates either way are left out; where one side does not, the difference is one-sided.
Result<Sensitivity> sensitivity(const DesignPoint& design, const ResultKey& objective, double step = 0.05,
                                KeyGroups groups = {});

// "Tokens/s per chip is limited by HBM bandwidth per stack: +1 % gives +0.93 %; then ..." in plain
// English (the GUI composes its own, translated, from the same rows).
std::string describe_sensitivity(const Sensitivity& s);

struct SeekResult {
    double value = 0;        // the key's value that reaches the target
    double objective = 0;    // the objective there
    double start = 0;        // the key's value on the design
    double start_objective = 0;
    int evaluations = 0;
};

// The value of `key` within [lo, hi] (default: the key's slider range, widened to hold the design's
// value) at which `objective` reaches `target`, to 0.1 % of the target (a whole-number key: the
// smallest change from the design's value that reaches it). The range is scanned first, so the
// crossing nearest the design's value is found even where the objective is not monotonic; refused
// with the objective's range over the key's range when no value reaches the target.
Result<SeekResult> seek(const DesignPoint& design, const SweepKey& key, const ResultKey& objective, double target,
                        std::optional<double> lo = std::nullopt, std::optional<double> hi = std::nullopt);

// The throughput-interactivity frontier: tokens/s per chip against tokens/s per user (1 / mean
// TPOT) over the batch, for every parallelism of the scenario's chips that it leaves open (auto),
// or the one it fixes. The industry's chart for comparing accelerators on one model. Disaggregated,
// the batch is the decode pool's, each point at the split of the chips best for it (or the split
// given), and a tensor-parallel degree applies to both pools (the decode pool alone where the prefill pool has
// its own, prefill_tp).
struct FrontierPoint {
    Parallelism parallelism;
    int batch = 0;        // requests in flight per replica (a disaggregated design's decode pool: what it is fed)
    int batch_limit = 0;  // the batch allowed: batch, or more where the decode pool is fed fewer
    double tokens_per_s_per_user = 0;
    double tokens_per_s_per_chip = 0;
    double ttft_p99_s = 0;
    bool on_front = false;  // no other point is faster per user and per chip at once
};
struct Frontier {
    std::string chip;                 // chip id
    std::vector<FrontierPoint> points;  // by parallelism, then batch
    [[nodiscard]] std::vector<const FrontierPoint*> front() const;  // by tokens/s per user
};
// Batches 1, 2, 4, ... up to the largest that fits, `per_octave` points per doubling.
Result<Frontier> interactivity_frontier(const DesignPoint& design, int per_octave = 2);

}  // namespace scoville
