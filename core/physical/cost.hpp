#pragma once
// Manufacturing cost (dies per wafer, negative-binomial yield, packaging, HBM, test) and the cost
// of running the chip (TCO per hour, $ per million tokens).
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

struct CostBreakdown {
    double dies_per_wafer = 0;
    double yield = 0;
    double die_cost_usd = 0;  // one good die
    double silicon_usd = 0;   // all dies of the package
    double test_usd = 0;
    double packaging_usd = 0;  // interposer (CoWoS-S / -L) or substrate
    double hbm_usd = 0;
    double package_cost_usd = 0;  // manufacturing cost of one package
    double capex_usd = 0;         // per accelerator incl. its share of server and network
    double capex_usd_per_hour = 0;
    double energy_usd_per_hour = 0;
    double tco_usd_per_hour = 0;
    double cost_per_million_tokens_usd = 0;  // 0 when there is no throughput
    friend bool operator==(const CostBreakdown&, const CostBreakdown&) = default;

    [[nodiscard]] std::vector<Breakdown> items() const;  // package cost components
};

// power_w: average power per chip; tokens_per_s_per_chip: output tokens/s per chip.
Result<CostBreakdown> estimate_cost(const ChipSpec& chip, const AreaBreakdown& area, double power_w,
                                    double tokens_per_s_per_chip, const TechLibrary& tech);

}  // namespace scoville
