// Sweeps (DESIGN.md budget): at least 1,000,000 design points per second on the 2-core machine and
// at least 1.8x from 1 to 2 OpenMP threads, for a three-key chip sweep of Llama-2-70B (8 x H100 at
// tp 8, batch 64): every point is the whole design evaluation (performance, TDP cap, area, power,
// cost). items_per_second is points per second.
#include <benchmark/benchmark.h>

#include "core/library/library.hpp"
#include "core/sweep/analysis.hpp"
#include "core/sweep/sweep.hpp"

using namespace scoville;

namespace {

SweepSpec chip_sweep(bool auto_batch) {
    SweepSpec spec;
    spec.chip = *load_chip("h100-sxm");
    spec.model = *load_model("llama-2-70b");
    spec.scenario.chips = 8;
    spec.scenario.tp = 8;
    spec.scenario.batch = auto_batch ? 0 : 64;
    for (const char* axis : {"compute.clock_ghz=1.2:2.2:40", "hbm.tb_s_per_stack=0.6:1.4:50", "sram.mb=20:100:50"})
        spec.axes.push_back(*parse_axis(axis));
    for (const char* k : {"throughput_tokens_per_s_per_chip", "tokens_per_joule", "cost_per_million_tokens_usd",
                          "die_area_mm2"})
        spec.objectives.push_back(find_result_key(k));
    spec.constraints.push_back(*parse_constraint("power_w_per_chip<=700"));
    return spec;
}

void run(benchmark::State& state, bool auto_batch) {
    const SweepSpec spec = chip_sweep(auto_batch);
    SweepOptions options;
    options.threads = static_cast<int>(state.range(0));
    const auto points = static_cast<int64_t>(point_count(spec));
    for (auto _ : state) {
        auto rows = run_sweep(spec, {}, options);
        if (!rows) state.SkipWithError(rows.error().message.c_str());
        benchmark::DoNotOptimize(rows);
    }
    state.SetItemsProcessed(state.iterations() * points);
    state.counters["threads"] = static_cast<double>(options.threads);
}

// 40 x 50 x 50 = 100,000 points per run, batch 64.
void BM_SweepChipKeys(benchmark::State& state) { run(state, false); }
BENCHMARK(BM_SweepChipKeys)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same grid with the batch left to the model (offline: the largest the memory and engine allow),
// which searches the batch at every point.
void BM_SweepChipKeysAutoBatch(benchmark::State& state) { run(state, true); }
BENCHMARK(BM_SweepChipKeysAutoBatch)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();


// The throughput-interactivity frontier (the Frontier tab, per chip): every tensor-parallel degree, batches
// 1, 1.4, 2, ... up to the largest that fits. 0: Llama-2-70B on 8 H100s; 1: Qwen3-235B on 64 H200s,
// disaggregated, each point at the best split for its decode batch.
void BM_InteractivityFrontier(benchmark::State& state) {
    const bool disaggregated = state.range(0) != 0;
    DesignPoint d{*load_chip(disaggregated ? "h200-sxm" : "h100-sxm"),
                  *load_model(disaggregated ? "qwen3-235b-a22b" : "llama-2-70b"), Scenario{}, {}};
    d.scenario.chips = disaggregated ? 64 : 8;
    d.scenario.tp = d.scenario.pp = d.scenario.ep = d.scenario.attention_dp = 0;
    d.scenario.batch = 0;
    d.scenario.weight_precision = d.scenario.activation_precision = d.scenario.kv_precision = Precision::fp8;
    if (disaggregated) d.scenario.prefill_chips = d.scenario.decode_chips = -1;
    size_t points = 0;
    for (auto _ : state) {
        auto f = interactivity_frontier(d);
        if (!f) {
            state.SkipWithError(f.error().message.c_str());
            break;
        }
        points = f->points.size();
        benchmark::DoNotOptimize(f);
    }
    state.counters["points"] = static_cast<double>(points);
    state.SetLabel(disaggregated ? "qwen3-235b-a22b, 64 h200, disaggregated" : "llama-2-70b, 8 h100");
}
BENCHMARK(BM_InteractivityFrontier)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
