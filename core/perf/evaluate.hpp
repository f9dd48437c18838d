#pragma once
// The performance model: (chip, model, scenario) -> Evaluation. Pure function, value types.
#include <optional>

#include "core/hw/chip.hpp"
#include "core/perf/evaluation.hpp"
#include "core/util/result.hpp"
#include "core/workload/model.hpp"

namespace scoville {

// What a scenario names by id besides the chip and the model, resolved by the caller
// (resolve_companions in core/library): the draft model of speculative decoding and the chip of a
// disaggregated prefill pool.
struct Companions {
    std::optional<ModelSpec> draft;
    std::optional<ChipSpec> prefill_chip;
};

// Lowering + roofline + serving. Fills everything in Evaluation except `physical`.
// Errors (bad scenario, model does not fit at any batch) name the input.
Result<Evaluation> evaluate(const ChipSpec& chip, const ModelSpec& model, const Scenario& scenario,
                            const Companions& companions = {});

}  // namespace scoville
