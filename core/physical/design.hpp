#pragma once
// The whole design evaluation: performance, then area, power (with the TDP cap fed back into the
// clock), cost and tokens per joule. What the CLI, the GUI and sweeps call.
#include "core/hw/chip.hpp"
#include "core/perf/evaluate.hpp"
#include "core/perf/evaluation.hpp"
#include "core/util/result.hpp"
#include "core/workload/model.hpp"

namespace scoville {

Result<Evaluation> evaluate_design(const ChipSpec& chip, const ModelSpec& model, const Scenario& scenario,
                                   const Companions& companions = {});

struct TechLibrary;
// The same with explicit technology data (edited assumptions, tests).
Result<Evaluation> evaluate_design(const ChipSpec& chip, const ModelSpec& model, const Scenario& scenario,
                                   const TechLibrary& tech, const Companions& companions = {});

// Into ws.ev, reusing its buffers and lowered steps (sweeps): the same numbers.
Status evaluate_design_into(const ChipSpec& chip, const ModelSpec& model, const Scenario& scenario,
                            const TechLibrary& tech, const Companions& companions, EvalWorkspace& ws);

}  // namespace scoville
