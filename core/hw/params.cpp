#include "core/hw/params.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "core/physical/tech.hpp"
#include "core/util/format.hpp"
#include "core/util/registry.hpp"
#include "core/util/tr.hpp"

namespace scoville {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

#define SCV_REAL(field) \
    [](const ChipSpec& c) { return static_cast<double>(c.field); }, \
    [](ChipSpec& c, double v) { c.field = v; }
#define SCV_INT(field) \
    [](const ChipSpec& c) { return static_cast<double>(c.field); }, \
    [](ChipSpec& c, double v) { c.field = static_cast<int>(std::lround(v)); }

// The memory types by their names, in DramType's order (to_string names each).
const std::vector<std::string_view> kHbmChoices = [] {
    std::vector<std::string_view> names;
    for (size_t t = 0; t < kDramTypes; ++t) names.push_back(to_string(static_cast<DramType>(t)));
    return names;
}();
const std::vector<std::string_view> kTopologyChoices{"switch", "torus", "mesh"};
const std::vector<std::string_view> kEconModeChoices{"buy", "build"};
const std::vector<std::string_view> kSramStyleChoices{"scratchpad", "gpu"};
const std::vector<std::string_view> kDataflowChoices{"output_stationary", "weight_stationary"};
const std::vector<std::string_view> kIoPlacementChoices{"beside", "under"};

const std::string& default_node() {
    static const std::string id = ChipSpec{}.tech.node;
    return id;
}

// Process nodes are those of resources/tech/nodes.json, in file order: adding a node there adds it
// here. Should the file not load, the default chip's node is the only choice.
const std::vector<std::string_view>& node_choices() {
    static const std::vector<std::string_view> ids = [] {
        std::vector<std::string_view> v;
        if (const auto& tech = default_tech(); tech.ok())
            for (const auto& n : tech->nodes) v.push_back(n.id);
        if (v.empty()) v.push_back(default_node());
        return v;
    }();
    return ids;
}

// An unknown node reads as the default chip's (the physical model names it as unknown).
int node_index(const std::string& node) {
    const auto& ids = node_choices();
    for (size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == node) return static_cast<int>(i);
    for (size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == default_node()) return static_cast<int>(i);
    return 0;
}

std::vector<ParamInfo> build_params() {
    std::vector<ParamInfo> p;
    auto add = [&](ParamInfo info) { p.push_back(std::move(info)); };
    // clang-format off
    add({"compute.cores", SCV_TR("scoville::ChipParams", "Compute"), SCV_TR("scoville::ChipParams", "Cores"), "", ParamKind::integer, 1, 100000, 1, 1024, true, {},
         SCV_TR("scoville::ChipParams", "Independent compute cores (SMs, TensorCores, NeuronCores). Derived peak = cores x arrays x rows x cols x rate x 2 x clock."),
         SCV_INT(compute.cores)});
    add({"compute.arrays_per_core", SCV_TR("scoville::ChipParams", "Compute"), SCV_TR("scoville::ChipParams", "Matrix units per core"), "", ParamKind::integer, 1, 1024, 1, 16, false, {},
         SCV_TR("scoville::ChipParams", "Matrix (MAC) arrays in each core."), SCV_INT(compute.arrays_per_core)});
    add({"compute.mac_rows", SCV_TR("scoville::ChipParams", "Compute"), SCV_TR("scoville::ChipParams", "MAC array rows"), "", ParamKind::integer, 1, 4096, 4, 512, true, {},
         SCV_TR("scoville::ChipParams", "Rows of one MAC array: the M tile (output-stationary) or the K tile (weight-stationary). A batch-1 GEMV fills 1 of them."), SCV_INT(compute.mac_rows)});
    add({"compute.mac_cols", SCV_TR("scoville::ChipParams", "Compute"), SCV_TR("scoville::ChipParams", "MAC array columns"), "", ParamKind::integer, 1, 4096, 4, 512, true, {},
         SCV_TR("scoville::ChipParams", "Columns of one MAC array: the N tile."), SCV_INT(compute.mac_cols)});
    add({"compute.dataflow", SCV_TR("scoville::ChipParams", "Compute"), SCV_TR("scoville::ChipParams", "Dataflow"), "", ParamKind::choice, 0, 1, 0, 1, false, kDataflowChoices,
         SCV_TR("scoville::ChipParams", "output_stationary: each array holds a tile of outputs while K streams through (GPU tensor cores); a GEMM's M pads to the array's rows. weight_stationary: each array holds a K x N tile of weights while M streams through (TPU, Trainium); M pads to the streamed rows, and each weight tile takes at least as many cycles as the array has rows (its load)."),
         [](const ChipSpec& c) { return static_cast<double>(c.compute.dataflow); },
         [](ChipSpec& c, double v) { c.compute.dataflow = static_cast<Dataflow>(std::lround(v)); }});
    add({"compute.stream_rows", SCV_TR("scoville::ChipParams", "Compute"), SCV_TR("scoville::ChipParams", "Streamed rows"), "", ParamKind::integer, 1, 4096, 1, 256, true, {},
         SCV_TR("scoville::ChipParams", "Weight-stationary arrays: rows of a GEMM's M streamed through the held weights at a time; M pads to them (8 on TPU, its vector registers' sublanes). Unused when output-stationary."),
         SCV_INT(compute.stream_rows)});
    add({"compute.clock_ghz", SCV_TR("scoville::ChipParams", "Compute"), SCV_TR("scoville::ChipParams", "Clock"), SCV_TR("Unit", "GHz"), ParamKind::real, 0.05, 10, 0.3, 3.0, false, {},
         SCV_TR("scoville::ChipParams", "Sustained clock under load at which the data-sheet peak is quoted."), SCV_REAL(compute.clock_ghz)});
    add({"compute.rate_bf16", SCV_TR("scoville::ChipParams", "Compute"), SCV_TR("scoville::ChipParams", "BF16 rate"), SCV_TR("Unit", "MAC/cell/cycle"), ParamKind::real, 0, 64, 0, 4, false, {},
         SCV_TR("scoville::ChipParams", "MACs per array cell per cycle at BF16/FP16; 0 = not supported."), SCV_REAL(compute.rate_bf16)});
    add({"compute.rate_fp8", SCV_TR("scoville::ChipParams", "Compute"), SCV_TR("scoville::ChipParams", "FP8 rate"), SCV_TR("Unit", "MAC/cell/cycle"), ParamKind::real, 0, 64, 0, 8, false, {},
         SCV_TR("scoville::ChipParams", "MACs per array cell per cycle at FP8; 0 = runs at BF16."), SCV_REAL(compute.rate_fp8)});
    add({"compute.rate_fp4", SCV_TR("scoville::ChipParams", "Compute"), SCV_TR("scoville::ChipParams", "FP4 rate"), SCV_TR("Unit", "MAC/cell/cycle"), ParamKind::real, 0, 64, 0, 16, false, {},
         SCV_TR("scoville::ChipParams", "MACs per array cell per cycle at FP4; 0 = runs at FP8 (or BF16)."), SCV_REAL(compute.rate_fp4)});
    add({"compute.rate_int8", SCV_TR("scoville::ChipParams", "Compute"), SCV_TR("scoville::ChipParams", "INT8 rate"), SCV_TR("Unit", "MAC/cell/cycle"), ParamKind::real, 0, 64, 0, 8, false, {},
         SCV_TR("scoville::ChipParams", "MACs per array cell per cycle at INT8; 0 = runs at BF16."), SCV_REAL(compute.rate_int8)});
    add({"compute.vector_lanes_per_core", SCV_TR("scoville::ChipParams", "Compute"), SCV_TR("scoville::ChipParams", "Vector lanes per core"), "", ParamKind::integer, 0, 65536, 0, 1024, false, {},
         SCV_TR("scoville::ChipParams", "FP32 FMA lanes per core for softmax, norms and activations (H100 SM: 128)."), SCV_INT(compute.vector_lanes_per_core)});
    add({"compute.spare_cores", SCV_TR("scoville::ChipParams", "Compute"), SCV_TR("scoville::ChipParams", "Spare cores"), "", ParamKind::integer, 0, 100000, 0, 64, false, {},
         SCV_TR("scoville::ChipParams", "Cores on the die but fused off for yield: they cost area, not performance (GA100: 128 - 108 = 20; GH100: 144 - 132 = 12)."),
         SCV_INT(compute.spare_cores)});
    add({"compute.local_sram_kb_per_core", SCV_TR("scoville::ChipParams", "Compute"), SCV_TR("scoville::ChipParams", "Core-local SRAM"), SCV_TR("Unit", "KB"), ParamKind::real, 0, 1e6, 0, 2048, false, {},
         SCV_TR("scoville::ChipParams", "Register file + L1/shared memory per core: area and energy, not counted in sram.mb (A100 SM: 256 KB RF + 192 KB L1)."),
         SCV_REAL(compute.local_sram_kb_per_core)});

    add({"sram.mb", SCV_TR("scoville::ChipParams", "On-chip memory"), SCV_TR("scoville::ChipParams", "SRAM"), SCV_TR("Unit", "MB"), ParamKind::real, 0, 1e6, 0, 1024, false, {},
         SCV_TR("scoville::ChipParams", "On-chip SRAM usable by the workload (L2 / scratchpad). Weights stay on chip when they fit."), SCV_REAL(sram.mb)});
    add({"sram.tb_s", SCV_TR("scoville::ChipParams", "On-chip memory"), SCV_TR("scoville::ChipParams", "SRAM bandwidth"), SCV_TR("Unit", "TB/s"), ParamKind::real, 0, 1e4, 0, 200, false, {},
         SCV_TR("scoville::ChipParams", "Aggregate SRAM read bandwidth."), SCV_REAL(sram.tb_s)});
    add({"sram.style", SCV_TR("scoville::ChipParams", "On-chip memory"), SCV_TR("scoville::ChipParams", "SRAM style"), "", ParamKind::choice, 0, 1, 0, 1, false, kSramStyleChoices,
         SCV_TR("scoville::ChipParams", "scratchpad: dense macros, operands passed between MAC cells (TPU-like); gpu: caches and register files with crossbars (~0.4 MB/mm2 at N7) and operand delivery through register files."),
         [](const ChipSpec& c) { return static_cast<double>(c.sram.style); },
         [](ChipSpec& c, double v) { c.sram.style = static_cast<SramStyle>(std::lround(v)); }});
    add({"sram.spare_mb", SCV_TR("scoville::ChipParams", "On-chip memory"), SCV_TR("scoville::ChipParams", "Spare SRAM"), SCV_TR("Unit", "MB"), ParamKind::real, 0, 1e6, 0, 64, false, {},
         SCV_TR("scoville::ChipParams", "SRAM on the die but disabled (A100: 48 MB L2 on GA100, 40 MB enabled): area only."), SCV_REAL(sram.spare_mb)});
    add({"sram.density_factor", SCV_TR("scoville::ChipParams", "On-chip memory"), SCV_TR("scoville::ChipParams", "SRAM density"), "", ParamKind::real, 0, 1.5, 0, 1, false, {},
         SCV_TR("scoville::ChipParams", "Density of the global SRAM (sram.mb) relative to dense scratchpad macros at the node, where the "
                "chip's own die sets it (GB202's 128 MB L2: 0.52); 0: the style's (GPU caches with crossbars 0.18, scratchpads 1). "
                "Area only."),
         SCV_REAL(sram.density_factor)});

    add({"hbm.generation", SCV_TR("scoville::ChipParams", "Off-chip memory"), SCV_TR("scoville::ChipParams", "Memory type"), "", ParamKind::choice, 0, kDramTypes - 1.0, 0, kDramTypes - 1.0, false, kHbmChoices,
         SCV_TR("scoville::ChipParams", "Off-chip DRAM: an HBM generation (stacks on an interposer beside the dies), GDDR6 or GDDR7 "
                "(x32 channels to devices on the board) or LPDDR5X (x64 packages). Sets the PHY area, pJ/bit, USD/GB and "
                "packaging in the physical model."),
         [](const ChipSpec& c) { return static_cast<double>(c.hbm.generation); },
         [](ChipSpec& c, double v) { c.hbm.generation = static_cast<DramType>(std::lround(v)); }});
    add({"hbm.stacks", SCV_TR("scoville::ChipParams", "Off-chip memory"), SCV_TR("scoville::ChipParams", "Memory sites"), "", ParamKind::integer, 0, 64, 0, 16, false, {},
         SCV_TR("scoville::ChipParams", "HBM stacks per package, GDDR x32 channels (one device each, or two in clamshell) or LPDDR "
                "x64 packages: the sites the die's memory PHYs serve."),
         SCV_INT(hbm.stacks)});
    add({"hbm.gb_per_stack", SCV_TR("scoville::ChipParams", "Off-chip memory"), SCV_TR("scoville::ChipParams", "Capacity per site"), SCV_TR("Unit", "GB"), ParamKind::real, 0, 512, 0, 64, false, {},
         SCV_TR("scoville::ChipParams", "Capacity per site (HBM3e 12-high stack: 36 GB; GDDR7 channel: 2-3 GB, twice in clamshell; "
                "LPDDR5X x64 package: 16-64 GB)."),
         SCV_REAL(hbm.gb_per_stack)});
    add({"hbm.tb_s_per_stack", SCV_TR("scoville::ChipParams", "Off-chip memory"), SCV_TR("scoville::ChipParams", "Bandwidth per site"), SCV_TR("Unit", "TB/s"), ParamKind::real, 0, 20, 0, 3, false, {},
         SCV_TR("scoville::ChipParams", "Bandwidth per site (HBM3e stack: ~1.0-1.2 TB/s; HBM4: ~2 TB/s; GDDR7 x32 at 28-32 Gb/s: "
                "0.112-0.128 TB/s; LPDDR5X x64 at 8.5 Gb/s: 0.068 TB/s)."),
         SCV_REAL(hbm.tb_s_per_stack)});
    add({"hbm.usable_fraction", SCV_TR("scoville::ChipParams", "Off-chip memory"), SCV_TR("scoville::ChipParams", "Usable capacity"), "", ParamKind::real, 0.05, 1, 0.5, 1, false, {},
         SCV_TR("scoville::ChipParams", "Fraction of capacity for weights and KV cache; the rest is runtime and activation workspace (vLLM default 0.9)."),
         SCV_REAL(hbm.usable_fraction)});
    add({"hbm.spare_phys", SCV_TR("scoville::ChipParams", "Off-chip memory"), SCV_TR("scoville::ChipParams", "Spare memory PHYs"), "", ParamKind::integer, 0, 32, 0, 4, false, {},
         SCV_TR("scoville::ChipParams", "Memory PHY + controller sites on the die with nothing attached (A100, H100 SXM: 6 HBM sites, 5 stacks): area only."),
         SCV_INT(hbm.spare_phys)});

    add({"link.count", SCV_TR("scoville::ChipParams", "Network"), SCV_TR("scoville::ChipParams", "Scale-up links"), "", ParamKind::integer, 0, 4096, 0, 64, false, {},
         SCV_TR("scoville::ChipParams", "Scale-up links per chip (NVLink, ICI, Infinity Fabric)."), SCV_INT(link.count)});
    add({"link.gb_s", SCV_TR("scoville::ChipParams", "Network"), SCV_TR("scoville::ChipParams", "Link bandwidth"), SCV_TR("Unit", "GB/s"), ParamKind::real, 0, 1e4, 0, 400, false, {},
         SCV_TR("scoville::ChipParams", "Per link, bidirectional as data sheets quote it; one direction carries half."), SCV_REAL(link.gb_s)});
    add({"link.topology", SCV_TR("scoville::ChipParams", "Network"), SCV_TR("scoville::ChipParams", "Topology"), "", ParamKind::choice, 0, 2, 0, 2, false, kTopologyChoices,
         SCV_TR("scoville::ChipParams", "switch: every chip reaches every other at full link bandwidth (NVSwitch); torus: links to neighbours along "
         "link.torus_dims dimensions (TPU ICI); mesh: direct links to every other chip of the domain (MI300X)."),
         [](const ChipSpec& c) { return static_cast<double>(c.link.topology); },
         [](ChipSpec& c, double v) { c.link.topology = static_cast<Topology>(std::lround(v)); }});
    add({"link.domain", SCV_TR("scoville::ChipParams", "Network"), SCV_TR("scoville::ChipParams", "Scale-up domain"), SCV_TR("Unit", "chips"), ParamKind::integer, 1, 1e6, 1, 1024, true, {},
         SCV_TR("scoville::ChipParams", "Chips reachable over scale-up links (NVL8, NVL72, TPU pod slice)."), SCV_INT(link.domain)});
    add({"link.latency_us", SCV_TR("scoville::ChipParams", "Network"), SCV_TR("scoville::ChipParams", "Collective step latency"), SCV_TR("Unit", "us"), ParamKind::real, 0, 1000, 0, 20, false, {},
         SCV_TR("scoville::ChipParams", "Alpha of the alpha-beta model: time per synchronisation step of a collective, its launch included (one-shot "
         "all-reduce: 2 steps, two-shot: 4, ring: 2(n-1)); H100: 1.27 us, half the intercept of TensorRT-LLM's custom all-reduce of "
         "256 B over the GPU count (2.7-3.2 us on 2-8 GPUs; its slope per peer is link.peer_latency_us)."),
         SCV_REAL(link.latency_us)});
    add({"link.peer_latency_us", SCV_TR("scoville::ChipParams", "Network"), SCV_TR("scoville::ChipParams", "Collective latency per peer"), SCV_TR("Unit", "us"), ParamKind::real, 0, 100, 0, 2, false, {},
         SCV_TR("scoville::ChipParams", "What an engine's own all-reduce kernel adds per peer in each round of direct exchange (one-shot: one "
         "round, two-shot: two), beyond link.latency_us: the flags it sets and waits on, the partial sums it reads from each peer. "
         "H100: 0.10 us, the slope of TensorRT-LLM's custom all-reduce of 256 B over 2, 4 and 8 GPUs (2.66, 2.80 and 3.23 us)."),
         SCV_REAL(link.peer_latency_us)});
    add({"link.library_latency_us", SCV_TR("scoville::ChipParams", "Network"), SCV_TR("scoville::ChipParams", "Collective library latency"), SCV_TR("Unit", "us"), ParamKind::real, 0, 1000, 0, 100, false, {},
         SCV_TR("scoville::ChipParams", "Fixed cost of one collective call in the vendor's collective library (NCCL, RCCL) beyond the kernel launch "
         "(efficiency.op_overhead_us), as nccl-tests measures it at its smallest message (8xH100 NVLS, 1 KiB: 25.6 us less the 4 us "
         "launch). Serving engines call the library for all-gathers and reduce-scatters, and for an all-reduce past their "
         "workspace or where it beats their own one-shot kernel (link.latency_us)."),
         SCV_REAL(link.library_latency_us)});
    add({"link.library_window_mb", SCV_TR("scoville::ChipParams", "Network"), SCV_TR("scoville::ChipParams", "Collective library window"), SCV_TR("Unit", "MB"), ParamKind::real, 0, 100000, 0, 500, false, {},
         SCV_TR("scoville::ChipParams", "Bytes each chip sends before the collective library's pipeline streams at full rate: an "
         "all-reduce that sends s bytes per chip takes its bandwidth term times 1 + W / (s + W), about twice the data time "
         "well below the window and once far above it (the pipeline fills and drains in chunks that grow with the buffer). "
         "Set from one mid-size nccl-tests row per system (8xH200 NVLS, 32 MiB: 298 GB/s bus bandwidth). Applies to library "
         "calls only, like the library latency."),
         SCV_REAL(link.library_window_mb)});
    add({"link.torus_dims", SCV_TR("scoville::ChipParams", "Network"), SCV_TR("scoville::ChipParams", "Torus dimensions"), "", ParamKind::integer, 1, 3, 1, 3, false, {},
         SCV_TR("scoville::ChipParams", "Dimensions a torus spans (TPU v4, v5p: 3; v5e, v6e: 2); the links are shared equally among them. "
         "Ignored by switch and mesh topologies."), SCV_INT(link.torus_dims)});
    add({"link.switch_reduction_gain", SCV_TR("scoville::ChipParams", "Network"), SCV_TR("scoville::ChipParams", "In-switch reduction gain"), SCV_TR("Unit", "x"), ParamKind::real, 1, 4, 1, 2, false, {},
         SCV_TR("scoville::ChipParams", "All-reduce bus bandwidth of 8 chips when the switch sums the data in flight (NVLink SHARP, NVSwitch 3 and "
         "later) over the ring's; 1 = the switch cannot reduce (8xH100 NCCL: ~480 GB/s NVLS against ~370 GB/s ring = 1.3). "
         "Each chip sends and receives its buffer once, so smaller groups gain less (2 chips: nothing). Needs topology switch."), SCV_REAL(link.switch_reduction_gain)});
    add({"link.switch_reduction_min_chips", SCV_TR("scoville::ChipParams", "Network"), SCV_TR("scoville::ChipParams", "In-switch reduction from"), SCV_TR("Unit", "chips"), ParamKind::integer, 2, 1000000, 2, 72, false, {},
         SCV_TR("scoville::ChipParams", "The fewest chips of a group for which the collective library chooses in-switch reduction by itself; "
         "smaller groups run its ring (NCCL inside TensorRT-LLM: 4 H100s reach 355 GB/s of all-reduce bus bandwidth at 1 GiB, "
         "the ring's, where 8 reach 469 GB/s, 1.32x; 4 GB200s 626 GB/s against nccl-tests' ring 647). An algorithm asked "
         "for by name runs whatever the group."), SCV_INT(link.switch_reduction_min_chips)});

    add({"scaleout.nics", SCV_TR("scoville::ChipParams", "Network"), SCV_TR("scoville::ChipParams", "Scale-out NICs"), "", ParamKind::integer, 0, 64, 0, 16, false, {},
         SCV_TR("scoville::ChipParams", "NICs per chip that reach chips outside the scale-up domain (DGX H100/B200: 1 ConnectX-7 per GPU); "
         "0 = a deployment cannot span domains."), SCV_INT(scaleout.nics)});
    add({"scaleout.gb_s", SCV_TR("scoville::ChipParams", "Network"), SCV_TR("scoville::ChipParams", "NIC bandwidth"), SCV_TR("Unit", "GB/s"), ParamKind::real, 0, 1e4, 0, 200, false, {},
         SCV_TR("scoville::ChipParams", "Per NIC, each direction (400 Gb/s ConnectX-7: 50 GB/s; 800 Gb/s ConnectX-8: 100 GB/s)."),
         SCV_REAL(scaleout.gb_s)});
    add({"scaleout.latency_us", SCV_TR("scoville::ChipParams", "Network"), SCV_TR("scoville::ChipParams", "Scale-out step latency"), SCV_TR("Unit", "us"), ParamKind::real, 0, 1000, 0, 50, false, {},
         SCV_TR("scoville::ChipParams", "Alpha of one collective step across the scale-out network (RDMA over InfiniBand: ~3-10 us)."),
         SCV_REAL(scaleout.latency_us)});
    add({"link.lane_gbps", SCV_TR("scoville::ChipParams", "Network"), SCV_TR("scoville::ChipParams", "SerDes lane rate"), SCV_TR("Unit", "Gb/s"), ParamKind::real, 1, 1000, 10, 400, true, {},
         SCV_TR("scoville::ChipParams", "Data rate of one SerDes lane per direction; lanes = link.count x link.gb_s x 8 / (2 x rate) (NVLink3: 50, NVLink4: 100, NVLink5: 200)."),
         SCV_REAL(link.lane_gbps)});

    add({"package.dies", SCV_TR("scoville::ChipParams", "Technology"), SCV_TR("scoville::ChipParams", "Dies per package"), "", ParamKind::integer, 1, 64, 1, 8, false, {},
         SCV_TR("scoville::ChipParams", "Compute dies in one package."), SCV_INT(package.dies)});
    add({"package.d2d_tb_s", SCV_TR("scoville::ChipParams", "Technology"), SCV_TR("scoville::ChipParams", "Die-to-die bandwidth"), SCV_TR("Unit", "TB/s"), ParamKind::real, 0, 1000, 0, 20, false, {},
         SCV_TR("scoville::ChipParams", "Bandwidth between dies of a multi-die package (NV-HBI: 10 TB/s)."), SCV_REAL(package.d2d_tb_s)});
    add({"package.io_dies", SCV_TR("scoville::ChipParams", "Technology"), SCV_TR("scoville::ChipParams", "I/O dies per package"), "", ParamKind::integer, 0, 16, 0, 8, false, {},
         SCV_TR("scoville::ChipParams", "Separate I/O dies holding the global SRAM, HBM PHYs and controllers, link SerDes and die-to-die PHYs, on their own process node (MI300X: 4). 0: all of it on the compute dies."), SCV_INT(package.io_dies)});
    add({"package.io_placement", SCV_TR("scoville::ChipParams", "Technology"), SCV_TR("scoville::ChipParams", "I/O die placement"), "", ParamKind::choice, 0, 1, 0, 1, false, kIoPlacementChoices,
         SCV_TR("scoville::ChipParams", "beside: I/O dies next to the compute dies on the interposer; under: compute dies stacked on the I/O dies, which must then be at least as large as the dies they carry plus their edge PHYs (MI300X)."),
         [](const ChipSpec& c) { return static_cast<double>(c.package.io_placement); },
         [](ChipSpec& c, double v) { c.package.io_placement = static_cast<IoPlacement>(std::lround(v)); }});
    const double last_node = static_cast<double>(node_choices().size() - 1);
    add({"tech.node", SCV_TR("scoville::ChipParams", "Technology"), SCV_TR("scoville::ChipParams", "Process node"), "", ParamKind::choice, 0, last_node, 0, last_node, false, node_choices(),
         SCV_TR("scoville::ChipParams", "Process node (resources/tech/nodes.json): sets logic and SRAM density, MAC energy, wafer price and defect density."),
         [](const ChipSpec& c) { return static_cast<double>(node_index(c.tech.node)); },
         [](ChipSpec& c, double v) { c.tech.node = std::string(node_choices()[static_cast<size_t>(std::lround(v))]); }});
    add({"tech.io_node", SCV_TR("scoville::ChipParams", "Technology"), SCV_TR("scoville::ChipParams", "I/O die process node"), "", ParamKind::choice, 0, last_node, 0, last_node, false, node_choices(),
         SCV_TR("scoville::ChipParams", "Process node of the I/O dies (used when package.io_dies > 0): sets their SRAM density, wafer price and defect density."),
         [](const ChipSpec& c) { return static_cast<double>(node_index(c.tech.io_node)); },
         [](ChipSpec& c, double v) { c.tech.io_node = std::string(node_choices()[static_cast<size_t>(std::lround(v))]); }});
    add({"power.tdp_w", SCV_TR("scoville::ChipParams", "Technology"), SCV_TR("scoville::ChipParams", "TDP"), SCV_TR("Unit", "W"), ParamKind::real, 1, 10000, 50, 2500, false, {},
         SCV_TR("scoville::ChipParams", "Board/package power cap; above it the clock is lowered."), SCV_REAL(power.tdp_w)});
    add({"power.floor_w_per_mm2_ghz", SCV_TR("scoville::ChipParams", "Technology"), SCV_TR("scoville::ChipParams", "Busy power floor"), SCV_TR("Unit", "W/(mm2 GHz)"), ParamKind::real, 0, 10, 0, 0.6, false, {},
         SCV_TR("scoville::ChipParams", "Power of running silicon beyond its operations (leakage, clock trees, instruction issue) per mm2 of "
         "compute die and GHz of its clock, where readings of this chip set it; 0: the tech library's power.static_w_per_mm2_ghz. "
         "H100 and H200: 0.27, H200's board power over 1-1.5 ms decode-attention calls (572 W at 4.00 TB/s of KV)."),
         SCV_REAL(power.floor_w_per_mm2_ghz), "", "power.static_w_per_mm2_ghz"});
    add({"power.operand_overhead", SCV_TR("scoville::ChipParams", "Technology"), SCV_TR("scoville::ChipParams", "Operand energy per MAC"), "", ParamKind::real, 0, 100, 0, 5, false, {},
         SCV_TR("scoville::ChipParams", "Energy of delivering a MAC's operands (register files, control, clocking) as a multiple of the "
         "datapath's, where readings of this chip set it; 0: the tech library's power.operand_overhead_gpu or _scratchpad. "
         "H100 and H200: 3.13, with the busy floor: H200's 8192^3 GEMMs alone at the top clock draw 957 W (bf16) and "
         "1001 W (FP8) on the card."),
         SCV_REAL(power.operand_overhead)});

    add({"efficiency.compute", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Compute efficiency (BF16/INT8)"), "", ParamKind::real, 0.01, 1, 0.1, 1, false, {},
         SCV_TR("scoville::ChipParams", "Achievable fraction of dense BF16 peak on large GEMMs (H100: 792/989 = 0.80, MAMF)."), SCV_REAL(efficiency.compute)});
    add({"efficiency.compute_fp8", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Compute efficiency (FP8)"), "", ParamKind::real, 0.01, 1, 0.1, 1, false, {},
         SCV_TR("scoville::ChipParams", "Achievable fraction of dense FP8 peak on large GEMMs (H100: 1290/1979 = 0.65, cuBLASLt)."), SCV_REAL(efficiency.compute_fp8)});
    add({"efficiency.compute_fp4", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Compute efficiency (FP4)"), "", ParamKind::real, 0.01, 1, 0.1, 1, false, {},
         SCV_TR("scoville::ChipParams", "Achievable fraction of dense FP4 peak on large GEMMs."), SCV_REAL(efficiency.compute_fp4)});
    add({"efficiency.memory", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Memory efficiency"), "", ParamKind::real, 0.01, 1, 0.1, 1, false, {},
         SCV_TR("scoville::ChipParams", "Achievable fraction of memory bandwidth (H100 copy: 2.90/3.35 = 0.87)."), SCV_REAL(efficiency.memory)});
    add({"efficiency.attention", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Attention KV efficiency"), "", ParamKind::real, 0.01, 1, 0.1, 1, false, {},
         SCV_TR("scoville::ChipParams", "Achievable fraction of memory bandwidth when attention reads the paged KV cache, beyond each call's "
         "fixed cost and its per-request work (H100: 0.83, TensorRT-LLM decode attention with an FP8 KV cache)."), SCV_REAL(efficiency.attention)});
    add({"efficiency.network", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Network efficiency"), "", ParamKind::real, 0.01, 1, 0.1, 1, false, {},
         SCV_TR("scoville::ChipParams", "Achievable fraction of link bandwidth in collectives (NCCL bus bandwidth ~0.8 of line rate)."), SCV_REAL(efficiency.network)});
    add({"efficiency.engine_network", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Engine all-reduce efficiency"), "", ParamKind::real, 0.01, 1, 0.1, 1, false, {},
         SCV_TR("scoville::ChipParams", "Achievable fraction of link bandwidth in a serving engine's own all-reduce kernels (one-shot; two-shot "
         "when asked for), which move the data with the chip's cores (H100: 0.62, TensorRT-LLM's custom all-reduce between two "
         "GPUs). The engine takes the faster of its one-shot kernel and the vendor library."), SCV_REAL(efficiency.engine_network)});
    add({"efficiency.overlap", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Overlap"), "", ParamKind::real, 0, 1, 0, 1, false, {},
         SCV_TR("scoville::ChipParams", "1: an op's compute, memory and network time overlap (time = max); 0: they add."), SCV_REAL(efficiency.overlap)});
    add({"efficiency.ridge_exponent", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Ridge sharpness"), "", ParamKind::real, 1, 1000, 1, 8, false, {},
         SCV_TR("scoville::ChipParams", "p in op time = (compute^p + memory^p)^(1/p): how sharply an op turns from memory- to compute-bound "
         "(1000: ideal roofline, max; 1: they add)."), SCV_REAL(efficiency.ridge_exponent)});
    add({"efficiency.gemm_ridge_exponent", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Ridge sharpness of a GEMM"), "", ParamKind::real, 0, 1000, 0, 8, false, {},
         SCV_TR("scoville::ChipParams", "p of efficiency.ridge_exponent for a dense GEMM (a fused MoE op's grouped GEMMs keep that "
         "one): a GEMM's pipelines load its operands under its matrix math, so it may turn more sharply from memory- to "
         "compute-bound than other kernels (H200: 3, cuBLAS bf16 GEMMs of 128 to 1024 rows on Scoville's own card). "
         "0: as efficiency.ridge_exponent."),
         SCV_REAL(efficiency.gemm_ridge_exponent), "efficiency.ridge_exponent"});
    add({"efficiency.activation_sram_share", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Activations kept in SRAM"), "", ParamKind::real, 0, 1, 0, 1, false, {},
         SCV_TR("scoville::ChipParams", "Share of the on-chip SRAM in which the activations one kernel writes stay for the next: an op's "
         "activations that fit in it stream at the SRAM rate, larger ones at HBM's. 1: all of it (a memory the compiler manages); "
         "H100: 0, its L2 is a cache that each kernel's weight and KV streams sweep (TensorRT-LLM's fused MoE op grows linearly in "
         "tokens through the 50 MB its activations pass at 4096 tokens of Qwen3-30B-A3B)."),
         SCV_REAL(efficiency.activation_sram_share)});
    add({"efficiency.op_overhead_us", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Per-op overhead"), SCV_TR("Unit", "us"), ParamKind::real, 0, 1000, 0, 20, false, {},
         SCV_TR("scoville::ChipParams", "Fixed time per op beyond its bytes and FLOPs: launch, pipeline fill and drain (H100: 4 us, TensorRT-LLM "
         "Linear layers under CUDA graphs). Collectives carry their own fixed cost instead (link.latency_us, "
         "link.library_latency_us)."), SCV_REAL(efficiency.op_overhead_us)});
    add({"efficiency.attention_overhead_us", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Attention call overhead"), SCV_TR("Unit", "us"), ParamKind::real, 0, 1000, 0, 50, false, {},
         SCV_TR("scoville::ChipParams", "Fixed time of one attention kernel call beyond the per-op overhead (split-KV reduction, page-table walk); "
         "with efficiency.attention and efficiency.attention_pair_ns it reproduces decode-attention timings over sizes (H100: 1.16 us, "
         "TensorRT-LLM, and 103 ns more a query head of a block's group: efficiency.attention_head_overhead_ns)."),
         SCV_REAL(efficiency.attention_overhead_us)});
    add({"efficiency.attention_pair_ns", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Attention time per request and KV head"), SCV_TR("Unit", "ns"), ParamKind::real, 0, 1000, 0, 40, false, {},
         SCV_TR("scoville::ChipParams", "Time a decode-attention kernel spends on each (request, KV head) pair beyond the KV it streams: one "
         "thread block's queries, softmax reductions and output. The kernel computes for at least pairs x this, which meets its KV "
         "bytes at the ridge, so large batches of short contexts cost more than their bytes (H200: 7.39 ns for 128-wide KV heads, "
         "TensorRT-LLM decode attention with an FP8 KV cache, and 0.68 ns more a query head of the block's group). 0: no such floor."),
         SCV_REAL(efficiency.attention_pair_ns)});
    add({"efficiency.attention_pair_width_share", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Attention: pair time's share by head width"), "", ParamKind::real, 0, 1, 0, 1, false, {},
         SCV_TR("scoville::ChipParams", "Share of efficiency.attention_pair_ns, set for 128-wide KV heads, that grows with a KV head's width: "
         "the K and V rows a thread block loads and multiplies. A pair of a KV head w wide takes efficiency.attention_pair_ns x (1 - "
         "share + share x w / 128) (H100: 0.75, TensorRT-LLM's XQA kernel with an FP8 cache: 1024 requests at 15 tokens take 77 us "
         "with gpt-oss-120b's 64-wide heads, 94 with Llama-3.1-8B's 128-wide ones, both 8 KV heads with 512 query-head widths a "
         "block). 0: the width does not matter."),
         SCV_REAL(efficiency.attention_pair_width_share)});
    add({"efficiency.attention_16bit_overhead_us", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "16-bit KV attention call overhead"), SCV_TR("Unit", "us"), ParamKind::real, 0, 1000, 0, 50, false, {},
         SCV_TR("scoville::ChipParams", "efficiency.attention_overhead_us for a decode-attention call over a 16-bit KV cache with "
         "grouped-query heads, where the engine runs those in a kernel of their own (H200: 4.3 us against 1.06 with an FP8 cache, "
         "TensorRT-LLM, whose FP8 kernel serves a query group in one thread block), without the per-query-head times. 0: as "
         "efficiency.attention_overhead_us, in the FP8 cache's kernel, per-query-head times included (Blackwell: TensorRT-LLM "
         "runs both caches in one kernel: 1024 requests at 15 tokens with 16 query heads a KV head take 1.35x what 4 take with a "
         "16-bit cache on B200 and 1.34x with FP8, where H100's 16-bit kernel takes 1.11x and its FP8 one 1.81x)."),
         SCV_REAL(efficiency.attention_16bit_overhead_us), "efficiency.attention_overhead_us"});
    add({"efficiency.attention_16bit_pair_ns", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "16-bit KV attention per request and KV head"), SCV_TR("Unit", "ns"), ParamKind::real, 0, 1000, 0, 80, false, {},
         SCV_TR("scoville::ChipParams", "efficiency.attention_pair_ns for a decode-attention call over a 16-bit KV cache with "
         "grouped-query heads (H200: 38 ns per request and KV head against 7.4 with an FP8 cache, TensorRT-LLM). 0: as "
         "efficiency.attention_pair_ns."),
         SCV_REAL(efficiency.attention_16bit_pair_ns), "efficiency.attention_pair_ns"});
    add({"efficiency.attention_16bit_pair_width_share", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "16-bit KV attention: pair time by head width"), "", ParamKind::real, 0, 1, 0, 1, false, {},
         SCV_TR("scoville::ChipParams", "efficiency.attention_pair_width_share for the 16-bit KV cache's kernel (H100: 0.24, TensorRT-LLM: "
         "1024 requests at 15 tokens take 275 us with gpt-oss-120b's 64-wide heads, 304 with Llama-3.1-8B's 128-wide ones). 0: as "
         "efficiency.attention_pair_width_share."),
         SCV_REAL(efficiency.attention_16bit_pair_width_share), "efficiency.attention_pair_width_share"});
    add({"efficiency.attention_16bit", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "16-bit KV attention KV efficiency"), "", ParamKind::real, 0, 1, 0, 1, false, {},
         SCV_TR("scoville::ChipParams", "efficiency.attention for a decode-attention call over a 16-bit KV cache, where the engine runs "
         "those in kernels of their own (H100: 0.89 and H200: 0.855 of the HBM peak, TensorRT-LLM's kernels for a 16-bit cache, "
         "grouped-query and multi-head, against 0.833 and 0.765 with an FP8 cache). 0: as efficiency.attention."),
         SCV_REAL(efficiency.attention_16bit), "efficiency.attention"});
    add({"efficiency.attention_wave_blocks", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Attention: blocks within the call's fixed time"), SCV_TR("Unit", "blocks"), ParamKind::real, 0, 100000, 0, 512, false, {},
         SCV_TR("scoville::ChipParams", "Thread blocks of a decode-attention call that cost nothing beyond its fixed time: its first wave "
         "runs side by side in the time one block takes, which a one-request call already pays (efficiency.attention_overhead_us), "
         "so only the blocks beyond these add efficiency.attention_pair_ns each (H100: 111, about 0.8 per SM, fitted with "
         "efficiency.attention_pair_ns to TensorRT-LLM decode attention at 15 cached tokens, where 16 requests take hardly "
         "longer than one). 0: every block adds."),
         SCV_REAL(efficiency.attention_wave_blocks)});
    add({"efficiency.attention_16bit_wave_blocks", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "16-bit KV attention: blocks within the fixed time"), SCV_TR("Unit", "blocks"), ParamKind::real, 0, 100000, 0, 512, false, {},
         SCV_TR("scoville::ChipParams", "efficiency.attention_wave_blocks for a decode-attention call over a 16-bit KV cache with "
         "grouped-query heads, where the engine runs those in a kernel of their own. 0: as efficiency.attention_wave_blocks."),
         SCV_REAL(efficiency.attention_16bit_wave_blocks), "efficiency.attention_wave_blocks"});
    add({"efficiency.attention_mha", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Multi-head attention KV efficiency"), "", ParamKind::real, 0, 1, 0, 1, false, {},
         SCV_TR("scoville::ChipParams", "efficiency.attention for a decode-attention call over an 8-bit KV cache whose query heads each have a KV head of "
         "their own (multi-head attention), where the engine runs those in a kernel of its own that converts each element before "
         "its math (H100: 0.758 and H200: 0.577, about 2.5-2.8 T elements/s, TensorRT-LLM's masked multi-head attention kernel, "
         "against 0.83 in its grouped-query XQA kernel). A 16-bit cache streams at efficiency.attention_16bit. 0: as efficiency.attention."),
         SCV_REAL(efficiency.attention_mha), "efficiency.attention"});
    add({"efficiency.attention_mha_overhead_us", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Multi-head attention call overhead"), SCV_TR("Unit", "us"), ParamKind::real, 0, 1000, 0, 50, false, {},
         SCV_TR("scoville::ChipParams", "efficiency.attention_overhead_us for a decode-attention call whose query heads each have a KV head "
         "of their own, where the engine runs those in a kernel of its own (H100: 4.90 us against 1.16 in the grouped-query "
         "kernel, with efficiency.attention_head_overhead_ns for its one query head, TensorRT-LLM). 0: as "
         "efficiency.attention_overhead_us."),
         SCV_REAL(efficiency.attention_mha_overhead_us), "efficiency.attention_overhead_us"});
    add({"efficiency.attention_mha_pair_ns", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Multi-head attention per request and KV head"), SCV_TR("Unit", "ns"), ParamKind::real, 0, 1000, 0, 80, false, {},
         SCV_TR("scoville::ChipParams", "efficiency.attention_pair_ns for a decode-attention call whose query heads each have a KV head of "
         "their own: one thread block a head (H100: 13.26 ns and efficiency.attention_head_ns, TensorRT-LLM's masked multi-head attention kernel). 0: as "
         "efficiency.attention_pair_ns."),
         SCV_REAL(efficiency.attention_mha_pair_ns), "efficiency.attention_pair_ns"});
    add({"efficiency.attention_mha_wave_blocks", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Multi-head attention: blocks within the fixed time"), SCV_TR("Unit", "blocks"), ParamKind::real, 0, 100000, 0, 1024, false, {},
         SCV_TR("scoville::ChipParams", "efficiency.attention_wave_blocks for a decode-attention call whose query heads each have a KV head "
         "of their own (H100: 381 blocks, TensorRT-LLM's masked multi-head attention kernel). 0: as efficiency.attention_wave_blocks."),
         SCV_REAL(efficiency.attention_mha_wave_blocks), "efficiency.attention_wave_blocks"});
    add({"efficiency.attention_head_ns", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Attention time per query head a block serves"), SCV_TR("Unit", "ns"), ParamKind::real, 0, 1000, 0, 10, false, {},
         SCV_TR("scoville::ChipParams", "What each query head of the group a decode-attention thread block serves adds to the block's "
         "time beyond efficiency.attention_pair_ns (its queries' softmax and output rows), on every block beyond the first wave "
         "(H100: 0.81 ns, TensorRT-LLM's XQA kernel with an FP8 cache: 1024 requests at 15 tokens take 11 ns a block with 4 query "
         "heads a KV head, 22 with 16), for 128-wide heads: a head of another width adds this x width / 128 (gpt-oss's 64-wide heads: "
         "1024 requests take 77 us on H100 where Llama-2-70B's groups of 8 take 113). Not on a 16-bit cache's kernel of its own "
         "(Hopper's, whose blocks cost the same whatever the group); where a 16-bit cache has no call overhead of its own "
         "(efficiency.attention_16bit_overhead_us 0, Blackwell) it runs the FP8 cache's kernel and pays this too. 0: none."),
         SCV_REAL(efficiency.attention_head_ns)});
    add({"efficiency.attention_head_overhead_ns", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Attention call time per query head"), SCV_TR("Unit", "ns"), ParamKind::real, 0, 10000, 0, 500, false, {},
         SCV_TR("scoville::ChipParams", "What each query head of the group a decode-attention thread block serves adds to the call's "
         "fixed time, which holds one block's latency (H100: 103 ns, TensorRT-LLM's XQA kernel with an FP8 cache: one request at "
         "15 tokens takes 5.8 us with 4 query heads a KV head, 7.0 with 16). Not on a 16-bit cache's kernel of its own (Hopper's). "
         "0: none."),
         SCV_REAL(efficiency.attention_head_overhead_ns)});
    add({"efficiency.prefill_overhead_us", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Prompt attention call overhead"), SCV_TR("Unit", "us"), ParamKind::real, 0, 1000, 0, 50, false, {},
         SCV_TR("scoville::ChipParams", "Fixed time of one prompt-attention call beyond its two launches (the kernel that ropes and caches "
         "the keys, then the attention kernel): what one short prompt costs however few its FLOPs (H100: 6.7 us, TensorRT-LLM "
         "context attention at one prompt of 128 tokens, against 1.25 us for a decode call). 0: as efficiency.attention_overhead_us."),
         SCV_REAL(efficiency.prefill_overhead_us), "efficiency.attention_overhead_us"});
    add({"efficiency.attention_pair_1k_us", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Attention: one pair's 1024 tokens alone"), SCV_TR("Unit", "us"), ParamKind::real, 0, 100, 0, 10, false, {},
         SCV_TR("scoville::ChipParams", "Time one (request, KV head) pair's first 1024 cached tokens take in a decode-attention kernel when "
         "the pair is alone: the kernel splits a pair's context over thread blocks whose number grows as the square root of its "
         "length (each split adds a merge of partial results), so C tokens take this x sqrt(C / 1024) however idle the bandwidth "
         "(H100: 2.04 us, TensorRT-LLM decode attention at one request of 65535 tokens). A floor under the kernel's compute; "
         "with efficiency.attention_pair_token_ps the slower binds. 0: none."),
         SCV_REAL(efficiency.attention_pair_1k_us)});
    add({"efficiency.attention_16bit_pair_1k_us", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "16-bit KV attention: one pair's 1024 tokens alone"), SCV_TR("Unit", "us"), ParamKind::real, 0, 100, 0, 10, false, {},
         SCV_TR("scoville::ChipParams", "efficiency.attention_pair_1k_us for a decode-attention call over a 16-bit KV cache with "
         "grouped-query heads, where the engine runs those in a kernel of their own (efficiency.attention_16bit_overhead_us > 0). "
         "That kernel runs a pair's chain after the KV stream of the blocks before it, so the time adds to the stream instead "
         "of meeting it at the ridge (H100: 0.98 us, TensorRT-LLM decode attention over a bf16 cache at one request of 65535 "
         "tokens). 0: as efficiency.attention_pair_1k_us."),
         SCV_REAL(efficiency.attention_16bit_pair_1k_us), "efficiency.attention_pair_1k_us"});
    add({"efficiency.attention_pair_token_ps", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Attention: one pair's time per token"), SCV_TR("Unit", "ps"), ParamKind::real, 0, 10000, 0, 1000, false, {},
         SCV_TR("scoville::ChipParams", "Least time per cached token of one (request, KV head) pair in a decode-attention kernel: the kernel "
         "splits a pair's context over a capped number of thread blocks, so a pair alone takes its tokens x this however idle the "
         "bandwidth (B200: 252 ps, TensorRT-LLM decode attention at one request of 65535 tokens). A floor under the kernel's compute; with "
         "efficiency.attention_pair_1k_us the slower binds. 0: none."),
         SCV_REAL(efficiency.attention_pair_token_ps)});
    add({"efficiency.attention_split_tokens", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Attention: tokens per split block"), SCV_TR("Unit", "tokens"), ParamKind::real, 0, 100000, 0, 1024, false, {},
         SCV_TR("scoville::ChipParams", "Cached tokens per thread block below which a decode-attention kernel does not split a (request, KV "
         "head) pair's context over another block; a split pair pays efficiency.attention_pair_ns once per block. The kernel "
         "takes one block per this many tokens, at most round(sqrt(8 x that)), and fewer where the pairs' blocks would fill "
         "more than 8 waves of the cores (H100: 128, TensorRT-LLM's XQA kernel, decoderXQAImplCommon.h "
         "computeMultiBlockCount). 0: one block per pair."),
         SCV_REAL(efficiency.attention_split_tokens)});
    add({"efficiency.attention_split_merge_us", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Attention: merge of a split pair"), SCV_TR("Unit", "us"), ParamKind::real, 0, 100, 0, 5, false, {},
         SCV_TR("scoville::ChipParams", "Time a (request, KV head) pair split over several thread blocks (efficiency.attention_split_tokens) "
         "adds to its time alone in the grouped-query decode-attention kernel over an 8-bit cache: the last of its blocks to finish "
         "reads the others' partial results back, combines them and writes the output (H100: 1.05 us, TensorRT-LLM's XQA kernel "
         "in multi-block mode; one request of 1023 tokens takes 8.2-10.3 us where 127 tokens take 6.1-7.5). 0: none."),
         SCV_REAL(efficiency.attention_split_merge_us)});
    add({"efficiency.attention_fallback_token_ns", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Attention fallback kernel: time per token"), SCV_TR("Unit", "ns"), ParamKind::real, 0, 1000, 0, 100, false, {},
         SCV_TR("scoville::ChipParams", "Time a thread block of the engine's fallback decode-attention kernel spends on each cached token it "
         "walks, one after another, at most 128 a block. The kernel runs heads that each have a KV head of their own, and a 16-bit "
         "cache's grouped-query heads where (request, KV head) pairs x their 128-token blocks x 4 stay below the cores (H100: "
         "17.1 ns, TensorRT-LLM's masked multi-head attention, one request of 127 tokens). A floor under the kernel's compute. 0: "
         "no fallback."),
         SCV_REAL(efficiency.attention_fallback_token_ns)});
    add({"efficiency.attention_fallback_merge_us", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Attention fallback kernel: merge"), SCV_TR("Unit", "us"), ParamKind::real, 0, 1000, 0, 20, false, {},
         SCV_TR("scoville::ChipParams", "Time the engine's fallback decode-attention kernel adds when it splits a context of more than 128 "
         "tokens over several thread blocks and merges their partial results (H100: 5.0 us, TensorRT-LLM's masked multi-head "
         "attention, one request of 1023 tokens). 0: none."),
         SCV_REAL(efficiency.attention_fallback_merge_us)});
    add({"efficiency.attention_rope_pass_us", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Attention: RoPE pass of its own"), SCV_TR("Unit", "us"), ParamKind::real, 0, 100, 0, 10, false, {},
         SCV_TR("scoville::ChipParams", "Time a decode-attention call over an 8-bit cache with grouped-query heads adds where its kernel "
         "cannot rope the queries and keys itself, so a kernel of its own does it first: a model whose RoPE is YaRN (gpt-oss, "
         "DeepSeek-V3; its model key rope). H100: 1.98 us, TensorRT-LLM's Hopper XQA kernel ropes NeoX, GPT-J and LongRoPE "
         "in-kernel, others in a preprocessing kernel (gpt-oss-120b at one request of 15 tokens: 7.8-8.1 us against 5.7-7.2 "
         "for the Llama layouts). 0: none."),
         SCV_REAL(efficiency.attention_rope_pass_us)});
    add({"efficiency.prefill_token_ns", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Prompt attention time per token and head"), SCV_TR("Unit", "ns"), ParamKind::real, 0, 100, 0, 2, false, {},
         SCV_TR("scoville::ChipParams", "Time a prompt-attention kernel spends on each (prompt token, query head) beyond its FLOPs, added to "
         "its compute: short prompts cost more than their FLOPs (B200: 0.37 ns, TensorRT-LLM context attention at 16 prompts of "
         "512 tokens). 0: none."),
         SCV_REAL(efficiency.prefill_token_ns)});
    add({"efficiency.prefill_softmax_ps", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Prompt attention softmax per score"), SCV_TR("Unit", "ps"), ParamKind::real, 0, 100, 0, 1, false, {},
         SCV_TR("scoville::ChipParams", "Time a prompt-attention kernel spends on each score's softmax (one query token, one key, one query "
         "head) that its matmuls do not hide, added to the kernel; it does not shrink with a narrower format, so FP8 prompt "
         "attention gains less over bf16 than its matmuls (H100: TensorRT-LLM context attention over 16 prompts of 8192 tokens). "
         "0: at the vector lanes' rate."),
         SCV_REAL(efficiency.prefill_softmax_ps)});
    add({"efficiency.prefill_tile_tokens", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Prompt attention query tile"), SCV_TR("Unit", "tokens"), ParamKind::real, 0, 4096, 0, 512, false, {},
         SCV_TR("scoville::ChipParams", "Query tokens each thread block of a prompt-attention kernel takes. A causal prompt's last tile "
         "walks all its keys, and the blocks start in order, longest first: with few prompts and query heads a chip the cores "
         "wait on those tiles, so the matmuls and softmax run below the chip's rate (H100: 128; TensorRT-LLM context attention, "
         "one prompt of 2048 tokens with 4 query heads a chip takes 43 us where 32 heads take 125). 0: every core busy."),
         SCV_REAL(efficiency.prefill_tile_tokens)});
    add({"efficiency.moe_overhead_us", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "MoE call overhead"), SCV_TR("Unit", "us"), ParamKind::real, 0, 1000, 0, 80, false, {},
         SCV_TR("scoville::ChipParams", "Fixed time of one fused MoE layer call beyond its two grouped GEMMs' per-op overhead (routing, "
         "sorting, expand, activation and finalise kernels); what an MoE layer costs however few tokens it routes (H200: 21.4 us, "
         "TensorRT-LLM's fused MoE)."),
         SCV_REAL(efficiency.moe_overhead_us)});
    add({"efficiency.fp4_k_step_ns", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "FP4 time per K element"), SCV_TR("Unit", "ns"), ParamKind::real, 0, 100, 0, 5, false, {},
         SCV_TR("scoville::ChipParams", "Time an NVFP4 GEMM tile's main loop takes per element of K it walks: the GEMM takes at least K x this "
         "however few its tokens, since a few tiles cannot share K among the cores (B200: 1.34 ns, TensorRT-LLM's NVFP4 Linear "
         "layer at one token, whatever N). 0: no such floor."),
         SCV_REAL(efficiency.fp4_k_step_ns)});
    add({"efficiency.fp4_output_ps", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "FP4 time per output"), SCV_TR("Unit", "ps"), ParamKind::real, 0, 100, 0, 5, false, {},
         SCV_TR("scoville::ChipParams", "Time an NVFP4 GEMM spends on each element of its output beyond its main loop, which the main loop "
         "does not hide (its tiles' epilogues): what its time over K extrapolates to at K = 0, per output (B200: 0.25 ps, "
         "TensorRT-LLM's NVFP4 Linear layer at 16384 tokens, N = 4096). 0: none."),
         SCV_REAL(efficiency.fp4_output_ps)});
    add({"efficiency.fp8_dynamic_scale_us", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "FP8 dynamic-scale overhead"), SCV_TR("Unit", "us"), ParamKind::real, 0, 1000, 0, 10, false, {},
         SCV_TR("scoville::ChipParams", "Time an FP8 GEMM layer that quantises its activations with a dynamic per-tensor scale takes per call "
         "beyond the max-reduction and quantising kernels and its own launch: what one token's such layer costs beyond its weights "
         "and launches (B200: 3.05 us, H100: 0.66 us, TensorRT-LLM's FP8 Linear layer without an input scale). A bare FP8 GEMM, "
         "or one with a static scale fused into the op before (as serving engines run), does not pay it. 0: none."),
         SCV_REAL(efficiency.fp8_dynamic_scale_us)});
    add({"efficiency.quant_memory", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Quantising-pass efficiency"), "", ParamKind::real, 0, 1, 0, 1, false, {},
         SCV_TR("scoville::ChipParams", "Achievable fraction of HBM bandwidth in the kernels that quantise a GEMM layer's bf16 activations "
         "(FP8: a max-reduction pass and a quantising pass; NVFP4: one pass writing the block scales), which stream them at this rate "
         "wherever the cache holds them (TensorRT-LLM's FP8 Linear layer without an input scale: H100 0.88, H200 0.74, B200 0.67). "
         "Serving engines fuse the quantisation into the op before and do not pay it. 0: as efficiency.memory."),
         SCV_REAL(efficiency.quant_memory), "efficiency.memory"});
    add({"calibration.cores", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Times measured at: cores"), "", ParamKind::integer, 0, 100000, 0, 1024, false, {},
         SCV_TR("scoville::ChipParams", "The core count at which this chip's measured times per thread block and per element hold: with "
         "more cores the work they share takes proportionally less (decode attention's blocks beyond the first wave, and that "
         "wave itself; prompt attention's time per token and per score; NVFP4's time per output). Call overheads do not scale. "
         "A design made from a measured chip keeps its count here (B200: 148). 0: the chip's own count (no scaling)."),
         SCV_INT(calibration.cores), "compute.cores", "", true});
    add({"calibration.clock_ghz", SCV_TR("scoville::ChipParams", "Efficiencies"), SCV_TR("scoville::ChipParams", "Times measured at: clock"), SCV_TR("Unit", "GHz"), ParamKind::real, 0, 10, 0, 3.0, false, {},
         SCV_TR("scoville::ChipParams", "The clock at which this chip's measured times per thread block and per element hold: every one "
         "of them scales with its inverse, the shared work and one block's serial walk alike (a pair alone, the fallback "
         "kernel's tokens, NVFP4's K steps). Call overheads do not scale. A design made from a measured chip keeps its clock "
         "here (B200: 1.856 GHz). 0: the chip's own clock (no scaling)."),
         SCV_REAL(calibration.clock_ghz), "compute.clock_ghz", "", true});

    // The owner's cost (core/physical/cost.hpp). Defaults: see the "Suggested defaults" basis text.
    add({"econ.mode", SCV_TR("scoville::ChipParams", "Economics"), SCV_TR("scoville::ChipParams", "Chip bought or built"), "", ParamKind::choice, 0, 1, 0, 1, false, kEconModeChoices,
         SCV_TR("scoville::ChipParams", "buy: a merchant chip at econ.chip_price_usd; build: an in-house chip at its manufacturing cost (die, HBM, "
         "package, test) plus the design partner's margin and the NRE spread over econ.units."),
         [](const ChipSpec& c) { return static_cast<double>(c.econ.mode); },
         [](ChipSpec& c, double v) { c.econ.mode = static_cast<EconMode>(std::lround(v)); }});
    add({"econ.chip_price_usd", SCV_TR("scoville::ChipParams", "Economics"), SCV_TR("scoville::ChipParams", "Chip price"), SCV_TR("Unit", "USD"), ParamKind::real, 0, 1e7, 0, 80000, false, {},
         SCV_TR("scoville::ChipParams", "What the owner pays for one chip (buy), on its 8-way board without the host; each reference chip gives its "
         "source in its notes (H100 25,000, B200 35,000 USD). 0 = not priced."),
         SCV_REAL(econ.chip_price_usd)});
    add({"econ.units", SCV_TR("scoville::ChipParams", "Economics"), SCV_TR("scoville::ChipParams", "Units built"), SCV_TR("Unit", "chips"), ParamKind::real, 1, 1e9, 1000, 1e7, true, {},
         SCV_TR("scoville::ChipParams", "Chips made over the design's life; the NRE is spread over them (build). Default 1 M: an estimate."), SCV_REAL(econ.units)});
    add({"econ.nre_usd", SCV_TR("scoville::ChipParams", "Economics"), SCV_TR("scoville::ChipParams", "Design NRE"), SCV_TR("Unit", "USD"), ParamKind::real, 0, 1e11, 0, 2e9, false, {},
         SCV_TR("scoville::ChipParams", "Design, IP licences, masks and bring-up of an in-house chip (build). Default 390 M USD: an N3 design, "
         "350 M USD of design (IBS 581 M as the high end, 2023; 30-100 M for lean start-ups) plus a 40 M USD mask "
         "set (SemiAnalysis). N5: ~270 M, N7: ~160 M."), SCV_REAL(econ.nre_usd)});
    add({"econ.partner_margin", SCV_TR("scoville::ChipParams", "Economics"), SCV_TR("scoville::ChipParams", "Design-partner margin"), "", ParamKind::real, 0, 10, 0, 1.5, false, {},
         SCV_TR("scoville::ChipParams", "Margin of the design partner on the manufacturing cost, as a fraction of it (build). Default 0.5: Broadcom- "
         "or Marvell-type custom accelerators (Bernstein assumes a 50 % ASIC margin; range 0.35-0.65); turnkey "
         "houses (Alchip, GUC) run 0.15-0.25."), SCV_REAL(econ.partner_margin)});
    add({"econ.system_usd_per_chip", SCV_TR("scoville::ChipParams", "Economics"), SCV_TR("scoville::ChipParams", "System per chip"), SCV_TR("Unit", "USD"), ParamKind::real, 0, 1e7, 0, 50000, false, {},
         SCV_TR("scoville::ChipParams", "Host CPUs, memory, storage, NICs, chassis, board and power supplies, per chip. Default 4,000 USD: host "
         "CPU, DRAM, NIC and storage per GPU of a DGX (2,600-6,000). Merchant GPU servers: ~0.4 x the GPU price "
         "(an 8-way server costs ~1.4x its GPUs: SemiAnalysis; Epoch 1.64, 1.3-2.1)."), SCV_REAL(econ.system_usd_per_chip)});
    add({"econ.network_usd_per_chip", SCV_TR("scoville::ChipParams", "Economics"), SCV_TR("scoville::ChipParams", "Network per chip"), SCV_TR("Unit", "USD"), ParamKind::real, 0, 1e7, 0, 30000, false, {},
         SCV_TR("scoville::ChipParams", "Scale-up switches, cables and optics, and the chip's share of the scale-out fabric. Default 5,000 USD; "
         "~15 % of the server cost in analyst models (Epoch: 19 % of cluster cost; range 8-30 %)."),
         SCV_REAL(econ.network_usd_per_chip)});
    add({"econ.system_w_per_chip", SCV_TR("scoville::ChipParams", "Economics"), SCV_TR("scoville::ChipParams", "System power per chip"), SCV_TR("Unit", "W"), ParamKind::real, 0, 1e5, 0, 2000, false, {},
         SCV_TR("scoville::ChipParams", "Power of the chip's share of hosts and network, added to the chip's own power. Default 600 W; "
         "SemiAnalysis all-in power per chip less its TDP: H100 670 W, B200 710 W, TPU v7 230 W."),
         SCV_REAL(econ.system_w_per_chip)});
    add({"econ.facility_usd_per_kw", SCV_TR("scoville::ChipParams", "Economics"), SCV_TR("scoville::ChipParams", "Data-centre capex"), SCV_TR("Unit", "USD/kW"), ParamKind::real, 0, 1e6, 0, 30000, false, {},
         SCV_TR("scoville::ChipParams", "Building, power and cooling per kW of IT load. Default 12,000 USD/kW: US average 11.7 M USD per MW of "
         "critical load, 9.3-15.0 M by market (Cushman & Wakefield 2025); CBRE 10.7 M."), SCV_REAL(econ.facility_usd_per_kw)});
    add({"econ.facility_years", SCV_TR("scoville::ChipParams", "Economics"), SCV_TR("scoville::ChipParams", "Data-centre life"), SCV_TR("Unit", "years"), ParamKind::real, 1, 100, 5, 30, false, {},
         SCV_TR("scoville::ChipParams", "Years over which the building is paid off. Default 15 (an estimate; 10-20)."), SCV_REAL(econ.facility_years)});
    add({"econ.pue", SCV_TR("scoville::ChipParams", "Economics"), SCV_TR("scoville::ChipParams", "PUE"), "", ParamKind::real, 1, 5, 1, 2, false, {},
         SCV_TR("scoville::ChipParams", "Facility power over IT power (cooling, conversion losses). Default 1.25 (Epoch for non-hyperscalers); "
         "Google fleet 1.10 (2023); industry average 1.56 (Uptime Institute 2024)."), SCV_REAL(econ.pue)});
    add({"econ.power_usd_per_kwh", SCV_TR("scoville::ChipParams", "Economics"), SCV_TR("scoville::ChipParams", "Electricity price"), SCV_TR("Unit", "USD/kWh"), ParamKind::real, 0, 10, 0, 0.3, false, {},
         SCV_TR("scoville::ChipParams", "Price of the energy the facility draws. Default 0.08 USD/kWh: US industrial 7.7 (2024) to 8.3 cents (2025, "
         "EIA); 0.055-0.15 by state."), SCV_REAL(econ.power_usd_per_kwh)});
    add({"econ.years", SCV_TR("scoville::ChipParams", "Economics"), SCV_TR("scoville::ChipParams", "Depreciation"), SCV_TR("Unit", "years"), ParamKind::real, 0.5, 30, 1, 10, false, {},
         SCV_TR("scoville::ChipParams", "Years over which chips, systems and network are paid off. Default 5: hyperscaler server book lives 5-6 years "
         "(Microsoft, Alphabet 6; Meta 5.5; Amazon 5 for part of its fleet, 2025 filings); Epoch 5."), SCV_REAL(econ.years)});
    add({"econ.cost_of_capital", SCV_TR("scoville::ChipParams", "Economics"), SCV_TR("scoville::ChipParams", "Cost of capital"), SCV_TR("Unit", "1/year"), ParamKind::real, 0, 1, 0, 0.3, false, {},
         SCV_TR("scoville::ChipParams", "Yearly rate on the capital tied up (capital recovery factor). Default 9 %: between investment-grade "
         "financing (~6 %) and neocloud debt (CoreWeave 7-15 %, 2025 10-Q); an estimate."), SCV_REAL(econ.cost_of_capital)});
    add({"econ.utilisation", SCV_TR("scoville::ChipParams", "Economics"), SCV_TR("scoville::ChipParams", "Utilisation"), "", ParamKind::real, 0.01, 1, 0.05, 1, false, {},
         SCV_TR("scoville::ChipParams", "Fraction of hours the chip serves at the modelled throughput; idle hours cost capital and static power. "
         "Default 0.7 (an estimate; ~70 % is where debt-financed GPU clouds break even, 0.4-0.9)."),
         SCV_REAL(econ.utilisation)});
    add({"econ.fleet_mw", SCV_TR("scoville::ChipParams", "Economics"), SCV_TR("scoville::ChipParams", "Fleet power budget"), SCV_TR("Unit", "MW"), ParamKind::real, 0, 1e6, 0, 10000, false, {},
         SCV_TR("scoville::ChipParams", "Provisioned power of a fleet (chips + system share, times PUE): how many chips, what capital and what "
         "tokens per day it buys. Default 1,000 MW (1 GW: the unit of today's deployments)."), SCV_REAL(econ.fleet_mw)});
    // clang-format on
    return p;
}

