// Dies per wafer, yield with harvesting, package cost and the owner's cost, computed by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "core/physical/cost.hpp"
#include "support/physical.hpp"

using namespace scoville;

TEST(Cost, DiesPerWaferByHand) {
    const PhysicalParams& pp = test::tech().params;
    // 100 mm2 die + 0.2 mm scribe: S = 10.2^2 = 104.04 mm2; d = 300 - 2 x 3 = 294 mm
    // pi x 147^2 / 104.04 = 652.50; pi x 294 / sqrt(2 x 104.04) = 64.03 -> 588.48
    EXPECT_NEAR(dies_per_wafer(100, pp), 588.48, 0.01);
    // 814 mm2: S = (28.531 + 0.2)^2 = 825.45; 82.24 - 22.73 = 59.51
    EXPECT_NEAR(dies_per_wafer(814, pp), 59.51, 0.01);
    EXPECT_EQ(dies_per_wafer(0, pp), 0.0);
    EXPECT_EQ(dies_per_wafer(1e6, pp), 0.0);  // larger than the wafer: none, never negative
}

TEST(Cost, NegativeBinomialYieldByHand) {
    // A = 1 cm2, D0 = 0.1 /cm2, alpha = 3: (1 + 0.1/3)^-3 = 0.90631
    EXPECT_NEAR(die_yield(100, 0.1, 3), 0.90631, 1e-5);
    // A = 8.14 cm2: (1 + 0.814/3)^-3 = 0.48666
    EXPECT_NEAR(die_yield(814, 0.1, 3), 0.48666, 1e-5);
    // alpha -> large approaches Poisson exp(-A D0): alpha 1000 at A D0 = 0.814 -> ~0.4432
    EXPECT_NEAR(die_yield(814, 0.1, 1000), std::exp(-0.814), 1e-3);
    EXPECT_DOUBLE_EQ(die_yield(0, 0.1, 3), 0.0);
}

TEST(Cost, CapitalRecoveryByHand) {
    // 8% over 5 years: 0.08 x 1.08^5 / (1.08^5 - 1) = 0.08 x 1.469328 / 0.469328 = 0.250456
    EXPECT_NEAR(capital_recovery_factor(0.08, 5), 0.250456, 1e-6);
    EXPECT_DOUBLE_EQ(capital_recovery_factor(0.0, 4), 0.25);
}

TEST(Cost, HarvestingSpareCoresByHand) {
    // No spares: the whole-die yield.
    EXPECT_DOUBLE_EQ(harvested_yield(814, 5, 132, 0, 0.1, 3), die_yield(814, 0.1, 3));
    // 1200 mm2 die of ten 1 cm2 cores, one spare, D0 0.1, alpha 3: whole die (1 + 1.2/3)^-3 = 0.364431;
    // a core is clean with y = (1 + 0.1/3)^-3 = 0.906314, r = (1 - y)/y = 0.103371;
    // P(<= 1 bad) / P(0 bad) = 1 + 10 r = 2.03371 -> 0.741146
    EXPECT_NEAR(harvested_yield(1200, 100, 10, 1, 0.1, 3), 0.364431 * (1 + 10 * (1 - 0.906314) / 0.906314), 1e-5);
    EXPECT_NEAR(harvested_yield(1200, 100, 10, 1, 0.1, 3), 0.74115, 1e-4);
    EXPECT_LE(harvested_yield(1200, 100, 10, 10, 0.1, 3), 1.0);
}

namespace {
// An owner's cost with every econ input set here, so the arithmetic below is all in this file.
ChipSpec priced_chip() {
    ChipSpec c = test::embedded_chip("a100-sxm");
    c.tech.node = "n4";
    c.hbm.generation = DramType::hbm3e;  // 5 stacks x 16 GB = 80 GB at 16.5 USD/GB
    c.compute.spare_cores = 0;
    c.power.tdp_w = 400;
    EconSpec& e = c.econ;
    e.mode = EconMode::buy;
    e.chip_price_usd = 20000;
    e.system_usd_per_chip = 10000;
    e.network_usd_per_chip = 5000;
    e.system_w_per_chip = 300;
    e.facility_usd_per_kw = 10000;
    e.facility_years = 15;
    e.pue = 1.2;
    e.power_usd_per_kwh = 0.08;
    e.years = 5;
    e.cost_of_capital = 0.08;
    e.utilisation = 0.5;
    e.fleet_mw = 100;
    e.units = 100000;
    e.nre_usd = 0;
    e.partner_margin = 0;
    return c;
}
AreaBreakdown one_die(double mm2) {
    AreaBreakdown a;
    a.die_mm2 = mm2;
    a.package_mm2 = mm2;
    a.dies = 1;
    return a;
}
}  // namespace

