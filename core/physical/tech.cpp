#include "core/physical/tech.hpp"

#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/hw/params.hpp"
#include "core/library/resources.hpp"
#include "core/util/format.hpp"
#include "core/util/json.hpp"

namespace scoville {

using json = nlohmann::ordered_json;  // keeps the file order for the assumptions table

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct ParamSlot {
    const char* key;
    double min;
    double max;
    double& (*ref)(PhysicalParams&);
};

#define SCV_SLOT(key, lo, hi, expr)                                    \
    {                                                                  \
        key, lo, hi, [](PhysicalParams& p) -> double& { return expr; } \
    }

// clang-format off
const ParamSlot kSlots[] = {
    SCV_SLOT("hbm.pj_per_bit.hbm2", 0, 100, p.hbm_pj_per_bit[1]),
    SCV_SLOT("hbm.pj_per_bit.hbm2e", 0, 100, p.hbm_pj_per_bit[2]),
    SCV_SLOT("hbm.pj_per_bit.hbm3", 0, 100, p.hbm_pj_per_bit[3]),
    SCV_SLOT("hbm.pj_per_bit.hbm3e", 0, 100, p.hbm_pj_per_bit[4]),
    SCV_SLOT("hbm.pj_per_bit.hbm4", 0, 100, p.hbm_pj_per_bit[5]),
    SCV_SLOT("hbm.pj_per_bit.gddr6", 0, 100, p.hbm_pj_per_bit[6]),
    SCV_SLOT("hbm.pj_per_bit.gddr7", 0, 100, p.hbm_pj_per_bit[7]),
    SCV_SLOT("hbm.pj_per_bit.lpddr5x", 0, 100, p.hbm_pj_per_bit[8]),
    SCV_SLOT("hbm.phy_mm2.hbm2", 0, 1000, p.hbm_phy_mm2[1]),
    SCV_SLOT("hbm.phy_mm2.hbm2e", 0, 1000, p.hbm_phy_mm2[2]),
    SCV_SLOT("hbm.phy_mm2.hbm3", 0, 1000, p.hbm_phy_mm2[3]),
    SCV_SLOT("hbm.phy_mm2.hbm3e", 0, 1000, p.hbm_phy_mm2[4]),
    SCV_SLOT("hbm.phy_mm2.hbm4", 0, 1000, p.hbm_phy_mm2[5]),
    SCV_SLOT("hbm.phy_mm2.gddr6", 0, 1000, p.hbm_phy_mm2[6]),
    SCV_SLOT("hbm.phy_mm2.gddr7", 0, 1000, p.hbm_phy_mm2[7]),
    SCV_SLOT("hbm.phy_mm2.lpddr5x", 0, 1000, p.hbm_phy_mm2[8]),
    SCV_SLOT("hbm.ctrl_mm2.hbm2", 0, 1000, p.hbm_ctrl_mm2[1]),
    SCV_SLOT("hbm.ctrl_mm2.hbm2e", 0, 1000, p.hbm_ctrl_mm2[2]),
    SCV_SLOT("hbm.ctrl_mm2.hbm3", 0, 1000, p.hbm_ctrl_mm2[3]),
    SCV_SLOT("hbm.ctrl_mm2.hbm3e", 0, 1000, p.hbm_ctrl_mm2[4]),
    SCV_SLOT("hbm.ctrl_mm2.hbm4", 0, 1000, p.hbm_ctrl_mm2[5]),
    SCV_SLOT("hbm.ctrl_mm2.gddr6", 0, 1000, p.hbm_ctrl_mm2[6]),
    SCV_SLOT("hbm.ctrl_mm2.gddr7", 0, 1000, p.hbm_ctrl_mm2[7]),
    SCV_SLOT("hbm.ctrl_mm2.lpddr5x", 0, 1000, p.hbm_ctrl_mm2[8]),
    SCV_SLOT("hbm.usd_per_gb.hbm2", 0, 1e4, p.hbm_usd_per_gb[1]),
    SCV_SLOT("hbm.usd_per_gb.hbm2e", 0, 1e4, p.hbm_usd_per_gb[2]),
    SCV_SLOT("hbm.usd_per_gb.hbm3", 0, 1e4, p.hbm_usd_per_gb[3]),
    SCV_SLOT("hbm.usd_per_gb.hbm3e", 0, 1e4, p.hbm_usd_per_gb[4]),
    SCV_SLOT("hbm.usd_per_gb.hbm4", 0, 1e4, p.hbm_usd_per_gb[5]),
    SCV_SLOT("hbm.usd_per_gb.gddr6", 0, 1e4, p.hbm_usd_per_gb[6]),
    SCV_SLOT("hbm.usd_per_gb.gddr7", 0, 1e4, p.hbm_usd_per_gb[7]),
    SCV_SLOT("hbm.usd_per_gb.lpddr5x", 0, 1e4, p.hbm_usd_per_gb[8]),
    SCV_SLOT("hbm.shoreline_mm_per_stack", 0.1, 100, p.hbm_shoreline_mm_per_stack),
    SCV_SLOT("hbm.shoreline_mm_per_site.gddr6", 0.1, 100, p.board_shoreline_mm_per_site[6]),
    SCV_SLOT("hbm.shoreline_mm_per_site.gddr7", 0.1, 100, p.board_shoreline_mm_per_site[7]),
    SCV_SLOT("hbm.shoreline_mm_per_site.lpddr5x", 0.1, 100, p.board_shoreline_mm_per_site[8]),
    SCV_SLOT("hbm.max_tb_s_per_site.hbm2", 0.001, 100, p.dram_max_tb_s_per_site[1]),
    SCV_SLOT("hbm.max_tb_s_per_site.hbm2e", 0.001, 100, p.dram_max_tb_s_per_site[2]),
    SCV_SLOT("hbm.max_tb_s_per_site.hbm3", 0.001, 100, p.dram_max_tb_s_per_site[3]),
    SCV_SLOT("hbm.max_tb_s_per_site.hbm3e", 0.001, 100, p.dram_max_tb_s_per_site[4]),
    SCV_SLOT("hbm.max_tb_s_per_site.hbm4", 0.001, 100, p.dram_max_tb_s_per_site[5]),
    SCV_SLOT("hbm.max_tb_s_per_site.gddr6", 0.001, 100, p.dram_max_tb_s_per_site[6]),
    SCV_SLOT("hbm.max_tb_s_per_site.gddr7", 0.001, 100, p.dram_max_tb_s_per_site[7]),
    SCV_SLOT("hbm.max_tb_s_per_site.lpddr5x", 0.001, 100, p.dram_max_tb_s_per_site[8]),
    SCV_SLOT("hbm.max_gb_per_site.hbm2", 0.1, 10000, p.dram_max_gb_per_site[1]),
    SCV_SLOT("hbm.max_gb_per_site.hbm2e", 0.1, 10000, p.dram_max_gb_per_site[2]),
    SCV_SLOT("hbm.max_gb_per_site.hbm3", 0.1, 10000, p.dram_max_gb_per_site[3]),
    SCV_SLOT("hbm.max_gb_per_site.hbm3e", 0.1, 10000, p.dram_max_gb_per_site[4]),
    SCV_SLOT("hbm.max_gb_per_site.hbm4", 0.1, 10000, p.dram_max_gb_per_site[5]),
    SCV_SLOT("hbm.max_gb_per_site.gddr6", 0.1, 10000, p.dram_max_gb_per_site[6]),
    SCV_SLOT("hbm.max_gb_per_site.gddr7", 0.1, 10000, p.dram_max_gb_per_site[7]),
    SCV_SLOT("hbm.max_gb_per_site.lpddr5x", 0.1, 10000, p.dram_max_gb_per_site[8]),
    SCV_SLOT("sram.pj_per_bit_n7", 0, 100, p.sram_pj_per_bit_n7),
    SCV_SLOT("sram.wire_pj_per_bit_mm", 0, 100, p.sram_wire_pj_per_bit_mm),
    SCV_SLOT("sram.mean_distance_fraction", 0, 10, p.sram_mean_distance_fraction),
    SCV_SLOT("sram.gpu_density_factor", 0.001, 10, p.sram_gpu_density_factor),
    SCV_SLOT("serdes.pj_per_bit", 0, 100, p.serdes_pj_per_bit),
    SCV_SLOT("serdes.mm2_per_lane", 0, 100, p.serdes_mm2_per_lane),
    SCV_SLOT("d2d.pj_per_bit", 0, 100, p.d2d_pj_per_bit),
    SCV_SLOT("d2d.mm2_per_tb_s", 0, 1000, p.d2d_mm2_per_tb_s),
    SCV_SLOT("area.vector_lane_bf16_macs", 0, 1000, p.area_vector_lane_bf16_macs),
    SCV_SLOT("area.core_control_mtr_gpu", 0, 1e5, p.area_core_control_mtr_gpu),
    SCV_SLOT("area.core_overhead_scratchpad", 0, 10, p.area_core_overhead_scratchpad),
    SCV_SLOT("area.noc_fraction", 0, 0.45, p.area_noc_fraction),
    SCV_SLOT("area.other_fraction", 0, 0.45, p.area_other_fraction),
    SCV_SLOT("area.reticle_mm2", 1, 1e5, p.area_reticle_mm2),
    SCV_SLOT("area.die_aspect", 1, 10, p.area_die_aspect),
    SCV_SLOT("power.density_limit_w_mm2", 0.01, 100, p.power_density_limit_w_mm2),
    SCV_SLOT("power.static_w_per_mm2_ghz", 0, 10, p.power_static_w_per_mm2_ghz),
    SCV_SLOT("power.io_static_clock_ghz", 0, 10, p.power_io_static_clock_ghz),
    SCV_SLOT("power.operand_overhead_gpu", 0, 100, p.power_operand_overhead_gpu),
    SCV_SLOT("power.operand_overhead_scratchpad", 0, 100, p.power_operand_overhead_scratchpad),
    SCV_SLOT("power.vector_pj_per_flop_bf16_macs", 0, 100, p.power_vector_pj_per_flop_bf16_macs),
    SCV_SLOT("power.dvfs_v_slope", 0, 2, p.power_dvfs_v_slope),
    SCV_SLOT("power.dvfs_v_min_fraction", 0.1, 1, p.power_dvfs_v_min_fraction),
    SCV_SLOT("power.dvfs_f_min_fraction", 0.01, 1, p.power_dvfs_f_min_fraction),
    SCV_SLOT("power.idle_tdp_fraction", 0, 1, p.power_idle_tdp_fraction),
    SCV_SLOT("cost.wafer_diameter_mm", 50, 1000, p.cost_wafer_diameter_mm),
    SCV_SLOT("cost.edge_exclusion_mm", 0, 50, p.cost_edge_exclusion_mm),
    SCV_SLOT("cost.scribe_mm", 0, 10, p.cost_scribe_mm),
    SCV_SLOT("cost.yield_alpha", 0.1, 100, p.cost_yield_alpha),
    SCV_SLOT("cost.cowos_s_usd", 0, 1e6, p.cost_cowos_s_usd),
    SCV_SLOT("cost.cowos_l_usd", 0, 1e6, p.cost_cowos_l_usd),
    SCV_SLOT("cost.substrate_usd", 0, 1e6, p.cost_substrate_usd),
    SCV_SLOT("cost.test_fraction", 0, 10, p.cost_test_fraction),
};
// clang-format on
#undef SCV_SLOT

const ParamSlot* find_slot(std::string_view key) {
    for (const auto& s : kSlots)
        if (key == s.key) return &s;
    return nullptr;
}

Status check_range(const std::string& key, double v, double lo, double hi) {
    if (!std::isfinite(v)) return Error{"parameter '" + key + "': value must be a finite number"};
    if (v < lo || v > hi)
        return Error{"parameter '" + key + "': " + format_number(v) + " is out of range [" +
                     format_number(lo) + ", " + format_number(hi) + "]"};
    return Ok{};
}

constexpr const char* kPrecisionNames[] = {"bf16", "fp8", "fp4", "int8"};  // Precision order

Result<TechNode> node_from_json(const json& j, const std::string& where) {
    if (!j.is_object()) return Error{where + ": each node must be an object"};
    TechNode n;
    if (!j.contains("id") || !j["id"].is_string()) return Error{where + ": a node has no string 'id'"};
    n.id = j["id"].get<std::string>();
    const std::string at = where + ": node '" + n.id + "'";
    auto num = [&](const char* key, double lo, double hi, double& out) -> Status {
        if (!j.contains(key) || !j[key].is_number()) return Error{at + ": '" + key + "' must be a number"};
        out = j[key].get<double>();
        if (auto st = check_range("node." + n.id + "." + key, out, lo, hi); !st)
            return Error{at + ": " + st.error().message};
        return Ok{};
    };
    for (auto st : {num("logic_mtr_mm2_hpc", 0.001, 1e5, n.logic_mtr_mm2_hpc),
                    num("sram_mb_per_mm2", 0.001, 1e3, n.sram_mb_per_mm2),
                    num("sram_bitcell_um2", 0, 100, n.sram_bitcell_um2),
                    num("energy_factor", 0.001, 100, n.energy_factor), num("wafer_usd", 0, 1e7, n.wafer_usd),
                    num("d0_per_cm2", 0, 100, n.d0_per_cm2), num("vdd_v", 0.05, 5, n.vdd_v)})
        if (!st) return st.error();
    for (const char* group : {"mac_um2", "mac_pj"}) {
        if (!j.contains(group) || !j[group].is_object())
            return Error{at + ": '" + group + "' must be an object"};
        auto& arr = std::string_view(group) == "mac_um2" ? n.mac_um2 : n.mac_pj;
        for (size_t i = 0; i < 4; ++i) {
            const json& g = j[group];
            if (!g.contains(kPrecisionNames[i]) || !g[kPrecisionNames[i]].is_number())
                return Error{at + ": '" + group + "." + kPrecisionNames[i] + "' must be a number"};
            arr[i] = g[kPrecisionNames[i]].get<double>();
            if (auto st =
                    check_range("node." + n.id + "." + group + "." + kPrecisionNames[i], arr[i], 1e-6, 1e7);
                !st)
                return Error{at + ": " + st.error().message};
        }
    }
    if (j.contains("basis") && j["basis"].is_string()) n.basis = j["basis"].get<std::string>();
    return n;
}

}  // namespace