#undef SCV_REAL
#undef SCV_INT

}  // namespace

std::span<const ParamInfo> chip_params() {
    static const std::vector<ParamInfo> params = build_params();
    return params;
}

const ParamInfo* find_param(std::string_view key) {
    return find_by_key(chip_params(), key);
}

static Error unknown_key(std::string_view key) {
    return Error{"unknown parameter '" + std::string(key) + "' (see 'scoville eval --help' for the keys)"};
}

Result<double> get_param(const ChipSpec& chip, std::string_view key) {
    const ParamInfo* info = find_param(key);
    if (!info) return unknown_key(key);
    return info->get(chip);
}

Result<std::string> get_param_text(const ChipSpec& chip, std::string_view key) {
    const ParamInfo* info = find_param(key);
    if (!info) return unknown_key(key);
    const double v = info->get(chip);
    if (info->kind == ParamKind::choice) return std::string(info->choices.at(static_cast<size_t>(v)));
    // The shortest text that reads back as the same double: a stored history replays exactly.
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

namespace {
// A whole number, for values already within a parameter's range (far below 2^53): a truncating
// conversion, not a call into libm, as validate_chip runs for every point of a sweep.
bool whole(double v) { return static_cast<double>(static_cast<long long>(v)) == v; }

// Whether a parameter's value is valid: within its range, and whole where it is not real (NaN is not).
bool in_range(double v, double min, double max, bool real) { return v >= min && v <= max && (real || whole(v)); }
}  // namespace

Status check_param(const ParamInfo& info, double value) {
    if (std::isfinite(value) && in_range(value, info.min, info.max, info.kind == ParamKind::real))
        return Ok{};  // the common case, without building a message
    const std::string key(info.key);
    // The GUI shows these translated (Error::of); the command line in English.
    if (!std::isfinite(value))
        return Error::of({"Error", SCV_TR("Error", "parameter '%1': value must be a finite number"), {key}});
    if (value < info.min || value > info.max) {
        std::vector<std::string> args{key, format_number(value), format_number(info.min), format_number(info.max)};
        if (info.unit.empty())
            return Error::of({"Error", SCV_TR("Error", "parameter '%1': %2 is out of range [%3, %4]"), std::move(args)});
        args.emplace_back(info.unit);
        return Error::of({"Error", SCV_TR("Error", "parameter '%1': %2 is out of range [%3, %4] %5"), std::move(args)});
    }
    if (info.kind != ParamKind::real && value != std::round(value))
        return Error::of(
            {"Error", SCV_TR("Error", "parameter '%1': %2 must be a whole number"), {key, format_number(value)}});
    return Ok{};
}

Status set_param(ChipSpec& chip, std::string_view key, double value) {
    const ParamInfo* info = find_param(key);
    if (!info) return unknown_key(key);
    if (auto st = check_param(*info, value); !st) return st;
    info->set(chip, value);
    return Ok{};
}

Status set_param_text(ChipSpec& chip, std::string_view key, std::string_view text) {
    const ParamInfo* info = find_param(key);
    if (!info) return unknown_key(key);
    if (info->kind == ParamKind::choice) {
        for (size_t i = 0; i < info->choices.size(); ++i) {
            if (info->choices[i] == text) {
                info->set(chip, static_cast<double>(i));
                return Ok{};
            }
        }
        std::string allowed;
        for (auto c : info->choices) allowed += (allowed.empty() ? "" : ", ") + std::string(c);
        return Error::of({"Error", SCV_TR("Error", "parameter '%1': '%2' is not one of %3"),
                          {std::string(key), std::string(text), allowed}});
    }
    double v = 0.0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(first, last, v);
    if (text.empty() || ec != std::errc() || ptr != last)
        return Error::of(
            {"Error", SCV_TR("Error", "parameter '%1': '%2' is not a number"), {std::string(key), std::string(text)}});
    return set_param(chip, key, v);
}

Status apply_assignment(ChipSpec& chip, std::string_view assignment) {
    const auto eq = assignment.find('=');
    if (eq == std::string_view::npos || eq == 0)
        return Error{"--set '" + std::string(assignment) + "': expected key=value"};
    return set_param_text(chip, assignment.substr(0, eq), assignment.substr(eq + 1));
}

namespace {
// The parameters' getters, ranges and kinds, packed: a chip checked at every evaluation (a sweep's point,
// the TDP cap's clocks) reads only these, not the table's labels and help; a value out of its range goes
// on to check_param for the message.
struct PackedRange {
    double (*get)(const ChipSpec&);
    double min, max;
    bool real;
};

// The registry's ranges packed, in its order.
const std::vector<PackedRange>& packed_ranges() {
    static const std::vector<PackedRange> ranges = [] {
        std::vector<PackedRange> out;
        for (const auto& info : chip_params()) out.push_back({info.get, info.min, info.max, info.kind == ParamKind::real});
        return out;
    }();
    return ranges;
}

// Every parameter in range (every evaluation of a chip asks: the loop alone).
bool all_in_range(const ChipSpec& chip) {
    for (const PackedRange& r : packed_ranges())
        if (!in_range(r.get(chip), r.min, r.max, r.real)) return false;
    return true;
}

}  // namespace

bool params_in_range(const ChipSpec& chip, std::span<const ParamInfo* const> skip) {
    if (skip.empty()) return all_in_range(chip);
    const std::vector<PackedRange>& ranges = packed_ranges();
    const ParamInfo* const first = chip_params().data();
    for (size_t i = 0; i < ranges.size(); ++i) {
        const PackedRange& r = ranges[i];
        if (std::find(skip.begin(), skip.end(), first + i) != skip.end()) continue;
        if (!in_range(r.get(chip), r.min, r.max, r.real)) return false;
    }
    return true;
}

Status validate_chip(const ChipSpec& chip) {
    if (!all_in_range(chip))
        for (const auto& info : chip_params())
            if (auto st = check_param(info, info.get(chip)); !st) return st;
    return check_chip_whole(chip);
}

Status check_chip_whole(const ChipSpec& chip) {
    if (chip.rate(Precision::bf16) <= 0 && chip.rate(Precision::fp8) <= 0 &&
        chip.rate(Precision::fp4) <= 0 && chip.rate(Precision::int8) <= 0)
        return Error::of(
            {"Error", SCV_TR("Error", "chip '%1': no precision has a non-zero compute rate (compute.rate_*)"), {chip.id}});
    if (chip.memory_tb_s() <= 0 && chip.sram.tb_s <= 0)
        return Error::of({"Error",
                          SCV_TR("Error", "chip '%1': no memory bandwidth (hbm.tb_s_per_stack x hbm.stacks and "
                                          "sram.tb_s are 0)"),
                          {chip.id}});
    // Off-chip memory is there or not: sites that hold data but cannot be read (or the reverse) are neither.
    if (chip.hbm_half_given() && chip.hbm.tb_s_per_stack <= 0)
        return Error::of({"Error",
                          SCV_TR("Error", "chip '%1': its %2 memory sites hold %3 GB each but have no bandwidth "
                                          "(hbm.tb_s_per_stack = 0): give them one, or hbm.stacks = 0 for a chip "
                                          "without off-chip memory"),
                          {chip.id, std::to_string(chip.hbm.stacks), format_number(chip.hbm.gb_per_stack)}});
    if (chip.hbm_half_given())
        return Error::of({"Error",
                          SCV_TR("Error", "chip '%1': its %2 memory sites have %3 TB/s each but hold nothing "
                                          "(hbm.gb_per_stack = 0): give them a capacity, or hbm.stacks = 0 for a chip "
                                          "without off-chip memory"),
                          {chip.id, std::to_string(chip.hbm.stacks), format_number(chip.hbm.tb_s_per_stack)}});
    if (chip.memory_gb() <= 0 && chip.sram.mb <= 0)
        return Error::of({"Error",
                          SCV_TR("Error", "chip '%1': no memory capacity (hbm.gb_per_stack x hbm.stacks and sram.mb "
                                          "are 0)"),
                          {chip.id}});
    return Ok{};
}

}  // namespace scoville
