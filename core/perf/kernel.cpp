#include "core/perf/kernel.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>

#include "core/hw/params.hpp"
#include "core/perf/lower.hpp"
#include "core/perf/roofline.hpp"

namespace scoville {

namespace {
MemLevel level_for(double bytes, const ChipRates& r) {
    if (!r.has_hbm) return MemLevel::sram;
    return r.sram_bytes > 0 && bytes <= r.sram_bytes ? MemLevel::sram : MemLevel::hbm;
}
bool valid_dim(double v) { return std::isfinite(v) && v >= 1 && v <= 1e9; }
// Moves `moved` bytes through the level they fit in.
KernelResult memory_op(const ChipRates& r, std::string_view name, double moved) {
    KernelResult kr;
    OpResult& op = kr.op;
    op.name = name;
    op.kind = OpKind::vector;
    op.activation_bytes = moved;
    op.activation_level = level_for(moved, r);
    finish_op(op, r);
    kr.achieved_tb_s = moved / op.time_s / 1e12;
    return kr;
}

// Whether a lowered layer runs an op of that name (its kind names what it holds, but in words people read).
bool runs_op(const LayerTemplate& layer, std::string_view name) {
    return std::any_of(layer.ops.begin(), layer.ops.end(), [name](const OpResult& op) { return op.name == name; });
}

// The ops of one lowered layer named in `names`, summed into one kernel; `gemm_flops` gets their GEMMs' FLOPs.
template <size_t N>
KernelResult sum_ops(const LayerTemplate& layer, std::string_view name, OpKind kind,
                     const std::string_view (&names)[N], double& gemm_flops) {
    KernelResult kr;
    OpResult& sum = kr.op;
    sum.name = name;
    sum.kind = kind;
    gemm_flops = 0;
    for (const OpResult& op : layer.ops) {
        if (std::find(std::begin(names), std::end(names), op.name) == std::end(names)) continue;
        if (op.kind == OpKind::gemm) gemm_flops += op.flops;
        if (op.kind == kind) sum.precision = op.precision;
        sum.flops += op.flops;
        sum.weight_bytes += op.weight_bytes;
        sum.activation_bytes += op.activation_bytes;
        sum.kv_bytes += op.kv_bytes;
        sum.attention_pairs += op.attention_pairs;
        sum.prompt_token_heads += op.prompt_token_heads;
        sum.compute_s += op.compute_s;
        sum.memory_s += op.memory_s;
        sum.overhead_s += op.overhead_s;
        sum.tail_s += op.tail_s;
        sum.time_s += op.time_s;
    }
    sum.bound = sum.compute_s >= sum.memory_s ? Bound::compute : Bound::memory;
    return kr;
}
}  // namespace

std::string_view to_string(ActQuant q) {
    switch (q) {
    case ActQuant::none: return "none";
    case ActQuant::static_scale: return "static";
    case ActQuant::dynamic_scale: return "dynamic";
    }
    return "none";
}

std::optional<ActQuant> parse_act_quant(std::string_view name) {
    for (const ActQuant q : {ActQuant::none, ActQuant::static_scale, ActQuant::dynamic_scale})
        if (name == to_string(q)) return q;
    return std::nullopt;
}

Result<KernelResult> gemm_kernel(const ChipSpec& chip, double m, double n, double k, Precision p,
                                 const GemmOptions& options) {
    if (auto st = validate_chip(chip); !st) return st.error();
    if (!valid_dim(m) || !valid_dim(n) || !valid_dim(k))
        return Error{"gemm: each of M, N, K must be a whole number in [1, 1e9]"};
    const ChipRates r = chip_rates(chip);
    KernelResult kr;
    OpResult& op = kr.op;
    op.name = "gemm";
    op.kind = OpKind::gemm;
    op.precision = p;
    op.m = m;
    op.n = n;
    op.k = k;
    op.flops = 2.0 * m * n * k;
    op.weight_bytes = k * n * bytes_per_element(p);
    op.activation_bytes = m * k * bytes_per_element(p) + m * n * 2.0;
    op.weight_level = op.activation_level = level_for(op.weight_bytes + op.activation_bytes, r);
    // A benchmark's weights: from HBM on every call, or rotated through copies that stay on chip when they fit.
    if (r.has_hbm && (options.weights_from_hbm || options.weight_copies > 0)) {
        bool resident = false;
        if (options.weight_copies > 0) {
            const double copies = std::min<double>(options.weight_copies, std::ceil(r.sram_bytes / op.weight_bytes));
            resident = r.sram_bytes > 0 && copies * op.weight_bytes + op.activation_bytes < r.sram_bytes;
        }
        op.weight_level = resident ? MemLevel::sram : MemLevel::hbm;
        op.activation_level = level_for(op.activation_bytes, r);
    }
    op.utilisation = tile_utilisation(m, n, k, r);
    finish_op(op, r);
    // Activation quantisation: separate kernels over the M x K bf16 activations, each with its launch, streaming
    // at their own rate (efficiency.quant_memory) wherever the cache holds the activations.
    const double narrow = bytes_per_element(p);
    if (options.act_quant != ActQuant::none && narrow < 2.0) {
        const auto pass = [&](double moved) { return moved / r.quant_bytes_s + r.overhead_s; };
        const double activations = m * k * 2.0;
        // Written at the GEMM's precision; NVFP4 adds one 1-byte scale per 16 elements.
        const double written = m * k * (narrow + (p == Precision::fp4 ? 1.0 / 16.0 : 0.0));
        if (options.act_quant == ActQuant::dynamic_scale) kr.prologue_s += pass(activations);  // the max-reduction
        kr.prologue_s += pass(activations + written);
        // The dynamic scale's handling between those kernels and the GEMM, per call.
        if (options.act_quant == ActQuant::dynamic_scale && r.executed[static_cast<size_t>(p)] == Precision::fp8)
            kr.prologue_s += chip.efficiency.fp8_dynamic_scale_us * 1e-6;
    }
    kr.achieved_tflops = op.flops / kr.time_s() / 1e12;
    return kr;
}


Result<KernelResult> copy_kernel(const ChipSpec& chip, double bytes) {
    if (auto st = validate_chip(chip); !st) return st.error();
    if (!std::isfinite(bytes) || bytes < 1 || bytes > 1e15) return Error{"copy: BYTES must be in [1, 1e15]"};
    return memory_op(chip_rates(chip), "copy", 2.0 * bytes);
}

std::optional<StreamOp> stream_op(std::string_view name) {
    static constexpr StreamOp kOps[] = {{"copy", 1, 1}, {"mul", 1, 1}, {"add", 2, 1}, {"triad", 2, 1}, {"dot", 2, 0}};
    for (const StreamOp& op : kOps)
        if (op.name == name) return op;
    return std::nullopt;
}

Result<KernelResult> stream_kernel(const ChipSpec& chip, const StreamOp& s, double array_bytes) {
    if (auto st = validate_chip(chip); !st) return st.error();
    if (!std::isfinite(array_bytes) || array_bytes < 1 || array_bytes > 1e15)
        return Error{"stream: the array size must be in [1, 1e15] bytes"};
    return memory_op(chip_rates(chip), s.name, (s.reads + s.writes) * array_bytes);
}

Result<KernelResult> allreduce_kernel(const ChipSpec& chip, double bytes, int chips, CollectiveAlgo algo,
                                      AllReduceRunner runner) {
    if (auto st = validate_chip(chip); !st) return st.error();
    if (!std::isfinite(bytes) || bytes < 1 || bytes > 1e15) return Error{"all-reduce: BYTES must be in [1, 1e15]"};
    if (chips < 2 || chips > 1000000) return Error{"all-reduce: --chips must be a whole number in [2, 1e6]"};
    const ChipRates r = chip_rates(chip);
    if (chips <= r.net.domain && r.net.links * r.net.link_bytes_s <= 0)
        return Error{"all-reduce: chip '" + chip.id + "' has no scale-up bandwidth (link.count x link.gb_s is 0)"};
    if (chips > r.net.domain && !(r.net.nic_bytes_s > 0))
        return Error{"all-reduce: " + std::to_string(chips) + " chips span more than the scale-up domain of " +
                     std::to_string(r.net.domain) + ", and scaleout.nics x scaleout.gb_s is 0"};
    if (algo != CollectiveAlgo::none && chips > r.net.domain)
        return Error{"all-reduce: --algorithm " + std::string(to_string(algo)) + " runs inside one scale-up domain (" +
                     std::to_string(r.net.domain) + " chips of '" + chip.id + "')"};
    CollectiveCost cost;
    if (runner == AllReduceRunner::library) cost = library_all_reduce(bytes, chips, r.net, algo);
    else if (algo == CollectiveAlgo::none) cost = all_reduce(bytes, chips, r.net);
    else cost = allreduce_with(algo, bytes, chips, r.net);
    if (!std::isfinite(cost.time_s))
        return Error{"all-reduce: the " + std::string(to_string(chip.link.topology)) + " topology of '" + chip.id +
                     "' cannot run " + std::string(to_string(algo)) + " (in-switch needs link.switch_reduction_gain > 1; one-shot and two-shot a switch or full mesh)"};
    KernelResult kr;
    OpResult& op = kr.op;
    op.name = kAllReduce;
    op.kind = OpKind::collective;
    op.collective = kAllReduce;
    op.library = cost.library;
    op.group = chips;
    op.buffer_bytes = bytes;
    op.algorithm = to_string(cost.algo);
    op.network_bytes = cost.sent_bytes;
    op.network_s = cost.time_s;
    finish_op(op, r);
    kr.busbw_gb_s = bytes / op.time_s * 2.0 * (chips - 1) / chips / 1e9;
    return kr;
}

std::string_view to_string(MoeRouting r) { return r == MoeRouting::balanced ? "balanced" : "random"; }

std::optional<MoeRouting> parse_moe_routing(std::string_view name) {
    for (const MoeRouting r : {MoeRouting::random, MoeRouting::balanced})
        if (name == to_string(r)) return r;
    return std::nullopt;
}

Result<KernelResult> moe_kernel(const ChipSpec& chip, const ModelSpec& model, double tokens, int ep, Precision p,
                                double imbalance, MoeRouting routing, double pair_bytes, int tile_tokens) {
    if (auto st = validate_chip(chip); !st) return st.error();
    if (!model.is_moe()) return Error{"moe: model '" + model.id + "' has no routed experts"};
    if (!valid_dim(tokens) || tokens != std::floor(tokens))
        return Error{"moe: tokens must be a whole number in [1, 1e9]"};
    if (ep < 1 || ep > model.moe.experts || model.moe.experts % ep != 0)
        return Error{"moe: ep " + std::to_string(ep) + " does not divide the " + std::to_string(model.moe.experts) +
                     " experts of model '" + model.id + "'"};
    if (!(imbalance >= 1.0) || !std::isfinite(imbalance))
        return Error{"moe: imbalance must be at least 1 (the busiest rank's load over the mean)"};
    if (auto st = validate_moe_pair_bytes(pair_bytes); !st) return st.error();
    if (auto st = validate_moe_tile_tokens(tile_tokens); !st) return st.error();
    const ChipRates r = chip_rates(chip);
    // Every rank holds every token (one attention rank over ep chips): each picks its experts' rows.
    Scenario s;
    s.chips = s.tp = s.ep = ep;
    s.attention_dp = s.pp = 1;
    s.weight_precision = s.activation_precision = p;
    s.kv_precision = Precision::bf16;
    s.expert_imbalance = imbalance;
    s.moe_pair_bytes = pair_bytes;
    s.moe_tile_tokens = tile_tokens;
    StepShape shape;
    shape.decode_seqs = tokens;
    StepPlan plan;
    plan.par = Parallelism{ep, 1, ep, 1};
    plan.balanced_routing = routing == MoeRouting::balanced;
    PhaseResult phase;
    lower_step(model, s, r, Phase::decode, shape, plan, phase);
    for (size_t i = 0; i < phase.layer_count(); ++i) {
        const LayerTemplate& layer = phase.layer(i);
        if (!runs_op(layer, "expert_gate_up")) continue;
        static constexpr std::string_view kMoeOps[] = {"moe_permute", "expert_gate_up", "expert_act", "expert_down",
                                                       "moe_combine"};
        double gemm_flops = 0;
        KernelResult kr = sum_ops(layer, "moe", OpKind::gemm, kMoeOps, gemm_flops);
        kr.achieved_tflops = kr.op.time_s > 0 ? gemm_flops / kr.op.time_s / 1e12 : 0.0;
        return kr;
    }
    return Error{"moe: model '" + model.id + "' has no MoE layer"};
}

namespace {
// One step of `model` on one chip of tp as a layer benchmark runs it, `s` giving the precisions. Decode: `requests`
// requests on one chip of tp, each with `context` tokens before it: a two-token output makes the lowering's mean
// context context + 1, the cached tokens and the new one. Prefill: `requests` whole prompts of `context` tokens in
// one step.
void lower_layer_call(const ChipSpec& chip, const ModelSpec& model, Scenario s, int tp, double requests, double context,
                      Phase step, PhaseResult& phase) {
    s.chips = s.tp = tp;
    s.ep = s.attention_dp = s.pp = 1;
    s.input_len = static_cast<int>(context);
    s.output_len = 2;
    s.input_len_cv = s.output_len_cv = 0;
    StepShape shape;
    if (step == Phase::decode) {
        shape.decode_seqs = requests;
    } else {
        shape.prefill_tokens = requests * context;
        shape.prefill_seqs = requests;
    }
    StepPlan plan;
    plan.par = Parallelism{tp, 1, 1, 1};
    lower_step(model, s, chip_rates(chip), step, shape, plan, phase);
}
}  // namespace

Result<KernelResult> attention_kernel(const ChipSpec& chip, const ModelSpec& model, int tp, double requests,
                                      double context, Precision kv, bool sliding, Phase step) {
    if (auto st = validate_chip(chip); !st) return st.error();
    if (!valid_dim(requests) || requests != std::floor(requests))
        return Error{"attention: requests must be a whole number in [1, 1e9]"};
    if (!valid_dim(context) || context != std::floor(context))
        return Error{"attention: context must be a whole number of tokens in [1, 1e9] (cached, or the prompt's)"};
    if (!tp_splits_heads(model, tp))
        return Error{"attention: tp " + std::to_string(tp) + " does not split the " + std::to_string(model.heads) +
                     " heads and " + std::to_string(model.kv_heads) + " KV heads of model '" + model.id +
                     "' evenly (tp must divide the heads, and divide the KV heads or be a multiple of them)"};
    if (sliding && model.sliding_window <= 0)
        return Error{"attention: model '" + model.id + "' has no sliding-window layers"};
    // A sliding-window kernel attends the last window of keys, also for a model whose local layers are chunked
    // (a kernel benchmark's windowed attention call, as aiconfigurator times Llama 4's local layers).
    ModelSpec windowed;
    const bool rewindow = sliding && model.window_kind != WindowKind::sliding;
    if (rewindow) {
        windowed = model;
        windowed.window_kind = WindowKind::sliding;
    }
    Scenario s;
    s.weight_precision = s.activation_precision = Precision::bf16;
    s.kv_precision = kv;
    PhaseResult phase;
    lower_layer_call(chip, rewindow ? windowed : model, s, tp, requests, context, step, phase);
    for (size_t i = 0; i < phase.layer_count(); ++i) {
        const LayerTemplate& layer = phase.layer(i);
        // (A linear-attention layer has no attention kernel: its state takes the KV cache's place.)
        if (!runs_op(layer, "attn_score") || is_sliding_layer(model, static_cast<int>(i)) != sliding) continue;
        static constexpr std::string_view kAttentionOps[] = {"attn_score", "softmax", "attn_value"};
        double gemm_flops = 0;
        KernelResult kr = sum_ops(layer, "attention", OpKind::attention, kAttentionOps, gemm_flops);
        kr.achieved_tb_s = kr.op.time_s > 0 ? kr.op.kv_bytes / kr.op.time_s / 1e12 : 0.0;
        return kr;
    }
    return Error{"attention: model '" + model.id + "' has no " + (sliding ? "sliding-window" : "full-attention") + " layer"};
}

Result<KernelResult> linear_attention_kernel(const ChipSpec& chip, const ModelSpec& model, int tp, double requests,
                                             double context, StateFormat state, Phase step) {
    if (auto st = validate_chip(chip); !st) return st.error();
    if (!valid_dim(requests) || requests != std::floor(requests))
        return Error{"linear: requests must be a whole number in [1, 1e9]"};
    if (!valid_dim(context) || context != std::floor(context))
        return Error{"linear: context must be a whole number of tokens in [1, 1e9] (before the step, or the prompt's)"};
    if (!model.has_linear_attention())
        return Error{"linear: model '" + model.id + "' has no linear-attention layers"};
    if (!tp_splits_linear_heads(model, tp))
        return Error{"linear: tp " + std::to_string(tp) + " does not split the " + std::to_string(model.linear.key_heads) +
                     " key heads and " + std::to_string(model.linear.value_heads) + " value heads of model '" + model.id +
                     "' evenly"};
    Scenario s;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::bf16;
    s.state_format = state;
    PhaseResult phase;
    lower_layer_call(chip, model, s, tp, requests, context, step, phase);
    for (size_t i = 0; i < phase.layer_count(); ++i) {
        const LayerTemplate& layer = phase.layer(i);
        if (!runs_op(layer, "linear_in_proj")) continue;
        static constexpr std::string_view kLinearOps[] = {"linear_conv", "linear_recurrent", "linear_chunk"};
        double gemm_flops = 0;
        KernelResult kr = sum_ops(layer, "linear", step == Phase::decode ? OpKind::vector : OpKind::gemm, kLinearOps,
                                  gemm_flops);
        kr.achieved_tb_s = kr.op.time_s > 0 ? kr.op.kv_bytes / kr.op.time_s / 1e12 : 0.0;
        return kr;
    }
    return Error{"linear: model '" + model.id + "' has no linear-attention layer"};
}

}  // namespace scoville
