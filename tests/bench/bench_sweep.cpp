// Sweeps (DESIGN.md budget): at least 1,000,000 design points per second on the 2-core machine and
// at least 1.8x from 1 to 2 OpenMP threads, for a three-key chip sweep of Llama-2-70B (8 x H100 at
// tp 8, batch 64): every point is the whole design evaluation (performance, TDP cap, area, power,
// cost). items_per_second is points per second.
#include <benchmark/benchmark.h>

#include "core/library/library.hpp"
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

}  // namespace
