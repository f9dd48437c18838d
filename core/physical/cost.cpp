#include "core/physical/cost.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace scoville {

double dies_per_wafer(double die_mm2, const PhysicalParams& pp) {
    if (!(die_mm2 > 0)) return 0.0;
    const double side = std::sqrt(die_mm2) + pp.cost_scribe_mm;
    const double s = side * side;
    const double d = pp.cost_wafer_diameter_mm - 2.0 * pp.cost_edge_exclusion_mm;
    const double dpw =
        std::numbers::pi * (d / 2.0) * (d / 2.0) / s - std::numbers::pi * d / std::sqrt(2.0 * s);
    return std::max(0.0, dpw);
}

double die_yield(double die_mm2, double d0_per_cm2, double alpha) {
    if (!(die_mm2 > 0)) return 0.0;
    return std::pow(1.0 + die_mm2 / 100.0 * d0_per_cm2 / alpha, -alpha);
}

double capital_recovery_factor(double interest, double years) {
    if (years <= 0) return 0.0;
    if (interest <= 0) return 1.0 / years;
    const double g = std::pow(1.0 + interest, years);
    return interest * g / (g - 1.0);
}

std::vector<Breakdown> CostBreakdown::items() const {
    return {{"silicon", silicon_usd}, {"test", test_usd}, {"packaging", packaging_usd}, {"HBM", hbm_usd}};
}

Result<CostBreakdown> estimate_cost(const ChipSpec& chip, const AreaBreakdown& area, double power_w,
                                    double tokens_per_s_per_chip, const TechLibrary& tech) {
    const TechNode* node = tech.node(chip.tech.node);
    if (!node) return Error{"tech.node: unknown process node '" + chip.tech.node + "'"};
    if (!std::isfinite(power_w) || power_w < 0)
        return Error{"power: average power must be a finite number >= 0"};
    if (!std::isfinite(tokens_per_s_per_chip) || tokens_per_s_per_chip < 0)
        return Error{"throughput: tokens per second must be a finite number >= 0"};
    const PhysicalParams& pp = tech.params;
    CostBreakdown c;
    c.dies_per_wafer = dies_per_wafer(area.die_mm2, pp);
    if (c.dies_per_wafer < 1.0)
        return Error{"die area: a " + std::to_string(static_cast<long>(area.die_mm2)) +
                     " mm2 die does not fit on a wafer (package.dies splits it)"};
    c.yield = die_yield(area.die_mm2, node->d0_per_cm2, pp.cost_yield_alpha);
    c.die_cost_usd = node->wafer_usd / (c.dies_per_wafer * c.yield);
    c.silicon_usd = c.die_cost_usd * area.dies;
    c.test_usd = c.silicon_usd * pp.cost_test_fraction;
    const bool hbm = chip.hbm.generation != HbmGeneration::none && chip.hbm.stacks > 0;
    // HBM needs an interposer: CoWoS-S for one die, CoWoS-L (bridges) for multi-die packages.
    c.packaging_usd = !hbm            ? pp.cost_substrate_usd
                      : area.dies > 1 ? pp.cost_cowos_l_usd
                                      : pp.cost_cowos_s_usd;
    c.hbm_usd = hbm ? chip.memory_gb() * pp.hbm_usd_per_gb[static_cast<size_t>(chip.hbm.generation)] : 0.0;
    c.package_cost_usd = c.silicon_usd + c.test_usd + c.packaging_usd + c.hbm_usd;

    c.capex_usd = c.package_cost_usd * pp.cost_capex_multiplier;
    c.capex_usd_per_hour =
        c.capex_usd * capital_recovery_factor(pp.cost_interest, pp.cost_life_years) / 8760.0;
    c.energy_usd_per_hour = power_w / 1000.0 * pp.cost_pue * pp.cost_electricity_usd_per_kwh;
    c.tco_usd_per_hour = c.capex_usd_per_hour + c.energy_usd_per_hour;
    if (tokens_per_s_per_chip > 0)
        c.cost_per_million_tokens_usd = c.tco_usd_per_hour / (tokens_per_s_per_chip * 3600.0) * 1e6;
    return c;
}

}  // namespace scoville