const TechNode* TechLibrary::node(std::string_view id) const {
    // (Asked at every design evaluation; ids are a few characters, most of one length: the first tells most apart.)
    for (const auto& n : nodes)
        if (n.id.size() == id.size() && (id.empty() || n.id[0] == id[0]) && n.id == id) return &n;
    return nullptr;
}

Result<TechLibrary> tech_from_json(std::string_view text, std::string_view origin) {
    const std::string where = origin.empty() ? std::string("tech") : std::string(origin);
    auto parsed = parse_json<json>(text, where);
    if (!parsed) return parsed.error();
    json& j = *parsed;
    if (!j.is_object()) return Error{where + ": expected a JSON object"};
    TechLibrary lib;
    try {
        if (!j.contains("nodes") || !j["nodes"].is_array() || j["nodes"].empty())
            return Error{where + ": 'nodes' must be a non-empty array"};
        for (const auto& jn : j["nodes"]) {
            auto n = node_from_json(jn, where);
            if (!n) return n.error();
            if (lib.node(n->id)) return Error{where + ": node '" + n->id + "' is listed twice"};
            lib.nodes.push_back(std::move(*n));
        }
        if (!j.contains("params") || !j["params"].is_object())
            return Error{where + ": 'params' must be an object"};
        const json& params = j["params"];
        for (auto it = params.begin(); it != params.end(); ++it) {
            const ParamSlot* slot = find_slot(it.key());
            if (!slot) return Error{where + ": unknown parameter '" + it.key() + "'"};
            const json& e = it.value();
            if (!e.is_object() || !e.contains("value") || !e["value"].is_number())
                return Error{where + ": parameter '" + it.key() + "' needs a numeric 'value'"};
            const double v = e["value"].get<double>();
            if (auto st = check_range(it.key(), v, slot->min, slot->max); !st)
                return Error{where + ": " + st.error().message};
            slot->ref(lib.params) = v;
            PhysParamInfo info;
            info.key = it.key();
            info.value = v;
            if (e.contains("unit") && e["unit"].is_string()) info.unit = e["unit"].get<std::string>();
            if (!e.contains("basis") || !e["basis"].is_string() || e["basis"].get<std::string>().empty())
                return Error{where + ": parameter '" + it.key() + "' has no 'basis'"};
            info.basis = e["basis"].get<std::string>();
            if (e.contains("range")) {
                const json& r = e["range"];
                if (!r.is_array() || r.size() != 2 || !r[0].is_number() || !r[1].is_number())
                    return Error{where + ": parameter '" + it.key() + "': 'range' must be [low, high]"};
                info.low = r[0].get<double>();
                info.high = r[1].get<double>();
                if (!(info.low <= v && v <= info.high))
                    return Error{where + ": parameter '" + it.key() + "': range [" + format_number(info.low) + ", " +
                                 format_number(info.high) + "] must hold its value " + format_number(v)};
                for (const double end : {info.low, info.high})
                    if (auto st = check_range(it.key(), end, slot->min, slot->max); !st)
                        return Error{where + ": range of " + st.error().message};
                info.ranged = true;
            }
            lib.global_info.push_back(std::move(info));
        }
        for (const auto& s : kSlots) {
            if (!params.contains(s.key))
                return Error{where + ": parameter '" + std::string(s.key) + "' is missing"};
        }
    } catch (const json::exception& e) {
        return Error{where + ": " + e.what()};
    }
    if (lib.params.area_noc_fraction + lib.params.area_other_fraction >= 0.9)
        return Error{where + ": area.noc_fraction + area.other_fraction must be below 0.9"};
    return lib;
}