TEST(Cost, PackageByHand) {
    ChipSpec c = priced_chip();
    AreaBreakdown a = one_die(814);
    auto r = estimate_cost(c, a, 350.0, 100.0, 1000.0, test::tech());
    ASSERT_TRUE(r.ok()) << r.error().message;
    // Good die: 18000 USD / (59.51 x 0.48666) = 621.5 USD
    EXPECT_NEAR(r->die_cost_usd, 18000.0 / (59.5099 * 0.486656), 0.1);
    EXPECT_NEAR(r->test_usd, 0.04 * r->die_cost_usd, 1e-9);
    EXPECT_DOUBLE_EQ(r->packaging_usd, 750);  // one die with HBM: CoWoS-S
    EXPECT_DOUBLE_EQ(r->hbm_usd, 80 * 16.5);  // 1320 USD
    // 621.5 x 1.04 + 750 + 1320 = 2716.4 USD
    EXPECT_NEAR(r->package_cost_usd, 2716.4, 0.5);
    // Two dies: CoWoS-L; no HBM: substrate only.
    a.dies = 2;
    a.package_mm2 = 1628;
    EXPECT_DOUBLE_EQ(estimate_cost(c, a, 350, 100, 1000, test::tech())->packaging_usd, 1100);
    c.hbm.generation = DramType::none;
    auto none = estimate_cost(c, a, 350, 100, 1000, test::tech());
    EXPECT_DOUBLE_EQ(none->packaging_usd, 100);
    EXPECT_DOUBLE_EQ(none->hbm_usd, 0);
}

TEST(Cost, BoardMemoryNeedsNoInterposer) {
    // The chip above with its 80 GB as GDDR7 devices (16 x32 channels of 5 GB): an organic substrate
    // (100 USD) instead of CoWoS, on one die or two, and 80 GB x 4.5 USD/GB = 360 USD of memory.
    ChipSpec c = priced_chip();
    c.hbm.generation = DramType::gddr7;
    c.hbm.stacks = 16;
    c.hbm.gb_per_stack = 5;
    AreaBreakdown a = one_die(814);
    auto r = estimate_cost(c, a, 350.0, 100.0, 1000.0, test::tech());
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_DOUBLE_EQ(r->packaging_usd, 100);
    EXPECT_DOUBLE_EQ(r->hbm_usd, 80 * 4.5);
    // 621.5 x 1.04 + 100 + 360 = 1106.4 USD (HBM3e's 2716.4 less CoWoS-S's 650 USD more and 960 USD of memory)
    EXPECT_NEAR(r->package_cost_usd, 1106.4, 0.5);
    a.dies = 2;
    a.package_mm2 = 1628;
    EXPECT_DOUBLE_EQ(estimate_cost(c, a, 350, 100, 1000, test::tech())->packaging_usd, 100);
    // LPDDR5X: 80 GB x 4.0 USD/GB.
    c.hbm.generation = DramType::lpddr5x;
    EXPECT_DOUBLE_EQ(estimate_cost(c, a, 350, 100, 1000, test::tech())->hbm_usd, 320);
}


