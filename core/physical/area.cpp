#include "core/physical/area.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/hw/params.hpp"
#include "core/util/format.hpp"
#include "core/util/tr.hpp"

namespace scoville {

double mac_cell_um2(const ChipSpec& chip, const TechNode& node) {
    // A cell that does rate_p MACs per cycle at precision p needs rate_p multipliers of that width;
    // the most demanding native precision sets the cell (H100: 1 x 540 bf16 > 2 x 243 fp8 at N4).
    double um2 = 0;
    for (Precision p : kAllPrecisions)
        um2 = std::max(um2, chip.rate(p) * node.mac_um2[static_cast<size_t>(p)]);
    return um2;
}

Result<AreaBreakdown> estimate_area(const ChipSpec& chip, const TechLibrary& tech) {
    if (auto st = validate_chip(chip); !st) return st.error();
    return estimate_valid_area(chip, tech);
}

Result<AreaBreakdown> estimate_valid_area(const ChipSpec& chip, const TechLibrary& tech) {
    const TechNode* node = tech.node(chip.tech.node);
    if (!node) return Error{"tech.node: unknown process node '" + chip.tech.node + "'"};
    const PhysicalParams& pp = tech.params;
    const bool gpu = chip.sram.style == SramStyle::gpu;
    const double sram_density = node->sram_mb_per_mm2 * (gpu ? pp.sram_gpu_density_factor : 1.0);  // MB/mm2

    AreaBreakdown a;
    a.dies = chip.package.dies;
    const double cores = static_cast<double>(chip.compute.cores) + chip.compute.spare_cores;
    const double macs = cores * chip.compute.arrays_per_core * chip.compute.mac_rows * chip.compute.mac_cols;
    a.matrix_mm2 = macs * mac_cell_um2(chip, *node) * 1e-6;
    const double lanes = cores * chip.compute.vector_lanes_per_core;
    a.vector_mm2 =
        lanes * pp.area_vector_lane_bf16_macs * node->mac_um2[static_cast<size_t>(Precision::bf16)] * 1e-6;
    a.local_sram_mm2 = cores * chip.compute.local_sram_kb_per_core / 1024.0 / sram_density;
    // A GPU core has a fixed front end whatever its tensor width (transistors / logic density);
    // a systolic core's control is a small fraction of its datapath.
    a.core_control_mm2 =
        gpu ? cores * pp.area_core_control_mtr_gpu / node->logic_mtr_mm2_hpc
            : (a.matrix_mm2 + a.vector_mm2 + a.local_sram_mm2) * pp.area_core_overhead_scratchpad;

    // The global SRAM sits on the I/O dies where there are any, at their node's density.
    const TechNode* sram_node = node;
    if (chip.package.io_dies > 0) {
        sram_node = tech.node(chip.tech.io_node);
        if (!sram_node) return Error{"tech.io_node: unknown process node '" + chip.tech.io_node + "'"};
        a.io_dies = chip.package.io_dies;
    }
    const double global_density = sram_density_factor_in_use(chip, pp);
    a.sram_mm2 = (chip.sram.mb + chip.sram.spare_mb) / (sram_node->sram_mb_per_mm2 * global_density);

    const auto gen = static_cast<size_t>(chip.hbm.generation);
    // Sites: HBM stacks, GDDR x32 channels or LPDDR x64 packages, each with its PHY and controller.
    a.hbm_sites = chip.hbm.generation == DramType::none ? 0 : chip.hbm.stacks + chip.hbm.spare_phys;
    a.hbm_phy_mm2 = a.hbm_sites * pp.hbm_phy_mm2[gen];
    a.hbm_ctrl_mm2 = a.hbm_sites * pp.hbm_ctrl_mm2[gen];

    // Bidirectional GB/s x 8 bit / (2 directions x Gb/s per lane) = lanes (TX+RX pairs).
    a.serdes_lanes = chip.link_gb_s() * 8.0 / (2.0 * chip.link.lane_gbps);
    a.serdes_mm2 = a.serdes_lanes * pp.serdes_mm2_per_lane;
    a.d2d_mm2 = a.dies + a.io_dies > 1 ? chip.package.d2d_tb_s * pp.d2d_mm2_per_tb_s : 0.0;

    // NoC and other are fractions of each finished die (GA100 die-shot shares).
    const double finished = 1.0 / (1.0 - pp.area_noc_fraction - pp.area_other_fraction);
    const double io_listed = a.sram_mm2 + a.hbm_phy_mm2 + a.hbm_ctrl_mm2 + a.serdes_mm2 + a.d2d_mm2;
    double compute_total = a.compute_mm2() * finished;
    double io_total = 0;
    if (a.io_dies > 0) {
        io_total = io_listed * finished;
        if (chip.package.io_placement == IoPlacement::under) {
            // Stacked compute dies need their footprint on the I/O dies, with the HBM PHYs and SerDes
            // at the I/O dies' edges beside them; what their own contents leave is base silicon
            // (through-silicon vias, power delivery, routing).
            const double footprint = compute_total + a.hbm_phy_mm2 + a.serdes_mm2;
            a.io_base_mm2 = std::max(0.0, footprint - io_total);
            io_total += a.io_base_mm2;
        }
        a.io_noc_mm2 = io_listed * finished * pp.area_noc_fraction;
        a.io_other_mm2 = io_listed * finished * pp.area_other_fraction;
    } else {
        compute_total = (a.compute_mm2() + io_listed) * finished;
    }
    const double total = compute_total + (a.io_dies > 0 ? io_listed * finished : 0.0);
    a.noc_mm2 = total * pp.area_noc_fraction;
    a.other_mm2 = total * pp.area_other_fraction;
    a.package_mm2 = compute_total + io_total;
    a.die_mm2 = compute_total / a.dies;
    a.io_die_mm2 = a.io_dies > 0 ? io_total / a.io_dies : 0.0;

    // HBM stacks line the two long edges of the dies that hold their PHYs: long edge = sqrt(area x aspect).
    // GDDR and LPDDR channels are routed out through the package substrate and can ring the die: three edges,
    // the fourth left to the host interface (as GDDR GPUs place them).
    const int edge_dies = a.io_dies > 0 ? a.io_dies : a.dies;
    const double edge_die_mm2 = a.io_dies > 0 ? a.io_die_mm2 : a.die_mm2;
    const double long_edge_mm = std::sqrt(edge_die_mm2 * pp.area_die_aspect);
    const double short_edge_mm = long_edge_mm > 0 ? edge_die_mm2 / long_edge_mm : 0.0;
    const bool stacked = dram_family(chip.hbm.generation) == DramFamily::hbm;
    const double edge_mm = stacked ? 2.0 * long_edge_mm : 2.0 * long_edge_mm + short_edge_mm;
    a.max_hbm_stacks = edge_dies * static_cast<int>(std::floor(edge_mm / pp.shoreline_mm(chip.hbm.generation)));
    return a;
}

namespace {
// Each component of the package, the part of it on the I/O dies, and which die kinds list it.
struct Part {
    std::string name;
    double total, io;
    bool on_compute, on_io;
};
std::vector<Part> parts(const AreaBreakdown& a) {
    const bool split = a.io_dies > 0;
    auto core = [](std::string n, double v) { return Part{std::move(n), v, 0, true, false}; };
    // Global SRAM and I/O: on the I/O dies when there are any, else on the compute dies.
    auto io = [&](std::string n, double v) { return Part{std::move(n), v, split ? v : 0, !split, split}; };
    // Shares of every finished die.
    auto shared = [&](std::string n, double v, double on_io) { return Part{std::move(n), v, on_io, true, split}; };
    return {core(SCV_TR("Breakdown", "matrix units"), a.matrix_mm2),
            core(SCV_TR("Breakdown", "vector units"), a.vector_mm2),
            core(SCV_TR("Breakdown", "core-local SRAM"), a.local_sram_mm2),
            core(SCV_TR("Breakdown", "core control"), a.core_control_mm2),
            io(SCV_TR("Breakdown", "SRAM"), a.sram_mm2),
            io(SCV_TR("Breakdown", "memory PHY"), a.hbm_phy_mm2),
            io(SCV_TR("Breakdown", "memory controller"), a.hbm_ctrl_mm2),
            io(SCV_TR("Breakdown", "link SerDes"), a.serdes_mm2),
            io(SCV_TR("Breakdown", "die-to-die PHY"), a.d2d_mm2),
            shared(SCV_TR("Breakdown", "NoC"), a.noc_mm2, a.io_noc_mm2),
            shared(SCV_TR("Breakdown", "other"), a.other_mm2, a.io_other_mm2),
            // Only where stacked compute dies need more I/O-die silicon than its contents.
            Part{SCV_TR("Breakdown", "I/O die base"), a.io_base_mm2, a.io_base_mm2, false, a.io_base_mm2 > 0}};
}
}  // namespace

std::vector<Breakdown> AreaBreakdown::items() const {
    std::vector<Breakdown> v;
    for (Part& p : parts(*this)) v.push_back({std::move(p.name), p.total});
    return v;
}

std::vector<Breakdown> AreaBreakdown::die_items(bool io) const {
    if (io && io_dies <= 0) return {};
    const double n = io ? io_dies : std::max(1, dies);
    std::vector<Breakdown> v;
    for (Part& p : parts(*this))
        if (io ? p.on_io : p.on_compute) v.push_back({std::move(p.name), (io ? p.io : p.total - p.io) / n});
    return v;
}

std::vector<Message> area_warnings(const ChipSpec& chip, const AreaBreakdown& a, const TechLibrary& tech) {
    std::vector<Message> w;
    const PhysicalParams& pp = tech.params;
    if (a.io_die_mm2 > pp.area_reticle_mm2) {
        w.push_back({"Warning",
                     SCV_TR("Warning", "reticle: I/O die %1 mm2 exceeds the %2 mm2 reticle limit; use more I/O dies "
                                       "(package.io_dies) or shrink them"),
                     {format_number("%.0f", a.io_die_mm2), format_number("%.0f", pp.area_reticle_mm2)}});
    }
    if (a.die_mm2 > pp.area_reticle_mm2) {
        const int need = static_cast<int>(std::ceil(a.die_mm2 * a.dies / pp.area_reticle_mm2));
        w.push_back({"Warning",
                     SCV_TR("Warning", "reticle: die %1 mm2 exceeds the %2 mm2 reticle limit; split the package into "
                                       "at least %3 dies (package.dies=%3) or shrink it"),
                     {format_number("%.0f", a.die_mm2), format_number("%.0f", pp.area_reticle_mm2),
                      std::to_string(need)}});
    }
    if (a.hbm_sites > a.max_hbm_stacks) {
        const int dies = a.io_dies > 0 ? a.io_dies : a.dies;
        const std::string die_mm2 = format_number("%.0f", a.io_dies > 0 ? a.io_die_mm2 : a.die_mm2);
        const std::string need = format_number("%.0f", a.hbm_sites * pp.shoreline_mm(chip.hbm.generation));
        if (dram_family(chip.hbm.generation) == DramFamily::hbm)
            w.push_back({"Warning",
                         SCV_TR("Warning", "hbm: %1 HBM sites need %2 mm of die edge but %3 die(s) of %4 mm2 fit only %5 "
                                           "stacks on their long edges"),
                         {std::to_string(a.hbm_sites), need, std::to_string(dies), die_mm2,
                          std::to_string(a.max_hbm_stacks)}});
        else
            w.push_back({"Warning",
                         SCV_TR("Warning", "hbm: %1 %2 channels need %3 mm of die edge but %4 die(s) of %5 mm2 fit only "
                                           "%6 along three edges"),
                         {std::to_string(a.hbm_sites), std::string(to_string(chip.hbm.generation)), need,
                          std::to_string(dies), die_mm2, std::to_string(a.max_hbm_stacks)}});
    }
    // A site asked for more bandwidth or capacity than its memory type's fastest or largest part gives.
    if (chip.hbm.generation != DramType::none && chip.hbm.stacks > 0) {
        const auto t = static_cast<size_t>(chip.hbm.generation);
        const std::string type(to_string(chip.hbm.generation));
        if (pp.dram_max_tb_s_per_site[t] > 0 && chip.hbm.tb_s_per_stack > pp.dram_max_tb_s_per_site[t] * (1 + 1e-9))
            w.push_back({"Warning",
                         SCV_TR("Warning", "hbm: %1 TB/s a site (hbm.tb_s_per_stack) is more than one %2 site carries: "
                                           "%3 TB/s at the fastest"),
                         {format_number(chip.hbm.tb_s_per_stack), type, format_number(pp.dram_max_tb_s_per_site[t])}});
        if (pp.dram_max_gb_per_site[t] > 0 && chip.hbm.gb_per_stack > pp.dram_max_gb_per_site[t] * (1 + 1e-9))
            w.push_back({"Warning",
                         SCV_TR("Warning", "hbm: %1 GB a site (hbm.gb_per_stack) is more than one %2 site holds: %3 GB "
                                           "at the largest"),
                         {format_number(chip.hbm.gb_per_stack), type, format_number(pp.dram_max_gb_per_site[t])}});
    }
    const double density = chip.power.tdp_w / a.package_mm2;
    if (density > pp.power_density_limit_w_mm2) {
        w.push_back({"Warning",
                     SCV_TR("Warning", "power density: TDP %1 W over %2 mm2 of silicon is %3 W/mm2, above the %4 W/mm2 "
                                       "cooling limit"),
                     {format_number("%.0f", chip.power.tdp_w), format_number("%.0f", a.package_mm2),
                      format_number("%.2f", density), format_number("%.2f", pp.power_density_limit_w_mm2)}});
    }
    return w;
}

}  // namespace scoville
