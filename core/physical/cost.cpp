#include "core/physical/cost.hpp"
#include "core/util/recent.hpp"
#include "core/util/tr.hpp"

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
    // A sweep's points most often share their financing (the chips' and the facility's): the last two factors
    // are kept, per thread, rather than raised to the power again at every point.
    struct Kept {
        double interest = 0, years = 0, factor = 0;
    };
    thread_local Recent<Kept, 2> kept;
    if (const Kept* hit = kept.find([&](const Kept& k) { return k.interest == interest && k.years == years; }))
        return hit->factor;
    const double g = std::pow(1.0 + interest, years);
    return kept.put({interest, years, interest * g / (g - 1.0)}).factor;
}

double harvested_yield(double die_mm2, double core_mm2, int cores, int spare, double d0_per_cm2, double alpha) {
    const double whole = die_yield(die_mm2, d0_per_cm2, alpha);
    if (spare <= 0 || cores <= 0 || !(core_mm2 > 0)) return whole;
    const double y = die_yield(core_mm2, d0_per_cm2, alpha);  // one core free of defects
    const double q = 1.0 - y;
    if (!(q > 0)) return whole;
    // sum_{k<=spare} C(n,k) q^k y^(n-k) / y^n = sum_{k<=spare} C(n,k) (q/y)^k
    const double r = q / y;
    double term = 1.0, sum = 1.0;
    for (int k = 1; k <= std::min(spare, cores); ++k) {
        term *= static_cast<double>(cores - k + 1) / k * r;
        sum += term;
    }
    return std::min(1.0, whole * sum);
}

std::vector<Breakdown> CostBreakdown::items() const {
    return {{SCV_TR("Breakdown", "silicon"), silicon_usd},
            {SCV_TR("Breakdown", "test"), test_usd},
            {SCV_TR("Breakdown", "packaging"), packaging_usd},
            {SCV_TR("Breakdown", "DRAM"), hbm_usd}};
}

std::vector<Breakdown> CostBreakdown::per_hour() const {
    std::vector<Breakdown> out{{SCV_TR("Breakdown", "chip"), chip_usd_per_hour}};
    if (mode == EconMode::build) out.push_back({SCV_TR("Breakdown", "NRE"), nre_usd_per_hour});
    out.insert(out.end(), {{SCV_TR("Breakdown", "system"), system_usd_per_hour},
                           {SCV_TR("Breakdown", "network"), network_usd_per_hour},
                           {SCV_TR("Breakdown", "data centre"), facility_usd_per_hour},
                           {SCV_TR("Breakdown", "power"), power_usd_per_hour}});
    return out;
}

