#pragma once
// The performance model: (chip, model, scenario) -> Evaluation. Pure function, value types.
#include "core/hw/chip.hpp"
#include "core/perf/evaluation.hpp"
#include "core/util/result.hpp"
#include "core/workload/model.hpp"

namespace scoville {

// Lowering + roofline + serving. Fills everything in Evaluation except `physical`.
// Errors (bad scenario, model does not fit at any batch) name the input.
Result<Evaluation> evaluate(const ChipSpec& chip, const ModelSpec& model, const Scenario& scenario);

}  // namespace scoville
