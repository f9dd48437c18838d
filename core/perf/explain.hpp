#pragma once
// What bounds a step or a layer and what would move it. The "would move it" figures come from the
// model itself: the design re-evaluated with one resource doubled, at the same batch and
// parallelism, so the layer compared is the same layer.
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "core/hw/chip.hpp"
#include "core/perf/evaluate.hpp"
#include "core/perf/evaluation.hpp"
#include "core/util/result.hpp"
#include "core/workload/model.hpp"

namespace scoville {

// The bound that takes most of a phase's step time (summed over every layer's ops).
Bound step_bound(const PhaseResult& phase);

// Why a layer takes its time: its bound and the ops bound the same way, slowest first.
struct LayerCause {
    Bound bound = Bound::compute;
    std::vector<size_t> ops;  // indices into the layer's ops
    double ops_s = 0;         // their time
    double layer_s = 0;
};
LayerCause layer_cause(const LayerTemplate& layer);

// A resource the model can double.
enum class Resource {
    macs,            // matrix units per core (compute.arrays_per_core): the MAC count, not the vector lanes
    vector,          // vector lanes per core: softmax, norms, activations
    hbm_bandwidth,   // TB/s per HBM stack (capacity kept)
    sram,            // on-chip SRAM capacity (weights stay resident once they fit)
    link_bandwidth,  // GB/s per scale-up link
};
std::span<const Resource> all_resources();
std::string_view to_string(Resource r);
// The chip with the resource doubled.
ChipSpec doubled(const ChipSpec& chip, Resource r);

// The scenario of an evaluation with what it chose fixed (batch and parallelism), so another chip
// re-evaluated on it runs the same layers (a server's prompt tokens per step follow its rate).
// Disaggregated: the split of the chips and the decode pool's batch (a parallelism left open is chosen
// again for each pool: the scenario holds one for both).
Scenario fixed_scenario(const Scenario& scenario, const Evaluation& ev);

// The whole design evaluation as the caller runs it (the CLI and the GUI resolve companions).
using EvaluateFn = std::function<Result<Evaluation>(const ChipSpec&, const ModelSpec&, const Scenario&)>;

struct ResourceMove {
    Resource resource = Resource::macs;
    double layer_s = 0;      // the layer with the resource doubled
    double step_s = 0;       // the phase's step with it doubled
    double layer_change = 0; // layer_s / base layer - 1: -0.31 = 31 % less time
    double step_change = 0;
};
struct LayerMoves {
    double layer_s = 0;      // the layer and step as evaluated on the fixed scenario
    double step_s = 0;
    std::vector<ResourceMove> moves;  // one per resource of all_resources(), in that order
};

// Evaluates the design on fixed_scenario(scenario, ev) as it is and with each resource doubled, and
// compares the layer (index into the phase's layer list) and the phase's step.
Result<LayerMoves> what_moves(const ChipSpec& chip, const ModelSpec& model, const Scenario& scenario,
                              const Evaluation& ev, Phase phase, size_t layer, const EvaluateFn& evaluate);

}  // namespace scoville