Result<CostBreakdown> estimate_cost(const ChipSpec& chip, const AreaBreakdown& area, double power_w, double idle_w,
                                    double tokens_per_s_per_chip, const TechLibrary& tech) {
    const TechNode* node = tech.node(chip.tech.node);
    if (!node) return Error{"tech.node: unknown process node '" + chip.tech.node + "'"};
    if (!std::isfinite(power_w) || power_w < 0)
        return Error{"power: average power must be a finite number >= 0"};
    if (!std::isfinite(idle_w) || idle_w < 0) idle_w = 0;
    if (!std::isfinite(tokens_per_s_per_chip) || tokens_per_s_per_chip < 0)
        return Error{"throughput: tokens per second must be a finite number >= 0"};
    const PhysicalParams& pp = tech.params;
    const EconSpec& e = chip.econ;
    CostBreakdown c;
    c.dies_per_wafer = dies_per_wafer(area.die_mm2, pp);
    if (c.dies_per_wafer < 1.0)
        return Error{"die area: a " + std::to_string(static_cast<long>(area.die_mm2)) +
                     " mm2 die does not fit on a wafer (package.dies splits it)"};
    const int dies = std::max(1, area.dies);
    const int cores_total = chip.compute.cores + chip.compute.spare_cores;
    const int cores_per_die = cores_total / dies;
    const double core_mm2 = cores_total > 0 ? area.compute_mm2() / cores_total : 0.0;
    c.yield = harvested_yield(area.die_mm2, core_mm2, cores_per_die, chip.compute.spare_cores / dies,
                              node->d0_per_cm2, pp.cost_yield_alpha);
    c.die_cost_usd = node->wafer_usd / (c.dies_per_wafer * c.yield);
    c.silicon_usd = c.die_cost_usd * area.dies;
    if (area.io_dies > 0) {
        // I/O dies carry no spare cores: a defect anywhere loses the die.
        const TechNode* io_node = tech.node(chip.tech.io_node);
        if (!io_node) return Error{"tech.io_node: unknown process node '" + chip.tech.io_node + "'"};
        const double io_per_wafer = dies_per_wafer(area.io_die_mm2, pp);
        if (io_per_wafer < 1.0)
            return Error{"die area: a " + std::to_string(static_cast<long>(area.io_die_mm2)) +
                         " mm2 I/O die does not fit on a wafer (package.io_dies splits it)"};
        c.io_die_cost_usd =
            io_node->wafer_usd / (io_per_wafer * die_yield(area.io_die_mm2, io_node->d0_per_cm2, pp.cost_yield_alpha));
        c.silicon_usd += c.io_die_cost_usd * area.io_dies;
    }
    c.test_usd = c.silicon_usd * pp.cost_test_fraction;
    const bool dram = chip.hbm.generation != DramType::none && chip.hbm.stacks > 0;
    const bool hbm = dram && is_hbm(chip.hbm.generation);
    // HBM needs an interposer: CoWoS-S for one die, CoWoS-L (bridges) for multi-die packages. GDDR and LPDDR
    // devices sit on the board or the substrate, reached through an organic substrate; their cost per GB is
    // counted with the chip as HBM's is (the accelerator is sold with its memory).
    c.packaging_usd = !hbm            ? pp.cost_substrate_usd
                      : area.dies + area.io_dies > 1 ? pp.cost_cowos_l_usd
                                      : pp.cost_cowos_s_usd;
    c.hbm_usd = dram ? chip.memory_gb() * pp.hbm_usd_per_gb[static_cast<size_t>(chip.hbm.generation)] : 0.0;
    c.package_cost_usd = c.silicon_usd + c.test_usd + c.packaging_usd + c.hbm_usd;

    // The owner's cost.
    c.mode = e.mode;
    if (e.mode == EconMode::buy) {
        if (!(e.chip_price_usd > 0)) {
            const std::string name = chip.name.empty() ? chip.id : chip.name;
            return Error{"econ.chip_price_usd: '" + name +
                             "' has no price; give one, or cost it as built (econ.mode = build)",
                         Message{"Warning",
                                 SCV_TR("Warning", "cost: econ.chip_price_usd: '%1' has no price; give one, or cost "
                                                   "it as built (econ.mode = build)"),
                                 {name}}};
        }
        c.chip_usd = e.chip_price_usd;
    } else {
        c.chip_usd = c.package_cost_usd * (1.0 + e.partner_margin);
        c.nre_usd_per_chip = e.units > 0 ? e.nre_usd / e.units : 0.0;
    }
    c.it_kw = (chip.power.tdp_w + e.system_w_per_chip) / 1000.0;
    const double facility_usd = e.facility_usd_per_kw * c.it_kw;
    c.capex_usd = c.chip_usd + c.nre_usd_per_chip + e.system_usd_per_chip + e.network_usd_per_chip + facility_usd;
    const double crf = capital_recovery_factor(e.cost_of_capital, e.years) / kHoursPerYear;
    c.chip_usd_per_hour = c.chip_usd * crf;
    c.nre_usd_per_hour = c.nre_usd_per_chip * crf;
    c.system_usd_per_hour = e.system_usd_per_chip * crf;
    c.network_usd_per_hour = e.network_usd_per_chip * crf;
    c.facility_usd_per_hour = facility_usd * capital_recovery_factor(e.cost_of_capital, e.facility_years) / kHoursPerYear;
    // Serving hours draw the workload's power, idle hours the chip's idle power; hosts and network run
    // throughout; the facility multiplies it all by its PUE.
    const double chip_w = e.utilisation * power_w + (1.0 - e.utilisation) * std::min(idle_w, power_w);
    c.power_usd_per_hour = (chip_w + e.system_w_per_chip) / 1000.0 * e.pue * e.power_usd_per_kwh;
    c.tco_usd_per_hour = c.chip_usd_per_hour + c.nre_usd_per_hour + c.system_usd_per_hour + c.network_usd_per_hour +
                         c.facility_usd_per_hour + c.power_usd_per_hour;
    const double useful_tokens_per_s = tokens_per_s_per_chip * e.utilisation;
    if (useful_tokens_per_s > 0) c.cost_per_million_tokens_usd = c.tco_usd_per_hour / (useful_tokens_per_s * 3600.0) * 1e6;
    const double provisioned_mw = c.it_kw * e.pue / 1000.0;
    if (provisioned_mw > 0) {
        c.tokens_per_s_per_mw = useful_tokens_per_s / provisioned_mw;
        c.fleet_chips = std::floor(e.fleet_mw / provisioned_mw);
        c.fleet_capex_usd = c.fleet_chips * c.capex_usd;
        c.fleet_usd_per_year = c.fleet_chips * c.tco_usd_per_hour * kHoursPerYear;
        c.fleet_tokens_per_day = c.fleet_chips * useful_tokens_per_s * 86400.0;
    }
    return c;
}

