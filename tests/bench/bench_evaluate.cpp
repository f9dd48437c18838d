// One full evaluation: Llama-2-70B, prefill + decode, every layer, on 8 x H100 at tp 8.
// Budgets (DESIGN.md): fixed batch <= 5 us, a server-scenario solve (continuous batching under p99
// limits) <= 1 ms, auto parallelism <= 2 ms, on one core.
#include <benchmark/benchmark.h>

#include "core/library/library.hpp"
#include "core/perf/evaluate.hpp"
#include "core/perf/serving.hpp"
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

// A hybrid model at a fixed batch on 4 x H100 at tp 4, 64 requests of 4096/1024 tokens.
void evaluate_hybrid(benchmark::State& state, const char* model) {
    Inputs in;
    in.model = *load_model(model);
    in.scenario.chips = in.scenario.tp = 4;
    in.scenario.input_len = 4096;
    in.scenario.output_len = 1024;
    for (auto _ : state) {
        auto ev = evaluate(in.chip, in.model, in.scenario);
        benchmark::DoNotOptimize(ev);
    }
}

// Qwen3-Next-80B-A3B: 36 Gated DeltaNet layers, 12 full-attention ones, 512 experts.
void BM_EvaluateHybridFixedBatch(benchmark::State& state) { evaluate_hybrid(state, "qwen3-next-80b-a3b"); }
BENCHMARK(BM_EvaluateHybridFixedBatch);

// A Mamba-2 hybrid, Nemotron 3 Super 120B-A12B: 88 layers of one block each (40 Mamba-2, 8 attention, 40 latent-MoE).
void BM_EvaluateMambaHybridFixedBatch(benchmark::State& state) { evaluate_hybrid(state, "nemotron-3-super-120b-a12b"); }
BENCHMARK(BM_EvaluateMambaHybridFixedBatch);

// Offline: the largest sustainable batch.
void BM_EvaluateOffline(benchmark::State& state) {
    Inputs in;
    in.scenario.batch = 0;
    for (auto _ : state) {
        auto ev = evaluate(in.chip, in.model, in.scenario);
        benchmark::DoNotOptimize(ev);
    }
}
BENCHMARK(BM_EvaluateOffline);

// Server: the highest rate whose p99 TTFT and TPOT meet the limits (MLPerf Llama-2-70B server limits,
// its request mix and engine settings), a binary search over the batch.
void BM_ServerSolve(benchmark::State& state) {
    Inputs in;
    in.scenario.batch = 0;
    in.scenario.tp = 2;
    in.scenario.weight_precision = in.scenario.activation_precision = in.scenario.kv_precision = Precision::fp8;
    in.scenario.input_len = 222;
    in.scenario.output_len = 291;
    in.scenario.input_len_cv = 0.77;
    in.scenario.output_len_cv = 0.79;
    in.scenario.max_batch = 1024;
    in.scenario.max_tokens_per_step = 4096;
    in.scenario.kv_allocation = KvAllocation::on_demand;
    in.scenario.ttft_slo_s = 2.0;
    in.scenario.tpot_slo_s = 0.2;
    for (auto _ : state) {
        auto ev = evaluate(in.chip, in.model, in.scenario);
        benchmark::DoNotOptimize(ev);
    }
}
BENCHMARK(BM_ServerSolve)->Unit(benchmark::kMicrosecond);

// Auto parallelism: every split of 8 chips, each solved as a server (dense Llama-2-70B; a MoE model
// adds attention data parallelism and expert parallelism to the search).
void BM_AutoParallelismServer(benchmark::State& state) {
    Inputs in;
    const bool moe = state.range(0) != 0;
    if (moe) in.model = *load_model("mixtral-8x7b");
    in.scenario.batch = 0;
    in.scenario.tp = in.scenario.pp = in.scenario.ep = in.scenario.attention_dp = 0;
    in.scenario.weight_precision = in.scenario.activation_precision = in.scenario.kv_precision = Precision::fp8;
    in.scenario.ttft_slo_s = 2.0;
    in.scenario.tpot_slo_s = 0.2;
    for (auto _ : state) {
        auto ev = evaluate(in.chip, in.model, in.scenario);
        benchmark::DoNotOptimize(ev);
    }
    state.SetLabel(moe ? "mixtral-8x7b" : "llama-2-70b");
}
BENCHMARK(BM_AutoParallelismServer)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// A model's first evaluation where its expert loads are drawn afresh: DeepSeek-V3's shape with 4,096 (or
// 65,536) routed experts, auto parallelism over 4,096 B200s, the routing skew nudged each iteration so no
// draw is kept from the one before (what a user meets after editing the experts of a model).
void BM_ManyExpertsFirstEvaluation(benchmark::State& state) {
    Inputs in;
    in.chip = *load_chip("b200");
    in.model = *load_model("deepseek-v3");
    in.model.moe.experts = static_cast<int>(state.range(0));
    in.model.moe.routing_alpha_low = in.model.moe.routing_alpha_high = 0;
    in.scenario.batch = 0;
    in.scenario.tp = in.scenario.pp = in.scenario.ep = in.scenario.attention_dp = 0;
    in.scenario.weight_precision = in.scenario.activation_precision = in.scenario.kv_precision = Precision::fp8;
    in.scenario.chips = 4096;
    double alpha = 1.01;
    for (auto _ : state) {
        in.model.moe.routing_alpha = alpha += 1e-6;
        auto ev = evaluate(in.chip, in.model, in.scenario);
        if (!ev) state.SkipWithError(ev.error().message.c_str());
        benchmark::DoNotOptimize(ev);
    }
    state.SetLabel(std::to_string(state.range(0)) + " experts, 4096 chips");
}
BENCHMARK(BM_ManyExpertsFirstEvaluation)->Arg(4096)->Arg(65536)->Unit(benchmark::kMillisecond);

