#pragma once
// Single-kernel models: one matrix product and one memory copy, through the same roofline engine
// as the full evaluation. Used by `scoville kernel` and for checking against microbenchmarks.
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/hw/chip.hpp"
#include "core/perf/collective.hpp"
#include "core/perf/evaluation.hpp"
#include "core/util/result.hpp"
#include "core/workload/model.hpp"

namespace scoville {

struct KernelResult {
    OpResult op;
    double prologue_s = 0;       // gemm: the kernels that quantise its activations before it (GemmOptions::act_quant)
    double achieved_tflops = 0;  // gemm: flops / time_s()
    double achieved_tb_s = 0;    // copy: (read + write bytes) / time
    double busbw_gb_s = 0;       // all-reduce: bytes / time x 2 (n - 1) / n, as nccl-tests reports it
    double time_s() const { return prologue_s + op.time_s; }
};

// The STREAM operations (BabelStream): arrays each reads and writes per element. Copy c = a and
// Mul b = s c move two arrays, Add c = a + b and Triad a = b + s c three, Dot sum a b reads two.
struct StreamOp {
    std::string_view name;
    int reads = 0, writes = 0;
};
std::optional<StreamOp> stream_op(std::string_view name);

// How a narrow GEMM's activations arrive. none: already at its precision (the op before writes them so,
// with a fixed scale: serving engines with static scales); static_scale: a kernel of their own reads them in
// bf16 and writes them at the GEMM's precision with a known scale (NVFP4 with its per-16 block scales);
// dynamic_scale: a max-reduction kernel over them first finds the scale (per-tensor dynamic FP8).
enum class ActQuant { none, static_scale, dynamic_scale };
std::string_view to_string(ActQuant q);
std::optional<ActQuant> parse_act_quant(std::string_view name);  // none, static, dynamic

struct GemmOptions {
    // The weights come from HBM on every call, however small: a benchmark that cycles through copies larger
    // than the on-chip cache, as a model's layers do one after another. Otherwise they are where they fit.
    bool weights_from_hbm = false;
    // The benchmark calls at most this many distinct copies of the layer in turn, as many as span the on-chip
    // cache: min(weight_copies, ceil(cache / weight bytes)) (NVIDIA aiconfigurator's GEMM collector: 5). When
    // those copies and one call's activations fit the cache, the weights stay on chip from one call to the next;
    // otherwise each call streams its own from HBM. 0: not rotated (weights_from_hbm or where they fit).
    int weight_copies = 0;
    ActQuant act_quant = ActQuant::none;  // wider precisions than the activations' bf16 have nothing to quantise
};

// (M x K) . (K x N) at precision p: 2 M N K FLOPs; reads both inputs at p, writes the output in bf16;
// with options.act_quant, the activation-quantisation kernels run first, each with its own launch.
Result<KernelResult> gemm_kernel(const ChipSpec& chip, double m, double n, double k, Precision p,
                                 const GemmOptions& options = {});
// Reads `bytes` and writes `bytes` at the achieved bandwidth of the level the buffers fit in.
Result<KernelResult> copy_kernel(const ChipSpec& chip, double bytes);
// A STREAM operation over arrays of `array_bytes` each; achieved_tb_s counts the bytes as STREAM does.
Result<KernelResult> stream_kernel(const ChipSpec& chip, const StreamOp& op, double array_bytes);
// Who runs an all-reduce: the serving engine's own kernels (one-shot and two-shot for small messages,
// link.latency_us per step, as the lowering models it) or the vendor library as nccl-tests calls it
// (link.library_latency_us per call, then each algorithm's bandwidth term, paid about twice while the
// buffer is below the library's pipeline window, link.library_window_mb).
enum class AllReduceRunner { engine, library };

// An all-reduce of `bytes` per chip over `chips` chips, by `algo` (none: the cheapest for the size, as
// the lowering picks); time = the collective's cost + the kernel launch.
Result<KernelResult> allreduce_kernel(const ChipSpec& chip, double bytes, int chips, CollectiveAlgo algo,
                                      AllReduceRunner runner = AllReduceRunner::engine);

// The fused MoE op of one layer as an engine runs it (routing, expanding each token into its experts'
// order, the two grouped GEMMs with the activation between, finalising the weighted sums), on one of
// `ep` expert-parallel ranks that each hold all `tokens` tokens (no dispatch: how kernel benchmarks
// time it), with the busiest rank's load `imbalance` x the mean (1: balanced routing). op sums the
// lowering's MoE ops of one layer (moe_permute, expert_gate_up, expert_act, expert_down, moe_combine);
// achieved_tflops is the expert GEMMs' FLOPs over its time.
// How the tokens pick their experts: each at random (T tokens touch E (1 - (1 - k/E)^T) distinct experts,
// as in serving) or spread evenly over them (a kernel benchmark's balanced routing: min(E, T k) experts).
// pair_bytes: the workload key moe_pair_bytes (bytes each routed copy moves per hidden element outside the
// expert GEMMs; 0 = moe_pair_bytes_default for the precision); tile_tokens: the workload key moe_tile_tokens
// (an expert's rows fill whole tiles of up to that many: expert_row_share).
enum class MoeRouting { random, balanced };
std::string_view to_string(MoeRouting r);
std::optional<MoeRouting> parse_moe_routing(std::string_view name);  // random, balanced
Result<KernelResult> moe_kernel(const ChipSpec& chip, const ModelSpec& model, double tokens, int ep, Precision p,
                                double imbalance = 1.0, MoeRouting routing = MoeRouting::random,
                                double pair_bytes = 0.0, int tile_tokens = Scenario{}.moe_tile_tokens);

// One layer's attention call (score, softmax and value in one kernel) on one chip of tp. Decode: `requests`
// requests, each with `context` tokens in its KV cache (at precision kv) and one new token attending them
// all; prefill: `requests` prompts of `context` tokens each, every token attending the ones before it (both
// up to the window on a sliding layer: `sliding` picks one of the model's sliding-window layers).
// op sums the lowering's attn_score, softmax and attn_value; achieved_tb_s is its KV bytes over its time.
Result<KernelResult> attention_kernel(const ChipSpec& chip, const ModelSpec& model, int tp, double requests,
                                      double context, Precision kv, bool sliding = false, Phase step = Phase::decode);

// One linear-attention layer's own kernels on one chip of tp, as flash-linear-attention's benchmarks time them:
// decode, `requests` requests each running one recurrent step over its state (after `context` tokens: the state's
// size does not depend on it); prefill, `requests` prompts of `context` tokens through the chunked delta rule. op
// sums the lowering's linear_conv and linear_recurrent, or linear_conv and linear_chunk; achieved_tb_s is their
// state bytes (read and written) over their time. state: the workload key state_precision.
Result<KernelResult> linear_attention_kernel(const ChipSpec& chip, const ModelSpec& model, int tp, double requests,
                                             double context, StateFormat state = StateFormat::bf16,
                                             Phase step = Phase::decode);

}  // namespace scoville