namespace {

std::optional<double> units_for(const EconSpec& e, double tco_usd_per_hour, double nre_usd_per_hour,
                                double tokens_per_s_per_chip, double target_usd_per_million) {
    if (e.mode != EconMode::build || !(tokens_per_s_per_chip > 0) || !(target_usd_per_million > 0)) return std::nullopt;
    // cost per M tokens = (rest + nre / N x crf) / (tokens per useful hour) x 1e6; solve for N.
    const double useful_per_hour = tokens_per_s_per_chip * e.utilisation * 3600.0;
    const double target_per_hour = target_usd_per_million * useful_per_hour / 1e6;
    const double rest = tco_usd_per_hour - nre_usd_per_hour;
    if (!(target_per_hour > rest)) return std::nullopt;
    if (!(e.nre_usd > 0)) return 1.0;
    const double crf = capital_recovery_factor(e.cost_of_capital, e.years) / kHoursPerYear;
    return std::ceil(e.nre_usd * crf / (target_per_hour - rest));
}

double item(const std::vector<Breakdown>& items, std::string_view name) {
    for (const auto& b : items)
        if (b.name == name) return b.value;
    return 0.0;
}

}  // namespace

std::optional<double> break_even_units(const ChipSpec& chip, const CostBreakdown& cost, double tokens_per_s_per_chip,
                                       double target_usd_per_million) {
    return units_for(chip.econ, cost.tco_usd_per_hour, cost.nre_usd_per_hour, tokens_per_s_per_chip,
                     target_usd_per_million);
}

std::optional<double> break_even_units(const ChipSpec& chip, const PhysicalResult& ph, double tokens_per_s_per_chip,
                                       double target_usd_per_million) {
    return units_for(chip.econ, ph.tco_usd_per_hour, item(ph.cost_usd_per_hour, "NRE"), tokens_per_s_per_chip,
                     target_usd_per_million);
}

std::optional<CostComparison> compare_cost(const ChipSpec& design, const Evaluation& ev, const Evaluation& baseline,
                                           const std::string& baseline_id) {
    const PhysicalResult& d = ev.physical;
    const PhysicalResult& b = baseline.physical;
    if (!(d.cost_per_million_tokens_usd > 0) || !(b.cost_per_million_tokens_usd > 0) || !(d.tco_usd_per_hour > 0) ||
        !(b.tco_usd_per_hour > 0))
        return std::nullopt;
    CostComparison c;
    c.baseline = baseline_id;
    c.usd_per_million = d.cost_per_million_tokens_usd;
    c.baseline_usd_per_million = b.cost_per_million_tokens_usd;
    c.ratio = c.usd_per_million / c.baseline_usd_per_million;
    c.tco_ratio = d.tco_usd_per_hour / b.tco_usd_per_hour;
    c.useful_tokens_ratio = c.tco_ratio / c.ratio;  // (tco / tokens) ratio = tco ratio / tokens ratio
    double largest = -1;
    for (const char* name : {"chip", "NRE", "system", "network", "data centre", "power"}) {
        const double dv = item(d.cost_usd_per_hour, name), bv = item(b.cost_usd_per_hour, name);
        if (std::abs(dv - bv) > largest) {
            largest = std::abs(dv - bv);
            c.driver = name;
            c.driver_usd_per_hour = dv;
            c.driver_baseline_usd_per_hour = bv;
        }
    }
    c.break_even_units =
        break_even_units(design, d, ev.serving.throughput_tokens_per_s_per_chip, c.baseline_usd_per_million);
    return c;
}

}  // namespace scoville
