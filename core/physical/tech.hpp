#pragma once
// Technology data for the physical model: process nodes (area, energy, wafer cost, defects) and the
// memory, link, packaging and cost assumptions, loaded from resources/tech/nodes.json. Every number
// has a unit and a one-line basis; physical_param_table() lists them for the GUI and the CLI.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/hw/chip.hpp"
#include "core/hw/precision.hpp"
#include "core/util/result.hpp"

namespace scoville {

struct TechNode {
    std::string id;                // "n4": the ids chips name in tech.node
    double logic_mtr_mm2_hpc = 0;  // effective transistor density of real HPC dies
    double sram_mb_per_mm2 = 0;    // scratchpad macro density
    double sram_bitcell_um2 = 0;
    std::array<double, 4> mac_um2{};  // area of one MAC incl. array overhead, by Precision
    std::array<double, 4> mac_pj{};   // datapath energy per MAC, by Precision
    double energy_factor = 1;         // logic energy relative to N7
    double wafer_usd = 0;             // 300 mm wafer price
    double d0_per_cm2 = 0;            // defect density
    double vdd_v = 0;                 // nominal supply
    std::string basis;
    friend bool operator==(const TechNode&, const TechNode&) = default;
};

constexpr size_t kDramTypes = 9;  // indexed by DramType (none = 0)

// Global physical assumptions (not per node). Keys in nodes.json are given in the comments.
struct PhysicalParams {
    // Off-chip DRAM by DramType (hbm.generation's choices); a site is an HBM stack, a GDDR x32 channel or an
    // LPDDR x64 package.
    std::array<double, kDramTypes> hbm_pj_per_bit{};  // hbm.pj_per_bit.<type>
    std::array<double, kDramTypes> hbm_phy_mm2{};     // hbm.phy_mm2.<type>, per site
    std::array<double, kDramTypes> hbm_ctrl_mm2{};    // hbm.ctrl_mm2.<type>, per site
    std::array<double, kDramTypes> hbm_usd_per_gb{};  // hbm.usd_per_gb.<type>
    double hbm_shoreline_mm_per_stack = 0;
    std::array<double, kDramTypes> board_shoreline_mm_per_site{};  // hbm.shoreline_mm_per_site.<gddr/lpddr type>
    // What one site of each type carries and holds at most, the fastest and largest parts made or specified:
    // beyond them a design asks more of a site than its memory can give (a warning, not a refusal).
    std::array<double, kDramTypes> dram_max_tb_s_per_site{};  // hbm.max_tb_s_per_site.<type>
    std::array<double, kDramTypes> dram_max_gb_per_site{};    // hbm.max_gb_per_site.<type>
    // Die edge one memory site takes (HBM stacks alike, a chip without memory counted as HBM; GDDR and LPDDR
    // sites by type).
    [[nodiscard]] double shoreline_mm(DramType t) const {
        return dram_family(t) == DramFamily::hbm ? hbm_shoreline_mm_per_stack
                                                 : board_shoreline_mm_per_site[static_cast<size_t>(t)];
    }
    double sram_pj_per_bit_n7 = 0;
    double sram_wire_pj_per_bit_mm = 0;
    double sram_mean_distance_fraction = 0;
    double sram_gpu_density_factor = 0;
    double serdes_pj_per_bit = 0;
    double serdes_mm2_per_lane = 0;
    double d2d_pj_per_bit = 0;
    double d2d_mm2_per_tb_s = 0;
    double area_vector_lane_bf16_macs = 0;
    double area_core_control_mtr_gpu = 0;
    double area_core_overhead_scratchpad = 0;
    double area_noc_fraction = 0;
    double area_other_fraction = 0;
    double area_reticle_mm2 = 0;
    double area_die_aspect = 1;
    double power_density_limit_w_mm2 = 0;
    double power_static_w_per_mm2_ghz = 0;  // busy floor per mm2 and GHz of the compute clock
    double power_io_static_clock_ghz = 0;   // the clock the I/O dies' floor is taken at
    double power_operand_overhead_gpu = 0;
    double power_operand_overhead_scratchpad = 0;
    double power_vector_pj_per_flop_bf16_macs = 0;
    double power_dvfs_v_slope = 1;  // (1 - V/Vnom) / (1 - f/fnom) near nominal
    double power_dvfs_v_min_fraction = 0;
    double power_dvfs_f_min_fraction = 0;
    double power_idle_tdp_fraction = 0;  // an engine's chip with no requests, over its TDP
    double cost_wafer_diameter_mm = 0;
    double cost_edge_exclusion_mm = 0;
    double cost_scribe_mm = 0;
    double cost_yield_alpha = 0;
    double cost_cowos_s_usd = 0;
    double cost_cowos_l_usd = 0;
    double cost_substrate_usd = 0;
    double cost_test_fraction = 0;
    friend bool operator==(const PhysicalParams&, const PhysicalParams&) = default;
};

// One row of the visible assumptions table.
struct PhysParamInfo {
    std::string key;  // "cost.yield_alpha", "node.n4.mac_pj.fp8"
    std::string unit;
    double value = 0;
    std::string basis;
    // A fitted parameter's measured spread ("range": [low, high] in nodes.json, absolute values): the
    // headline results' ranges follow it (result_ranges). ranged = false: no stated range.
    bool ranged = false;
    double low = 0, high = 0;
    friend bool operator==(const PhysParamInfo&, const PhysParamInfo&) = default;
};

struct TechLibrary {
    std::vector<TechNode> nodes;
    PhysicalParams params;
    std::vector<PhysParamInfo> global_info;  // units and bases of `params`, in file order

    [[nodiscard]] const TechNode* node(std::string_view id) const;
};

// Parse nodes.json. Every global parameter must be present with a finite value in its range;
// missing, unknown or out-of-range keys are refused with the key named.
Result<TechLibrary> tech_from_json(std::string_view text, std::string_view origin);

// The embedded resources/tech/nodes.json (parsed once).
const Result<TechLibrary>& default_tech();

// Set one global parameter by key (e.g. "cost.yield_alpha"); range-checked, the message names the key.
Status set_physical_param(TechLibrary& tech, std::string_view key, double value);

// Every assumption with key, unit, value and basis: the global parameters, then each node's.
std::vector<PhysParamInfo> physical_param_table(const TechLibrary& tech);

std::string_view to_string(SramStyle s);

// Chip keys whose 0 stands for the tech library's value (the chip's own where set): the global SRAM's
// density (sram.density_factor; 0: the SRAM style's, GPU caches sram.gpu_density_factor, scratchpads 1), the
// energy of delivering a MAC's operands (power.operand_overhead; 0: power.operand_overhead_gpu or _scratchpad)
// and the busy floor (power.floor_w_per_mm2_ghz; 0: power.static_w_per_mm2_ghz).
double sram_density_factor_in_use(const ChipSpec& chip, const PhysicalParams& pp);
double operand_overhead_in_use(const ChipSpec& chip, const PhysicalParams& pp);
double busy_floor_in_use(const ChipSpec& chip, const PhysicalParams& pp);

// What a chip key left at 0 stands for, where 0 is not a value of its own: the value the model uses
// and where it comes from (the tech library's key, "sram.style" for a scratchpad's density of 1, or the
// chip key it follows, ParamInfo::zero_as, itself resolved). Nothing for a key that is set, or whose 0 is
// a value ("none", "off", "not supported").
struct ValueBehindZero {
    double value = 0;
    std::string_view from;
};
std::optional<ValueBehindZero> value_behind_zero(const ChipSpec& chip, const PhysicalParams& pp, std::string_view key);

}  // namespace scoville