// Disaggregated serving at its best split: every split of the chips into a prefill and a decode pool, each
// pool at its best deployment (dense Llama-2-70B on 64 H100s; MoE Qwen3-235B on 16 H200s, whose pools add
// attention data parallelism and expert parallelism to each pool's search).
void BM_DisaggregatedBestSplit(benchmark::State& state) {
    Inputs in;
    const bool moe = state.range(0) != 0;
    const int moe_chips = state.range(0) > 1 ? static_cast<int>(state.range(0)) : 16;
    in.scenario.batch = 0;
    in.scenario.tp = in.scenario.pp = in.scenario.ep = in.scenario.attention_dp = 0;
    in.scenario.prefill_chips = in.scenario.decode_chips = -1;  // the split left to the search
    in.scenario.weight_precision = in.scenario.activation_precision = in.scenario.kv_precision = Precision::fp8;
    in.scenario.chips = 64;
    if (moe) {
        in.chip = *load_chip("h200-sxm");
        in.model = *load_model("qwen3-235b-a22b");
        in.scenario.chips = moe_chips;
    }
    for (auto _ : state) {
        auto ev = evaluate(in.chip, in.model, in.scenario);
        if (!ev) state.SkipWithError(ev.error().message.c_str());
        benchmark::DoNotOptimize(ev);
    }
    state.SetLabel(moe ? "qwen3-235b-a22b, " + std::to_string(moe_chips) + " chips" : "llama-2-70b, 64 chips");
}
BENCHMARK(BM_DisaggregatedBestSplit)->Arg(0)->Arg(1)->Arg(64)->Unit(benchmark::kMillisecond);

// The same search under the limits of an interactive service (p99 TTFT <= 2 s, TPOT <= 200 ms, as the
// first-start design): each pool's deployment is solved as a server, the highest rate within the limits,
// so every candidate batch is timed with its queueing (Erlang C for a free slot). Qwen3-235B on 64 H200s.
void BM_DisaggregatedServer(benchmark::State& state) {
    Inputs in;
    in.chip = *load_chip("h200-sxm");
    in.model = *load_model("qwen3-235b-a22b");
    in.scenario.batch = 0;
    in.scenario.tp = in.scenario.pp = in.scenario.ep = in.scenario.attention_dp = 0;
    in.scenario.prefill_chips = in.scenario.decode_chips = -1;
    in.scenario.weight_precision = in.scenario.activation_precision = in.scenario.kv_precision = Precision::fp8;
    in.scenario.chips = 64;
    in.scenario.ttft_slo_s = 2.0;
    in.scenario.tpot_slo_s = 0.2;
    for (auto _ : state) {
        auto ev = evaluate(in.chip, in.model, in.scenario);
        if (!ev) state.SkipWithError(ev.error().message.c_str());
        benchmark::DoNotOptimize(ev);
    }
    state.SetLabel("qwen3-235b-a22b, 64 chips, p99 limits");
}
BENCHMARK(BM_DisaggregatedServer)->Unit(benchmark::kMillisecond);

// Erlang C at a large pool's size: 1,500 slots offered 1,400 erlangs (a decode pool of a 64-chip system),
// the recursion from A - 8 sqrt(A) to the slots, about 400 steps.
void BM_ErlangC(benchmark::State& state) {
    double load = 1400.0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(load);
        benchmark::DoNotOptimize(erlang_c(1500.0, load));
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_ErlangC)->Unit(benchmark::kNanosecond);

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
