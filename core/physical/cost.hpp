#pragma once
// Manufacturing cost (dies per wafer, negative-binomial yield with spare-core harvesting,
// packaging, HBM, test) and the owner's cost of a chip: bought at its price or built at cost plus
// margin and NRE, with its share of systems, network and data centre, paid off over its life,
// and the energy it draws: TCO per chip-hour, $ per million tokens, tokens per MW, a fleet.
#include <optional>
#include <vector>

#include "core/hw/chip.hpp"
#include "core/perf/evaluation.hpp"
#include "core/physical/area.hpp"
#include "core/physical/tech.hpp"
#include "core/util/result.hpp"

namespace scoville {

// Gross dies per 300 mm wafer: DPW = pi (d/2)^2 / S - pi d / sqrt(2 S), d = wafer diameter minus
// twice the edge exclusion, S = die area with its scribe lane. Never negative.
double dies_per_wafer(double die_mm2, const PhysicalParams& pp);
// Negative-binomial yield Y = (1 + A D0 / alpha)^-alpha, A in cm2.
double die_yield(double die_mm2, double d0_per_cm2, double alpha);
// Capital recovery factor: i (1+i)^n / ((1+i)^n - 1); 1/n when i = 0.
double capital_recovery_factor(double interest, double years);

// Yield of a die with `spare` of its `cores` cores allowed to be defective (harvesting): the
// whole-die negative-binomial yield times P(at most `spare` defective cores) / P(none), each core
// defective with probability 1 - y_core (cores independent). Equals die_yield() when spare = 0.
double harvested_yield(double die_mm2, double core_mm2, int cores, int spare, double d0_per_cm2, double alpha);

inline constexpr double kHoursPerYear = 8760.0;

struct CostBreakdown {
    // Manufacturing, one package.
    double dies_per_wafer = 0;
    double yield = 0;         // with spare-core harvesting
    double die_cost_usd = 0;  // one good compute die
    double io_die_cost_usd = 0;  // one good I/O die (package.io_dies > 0), at tech.io_node
    double silicon_usd = 0;   // all dies of the package
    double test_usd = 0;
    double packaging_usd = 0;  // interposer (CoWoS-S / -L) or substrate
    double hbm_usd = 0;
    double package_cost_usd = 0;  // manufacturing cost of one package

    // The owner's cost of one chip (econ.*).
    EconMode mode = EconMode::buy;
    double chip_usd = 0;          // price paid (buy) or manufacturing x (1 + margin) (build), without NRE
    double nre_usd_per_chip = 0;  // build: econ.nre_usd / econ.units
    double it_kw = 0;             // chip TDP + system share: what the facility is built for
    double capex_usd = 0;         // chip + NRE share + system + network + facility
    // Per chip-hour: capital (capital recovery factor over the life) and energy.
    double chip_usd_per_hour = 0;
    double nre_usd_per_hour = 0;
    double system_usd_per_hour = 0;
    double network_usd_per_hour = 0;
    double facility_usd_per_hour = 0;
    double power_usd_per_hour = 0;
    double tco_usd_per_hour = 0;             // the sum
    double cost_per_million_tokens_usd = 0;  // tco / useful tokens; 0 when there is no throughput
    double tokens_per_s_per_mw = 0;          // per provisioned MW (IT x PUE), at the utilisation
    // What econ.fleet_mw buys.
    double fleet_chips = 0;
    double fleet_capex_usd = 0;
    double fleet_usd_per_year = 0;
    double fleet_tokens_per_day = 0;
    friend bool operator==(const CostBreakdown&, const CostBreakdown&) = default;

    [[nodiscard]] std::vector<Breakdown> items() const;       // package cost components
    [[nodiscard]] std::vector<Breakdown> per_hour() const;    // TCO per chip-hour components
};

// power_w: average power per chip while serving; idle_w: its power with nothing to run (idle_power_w);
// tokens_per_s_per_chip: output tokens/s per chip while serving. Errors name the key (an unpriced
// chip in buy mode, an unknown node).
Result<CostBreakdown> estimate_cost(const ChipSpec& chip, const AreaBreakdown& area, double power_w, double idle_w,
                                    double tokens_per_s_per_chip, const TechLibrary& tech);

// Build only: the units at which the chip's cost per token equals `target_usd_per_million` (a
// bought chip's), all else as in `cost`; nullopt when no volume reaches it (the chip costs more
// per token even with its NRE spread to nothing) or when the chip is bought.
std::optional<double> break_even_units(const ChipSpec& chip, const CostBreakdown& cost, double tokens_per_s_per_chip,
                                       double target_usd_per_million);
// The same from an evaluation's results (its per-hour breakdown holds the NRE share).
std::optional<double> break_even_units(const ChipSpec& chip, const PhysicalResult& ph, double tokens_per_s_per_chip,
                                       double target_usd_per_million);

// Why a design costs what it does per token against a baseline (CostComparison, evaluation.hpp).
// nullopt when either side has no cost (no throughput, an unpriced chip, a die that cannot be made).
std::optional<CostComparison> compare_cost(const ChipSpec& design, const Evaluation& ev, const Evaluation& baseline,
                                           const std::string& baseline_id);

}  // namespace scoville
