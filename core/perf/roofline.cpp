#include "core/perf/roofline.hpp"

#include <algorithm>
#include <cmath>

namespace scoville {

ChipRates chip_rates(const ChipSpec& chip) {
    ChipRates r;
    for (Precision p : kAllPrecisions) {
        const auto i = static_cast<size_t>(p);
        r.executed[i] = chip.executed_precision(p);
        r.achieved_flops[i] = chip.peak_tflops(p) * 1e12 * chip.compute_efficiency(p);
    }
    r.vector_flops = chip.vector_tflops() * 1e12;
    // A chip without vector lanes runs softmax, norms and activations on its matrix units, one column
    // of each array doing useful work.
    if (r.vector_flops <= 0)
        r.vector_flops = r.achieved_flops[static_cast<size_t>(Precision::bf16)] / std::max(1, chip.compute.mac_cols);
    r.has_hbm = chip.memory_tb_s() > 0 && chip.memory_gb() > 0;
    r.hbm_bytes_s = chip.memory_tb_s() * 1e12 * chip.efficiency.memory;
    r.sram_bytes_s = chip.sram.tb_s * 1e12 * chip.efficiency.memory;
    const EfficiencySpec& e = chip.efficiency;
    // A key left 0 follows another (the params table's zero_as).
    const auto or_else = [](double key, double followed) { return key > 0 ? key : followed; };
    r.kv_scale = e.memory > 0 ? e.attention / e.memory : 1.0;
    r.kv_scale_per_head = e.memory > 0 ? or_else(e.attention_mha, e.attention) / e.memory : 1.0;
    r.kv_scale_16bit = e.memory > 0 ? or_else(e.attention_16bit, e.attention) / e.memory : 1.0;
    r.sram_bytes = chip.sram.mb * 1e6;
    r.activation_sram_bytes = r.sram_bytes * std::clamp(e.activation_sram_share, 0.0, 1.0);
    r.net = network_rates(chip);
    r.overlap = chip.efficiency.overlap;
    r.ridge_exponent = chip.efficiency.ridge_exponent;
    r.gemm_ridge_exponent = or_else(e.gemm_ridge_exponent, e.ridge_exponent);
    // The measured times hold at the calibration point's cores and clock (CalibrationSpec): work the cores
    // share scales with cores x clock, one block's serial walk with the clock, the first wave with the cores.
    const double cores = std::max(1, chip.compute.cores);
    const double at_clock = chip.compute.clock_ghz > 0 ? chip.calibration_clock_ghz() / chip.compute.clock_ghz : 1.0;
    const double at_cores = std::max(1, chip.calibration_cores()) / cores;
    const double shared = at_cores * at_clock;  // per block beyond the wave, per element, per token
    const double serial = at_clock;             // one block's walk
    const double wave = 1.0 / at_cores;         // blocks within the call's fixed time
    r.overhead_s = chip.efficiency.op_overhead_us * 1e-6;
    r.attention_overhead_s = chip.efficiency.attention_overhead_us * 1e-6;
    r.attention_pair_s = chip.efficiency.attention_pair_ns * 1e-9 * shared;
    r.attention_16bit_overhead_s = or_else(e.attention_16bit_overhead_us, e.attention_overhead_us) * 1e-6;
    r.attention_16bit_pair_s = or_else(e.attention_16bit_pair_ns, e.attention_pair_ns) * 1e-9 * shared;
    r.attention_16bit_as_8bit = e.attention_16bit_overhead_us <= 0;
    r.prefill_overhead_s = or_else(e.prefill_overhead_us, e.attention_overhead_us) * 1e-6;
    r.attention_pair_width_share = e.attention_pair_width_share;
    r.attention_16bit_pair_width_share = or_else(e.attention_16bit_pair_width_share, e.attention_pair_width_share);
    r.attention_head_s = e.attention_head_ns * 1e-9 * shared;
    r.attention_head_overhead_s = e.attention_head_overhead_ns * 1e-9 * serial;
    r.attention_wave_blocks = e.attention_wave_blocks * wave;
    r.attention_16bit_wave_blocks = or_else(e.attention_16bit_wave_blocks, e.attention_wave_blocks) * wave;
    r.attention_mha_overhead_s = or_else(e.attention_mha_overhead_us, e.attention_overhead_us) * 1e-6;
    r.attention_mha_pair_s = or_else(e.attention_mha_pair_ns, e.attention_pair_ns) * 1e-9 * shared;
    r.attention_mha_wave_blocks = or_else(e.attention_mha_wave_blocks, e.attention_wave_blocks) * wave;
    r.attention_pair_1k_s = e.attention_pair_1k_us * 1e-6 * serial;
    r.attention_16bit_pair_1k_s = or_else(e.attention_16bit_pair_1k_us, e.attention_pair_1k_us) * 1e-6 * serial;
    r.attention_pair_token_s = e.attention_pair_token_ps * 1e-12 * serial;
    r.attention_split_tokens = e.attention_split_tokens;
    r.attention_split_merge_s = e.attention_split_merge_us * 1e-6 * serial;
    r.attention_fallback_token_s = e.attention_fallback_token_ns * 1e-9 * serial;
    r.attention_fallback_merge_s = e.attention_fallback_merge_us * 1e-6;
    r.attention_rope_pass_s = e.attention_rope_pass_us * 1e-6;
    r.cores = cores;
    r.prefill_token_s = chip.efficiency.prefill_token_ns * 1e-9 * shared;
    r.prefill_score_s = chip.efficiency.prefill_softmax_ps * 1e-12 * shared;
    r.prefill_tile_tokens = chip.efficiency.prefill_tile_tokens;
    r.moe_overhead_s = chip.efficiency.moe_overhead_us * 1e-6;
    r.fp4_k_step_s = chip.efficiency.fp4_k_step_ns * 1e-9 * serial;
    r.fp4_output_s = chip.efficiency.fp4_output_ps * 1e-12 * shared;
    // Quantising kernels stream at their own share of the HBM rate (a chip without HBM: of its SRAM's).
    r.quant_bytes_s = (r.has_hbm ? chip.memory_tb_s() : chip.sram.tb_s) * 1e12 * or_else(e.quant_memory, e.memory);
    r.mac_rows = std::max(1, chip.compute.mac_rows);
    r.mac_cols = std::max(1, chip.compute.mac_cols);
    r.weight_stationary = chip.compute.dataflow == Dataflow::weight_stationary;
    r.row_tile = r.weight_stationary ? std::max(1, chip.compute.stream_rows) : r.mac_rows;
    return r;
}

double kv_scale(const ChipRates& r, DecodeKernel kernel) {
    switch (kernel) {
    case DecodeKernel::grouped: return r.kv_scale;
    case DecodeKernel::per_head_8bit: return r.kv_scale_per_head;
    case DecodeKernel::grouped_16bit:
    case DecodeKernel::per_head: return r.kv_scale_16bit;
    }
    return r.kv_scale;
}

bool runs_own_16bit_kernel(DecodeKernel kernel, const ChipRates& r) {
    return kernel == DecodeKernel::grouped_16bit && !r.attention_16bit_as_8bit;
}

double attention_pair_time(double keys, const ChipRates& r, DecodeKernel kernel) {
    if (keys <= 0) return 0.0;
    const double per_1k = runs_own_16bit_kernel(kernel, r) ? r.attention_16bit_pair_1k_s : r.attention_pair_1k_s;
    return std::max(per_1k * std::sqrt(keys / 1024.0), r.attention_pair_token_s * keys);
}

double attention_splits(double pairs, double keys, const ChipRates& r) {
    if (r.attention_split_tokens <= 0 || pairs <= 0 || keys <= 0) return 1.0;
    double n = std::floor(keys / r.attention_split_tokens);
    n = std::max(1.0, std::min(n, std::round(std::sqrt(kAttentionSplitSqrtFactor * n))));
    const double waves = pairs * n / r.cores;
    if (waves > kAttentionTargetWaves) n = std::floor(n * kAttentionTargetWaves / waves);
    return std::max(n, 1.0);
}

bool fallback_decode_attention(DecodeKernel kernel, double pairs, double keys, const ChipRates& r) {
    if (r.attention_fallback_token_s <= 0 || pairs <= 0) return false;
    switch (kernel) {
    case DecodeKernel::grouped: return false;
    case DecodeKernel::per_head:
    case DecodeKernel::per_head_8bit: return true;
    case DecodeKernel::grouped_16bit:
        return pairs * std::max(1.0, std::floor(keys / kXqaTokensPerBlock)) * kXqaMinBlockFactor < r.cores;
    }
    return false;
}

double pair_width_factor(const OpResult& op, const ChipRates& r) {
    // A pair's share of a block grows with its KV head's width (its K and V rows), the rest does not; the 16-bit
    // cache's kernels have their own share.
    const double share = reads_16bit(op.decode_kernel) ? r.attention_16bit_pair_width_share : r.attention_pair_width_share;
    return 1.0 - share + share * op.head_width;
}

AttentionFloors attention_floors(const OpResult& op, const ChipRates& r) {
    AttentionFloors f;
    const double split_keys = op.split_keys > 0 ? op.split_keys : op.pair_keys;
    if (op.pair_share > 0) f.splits = attention_splits(op.attention_pairs / op.pair_share, split_keys, r);
    const double widened = pair_width_factor(op, r);
    switch (op.decode_kernel) {
    case DecodeKernel::grouped:
        f.block_s = r.attention_pair_s * widened + op.m * op.head_width * r.attention_head_s;
        f.wave_blocks = r.attention_wave_blocks;
        break;
    case DecodeKernel::grouped_16bit:
        f.block_s = r.attention_16bit_pair_s * widened + (r.attention_16bit_as_8bit ? op.m * op.head_width * r.attention_head_s : 0.0);
        f.wave_blocks = r.attention_16bit_wave_blocks;
        break;
    case DecodeKernel::per_head:
    case DecodeKernel::per_head_8bit:  // a block serves one query head (m = 1), whose time the head terms add as they do for a group
        f.block_s = r.attention_mha_pair_s * widened + op.m * op.head_width * r.attention_head_s;
        f.wave_blocks = r.attention_mha_wave_blocks;
        break;
    }
    // The 8-bit grouped kernel's blocks whose share of a split context holds none of a sliding window's keys end at
    // once: only those that hold the window's pay a block's time (the 16-bit kernel's all do, as measured).
    double working = f.splits;
    if (op.decode_kernel == DecodeKernel::grouped && split_keys > op.pair_keys)
        working = std::min(f.splits, std::ceil(f.splits * op.pair_keys / split_keys));
    // The kernel's blocks beyond its first wave, this op's share of them.
    if (op.pair_share > 0)
        f.blocks_s = op.pair_share * std::max(0.0, working * op.attention_pairs / op.pair_share - f.wave_blocks) * f.block_s;
    f.pair_alone_s = attention_pair_time(op.pair_keys, r, op.decode_kernel);
    f.alone_s = op.pair_share * f.pair_alone_s;
    // The 8-bit grouped kernel's split pair ends with its last block's merge of the partial results.
    if (op.decode_kernel == DecodeKernel::grouped && f.splits > 1) f.merge_s = r.attention_split_merge_s;
    // Hopper's 16-bit kernel: its square-root chain, where that law binds, follows the stream (tail_s).
    const bool split_chain =
        runs_own_16bit_kernel(op.decode_kernel, r) && f.pair_alone_s > r.attention_pair_token_s * op.pair_keys;
    // The fallback kernel's blocks walk their keys one after another (the new token's among them), a context
    // longer than one block's share split over several, whose partial results are merged.
    if (op.pair_share > 0 && fallback_decode_attention(op.decode_kernel, op.attention_pairs / op.pair_share, op.pair_keys, r)) {
        f.fallback_keys = std::min(op.pair_keys, kFallbackTokensPerBlock);
        f.fallback_merge_s = op.pair_keys > kFallbackTokensPerBlock ? r.attention_fallback_merge_s : 0.0;
        f.fallback_s = op.pair_share * (f.fallback_keys * r.attention_fallback_token_s + f.fallback_merge_s);
    }
    // The fallback kernel merges its own split (above); the 16-bit kernel's square-root chain follows the stream.
    f.chain_follows = split_chain && f.fallback_s <= 0;
    f.tail_s = (f.chain_follows ? f.alone_s : 0.0) + op.pair_share * f.merge_s;
    return f;
}

PromptBlocks prompt_blocks(const OpResult& op, const ChipRates& r) {
    const double tile = r.prefill_tile_tokens;
    if (tile <= 0 || op.prompt_pairs <= 0 || op.prompt_chunk <= 0) return {};
    const double blocks = std::ceil(op.prompt_chunk / tile);  // a pair's
    const double prefix = op.prompt_prefix / tile;
    // Block i (1..blocks) walks prefix + i tiles, at most the window's cap; the first `below` stay under it.
    double per_pair = 0, longest = prefix + blocks;
    if (op.prompt_window > 0) {
        const double cap = op.prompt_window / tile + 1.0;
        const double below = std::clamp(std::floor(cap - prefix), 0.0, blocks);
        per_pair = below * prefix + below * (below + 1) / 2 + (blocks - below) * cap;
        longest = std::min(longest, cap);
    } else {
        per_pair = blocks * prefix + blocks * (blocks + 1) / 2;
    }
    const double cores = r.cores;
    const double work = op.prompt_pairs * per_pair;
    const double span = op.prompt_pairs * blocks <= cores ? longest : std::max(longest, work / cores + longest / 2);
    return {blocks, span > 0 ? std::clamp(work / (cores * span), 1e-6, 1.0) : 1.0};
}

AttentionCallCost attention_call_cost(const OpResult& op, const ChipRates& r) {
    AttentionCallCost c;
    c.launch_s = r.overhead_s;
    if (op.fused) {
        c.call_s = r.prefill_overhead_s;
        c.launches = 2;
    } else if (op.decode_kernel == DecodeKernel::grouped_16bit) {
        c.call_s = r.attention_16bit_overhead_s;
        if (r.attention_16bit_as_8bit) {
            c.heads = op.m;
            c.head_s = r.attention_head_overhead_s;
        }
    } else {
        c.call_s = runs_per_head(op.decode_kernel) ? r.attention_mha_overhead_s : r.attention_overhead_s;
        c.heads = op.m;
        c.head_s = r.attention_head_overhead_s;
        if (op.rope_pass) c.rope_s = r.attention_rope_pass_s;
    }
    return c;
}

double ridge_exponent_of(const OpResult& op, const ChipRates& r) {
    return op.kind == OpKind::gemm && !op.grouped ? r.gemm_ridge_exponent : r.ridge_exponent;
}

double tile_utilisation(double m, double n, double mac_rows, double mac_cols) {
    if (m <= 0 || n <= 0) return 1.0;
    const double um = m / (std::ceil(m / mac_rows) * mac_rows);
    const double un = n / (std::ceil(n / mac_cols) * mac_cols);
    return um * un;
}

double tile_utilisation(double m, double n, double k, const ChipRates& r) {
    if (!r.weight_stationary) return tile_utilisation(m, n, r.mac_rows, r.mac_cols);
    if (m <= 0 || n <= 0) return 1.0;
    const double streamed = std::max(std::ceil(m / r.row_tile) * r.row_tile, r.mac_rows);
    const double uk = k > 0 ? k / (std::ceil(k / r.mac_rows) * r.mac_rows) : 1.0;
    const double un = n / (std::ceil(n / r.mac_cols) * r.mac_cols);
    return m / streamed * uk * un;
}

namespace {
double level_rate(MemLevel level, const ChipRates& r) {
    // Data "in SRAM" on a chip that quotes no SRAM bandwidth streams at HBM rate, and vice versa.
    if (level == MemLevel::sram) return r.sram_bytes_s > 0 ? r.sram_bytes_s : r.hbm_bytes_s;
    return r.hbm_bytes_s > 0 ? r.hbm_bytes_s : r.sram_bytes_s;
}
}  // namespace

void finish_op(OpResult& op, const ChipRates& r) {
    const auto pi = static_cast<size_t>(op.precision);
    if (op.kind == OpKind::vector) {
        op.compute_s = op.flops > 0 ? op.flops / r.vector_flops : 0.0;
        // A prompt-attention kernel's softmax as the chip measures it, per (query token, key, query head)
        // score (its exponentials may run on units of their own, faster or slower than the vector lanes).
        if (op.prompt && r.prefill_score_s > 0) op.compute_s = op.flops / kSoftmaxFlopsPerScore * r.prefill_score_s;
    } else if (op.flops > 0) {
        op.compute_s = op.flops / (r.achieved_flops[pi] * op.utilisation);
    }
    if (op.chain_flops > 0 && r.cores > 0 && r.achieved_flops[pi] > 0)
        op.compute_s = std::max(op.compute_s, std::ceil(static_cast<double>(op.chain_blocks) / r.cores) * op.chain_flops * r.cores /
                                                  r.achieved_flops[pi]);
    // A prompt-attention kernel's matmuls and softmax run in its thread blocks, which may leave cores idle.
    if (op.prompt_pairs > 0) op.compute_s /= prompt_blocks(op, r).busy;
    // An NVFP4 GEMM's tiles walk K one step after another: with few rows, too few tiles to share K among
    // the cores, its compute takes K x the step time however few its FLOPs. (A fused MoE op's grouped
    // GEMMs follow their own timings: the launches NVFP4 adds to the call, kFp4MoeLaunches, carry them.)
    // Every NVFP4 GEMM's tiles' epilogues, a fused MoE op's grouped ones too, add a time per output element
    // (FLOPs / 2K of them) that the main loop does not hide.
    if (op.kind == OpKind::gemm && r.executed[pi] == Precision::fp4) {
        op.compute_s += (op.k > 0 ? op.flops / (2.0 * op.k) : 0.0) * r.fp4_output_s;
        if (!op.grouped) op.compute_s = std::max(op.compute_s, op.k * r.fp4_k_step_s);
    }
    // A decode-attention kernel's thread blocks each serve one (request, KV head) pair: each block's own work
    // (its queries, the softmax reductions, its output) is a floor under the kernel's compute.
    // A prompt-attention kernel spends a time on each (prompt token, query head) beyond its FLOPs.
    // A pair split over several blocks pays each block's work (attention_splits). A pair alone takes a time that
    // grows with its context (attention_pair_time): the kernel's pairs run side by side, so its compute takes at
    // least one pair's, this op's share of it.
    if (op.kind == OpKind::attention) {
        const AttentionFloors f = attention_floors(op, r);
        op.compute_s = std::max({op.compute_s, f.blocks_s, f.chain_follows ? 0.0 : f.alone_s, f.fallback_s}) +
                       op.prompt_token_heads * r.prefill_token_s;
        op.tail_s = f.tail_s;
    }
    op.precision = r.executed[pi];
    // (Most ops move one or two of the three: no division for the others.)
    op.memory_s = (op.weight_bytes > 0 ? op.weight_bytes / level_rate(op.weight_level, r) : 0.0) +
                  (op.activation_bytes > 0 ? op.activation_bytes / level_rate(op.activation_level, r) : 0.0) +
                  (op.kv_bytes > 0 ? op.kv_bytes / (level_rate(op.kv_level, r) *
                                                    (op.kind == OpKind::attention ? kv_scale(r, op.decode_kernel) : 1.0))
                                   : 0.0);
    // Compute and memory meet at the ridge (p-norm); overlap < 1 moves each pairing towards the sum.
    const double lost = 1.0 - r.overlap;
    double cm = ridge_combine(op.compute_s, op.memory_s, ridge_exponent_of(op, r));
    cm += lost * (op.compute_s + op.memory_s - cm);
    cm += op.tail_s;  // a split pair's chain or merge after the stream (AttentionFloors::tail_s)
    // Norms, activations and softmax are fused into their neighbouring kernels: no launch of their own.
    // A collective carries its whole fixed cost in its own terms, measured on collectives: the steps'
    // latency of an engine's kernels (link.latency_us) or the library's cost per call with its launch.
    const bool own_fixed_cost = (op.kind == OpKind::vector && !op.launched) || op.kind == OpKind::collective || op.fused;
    op.overhead_s = (own_fixed_cost ? 0.0 : r.overhead_s) + op.fixed_s;
    op.time_s = std::max(cm, op.network_s) + lost * std::min(cm, op.network_s) + op.overhead_s;
    op.bound = largest_bound(op.compute_s, op.memory_s, op.network_s);
}

}  // namespace scoville