const Result<TechLibrary>& default_tech() {
    static const Result<TechLibrary> lib = []() -> Result<TechLibrary> {
        auto text = embedded_file("tech/nodes.json");
        if (!text) return Error{"tech/nodes.json is not embedded in this build"};
        return tech_from_json(*text, "tech/nodes.json");
    }();
    return lib;
}

Status set_physical_param(TechLibrary& tech, std::string_view key, double value) {
    const ParamSlot* slot = find_slot(key);
    if (!slot) return Error{"unknown physical parameter '" + std::string(key) + "'"};
    if (auto st = check_range(std::string(key), value, slot->min, slot->max); !st) return st;
    slot->ref(tech.params) = value;
    for (auto& info : tech.global_info)
        if (info.key == key) info.value = value;
    if (tech.params.area_noc_fraction + tech.params.area_other_fraction >= 0.9)
        return Error{"parameter '" + std::string(key) +
                     "': area.noc_fraction + area.other_fraction must be below 0.9"};
    return Ok{};
}

std::vector<PhysParamInfo> physical_param_table(const TechLibrary& tech) {
    std::vector<PhysParamInfo> rows = tech.global_info;
    for (const auto& n : tech.nodes) {
        auto add = [&](const std::string& name, const char* unit, double v) {
            rows.push_back({"node." + n.id + "." + name, unit, v, n.basis});
        };
        add("logic_mtr_mm2_hpc", "MTr/mm2", n.logic_mtr_mm2_hpc);
        add("sram_mb_per_mm2", "MB/mm2", n.sram_mb_per_mm2);
        add("sram_bitcell_um2", "um2", n.sram_bitcell_um2);
        for (size_t i = 0; i < 4; ++i) add(std::string("mac_um2.") + kPrecisionNames[i], "um2", n.mac_um2[i]);
        for (size_t i = 0; i < 4; ++i) add(std::string("mac_pj.") + kPrecisionNames[i], "pJ", n.mac_pj[i]);
        add("energy_factor", "", n.energy_factor);
        add("wafer_usd", "USD", n.wafer_usd);
        add("d0_per_cm2", "1/cm2", n.d0_per_cm2);
        add("vdd_v", "V", n.vdd_v);
    }
    return rows;
}

