// Dies per wafer, yield, package cost and TCO, computed by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "core/physical/cost.hpp"
#include "helpers.hpp"

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

TEST(Cost, PackageAndTcoByHand) {
    ChipSpec c = test::embedded_chip("a100-sxm");
    AreaBreakdown a;
    a.die_mm2 = 814;
    a.package_mm2 = 814;
    a.dies = 1;
    c.tech.node = "n4";
    c.hbm.generation = HbmGeneration::hbm3e;  // 5 stacks x 16 GB = 80 GB at 16.5 USD/GB
    auto r = estimate_cost(c, a, 500.0, 1000.0, test::tech());
    ASSERT_TRUE(r.ok()) << r.error().message;
    // Good die: 18000 USD / (59.51 x 0.48666) = 621.5 USD
    EXPECT_NEAR(r->die_cost_usd, 18000.0 / (59.5099 * 0.486656), 0.1);
    EXPECT_NEAR(r->test_usd, 0.04 * r->die_cost_usd, 1e-9);
    EXPECT_DOUBLE_EQ(r->packaging_usd, 750);  // one die with HBM: CoWoS-S
    EXPECT_DOUBLE_EQ(r->hbm_usd, 80 * 16.5);  // 1320 USD
    // 621.5 x 1.04 + 750 + 1320 = 2716.4 USD
    EXPECT_NEAR(r->package_cost_usd, 2716.4, 0.5);
    // Capex 2 x 2716.4 = 5432.8 USD x CRF 0.250456 / 8760 h = 0.15533 USD/h;
    // energy 0.5 kW x PUE 1.3 x 0.067 USD/kWh = 0.04355 USD/h
    EXPECT_NEAR(r->capex_usd_per_hour, 2 * r->package_cost_usd * 0.250456 / 8760, 1e-6);
    EXPECT_NEAR(r->energy_usd_per_hour, 0.04355, 1e-9);
    EXPECT_NEAR(r->tco_usd_per_hour, r->capex_usd_per_hour + 0.04355, 1e-9);
    // $/Mtok = $/h / (1000 tok/s x 3600) x 1e6
    EXPECT_NEAR(r->cost_per_million_tokens_usd, r->tco_usd_per_hour / 3.6, 1e-9);

    // Two dies: CoWoS-L; no HBM: substrate only.
    a.dies = 2;
    a.package_mm2 = 1628;
    EXPECT_DOUBLE_EQ(estimate_cost(c, a, 500, 1000, test::tech())->packaging_usd, 1100);
    c.hbm.generation = HbmGeneration::none;
    auto none = estimate_cost(c, a, 500, 1000, test::tech());
    EXPECT_DOUBLE_EQ(none->packaging_usd, 100);
    EXPECT_DOUBLE_EQ(none->hbm_usd, 0);
}

TEST(Cost, BadInputsRefused) {
    ChipSpec c = test::embedded_chip("a100-sxm");
    AreaBreakdown a;
    a.die_mm2 = 826;
    a.package_mm2 = 826;
    EXPECT_FALSE(estimate_cost(c, a, -1, 100, test::tech()).ok());
    EXPECT_FALSE(estimate_cost(c, a, NAN, 100, test::tech()).ok());
    auto r = estimate_cost(c, a, 400, -5, test::tech());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("throughput"), std::string::npos);
    // No throughput: cost per token is 0 (never inf), TCO is still there.
    auto z = estimate_cost(c, a, 400, 0, test::tech());
    ASSERT_TRUE(z.ok());
    EXPECT_EQ(z->cost_per_million_tokens_usd, 0.0);
    EXPECT_GT(z->tco_usd_per_hour, 0.0);
    a.die_mm2 = 80000;  // does not fit on a wafer
    r = estimate_cost(c, a, 400, 100, test::tech());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("die area"), std::string::npos);
}

TEST(Cost, PackageCostNearAnalystAnchors) {
    // tech-nodes.csv: whole-package COGS ~3300 USD for H100 and ~6400 USD for B200 (analyst
    // estimates, so a loose +-40% band: the model prices harvested dies at full yield loss).
    for (const auto& [id, anchor] : {std::pair{"h100-sxm", 3300.0}, std::pair{"b200", 6400.0}}) {
        const ChipSpec c = test::embedded_chip(id);
        auto a = estimate_area(c, test::tech());
        ASSERT_TRUE(a.ok()) << a.error().message;
        auto r = estimate_cost(c, *a, 500, 1000, test::tech());
        ASSERT_TRUE(r.ok()) << r.error().message;
        EXPECT_NEAR(r->package_cost_usd, anchor, 0.4 * anchor) << id;
    }
}
