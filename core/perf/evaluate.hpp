#pragma once
// The performance model: (chip, model, scenario) -> Evaluation. Pure function, value types.
#include <optional>

#include "core/hw/chip.hpp"
#include "core/perf/evaluation.hpp"
#include "core/perf/lower.hpp"
#include "core/util/recent.hpp"
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

// What one thread reuses between evaluations (sweeps, analyses, the TDP cap's clock search): the
// evaluation's storage and what each of its buffers was lowered from, so a point that changes only
// chip keys retimes the lowered steps instead of lowering them again. One workspace serves one
// thread and models that do not change while it is in use.
struct EvalWorkspace {
    // false: what only the views read is left empty: ev.prefill (one prompt alone, what the explain
    // panel shows), ev.ceilings (the roofline's) and the area, power and cost breakdowns. No result
    // key reads them, so a sweep skips them.
    bool views = true;
    // false: at a fixed batch without latency limits, the queueing latencies (TTFT, the TPOT
    // percentiles, the prompt room used) are left NaN, so no result key reports them; the step,
    // throughput, mean TPOT, power and cost are computed as ever. For sweeps that ask for none of
    // them (ResultKey::latency).
    bool latencies = true;
    // false: the warnings about the die, its power and its cost (area_warnings, the TDP cap's, a die that
    // cannot be made) are not written into ev, whose numbers stay the same. For sweeps whose constraints
    // read none of them (fits_reticle and fits_memory do): their text is most of a point's formatting.
    bool physical_warnings = true;
    Evaluation ev;
    PhaseResult scratch;
    // The two steps a replica alternates between where prompts arrive in whole chunks (a step of decodes
    // alone, one that carries a chunk), whose mean is the evaluation's decode step: kept lowered, so a
    // point that changes only chip keys retimes them. keep_steps false (a one-off evaluation): they are
    // blended in place instead, which saves a copy where nothing would be retimed.
    PhaseResult chunk_plain, chunk_carried;
    bool keep_steps = true;
    LoweringCache lowering;
    ChipSpec clocked;                          // the chip at a lowered clock (the TDP cap's search), reused
    const ChipSpec* chip_checked = nullptr;    // set by a caller that checked this chip just before (once)
    // Set by a caller that keeps each of this chip's parameters in its range (a sweep checks its base chip's
    // once, and each key it varies as it sets it): a design evaluation does only the checks across them.
    const ChipSpec* ranges_checked = nullptr;
    // A model and scenario found valid, with their warnings: workload keys set to a value of their own where they
    // change nothing (WorkloadKey::applies), and what no measurement checks of the model's layers. The last two are
    // kept: a design's nominal run and its TDP cap's runs, whose scenario gives the deployment the nominal run
    // chose, take turns in a sweep.
    struct CheckedWorkload {
        const ModelSpec* model = nullptr;
        Scenario scenario;
        std::vector<Message> warnings;
    };
    Recent<CheckedWorkload, 2> checked;

    // The workspace knows a model by its address: a caller that changes the model under the same address
    // (a sweep's model axis), or evaluates another that may sit where the last one did, says so first; its
    // lowered steps and its checks of the model and the scenario are done again.
    void forget_model() {
        lowering.clear();
        checked.clear();
    }
};

// The scenario with the deployment an evaluation chose (tp, pp, ep, attention_dp) given rather than
// left to auto, so evaluating it again skips the search; a disaggregated scenario is returned as it is
// (each pool's split is chosen afresh).
Scenario with_parallelism(const Scenario& scenario, const Parallelism& chosen);
// The same, and a disaggregated scenario's split of its chips into the pools chosen given, where it left the
// split to auto, and each pool's deployment given (the decode pool's as tp, pp, ep and attention_dp, the
// prefill pool's as prefill_tp, prefill_pp, prefill_ep and prefill_attention_dp).
Scenario with_deployment(const Scenario& scenario, const ServingResult& chosen);

// evaluate() into ws.ev: the same numbers, without rebuilding the buffers.
Status evaluate_into(const ChipSpec& chip, const ModelSpec& model, const Scenario& scenario,
                     const Companions& companions, EvalWorkspace& ws);

}  // namespace scoville
