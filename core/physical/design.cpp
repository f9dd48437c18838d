#include "core/physical/design.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/hw/params.hpp"
#include "core/perf/evaluate.hpp"
#include "core/physical/area.hpp"
#include "core/physical/cost.hpp"
#include "core/physical/power.hpp"
#include "core/physical/tech.hpp"
#include "core/util/format.hpp"

namespace scoville {

namespace {

// Performance into ws.ev and power with the compute clock at clock_ghz. On-chip SRAM runs on the
// core clock, so its bandwidth follows; HBM and links keep their own clocks. `copied`: ws.clocked
// holds `chip` (at some clock) already, from an earlier run of this design's evaluation.
Result<PowerBreakdown> run_at(const ChipSpec& chip, const ModelSpec& model, const Scenario& scenario,
                              const Companions& companions, const AreaBreakdown& area, const TechLibrary& tech,
                              double clock_ghz, EvalWorkspace& ws, bool& copied) {
    if (clock_ghz == chip.compute.clock_ghz) {
        ws.chip_checked = &chip;  // evaluate_design_into checked it
        if (auto st = evaluate_into(chip, model, scenario, companions, ws); !st) return st.error();
    } else {
        // Copied once into the workspace's chip (whose buffers are reused); the clock search's later
        // runs only set the clock (a chip copy costs more than retiming a lowered step).
        if (copied) {
            set_clock_only(ws.clocked, chip, clock_ghz);
        } else {
            set_clock(ws.clocked, chip, clock_ghz);
            copied = true;
        }
        // The checked chip at a clock between the search's floor and its own (both in the clock's range), with the
        // SRAM's bandwidth scaled down by as much: as valid as it.
        ws.chip_checked = &ws.clocked;
        if (auto st = evaluate_into(ws.clocked, model, scenario, companions, ws); !st) return st.error();
    }
    // Voltage is relative to the nominal chip: pass the nominal spec with the lowered clock.
    return estimate_power(chip, area, workload_activity(ws.ev, scenario), clock_ghz, tech);
}

}  // namespace

Result<Evaluation> evaluate_design(const ChipSpec& chip, const ModelSpec& model, const Scenario& scenario,
                                   const Companions& companions) {
    const auto& tech = default_tech();
    if (!tech) return tech.error();
    return evaluate_design(chip, model, scenario, *tech, companions);
}

Result<Evaluation> evaluate_design(const ChipSpec& chip, const ModelSpec& model, const Scenario& scenario,
                                   const TechLibrary& tech, const Companions& companions) {
    EvalWorkspace ws;
    ws.keep_steps = false;  // one evaluation (the GUI's at every slider step): nothing to retime later
    if (auto st = evaluate_design_into(chip, model, scenario, tech, companions, ws); !st) return st.error();
    return std::move(ws.ev);
}

Status evaluate_design_into(const ChipSpec& chip, const ModelSpec& model, const Scenario& given,
                            const TechLibrary& tech, const Companions& companions, EvalWorkspace& ws) {
    if (auto st = ws.ranges_checked == &chip ? check_chip_whole(chip) : validate_chip(chip); !st) return st.error();
    auto area = estimate_valid_area(chip, tech);
    if (!area) return area.error();
    const double f_nom = chip.compute.clock_ghz;
    bool copied = false;
    auto nominal = run_at(chip, model, given, companions, *area, tech, f_nom, ws, copied);
    if (!nominal) return nominal.error();
    // The deployment chosen at the nominal clock stays while the TDP cap lowers the clock (its parallelism,
    // and a disaggregated deployment's split): the search for it runs once, not at every clock tried.
    const Scenario scenario = with_deployment(given, ws.ev.serving);
    const bool chosen = ws.ev.serving.parallelism_auto;

    // ws.ev holds the evaluation at `held` (NaN: a failed run); `best` is the clock kept.
    PowerBreakdown best = *nominal;
    double clock = f_nom;
    double held = f_nom;
    std::vector<Message> power_warnings;
    const double tdp = chip.power.tdp_w;
    auto run = [&](double f) {
        auto p = run_at(chip, model, scenario, companions, *area, tech, f, ws, copied);
        held = p ? f : std::numeric_limits<double>::quiet_NaN();
        return p;
    };
    if (best.total_w > tdp) {
        // TDP cap: find the highest clock whose power fits, by bisection (power falls with the
        // clock: V^2 on dynamic energy, V on the static floor). Each step re-runs the performance
        // model, so the cap shows up in throughput and latency.
        const double nominal_w = best.total_w;
        const double f_min = std::max(0.05, tech.params.power_dvfs_f_min_fraction * f_nom);
        // The search's bracket: too hot at the upper end, fitting at the lower. First the clock at which the nominal
        // step's work, done in the nominal step's time, would draw the TDP: a lower clock only stretches a step, which
        // draws less, so most often it fits, and where the step waits on memory it lands at the cap. (Power at the same
        // activity and another clock costs no performance run: bisected.) Where it does not fit, the lowest clock.
        double b = f_nom, fb = nominal_w - tdp;  // > 0: too hot
        double f_low = f_min;
        {
            const Activity act = workload_activity(ws.ev, given);  // ws.ev: the nominal run
            double hi = f_nom;
            for (int i = 0; i < 12; ++i) {  // to 1/4096 of the range: well inside the search's band
                const double mid = 0.5 * (f_low + hi);
                auto p = estimate_power(chip, *area, act, mid, tech);
                if (!p) break;
                (p->total_w <= tdp ? f_low : hi) = mid;
            }
        }
        auto low = run(f_low);
        if (f_low > f_min && (!low || low->total_w > tdp)) {
            b = f_low;  // too hot, or a clock the performance model rejects
            if (low) fb = low->total_w - tdp;
            f_low = f_min;
            low = run(f_min);
        }
        if (!low) {
            // E.g. a latency limit no lower clock can meet: keep the nominal point, say so.
            if (ws.physical_warnings) power_warnings.push_back(
                {"Warning", SCV_TR("Warning", "power: %1 W exceeds the %2 W TDP, and the clock cannot be lowered: %3"),
                 {format_number("%.0f", nominal_w), format_number("%.0f", tdp), low.error().message}});
        } else if (low->total_w > tdp) {
            best = *low;
            clock = f_min;
            if (ws.physical_warnings) power_warnings.push_back(
                {"Warning",
                 SCV_TR("Warning", "power: %1 W exceeds the %2 W TDP even at the lowest clock %3 GHz; raise "
                                   "power.tdp_w or shrink the design"),
                 {format_number("%.0f", best.total_w), format_number("%.0f", tdp), format_number("%.3g", f_min)}});
        } else {
            // Bracketed false position with the Illinois correction: power is smooth in the
            // clock, so this lands within 0.5% under the cap in a few performance runs (sweeps
            // pay for each one), where plain bisection needs about ten.
            double a = f_low, fa = low->total_w - tdp;  // <= 0: fits
            best = *low;
            clock = f_low;
            int side = 0;
            double headroom_w = tdp - best.total_w;  // fa is scaled by the correction; this is not
            for (int i = 0; i < 12 && (b - a) > 1e-3 * f_nom && headroom_w > 0.005 * tdp; ++i) {
                double c = (a * fb - b * fa) / (fb - fa);
                if (!(c > a && c < b)) c = 0.5 * (a + b);
                auto p = run(c);
                if (p && p->total_w <= tdp) {
                    a = c;
                    fa = p->total_w - tdp;
                    headroom_w = -fa;
                    best = *p;
                    clock = c;
                    if (side == -1) fb /= 2;
                    side = -1;
                } else {
                    b = c;  // too hot, or a clock the performance model rejects
                    if (p) fb = p->total_w - tdp;
                    if (side == 1) fa /= 2;
                    side = 1;
                }
            }
            if (ws.physical_warnings) power_warnings.push_back(
                {"Warning", SCV_TR("Warning", "power: %1 W at %2 GHz exceeds the %3 W TDP; clock lowered to %4 GHz"),
                 {format_number("%.0f", nominal_w), format_number("%.3g", f_nom), format_number("%.0f", tdp),
                  format_number("%.3g", clock)}});
        }
    }
    // Back to the clock kept when the search ended elsewhere (the same evaluation again: only the
    // lowered steps' times are redone).
    if (!(held == clock)) {
        auto again = clock == f_nom ? run_at(chip, model, given, companions, *area, tech, f_nom, ws, copied) : run(clock);
        if (!again) return again.error();
    }

    Evaluation& ev = ws.ev;
    ev.serving.parallelism_auto = chosen;
    PhysicalResult& ph = ev.physical;
    ph.die_area_mm2 = area->die_mm2;
    ph.io_die_area_mm2 = area->io_die_mm2;
    ph.package_area_mm2 = area->package_mm2;
    if (ws.views) ph.area_mm2 = area->items();  // the package breakdown: for eval's JSON (no result key reads it)
    ph.power_w = best.total_w;
    if (ws.views) ph.power_w_breakdown = best.items();
    ph.clock_ghz = clock;
    const double tok_s_chip = ev.serving.throughput_tokens_per_s_per_chip;
    ph.tokens_per_joule = ph.power_w > 0 ? tok_s_chip / ph.power_w : 0.0;
    auto cost = estimate_cost(chip, *area, ph.power_w, idle_power_w(chip, best, tech.params),
                              std::isfinite(tok_s_chip) ? std::max(0.0, tok_s_chip) : 0.0, tech);
    if (cost) {
        ph.die_cost_usd = cost->die_cost_usd;
        ph.package_cost_usd = cost->package_cost_usd;
        ph.yield = cost->yield;
        ph.dies_per_wafer = cost->dies_per_wafer;
        ph.built = cost->mode == EconMode::build;
        ph.chip_usd = cost->chip_usd;
        ph.nre_usd_per_chip = cost->nre_usd_per_chip;
        ph.capex_usd_per_chip = cost->capex_usd;
        ph.tco_usd_per_hour = cost->tco_usd_per_hour;
        if (ws.views) ph.cost_usd_per_hour = cost->per_hour();
        ph.cost_per_million_tokens_usd = cost->cost_per_million_tokens_usd;
        ph.tokens_per_s_per_mw = cost->tokens_per_s_per_mw;
        ph.fleet_chips = cost->fleet_chips;
        ph.fleet_capex_usd = cost->fleet_capex_usd;
        ph.fleet_usd_per_year = cost->fleet_usd_per_year;
        ph.fleet_tokens_per_day = cost->fleet_tokens_per_day;
    }

    if (!ws.physical_warnings) return Ok{};
    for (auto& w : area_warnings(chip, *area, tech)) ev.add_warning(std::move(w));
    for (auto& w : power_warnings) ev.add_warning(std::move(w));
    // Performance and power stand even when the die cannot be made (larger than a wafer):
    // the cost fields stay 0 and the reason is a warning, so a sweep keeps the point.
    if (!cost)
        ev.add_warning(cost.error().warning ? *cost.error().warning
                                            : Message{"Warning", SCV_TR("Warning", "cost: %1"), {cost.error().message}});
    return Ok{};
}

}  // namespace scoville
