#pragma once
// How far to trust a result: the range of each headline result over the uncertainty of the chip's
// parameters (ChipSpec::ranges), of the engine's estimated defaults where the workload keeps them
// (WorkloadKey::estimate_ends: the host loop's walk over a pipeline stage's requests, how attention-DP ranks' prompt
// chunks line up), of the model's estimated routing skew (MoeSpec::routing_alpha_range, where the expert imbalance
// follows it) and of the physical model's fitted ones that state a measured spread
// (PhysParamInfo::ranged: the power model's busy floor). Each uncertain key is moved to its low and its
// high end alone, the whole design is evaluated there, and each result's shifts are combined by
// root-sum-square (the uncertainties taken as independent). The parallelism is held at the design's choice; the batch
// and the rest of the serving solution follow the key, as they would on the real chip.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/perf/result_keys.hpp"
#include "core/sweep/analysis.hpp"

namespace scoville {

// What a range names the model's routing skew by, where it moves a result most (ResultRange::widest).
inline constexpr std::string_view kRoutingSkewKey = "moe.routing_alpha";

// The results `eval` reports a range for: throughput (system and per chip), tokens per joule, cost
// per million tokens, die area and power per chip.
std::span<const ResultKey* const> ranged_result_keys();

// Ranges of `keys` (default: ranged_result_keys()) for the design. A chip without ranges gives
// every result low = high = value. `stop`, where given, is asked before each end is evaluated: true
// abandons the ranges (an error saying so), for a caller whose design moved on meanwhile.
Result<Ranges> result_ranges(const DesignPoint& design, std::span<const ResultKey* const> keys = {},
                             const std::function<bool()>& stop = {});

// [a_low, a_high] and [b_low, b_high] overlap: the difference is within the uncertainty.
bool within_uncertainty(const ResultRange& a, const ResultRange& b);

}  // namespace scoville