TEST(Cost, IoDiesOnTheirOwnNodeByHand) {
    ChipSpec c = priced_chip();
    c.tech.io_node = "n7";
    AreaBreakdown a = one_die(814);
    a.io_dies = 2;
    a.io_die_mm2 = 100;
    a.package_mm2 = 1014;
    auto r = estimate_cost(c, a, 350.0, 100.0, 1000.0, test::tech());
    ASSERT_TRUE(r.ok()) << r.error().message;
    // I/O die at N7: 9346 USD / (588.48 dies x (1 + 1 cm2 x 0.09 / 3)^-3 = 0.91514) = 17.35 USD
    EXPECT_NEAR(r->io_die_cost_usd, 9346.0 / (588.48 * std::pow(1.0 + 0.09 / 3.0, -3.0)), 0.01);
    EXPECT_NEAR(r->io_die_cost_usd, 17.35, 0.01);
    // Silicon: one compute die (621.5 USD, as above) + two I/O dies; three dies need CoWoS-L.
    EXPECT_NEAR(r->silicon_usd, r->die_cost_usd + 2 * r->io_die_cost_usd, 1e-9);
    EXPECT_NEAR(r->silicon_usd, 621.5 + 34.7, 0.2);
    EXPECT_DOUBLE_EQ(r->packaging_usd, 1100);
}
TEST(Cost, OwnersCostPerChipHourByHand) {
    const ChipSpec c = priced_chip();
    auto r = estimate_cost(c, one_die(814), 350.0, 100.0, 1000.0, test::tech());
    ASSERT_TRUE(r.ok()) << r.error().message;
    // IT load (400 W chip + 300 W system share) = 0.7 kW -> data centre 7000 USD;
    // capex 20000 + 10000 + 5000 + 7000 = 42000 USD
    EXPECT_DOUBLE_EQ(r->it_kw, 0.7);
    EXPECT_DOUBLE_EQ(r->capex_usd, 42000);
    // CRF(8 %, 5 y) = 0.08 x 1.469328 / 0.469328 = 0.2504565 per year, / 8760 h
    EXPECT_NEAR(r->chip_usd_per_hour, 20000 * 0.25045645 / 8760, 1e-6);     // 0.571817
    EXPECT_NEAR(r->system_usd_per_hour, 10000 * 0.25045645 / 8760, 1e-6);   // 0.285909
    EXPECT_NEAR(r->network_usd_per_hour, 5000 * 0.25045645 / 8760, 1e-6);   // 0.142954
    // CRF(8 %, 15 y) = 0.08 x 1.08^15 / (1.08^15 - 1) = 0.116830
    EXPECT_NEAR(r->facility_usd_per_hour, 7000 * 0.116830 / 8760, 1e-6);  // 0.093356
    // Energy: half the hours serving at 350 W, half idle at 100 W static: 225 W + 300 W system,
    // x PUE 1.2 x 0.08 USD/kWh = 0.0504 USD/h
    EXPECT_NEAR(r->power_usd_per_hour, 0.0504, 1e-12);
    EXPECT_NEAR(r->tco_usd_per_hour, 0.571819 + 0.285909 + 0.142955 + 0.093356 + 0.0504, 1e-5);
    // 1000 tokens/s serving x 0.5 utilisation = 1.8 M useful tokens per hour
    EXPECT_NEAR(r->cost_per_million_tokens_usd, r->tco_usd_per_hour / 1.8, 1e-12);
    // Provisioned 0.7 kW x PUE 1.2 = 0.84 kW per chip: 500 tok/s / 0.00084 MW = 595238 tok/s/MW
    EXPECT_NEAR(r->tokens_per_s_per_mw, 595238.1, 0.1);
    // 100 MW buys floor(100 / 0.00084) = 119047 chips
    EXPECT_DOUBLE_EQ(r->fleet_chips, 119047);
    EXPECT_DOUBLE_EQ(r->fleet_capex_usd, 119047.0 * 42000);
    EXPECT_NEAR(r->fleet_tokens_per_day, 119047.0 * 500 * 86400, 1);
    EXPECT_NEAR(r->fleet_usd_per_year, 119047.0 * r->tco_usd_per_hour * 8760, 1);
    // The per-hour items add up to the TCO.
    double sum = 0;
    for (const auto& item : r->per_hour()) sum += item.value;
    EXPECT_NEAR(sum, r->tco_usd_per_hour, 1e-12);
}