std::string_view to_string(SramStyle s) {
    return s == SramStyle::gpu ? "gpu" : "scratchpad";
}

double sram_density_factor_in_use(const ChipSpec& chip, const PhysicalParams& pp) {
    if (chip.sram.density_factor > 0) return chip.sram.density_factor;
    return chip.sram.style == SramStyle::gpu ? pp.sram_gpu_density_factor : 1.0;
}

double operand_overhead_in_use(const ChipSpec& chip, const PhysicalParams& pp) {
    if (chip.power.operand_overhead > 0) return chip.power.operand_overhead;
    return chip.sram.style == SramStyle::gpu ? pp.power_operand_overhead_gpu : pp.power_operand_overhead_scratchpad;
}

double busy_floor_in_use(const ChipSpec& chip, const PhysicalParams& pp) {
    return chip.power.floor_w_per_mm2_ghz > 0 ? chip.power.floor_w_per_mm2_ghz : pp.power_static_w_per_mm2_ghz;
}

std::optional<ValueBehindZero> value_behind_zero(const ChipSpec& chip, const PhysicalParams& pp, std::string_view key) {
    const ParamInfo* info = find_param(key);
    if (!info || info->get(chip) != 0) return std::nullopt;
    const bool gpu = chip.sram.style == SramStyle::gpu;
    // Followed keys, each resolved in turn; the table has no cycles, and the bound guards that.
    for (size_t hops = 0; hops <= chip_params().size(); ++hops) {
        const double value = info->get(chip);
        if (hops > 0 && value != 0) return ValueBehindZero{value, info->key};
        if (info->key == "sram.density_factor")
            return ValueBehindZero{sram_density_factor_in_use(chip, pp), gpu ? "sram.gpu_density_factor" : "sram.style"};
        if (info->key == "power.operand_overhead")
            return ValueBehindZero{operand_overhead_in_use(chip, pp),
                                   gpu ? "power.operand_overhead_gpu" : "power.operand_overhead_scratchpad"};
        if (info->key == "power.floor_w_per_mm2_ghz")
            return ValueBehindZero{busy_floor_in_use(chip, pp), info->replaces};
        if (info->zero_as.empty()) {
            if (hops == 0) return std::nullopt;  // its 0 is a value of its own
            return ValueBehindZero{value, info->key};
        }
        info = find_param(info->zero_as);
        if (!info) return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace scoville
