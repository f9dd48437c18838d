#pragma once
// One vocabulary for every chip: user designs and reference chips alike.
// Every field is reachable by a dotted key ("compute.clock_ghz"); see params.hpp.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/hw/precision.hpp"
#include "core/util/result.hpp"

namespace scoville {

// The off-chip DRAM (the `hbm` section of the vocabulary): stacks of HBM on an interposer beside the dies, or
// GDDR and LPDDR devices on the board or the package substrate, reached over PHYs on the die's edge.
// New types go last: sessions keep the index.
enum class DramType { none, hbm2, hbm2e, hbm3, hbm3e, hbm4, gddr6, gddr7, lpddr5x };
// HBM stacks sit on an interposer (CoWoS) beside the dies; GDDR and LPDDR devices need none.
constexpr bool is_hbm(DramType t) { return t != DramType::none && t < DramType::gddr6; }
enum class DramFamily { hbm, gddr, lpddr };
constexpr DramFamily dram_family(DramType t) {
    return t == DramType::gddr6 || t == DramType::gddr7 ? DramFamily::gddr
           : t == DramType::lpddr5x                     ? DramFamily::lpddr
                                                        : DramFamily::hbm;
}
// switched: every chip of the domain reaches every other through switches at its full link bandwidth
// (NVSwitch); torus: links to neighbours along torus dimensions (TPU ICI); mesh: a direct link (or
// links) to every other chip of the domain (AMD Infinity Fabric on 8-GPU boards).
enum class Topology { switched, torus, mesh };
// Physical style of on-chip memory: dense scratchpad macros (TPU-like) or GPU caches/register files
// with crossbars and many ports (lower density, operand delivery through register files).
enum class SramStyle { scratchpad, gpu };
// How a MAC array runs a GEMM. output_stationary: each array holds an M x N tile of outputs while K streams
// through (GPU tensor cores), so M pads to the array's rows. weight_stationary: each array holds a K x N tile
// of weights while the M rows stream through (TPU MXU, Trainium's Tensor Engine), so M pads only to the rows
// the array streams at a time (stream_rows), and loading the next weight tile, a row a cycle, is a floor of
// mac_rows cycles under each tile's time.
enum class Dataflow { output_stationary, weight_stationary };

struct ComputeSpec {
    int cores = 1;
    int arrays_per_core = 1;   // matrix units per core
    int mac_rows = 128;        // MAC array rows (tile of M, output-stationary; of K, weight-stationary)
    int mac_cols = 128;        // MAC array columns (tile of the N dimension)
    Dataflow dataflow = Dataflow::output_stationary;
    int stream_rows = 8;       // weight-stationary: the rows of M streamed at a time (M pads to them)
    double clock_ghz = 1.0;
    // MACs per MAC cell per cycle, per precision; 0 = not native (falls back to a wider format).
    double rate_bf16 = 1.0;
    double rate_fp8 = 2.0;
    double rate_fp4 = 0.0;
    double rate_int8 = 2.0;
    int vector_lanes_per_core = 128;  // fp32 FMA lanes for softmax, norms, activations
    int spare_cores = 0;              // on the die but fused off for yield: area, no performance
    double local_sram_kb_per_core = 0.0;  // register file + L1/shared memory per core (area, not sram.mb)
    friend bool operator==(const ComputeSpec&, const ComputeSpec&) = default;
};

struct SramSpec {
    double mb = 0.0;    // on-chip SRAM capacity usable for weights/activations
    double tb_s = 0.0;  // aggregate SRAM read bandwidth
    SramStyle style = SramStyle::scratchpad;  // sets SRAM density and operand-delivery energy
    double spare_mb = 0.0;  // on the die but disabled (yield): area only
    // The global SRAM's density relative to dense scratchpad macros, where the chip's own die sets it; 0: the
    // style's (the tech library's sram.gpu_density_factor for GPU caches, 1 for scratchpads).
    double density_factor = 0.0;
    friend bool operator==(const SramSpec&, const SramSpec&) = default;
};

// Off-chip DRAM. A site is an HBM stack, a GDDR x32 channel (one device, or two in clamshell) or an LPDDR
// x64 package; its capacity and bandwidth are the site's.
struct HbmSpec {
    DramType generation = DramType::hbm3e;
    int stacks = 0;               // sites: HBM stacks, GDDR x32 channels or LPDDR x64 packages
    double gb_per_stack = 0.0;    // per site
    double tb_s_per_stack = 0.0;  // per site
    double usable_fraction = 0.9;  // of capacity for weights + KV cache (vLLM gpu_memory_utilization default)
    int spare_phys = 0;            // HBM PHYs on the die without a stack (area only)
    friend bool operator==(const HbmSpec&, const HbmSpec&) = default;
};

struct LinkSpec {
    int count = 0;              // scale-up links per chip
    double gb_s = 0.0;          // per link, bidirectional (as data sheets quote)
    Topology topology = Topology::switched;
    int domain = 8;             // chips in one scale-up domain
    double latency_us = 2.0;    // alpha: per-step latency of a collective
    // What an engine's own direct all-reduce kernel (one-shot, two-shot) adds for each peer it exchanges with
    // in a round: the flags it sets and waits on, the peer's partial sums it reads. 0 = none.
    double peer_latency_us = 0.0;
    // Fixed cost of one all-reduce call in the vendor's collective library (NCCL, RCCL) beyond the kernel
    // launch, as nccl-tests measures it at its smallest message; engines' own kernels avoid it.
    double library_latency_us = 20.0;
    // Bytes each chip sends (MB) before the library's pipeline streams at full rate: below it the data
    // time is paid about twice (the pipeline fills and drains in chunks that grow with the buffer), far
    // above it once. 0 = no fill. As nccl-tests measures it between 1 MiB and 128 MiB.
    double library_window_mb = 0.0;
    double lane_gbps = 100.0;   // SerDes lane rate per direction (sets lanes -> SerDes area)
    int torus_dims = 2;         // torus dimensions the links span (TPU v4/v5p: 3, v5e/v6e: 2)
    // All-reduce bus bandwidth with the switch summing data in flight (NVLink SHARP / NVLS) over the ring's;
    // 1 = the switch cannot reduce.
    double switch_reduction_gain = 1.0;
    // The fewest chips for which the collective library chooses in-switch reduction on its own; smaller
    // groups run its ring (NCCL: TensorRT-LLM's all-reduce on 4 H100s reaches the ring's bus bandwidth).
    int switch_reduction_min_chips = 8;
    friend bool operator==(const LinkSpec&, const LinkSpec&) = default;
};

// The scale-out tier: NICs that reach chips outside the scale-up domain (InfiniBand, RoCE, DCN).
struct ScaleOutSpec {
    int nics = 1;               // NICs per chip
    double gb_s = 50.0;         // per NIC, each direction (400 Gb/s ConnectX-7: 50 GB/s)
    double latency_us = 5.0;    // alpha per step across the scale-out network
    friend bool operator==(const ScaleOutSpec&, const ScaleOutSpec&) = default;
};

enum class IoPlacement { beside, under };

struct PackageSpec {
    int dies = 1;
    double d2d_tb_s = 0.0;  // die-to-die bandwidth (multi-die packages)
    // Separate I/O dies hold the global SRAM, HBM PHYs and controllers, link SerDes and die-to-die PHYs
    // (0: all on the compute dies). `under`: the compute dies are stacked on them (MI300X).
    int io_dies = 0;
    IoPlacement io_placement = IoPlacement::beside;
    friend bool operator==(const PackageSpec&, const PackageSpec&) = default;
};

struct TechSpec {
    std::string node = "n4";     // a node of resources/tech/nodes.json
    std::string io_node = "n7";  // the I/O dies' node (package.io_dies > 0)
    friend bool operator==(const TechSpec&, const TechSpec&) = default;
};

struct PowerSpec {
    double tdp_w = 700.0;
    // The chip's own power fits, where readings of its silicon set them; 0: the tech library's
    // power.static_w_per_mm2_ghz and power.operand_overhead_gpu / _scratchpad.
    double floor_w_per_mm2_ghz = 0;
    double operand_overhead = 0;
    friend bool operator==(const PowerSpec&, const PowerSpec&) = default;
};

struct EfficiencySpec {
    double compute = 0.8;       // achievable fraction of bf16/int8 peak on large GEMMs
    double compute_fp8 = 0.7;   // same at fp8
    double compute_fp4 = 0.7;   // same at fp4
    double memory = 0.85;       // achievable fraction of HBM/SRAM bandwidth (copy benchmarks)
    double attention = 0.55;    // same, when attention streams the (paged) KV cache
    double network = 0.8;       // achievable fraction of link bandwidth in collectives
    // Achievable fraction of link bandwidth in an engine's own all-reduce kernels (one-shot, two-shot:
    // TensorRT-LLM's and vLLM's custom all-reduce), which move data with the chip's cores.
    double engine_network = 0.7;
    double overlap = 1.0;       // 1: compute, memory and network fully overlap (max); 0: they add
    // How sharply an op turns from memory- to compute-bound at the ridge point: compute and memory
    // time combine as (c^p + m^p)^(1/p). 1000 is the ideal roofline (max); 1 adds them.
    double ridge_exponent = 2.0;
    // The same for a dense GEMM (a fused MoE op's grouped GEMMs keep ridge_exponent): Hopper's cuBLAS and CUTLASS
    // GEMMs load their operands in warp-specialised pipelines that run under the MMAs, so their time turns more
    // sharply than other kernels'. 0: ridge_exponent.
    double gemm_ridge_exponent = 0.0;
    // The share of the on-chip SRAM (sram.mb) in which the activations one kernel writes stay for the next: an
    // op's activations that fit in it stream at the SRAM rate, others at HBM's. 1: the whole SRAM (a memory the
    // compiler manages); GPUs: 0 (their L2 is a cache that each kernel's weight and KV streams sweep). Chips
    // without HBM keep everything in SRAM whatever this says.
    double activation_sram_share = 1.0;
    double op_overhead_us = 0.0;  // fixed cost per op (kernel launch, sync)
    // Fixed time of one attention kernel call beyond op_overhead_us (split-KV reduction, page-table
    // walk): what a decode-attention call costs however little KV it reads.
    double attention_overhead_us = 0.0;
    // Time a decode-attention kernel spends on each (request, KV head) pair it serves, beyond the KV it
    // streams: the work of one thread block (loading the group's queries, the softmax reductions, writing
    // the output). A floor under the kernel's compute: pairs x this meets the KV bytes at the ridge. 0: none.
    double attention_pair_ns = 0.0;
    // The share of attention_pair_ns (for 128-wide KV heads) that grows with a KV head's width: the K and V rows
    // a block loads and multiplies. A pair of a KV head w wide takes attention_pair_ns x (1 - share + share x
    // w / 128). 0: the width does not matter.
    double attention_pair_width_share = 0.0;
    // The same costs for a decode-attention call over a 16-bit KV cache with grouped-query heads,
    // where the chip's engine runs such calls in a kernel of their own (Hopper: TensorRT-LLM serves an
    // FP8 cache's query groups in one thread block, a 16-bit cache's heads one by one). 0: as the two above.
    double attention_16bit_overhead_us = 0.0;
    double attention_16bit_pair_ns = 0.0;
    double attention_16bit_pair_width_share = 0.0;  // attention_pair_width_share of the 16-bit kernel (0: as that)
    // The KV share of the HBM bandwidth (efficiency.attention) where a decode-attention kernel streams a 16-bit
    // cache: Hopper's grouped-query kernel for it and its multi-head one read 2-byte elements without converting
    // them. 0: as efficiency.attention.
    double attention_16bit = 0.0;
    // Thread blocks of a decode-attention call that run within its fixed time: the first wave of blocks runs
    // side by side in the time one block takes, which a one-request call (attention_overhead_us) already pays,
    // so only the blocks beyond it add attention_pair_ns each. 0: every block adds. The 16-bit kernel's own
    // (0: as attention_wave_blocks).
    double attention_wave_blocks = 0.0;
    double attention_16bit_wave_blocks = 0.0;
    // The same costs, and the KV share of the HBM bandwidth (efficiency.attention), for a decode-attention
    // call whose query heads each have a KV head of their own (multi-head attention), where the chip's engine
    // runs those in a kernel of their own (Hopper: TensorRT-LLM's masked multi-head attention kernel, one
    // thread block a head, where grouped heads go to its XQA kernels). 0: as the grouped-query kernel's.
    double attention_mha = 0.0;
    double attention_mha_overhead_us = 0.0;
    double attention_mha_pair_ns = 0.0;
    double attention_mha_wave_blocks = 0.0;
    // What each query head of the group a block serves adds (the 8-bit kernel; the 16-bit one's blocks cost
    // the same whatever the group): to every block beyond the first wave, and to the call's fixed time, which
    // holds one block's. 0: none.
    double attention_head_ns = 0.0;
    double attention_head_overhead_ns = 0.0;
    // Fixed time of one prompt-attention call beyond its two launches (the kernel that ropes and caches the
    // keys, then the attention kernel). 0: as attention_overhead_us.
    double prefill_overhead_us = 0.0;
    // How long one (request, KV head) pair's context takes when the pair is alone: the kernel splits a pair's
    // cached tokens over several thread blocks and merges their partial results, so a pair's time grows with
    // its context even where the chip's bandwidth is idle. Two laws, the slower binds: a number of splits
    // that grows as the square root of the context (each adds a merge), so C tokens take
    // attention_pair_1k_us x sqrt(C / 1024); and a capped number of splits, so each token costs at least
    // attention_pair_token_ps. A floor under the kernel's compute, like attention_pair_ns. 0: none.
    double attention_pair_1k_us = 0.0;
    double attention_pair_token_ps = 0.0;
    // attention_pair_1k_us of the kernel for a 16-bit cache with grouped-query heads, where the engine runs those
    // in a kernel of their own (attention_16bit_overhead_us > 0): that chain follows the KV stream of the blocks
    // before it rather than running under it (AttentionFloors::tail_s). 0: as attention_pair_1k_us.
    double attention_16bit_pair_1k_us = 0.0;
    // Cached tokens per thread block below which a decode-attention kernel does not split a pair's context
    // over another block (TensorRT-LLM's XQA kernel on Hopper: 128). A split pair runs as several blocks, each
    // paying attention_pair_ns, so mid-length contexts cost more blocks than pairs (attention_splits). 0: one
    // block per pair.
    double attention_split_tokens = 0.0;
    // What a split pair's merge costs beyond its share of the square-root law above, once per pair: the blocks
    // of a split pair write partial results, and the last of them to finish (an atomic count) reads them back,
    // combines them and writes the output (TensorRT-LLM's XQA kernel, multi-block mode). Added to the time a pair
    // takes alone in the grouped-query kernel over an 8-bit cache; the 16-bit cache's kernel of its own carries
    // its merge in its own chain (attention_16bit_pair_1k_us). 0: none.
    double attention_split_merge_us = 0.0;
    // The engine's fallback decode-attention kernel (TensorRT-LLM's masked multi-head attention on Hopper): one
    // thread block per (request, query head) walks its share of the context one token after another, at most
    // kFallbackTokensPerBlock each, and a context split over several blocks pays a merge of their partial
    // results. It runs heads that each have a KV head of their own, and a 16-bit cache's grouped heads where
    // too few blocks would fill the cores (fallback_decode_attention). A floor under the kernel's compute:
    // attention_fallback_token_ns per token a block walks, plus attention_fallback_merge_us when split. 0: none.
    double attention_fallback_token_ns = 0.0;
    double attention_fallback_merge_us = 0.0;
    // A pass of its own that ropes a decode call's queries and keys where the engine's grouped-query kernel
    // over an 8-bit cache cannot (a model whose RoPE is YaRN, ModelSpec::rope), added to the call. 0: none.
    double attention_rope_pass_us = 0.0;
    // Time a prompt-attention kernel spends on each (prompt token, query head) beyond its FLOPs: loading
    // the token's query tile, its softmax statistics and output over its keys. Added to the kernel's
    // compute, so short prompts cost more than their FLOPs. 0: none.
    double prefill_token_ns = 0.0;
    // Time a prompt-attention kernel spends on each score's softmax (one query token, one key, one query
    // head: its maximum, exponential, sum and rescale) that its matmuls do not hide; added to the kernel.
    // Unlike the matmuls it does not speed up with a narrower format. 0: at the vector lanes' rate
    // (kSoftmaxFlopsPerScore each).
    double prefill_softmax_ps = 0.0;
    // Query tokens a prompt-attention thread block takes (its query tile): each block walks its tile's keys,
    // the last tile of a causal prompt the longest. The blocks start in order and the longest tiles come first,
    // so few (prompt, query head) pairs leave cores idle while their longest tiles run
    // (prompt_blocks). 0: the kernel keeps every core busy.
    double prefill_tile_tokens = 0.0;
    // Fixed time of one fused MoE call beyond the two grouped GEMMs' op_overhead_us (the routing,
    // sorting, expand, activation and finalise kernels and the waits between them): what an MoE layer
    // costs however few tokens it routes.
    double moe_overhead_us = 0.0;
    // Time an NVFP4 GEMM tile's main loop takes per element of K it walks: a floor of K x this under the
    // GEMM's time, which binds where the tiles are too few to share K among the cores (small M). 0: none.
    double fp4_k_step_ns = 0.0;
    // Time an NVFP4 GEMM spends on each element of its output beyond its main loop, which the main loop does
    // not hide: its tiles' epilogues (reading the accumulators, scaling, converting and storing them), the
    // intercept of its time over K at many tokens. 0: none.
    double fp4_output_ps = 0.0;
    // Time an FP8 GEMM layer whose activations are quantised with a dynamic per-tensor scale takes per
    // call beyond its max-reduction and quantising kernels and its own launch (the scale's handling
    // between them). A bare FP8 GEMM, or one whose scale is static and fused into the op before, does not
    // pay it. 0: none.
    double fp8_dynamic_scale_us = 0.0;
    // Share of the HBM bandwidth the kernels that quantise a GEMM layer's activations reach (fp8: a
    // max-reduction pass and a quantising pass; NVFP4: one pass writing the block scales). They stream the
    // activations at that rate wherever the cache holds them. Serving engines fuse the quantisation into
    // the op before, so only a layer that quantises its own input pays them. 0: as memory.
    double quant_memory = 0.0;
    friend bool operator==(const EfficiencySpec&, const EfficiencySpec&) = default;
};

// The core count and clock at which the efficiency group's measured times per thread block, per element and
// per token hold (their calibration point). A design that changes the cores or the clock from these scales
// them: work the cores share (blocks beyond the first wave, and the wave itself; prompt attention's time
// per token and score; NVFP4's time per output) with cores x clock, one block's serial walk (a pair
// alone, the fallback kernel's tokens, NVFP4's K steps, a query head's block latency) with the clock.
// Call overheads (launches and the kernels' fixed costs) do not scale. 0: the chip's own (no scaling).
struct CalibrationSpec {
    int cores = 0;
    double clock_ghz = 0.0;
    friend bool operator==(const CalibrationSpec&, const CalibrationSpec&) = default;
};

// How the owner gets the chip: bought from a vendor at its price, or built in house (die, HBM,
// package and test at cost, a design partner's margin, the design's NRE spread over the units).
enum class EconMode { buy, build };

// The owner's cost of a chip over its life (core/physical/cost.hpp). Every default is an
// assumption with its basis in the parameter registry (core/hw/params.cpp, group "Economics").
struct EconSpec {
    EconMode mode = EconMode::buy;
    double chip_price_usd = 0;            // buy: what one chip costs its owner; 0 = not priced
    double units = 1e6;                   // build: chips made over the design's life (spreads the NRE)
    double nre_usd = 390e6;               // build: design, IP, masks and bring-up
    double partner_margin = 0.5;          // build: the design partner's margin on the manufacturing cost
    double system_usd_per_chip = 4000;    // host CPUs, memory, NICs, chassis and power supplies
    double network_usd_per_chip = 5000;   // scale-up switches, cables and optics; scale-out fabric share
    double system_w_per_chip = 600;       // power of that share of host and network
    double facility_usd_per_kw = 12000;   // data-centre capex per kW of IT load
    double facility_years = 15;           // over which the building is paid off
    double pue = 1.25;                    // facility power / IT power
    double power_usd_per_kwh = 0.08;
    double years = 5;                     // depreciation of chips, systems and network
    double cost_of_capital = 0.09;        // per year
    double utilisation = 0.7;             // fraction of hours the chip does useful work
    double fleet_mw = 1000;               // a power budget: what it buys, in chips and tokens
    friend bool operator==(const EconSpec&, const EconSpec&) = default;
};

// How far an uncertain parameter may be from its value: the plausible low and high as factors of
// the value (low <= 1 <= high), so the band moves with the value when a design edits it. The chip
// JSON writes it as absolute values: "ranges": {"efficiency.compute_fp8": [0.55, 0.70]}.
struct KeyRange {
    std::string key;  // a numeric parameter key
    double low = 1.0;
    double high = 1.0;
    // Equal when they state the same band: the JSON's absolute values give back the factors only to
    // the last bit or so.
    friend bool operator==(const KeyRange& a, const KeyRange& b) {
        auto same = [](double x, double y) { return std::abs(x - y) <= 1e-12 * std::max(std::abs(x), std::abs(y)); };
        return a.key == b.key && same(a.low, b.low) && same(a.high, b.high);
    }
};

struct ChipSpec {
    // Identity and provenance
    std::string id;
    std::string name;
    std::string vendor;
    int year = 0;
    std::string confidence;               // A, B, C (see shared data) or "estimate"
    std::string source;
    std::vector<std::string> estimated;   // dotted keys whose values are estimates, not facts
    std::vector<KeyRange> ranges;         // uncertainty of estimated (and measured) values
    std::string notes;