TEST(Cost, ElectricityAndPueRaiseCostPerTokenByHand) {
    ChipSpec c = priced_chip();
    const auto base = estimate_cost(c, one_die(814), 350, 100, 1000, test::tech()).value();
    c.econ.power_usd_per_kwh = 0.18;  // +0.10 USD/kWh
    const auto dearer = estimate_cost(c, one_die(814), 350, 100, 1000, test::tech()).value();
    // +0.10 USD/kWh x 0.525 kW x PUE 1.2 = +0.063 USD/h, over 1.8 M tokens/h = +0.035 USD/M tokens
    EXPECT_NEAR(dearer.cost_per_million_tokens_usd - base.cost_per_million_tokens_usd, 0.035, 1e-12);
    c.econ.power_usd_per_kwh = 0.08;
    c.econ.pue = 1.5;  // +0.3
    const auto hotter = estimate_cost(c, one_die(814), 350, 100, 1000, test::tech()).value();
    // Energy: 0.525 kW x 0.3 x 0.08 = +0.0126 USD/h. The facility is sized on IT load, so its
    // capital does not change; tokens per MW fall as 1.2 / 1.5.
    EXPECT_NEAR(hotter.cost_per_million_tokens_usd - base.cost_per_million_tokens_usd, 0.0126 / 1.8, 1e-12);
    EXPECT_NEAR(hotter.tokens_per_s_per_mw, base.tokens_per_s_per_mw * 1.2 / 1.5, 1e-6);
}

TEST(Cost, BuiltChipCostsItsManufacturingPlusMarginAndNre) {
    ChipSpec c = priced_chip();
    c.econ.mode = EconMode::build;
    c.econ.chip_price_usd = 0;  // a built chip needs no price
    auto zero = estimate_cost(c, one_die(814), 350, 100, 1000, test::tech());
    ASSERT_TRUE(zero.ok()) << zero.error().message;
    // No margin and no NRE: the chip costs what it takes to make.
    EXPECT_DOUBLE_EQ(zero->chip_usd, zero->package_cost_usd);
    EXPECT_DOUBLE_EQ(zero->nre_usd_per_hour, 0);
    c.econ.partner_margin = 0.25;
    c.econ.nre_usd = 500e6;
    c.econ.units = 250000;  // 2000 USD of NRE per chip
    auto built = estimate_cost(c, one_die(814), 350, 100, 1000, test::tech()).value();
    EXPECT_DOUBLE_EQ(built.chip_usd, 1.25 * zero->package_cost_usd);
    EXPECT_DOUBLE_EQ(built.nre_usd_per_chip, 2000);
    EXPECT_NEAR(built.nre_usd_per_hour, 2000 * 0.25045645 / 8760, 1e-6);
    EXPECT_DOUBLE_EQ(built.capex_usd, zero->capex_usd + 0.25 * zero->package_cost_usd + 2000);
    // Break-even against a bought chip at 0.70 USD/M tokens: N = NRE x CRF/8760 / (target/h - rest/h)
    const double target = 0.70;
    const auto n = break_even_units(c, built, 1000, target);
    ASSERT_TRUE(n.has_value());
    const double rest = built.tco_usd_per_hour - built.nre_usd_per_hour;
    EXPECT_NEAR(*n, std::ceil(500e6 * 0.25045645 / 8760 / (target * 1.8 - rest)), 1.0);
    c.econ.units = *n;
    const auto at = estimate_cost(c, one_die(814), 350, 100, 1000, test::tech()).value();
    EXPECT_LE(at.cost_per_million_tokens_usd, target);
    EXPECT_NEAR(at.cost_per_million_tokens_usd, target, 1e-4);
    // A target below what the chip costs without any NRE is out of reach; a bought chip has none.
    EXPECT_FALSE(break_even_units(c, built, 1000, rest / 1.8 * 0.9).has_value());
    c.econ.mode = EconMode::buy;
    EXPECT_FALSE(break_even_units(c, built, 1000, target).has_value());
}

TEST(Cost, BadInputsRefused) {
    ChipSpec c = test::embedded_chip("a100-sxm");
    c.econ.mode = EconMode::buy;
    c.econ.chip_price_usd = 10000;
    AreaBreakdown a;
    a.die_mm2 = 826;
    a.package_mm2 = 826;
    EXPECT_FALSE(estimate_cost(c, a, -1, 0, 100, test::tech()).ok());
    EXPECT_FALSE(estimate_cost(c, a, NAN, 0, 100, test::tech()).ok());
    auto r = estimate_cost(c, a, 400, 0, -5, test::tech());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("throughput"), std::string::npos);
    // No throughput: cost per token is 0 (never inf), TCO is still there.
    auto z = estimate_cost(c, a, 400, 0, 0, test::tech());
    ASSERT_TRUE(z.ok());
    EXPECT_EQ(z->cost_per_million_tokens_usd, 0.0);
    EXPECT_GT(z->tco_usd_per_hour, 0.0);
    a.die_mm2 = 80000;  // does not fit on a wafer
    r = estimate_cost(c, a, 400, 0, 100, test::tech());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("die area"), std::string::npos);
    // A bought chip without a price: refused naming the key.
    a.die_mm2 = 826;
    c.econ.mode = EconMode::buy;
    c.econ.chip_price_usd = 0;
    r = estimate_cost(c, a, 400, 0, 100, test::tech());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("econ.chip_price_usd"), std::string::npos);
}

