#pragma once
// The roofline engine: per-op compute, memory and network time on one chip.
#include <algorithm>
#include <cmath>

#include "core/hw/chip.hpp"
#include "core/perf/collective.hpp"
#include "core/perf/evaluation.hpp"

namespace scoville {

// Chip rates, resolved once per evaluation so the per-op work is a few multiplications.
struct ChipRates {
    double achieved_flops[4] = {};  // per requested precision: peak(executed) x efficiency, FLOP/s
    Precision executed[4] = {};
    double vector_flops = 0;        // FLOP/s of the vector units
    double hbm_bytes_s = 0;         // achieved (x efficiency.memory)
    double kv_scale = 1;            // efficiency.attention / efficiency.memory: KV-cache streams vs copies
    double kv_scale_per_head = 1;   // the same in the multi-head kernel (efficiency.attention_mha)
    double kv_scale_16bit = 1;      // the same over a 16-bit cache (efficiency.attention_16bit)
    double sram_bytes_s = 0;
    double sram_bytes = 0;             // capacity
    double activation_sram_bytes = 0;  // the SRAM that keeps one kernel's activations for the next (efficiency.activation_sram_share)
    bool has_hbm = false;
    NetworkRates net;               // scale-up links and scale-out NICs, achieved
    double overlap = 1;
    double ridge_exponent = 1000;   // compute and memory combine as (c^p + m^p)^(1/p)
    double gemm_ridge_exponent = 1000;  // the same for a dense GEMM (efficiency.gemm_ridge_exponent, or the above)
    double overhead_s = 0;
    double attention_overhead_s = 0;  // per attention kernel call
    double attention_pair_s = 0;      // per (request, KV head) pair of a decode-attention kernel (efficiency.attention_pair_ns)
    double attention_16bit_overhead_s = 0;  // the two above over a 16-bit KV cache with grouped-query heads
    double attention_16bit_pair_s = 0;
    // A 16-bit cache with grouped-query heads runs the 8-bit cache's kernel, its per-head work with it, where the
    // chip gives that cache no call overhead of its own (Hopper does: a kernel of its own, no per-head work).
    bool attention_16bit_as_8bit = true;
    double attention_wave_blocks = 0;        // blocks a decode-attention call runs within its fixed time
    double attention_16bit_wave_blocks = 0;  // (efficiency.attention_wave_blocks, and the 16-bit kernel's)
    double attention_mha_overhead_s = 0;     // the multi-head kernel's call, block and wave (efficiency.attention_mha_*)
    double attention_mha_pair_s = 0;
    double attention_mha_wave_blocks = 0;
    double attention_head_s = 0;             // per query head a block serves (efficiency.attention_head_ns)
    double attention_head_overhead_s = 0;    // and in the call's fixed time (efficiency.attention_head_overhead_ns)
    double prefill_overhead_s = 0;           // per prompt-attention call (efficiency.prefill_overhead_us, or the above)
    double prefill_token_s = 0;       // per (prompt token, query head) of a prompt-attention kernel (efficiency.prefill_token_ns)
    double attention_pair_1k_s = 0;     // one pair's 1024 cached tokens alone (efficiency.attention_pair_1k_us)
    double attention_16bit_pair_1k_s = 0;  // and in the 16-bit cache's kernel (efficiency.attention_16bit_pair_1k_us, or the above)
    double attention_pair_token_s = 0;  // one pair's least time per cached token (efficiency.attention_pair_token_ps)
    double attention_split_tokens = 0;  // cached tokens per block before a pair splits (efficiency.attention_split_tokens)
    double attention_split_merge_s = 0; // a split pair's merge in the 8-bit grouped kernel (efficiency.attention_split_merge_us)
    double attention_fallback_token_s = 0;  // the fallback kernel's time per token a block walks (efficiency.attention_fallback_token_ns)
    double attention_fallback_merge_s = 0;  // its merge of a split context's blocks (efficiency.attention_fallback_merge_us)
    double attention_rope_pass_s = 0;       // a decode call's RoPE pass of its own (efficiency.attention_rope_pass_us)
    double cores = 1;                   // compute.cores: thread blocks running side by side, one per core
    double prefill_tile_tokens = 0;   // query tokens a prompt-attention thread block takes (0: cores all busy)
    double attention_pair_width_share = 0;        // efficiency.attention_pair_width_share
    double attention_16bit_pair_width_share = 0;  // the 16-bit kernel's (efficiency.attention_16bit_pair_width_share)
    double prefill_score_s = 0;       // per score of a prompt-attention kernel's softmax (efficiency.prefill_softmax_ps; 0: vector lanes)
    double moe_overhead_s = 0;        // per fused MoE call, beyond its two GEMMs' overhead_s
    double quant_bytes_s = 0;         // the activation-quantising kernels' streaming rate (efficiency.quant_memory)
    double fp4_k_step_s = 0;          // an NVFP4 GEMM's floor per element of K (efficiency.fp4_k_step_ns)
    double fp4_output_s = 0;          // an NVFP4 GEMM's epilogue per output element (efficiency.fp4_output_ps)
    double mac_rows = 1, mac_cols = 1;
    // The rows a GEMM's M pads to above the array's rows: mac_rows (output-stationary) or compute.stream_rows
    // (weight-stationary, where the array's rows hold K and loading a weight tile takes mac_rows cycles).
    double row_tile = 1;
    bool weight_stationary = false;
};

ChipRates chip_rates(const ChipSpec& chip);

// The KV cache's streaming rate in a decode-attention kernel over the copy rate (efficiency.attention, or the
// multi-head kernel's efficiency.attention_mha, over efficiency.memory).
double kv_scale(const ChipRates& r, DecodeKernel kernel);

// Fraction of the MAC array an M x N output tile fills: M over mac_rows, N over mac_cols.
// (A batch-1 GEMV, M = 1, uses 1/mac_rows of the rows.)
double tile_utilisation(double m, double n, double mac_rows, double mac_cols);
// The same for the chip's dataflow (compute.dataflow): output-stationary pads M to mac_rows and N to mac_cols, as
// above; weight-stationary holds K x N weight tiles of mac_rows x mac_cols while M streams in steps of
// row_tile, each tile taking at least mac_rows rows' time (the next tile's weights load a row a cycle).
double tile_utilisation(double m, double n, double k, const ChipRates& r);

// The time one decode-attention (request, KV head) pair with `keys` cached tokens takes when it is alone
// (efficiency.attention_pair_1k_us, the 16-bit cache's kernel's own where it has one, and
// attention_pair_token_ps: the slower law binds).
double attention_pair_time(double keys, const ChipRates& r, DecodeKernel kernel = DecodeKernel::grouped);
// Whether that kernel's own 16-bit kernel runs the call (efficiency.attention_16bit_overhead_us > 0, a 16-bit
// cache with grouped-query heads).
bool runs_own_16bit_kernel(DecodeKernel kernel, const ChipRates& r);

// Thread blocks per (request, KV head) pair of a decode-attention kernel with `pairs` pairs of `keys` cached
// tokens each, as TensorRT-LLM's XQA kernel chooses them (decoderXQAImplCommon.h, computeMultiBlockCount): one
// per efficiency.attention_split_tokens tokens, at most round(sqrt(8 x that)) so the final merge does not
// dominate, then cut so that all pairs' blocks fill at most kAttentionTargetWaves waves of the chip's cores;
// at least 1. 1 where the chip does not split (attention_split_tokens 0).
inline constexpr double kAttentionSplitSqrtFactor = 8.0;
inline constexpr double kAttentionTargetWaves = 8.0;
// TensorRT-LLM sends a decode-attention call to its grouped-query kernel (XQA) only where that kernel's blocks,
// one per kXqaTokensPerBlock cached tokens of each (request, KV head) pair (at least one), times
// kXqaMinBlockFactor reach the chip's cores; otherwise to its masked multi-head kernel, whose blocks each
// walk at most kFallbackTokensPerBlock tokens (decoderXQAImplJIT.cpp mayHavePerfGain: kMinHistoryTokensPerBlock
// 128, kEnableMinBlockFactor 4; decoderMaskedMultiheadAttentionLaunch.h multi_block_grid_setup: a block's
// 256 threads, 16 per 128-wide bf16 head, 8 keys each per loop).
inline constexpr double kXqaTokensPerBlock = 128.0;
inline constexpr double kXqaMinBlockFactor = 4.0;
inline constexpr double kFallbackTokensPerBlock = 128.0;
double attention_splits(double pairs, double keys, const ChipRates& r);

// What a decode-attention block's pair time, set for 128-wide heads, is multiplied by for the op's heads' width
// (efficiency.attention_pair_width_share; the 16-bit cache's kernels' own share): 1 at 128.
double pair_width_factor(const OpResult& op, const ChipRates& r);

// The floors under an attention op's compute (finish_op; the Explain panel shows the one that binds): its thread
// blocks' own work, and one (request, KV head) pair alone over its context, each the op's share of the kernel's.
struct AttentionFloors {
    double splits = 1;        // thread blocks a pair (attention_splits)
    double block_s = 0;       // time per block: efficiency.attention_pair_ns, or the 16-bit kernel's; plus the
                              // group's query heads' efficiency.attention_head_ns each, scaled by their width (op.head_width)
    double wave_blocks = 0;   // blocks the call's fixed time covers (efficiency.attention_wave_blocks)
    double blocks_s = 0;      // the op's share of (splits x the kernel's pairs - wave_blocks) x block_s
    double pair_alone_s = 0;  // one pair alone over its keys (attention_pair_time)
    double alone_s = 0;       // the op's share of it
    // The 8-bit grouped kernel's split pair's merge (efficiency.attention_split_merge_us; 0: not split): the last of
    // its blocks to finish reads the others' partial results back and combines them, once every block has
    // streamed its slice, so it follows the stream.
    double merge_s = 0;
    // Hopper's kernel for a 16-bit cache with grouped-query heads (runs_own_16bit_kernel) runs a pair's
    // square-root chain (efficiency.attention_16bit_pair_1k_us: its blocks walk their slices, then their partial
    // results are merged) after the KV stream of the blocks before it, not under it: the op's share of it follows
    // the stream (chain_follows, no floor under the compute). The FP8 kernel's chain and the per-token law stay
    // floors that meet the stream at the ridge. tail_s: the op's share of what follows the stream, that chain or
    // the FP8 kernel's merge.
    bool chain_follows = false;
    double tail_s = 0;
    // Where the engine runs the call in its fallback kernel (fallback_decode_attention): the keys each of its blocks
    // walks (0: no fallback), the merge of a split context's blocks (0: not split), and the op's share of
    // keys x the time per key plus the merge.
    double fallback_keys = 0;
    double fallback_merge_s = 0;
    double fallback_s = 0;
};
AttentionFloors attention_floors(const OpResult& op, const ChipRates& r);
// Whether the engine runs a decode-attention call of `pairs` (request, KV head) pairs over `keys` cached tokens
// in its fallback kernel on this chip: heads with a KV head each always; a 16-bit cache's grouped heads where
// pairs x max(1, floor(keys / kXqaTokensPerBlock)) x kXqaMinBlockFactor < cores; never without the chip's
// fallback keys, or for an 8-bit cache's grouped heads.
bool fallback_decode_attention(DecodeKernel kernel, double pairs, double keys, const ChipRates& r);

// A prompt-attention kernel's thread blocks and the share of its time its cores are busy; finish_op divides the kernel's matmuls and
// softmax by it. Each (prompt chunk, query head) pair is a staircase of ceil(chunk / tile) thread blocks
// (efficiency.prefill_tile_tokens), block i walking the prefix and i tiles of keys (at most the window's): W tiles of
// work in all, the longest block L. The blocks start in order, each pair's longest first: when they all fit on
// the cores at once the kernel takes L, else about W / cores + L / 2 (the last pairs' long blocks start as the
// first pairs' short ones end). Busy = W / (cores x that). 1 where the chip sets no tile.
struct PromptBlocks {
    double per_pair = 0;  // thread blocks a (prompt chunk, query head) pair
    double busy = 1;      // the share of the kernel's time its cores are busy
};
PromptBlocks prompt_blocks(const OpResult& op, const ChipRates& r);

// The fixed time of one attention call (apply_rates; the Explain panel shows its parts). A decode call's holds one
// thread block's, longer by each query head of the group it serves (op.m: the group's query rows; the 8-bit
// kernel's efficiency.attention_head_overhead_ns); a prompt call pays its own cost and two launches (the kernel
// that ropes and caches the keys, then the attention kernel). A decode call's launch is its op's, not in here.
struct AttentionCallCost {
    double call_s = 0;     // efficiency.attention_overhead_us, the 16-bit kernel's, or efficiency.prefill_overhead_us
    double heads = 0;      // query heads a block that add head_s each
    double head_s = 0;
    double launches = 0;   // launches the call pays itself, launch_s each
    double launch_s = 0;
    double rope_s = 0;     // the RoPE pass of its own before a decode call (efficiency.attention_rope_pass_us)
    [[nodiscard]] double total_s() const { return call_s + heads * head_s + launches * launch_s + rope_s; }
};
AttentionCallCost attention_call_cost(const OpResult& op, const ChipRates& r);

// The p with which an op's compute and memory meet at the ridge: a dense GEMM's own, every other op's the chip's.
double ridge_exponent_of(const OpResult& op, const ChipRates& r);

// cbrt(u) for u in [1, 2]: a degree-5 Chebyshev fit in 2u - 3 (relative error 1.8e-6), then one Halley
// step, which cubes the error (below a double's rounding); inline, and faster than the library's cbrt. The fit
// is summed in pairs (Estrin's scheme), whose steps do not wait on each other as Horner's do: every GEMM of a
// sweep's points runs this chain.
inline double cbrt_1_2(double u) {
    const double x = 2.0 * u - 3.0;
    const double x2 = x * x;
    const double y = (1.1447129481629714 + x * 0.127190822812266) +
                     x2 * ((-0.014109073670682443 + x * 0.0026107903428057204) +
                           x2 * (-0.000641948171379821 + x * 0.00015852979140706935));
    const double y3 = y * y * y;
    return y + y * (u - y3) / (2.0 * y3 + u);  // y (y^3 + 2u) / (2y^3 + u), as a small correction to y
}

// Compute and memory time of one op combined: (c^p + m^p)^(1/p); p >= 1000 is max(c, m).
// At the ridge (c = m) and p = 2 the op takes sqrt(2) x either; far from it, the larger one.
inline double ridge_combine(double compute_s, double memory_s, double p) {
    const double hi = std::max(compute_s, memory_s);
    const double lo = std::min(compute_s, memory_s);
    if (hi <= 0 || lo <= 0) return hi;
    if (p >= 1000) return hi;
    if (p == 2.0) return std::sqrt(hi * hi + lo * lo);  // hi sqrt(1 + x^2), without the division
    if (p == 3.0) {  // a GEMM's on Hopper, without pow: hi (1 + x^3)^(1/3)
        const double x = lo / hi;
        return hi * cbrt_1_2(1.0 + x * x * x);
    }
    const double x = lo / hi;  // <= 1
    return hi * std::pow(1.0 + std::pow(x, p), 1.0 / p);
}

// Fills compute_s, memory_s, overhead_s, time_s and bound from the op's flops, bytes and levels.
// network_s must already be set (collectives).
void finish_op(OpResult& op, const ChipRates& r);

}  // namespace scoville