    ComputeSpec compute;
    SramSpec sram;
    HbmSpec hbm;
    LinkSpec link;
    ScaleOutSpec scaleout;
    PackageSpec package;
    TechSpec tech;
    PowerSpec power;
    EfficiencySpec efficiency;
    CalibrationSpec calibration;
    EconSpec econ;

    friend bool operator==(const ChipSpec&, const ChipSpec&) = default;

    // Derived peaks
    [[nodiscard]] double macs_per_cycle() const;
    [[nodiscard]] double rate(Precision p) const;          // native rate, 0 if not supported
    // Where the measured times hold (CalibrationSpec): the calibration point, or the chip's own where it has none.
    [[nodiscard]] int calibration_cores() const;
    [[nodiscard]] double calibration_clock_ghz() const;
    [[nodiscard]] Precision executed_precision(Precision p) const;  // with fallback
    [[nodiscard]] double peak_tflops(Precision p) const;   // dense, at executed precision
    [[nodiscard]] double compute_efficiency(Precision p) const;
    [[nodiscard]] double vector_tflops() const;
    [[nodiscard]] double memory_tb_s() const;              // off-chip DRAM aggregate
    [[nodiscard]] double memory_gb() const;                // off-chip DRAM capacity
    // Stacks with a capacity but no bandwidth, or the reverse: neither HBM nor none (refused).
    [[nodiscard]] bool hbm_half_given() const {
        return hbm.stacks > 0 && (hbm.tb_s_per_stack > 0) != (hbm.gb_per_stack > 0);
    }
    [[nodiscard]] double link_gb_s() const;                // per chip, bidirectional
    [[nodiscard]] double scaleout_gb_s() const;            // per chip, each direction
};

std::string_view to_string(DramType g);
// "HBM", "GDDR", "LPDDR": the off-chip memory's name where it is named (the roofline, the explanations).
std::string_view memory_name(DramType g);
std::string_view to_string(Topology t);
std::string_view to_string(EconMode m);

}  // namespace scoville
