// One full evaluation: Llama-2-70B, prefill + decode, every layer, on 8 x H100 at tp 8.
// Budget (DESIGN.md): a few microseconds on one core for the fixed-batch case.
#include <benchmark/benchmark.h>

#include "core/library/library.hpp"
#include "core/perf/evaluate.hpp"
#include "core/physical/design.hpp"

using namespace scoville;

namespace {

struct Inputs {
    ChipSpec chip = *load_chip("h100-sxm");
    ModelSpec model = *load_model("llama-2-70b");
    Scenario scenario;
    Inputs() {
        scenario.chips = 8;
        scenario.tp = 8;
        scenario.batch = 64;
    }
};

void BM_EvaluateFixedBatch(benchmark::State& state) {
    Inputs in;
    for (auto _ : state) {
        auto ev = evaluate(in.chip, in.model, in.scenario);
        benchmark::DoNotOptimize(ev);
    }
}
BENCHMARK(BM_EvaluateFixedBatch);

void BM_EvaluateAutoBatch(benchmark::State& state) {
    Inputs in;
    in.scenario.batch = 0;
    in.scenario.ttft_slo_s = 2.0;
    in.scenario.tpot_slo_s = 0.05;
    for (auto _ : state) {
        auto ev = evaluate(in.chip, in.model, in.scenario);
        benchmark::DoNotOptimize(ev);
    }
}
BENCHMARK(BM_EvaluateAutoBatch);

// The whole design (performance + area, power with the TDP cap, cost), as the GUI and sweeps call it.
void BM_EvaluateDesignFixedBatch(benchmark::State& state) {
    Inputs in;
    for (auto _ : state) {
        auto ev = evaluate_design(in.chip, in.model, in.scenario);
        benchmark::DoNotOptimize(ev);
    }
}
BENCHMARK(BM_EvaluateDesignFixedBatch);

}  // namespace