TEST(Cost, PackageCostNearAnalystAnchors) {
    // tech-nodes.csv: whole-package COGS ~3300 USD for H100 and ~6400 USD for B200 (analyst
    // estimates, so a loose +-40% band: the model prices harvested dies at full yield loss).
    for (const auto& [id, anchor] : {std::pair{"h100-sxm", 3300.0}, std::pair{"b200", 6400.0}}) {
        ChipSpec c = test::embedded_chip(id);
        c.econ.mode = EconMode::build;  // the package's cost, whatever the chip sells for
        auto a = estimate_area(c, test::tech());
        ASSERT_TRUE(a.ok()) << a.error().message;
        auto r = estimate_cost(c, *a, 500, 100, 1000, test::tech());
        ASSERT_TRUE(r.ok()) << r.error().message;
        EXPECT_NEAR(r->package_cost_usd, anchor, 0.4 * anchor) << id;
    }
}

TEST(Cost, ComparisonSplitsCostPerTokenIntoCostPerHourAndTokensPerHour) {
    Evaluation design, base;
    design.physical.tco_usd_per_hour = 1.0;
    design.physical.cost_per_million_tokens_usd = 0.1;
    design.physical.cost_usd_per_hour = {{"chip", 0.4}, {"NRE", 0.1}, {"system", 0.2}, {"power", 0.3}};
    design.serving.throughput_tokens_per_s_per_chip = 3000;
    base.physical.tco_usd_per_hour = 2.0;
    base.physical.cost_per_million_tokens_usd = 0.3;
    base.physical.cost_usd_per_hour = {{"chip", 1.0}, {"system", 0.5}, {"power", 0.5}};
    ChipSpec chip = priced_chip();  // bought: no break-even
    const auto c = compare_cost(chip, design, base, "b200");
    ASSERT_TRUE(c.has_value());
    EXPECT_EQ(c->baseline, "b200");
    EXPECT_DOUBLE_EQ(c->ratio, 0.1 / 0.3);
    EXPECT_DOUBLE_EQ(c->tco_ratio, 0.5);
    // 0.5x the cost per hour for 1/3 the cost per token: 1.5x the tokens per chip-hour
    EXPECT_DOUBLE_EQ(c->useful_tokens_ratio, 1.5);
    // The chip differs most: 0.4 against 1.0 USD/h (system 0.3, power 0.2, NRE 0.1)
    EXPECT_EQ(c->driver, "chip");
    EXPECT_DOUBLE_EQ(c->driver_usd_per_hour, 0.4);
    EXPECT_DOUBLE_EQ(c->driver_baseline_usd_per_hour, 1.0);
    EXPECT_FALSE(c->break_even_units.has_value());
    // Built: (1.0 - 0.1) USD/h without its NRE against 0.3 USD/M x (3000 x 0.5 x 3600 / 1e6) = 1.62 USD/h;
    // N = 0 NRE -> any volume breaks even.
    chip.econ.mode = EconMode::build;
    EXPECT_EQ(compare_cost(chip, design, base, "b200")->break_even_units, std::optional<double>(1.0));
    chip.econ.nre_usd = 100e6;
    // N = 1e8 x 0.2504565 / 8760 / (1.62 - 0.9) = 3970.9 -> 3971
    EXPECT_EQ(compare_cost(chip, design, base, "b200")->break_even_units, std::optional<double>(3971));
    // No cost on either side: nothing to compare.
    base.physical.cost_per_million_tokens_usd = 0;
    EXPECT_FALSE(compare_cost(chip, design, base, "b200").has_value());
}
