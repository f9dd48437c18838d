#pragma once
// The roadmap as a chart: each generation of resources/roadmap/roadmap.json (and the user's own
// designs) as a point in time with a value of one result. Generations with a chip spec are
// evaluated on the workload like any chip; those without one show only the figures their headline
// announced (RoadmapEntry::announced), never a modelled value.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/physical/roadmap.hpp"
#include "core/sweep/analysis.hpp"

namespace scoville {

// How far a generation is from the market: drawn distinctly.
enum class RoadmapStatus {
    shipping,   // a chip on sale or in service (roadmap confidence A or B)
    announced,  // announced, not yet shipping (roadmap confidence C)
    estimated,  // no public spec: the chip is an estimate (chip confidence "estimate") or the user's design
};
std::string_view to_string(RoadmapStatus s);

struct RoadmapPoint {
    std::string line;        // points of one line are joined: a vendor's generations
    std::string name;        // the chip's name, or the generation's when it has no chip spec
    std::string chip_id;     // "" without a chip spec (or for a design)
    int year = 0;
    RoadmapStatus status = RoadmapStatus::shipping;
    std::string confidence;  // the generation's (A, B, C) or the chip's ("estimate")
    std::string source;
    std::string headline;
    std::vector<std::pair<std::string, double>> announced;  // the generation's announced figures
};

// One point per chip a generation links (B200 / GB200: two), one for a generation without a chip.
// `chip` finds a chip by id (its name and confidence); a chip it cannot find is listed as the
// generation without a spec.
std::vector<RoadmapPoint> roadmap_points(const std::vector<RoadmapEntry>& entries,
                                         const std::function<Result<ChipSpec>(std::string_view)>& chip);

// Where a point's value comes from.
enum class RoadmapValueSource {
    model,      // the chip evaluated on the workload
    announced,  // the generation's announced figure (roadmap.json)
    none,       // no value: `why` says why
};

// Why a point has no value (source none).
enum class RoadmapNoValue {
    not_modelled,    // no chip spec, and no announced figure for the metric
    not_evaluated,   // its evaluation has not arrived yet
    does_not_run,    // the chip cannot run the workload: `why` is the evaluation's error
    does_not_apply,  // the metric does not apply to the chip
};

struct RoadmapValue {
    RoadmapValueSource source = RoadmapValueSource::none;
    double value = 0;
    std::optional<double> low, high;  // the model's range over the chip's uncertain values
    RoadmapNoValue reason = RoadmapNoValue::not_evaluated;  // source none
    std::string why;                  // source none: "not modelled: no chip spec", the evaluation's error, ...
};

// The value of `key` for a point: the model's for a chip (with its range when `ranges` has one),
// an announced figure for a generation without a chip, else none.
RoadmapValue roadmap_value(const RoadmapPoint& point, const ResultKey& key, const Result<Evaluation>* evaluation,
                           const Ranges* ranges);

// A chip of the roadmap evaluated on a workload (a background job's result).
struct RoadmapEvaluation {
    std::string chip_id;
    Result<Evaluation> evaluation{Error{"not evaluated"}};
    std::optional<Ranges> ranges;  // when asked for and the chip evaluates
};

// Evaluates each chip on the model and scenario (and its ranges when `ranges`).
std::vector<RoadmapEvaluation> evaluate_roadmap_chips(const std::vector<ChipSpec>& chips, const ModelSpec& model,
                                                      const Scenario& scenario, const Companions& companions,
                                                      bool ranges);

}  // namespace scoville
