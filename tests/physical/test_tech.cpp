// Technology data: the embedded node table and its named assumptions.
#include <gtest/gtest.h>

#include <string>

#include "core/library/resources.hpp"
#include "core/physical/tech.hpp"
#include "support/physical.hpp"

using namespace scoville;

TEST(Tech, EmbeddedNodesLoad) {
    const TechLibrary& t = test::tech();
    ASSERT_EQ(t.nodes.size(), 5u);
    for (const char* id : {"n7", "n5", "n4", "n3", "n2"}) EXPECT_NE(t.node(id), nullptr) << id;
    EXPECT_EQ(t.node("n6"), nullptr);
    // tech-nodes.csv rows
    EXPECT_DOUBLE_EQ(t.node("n7")->mac_um2[static_cast<size_t>(Precision::bf16)], 900);
    EXPECT_DOUBLE_EQ(t.node("n4")->mac_pj[static_cast<size_t>(Precision::fp8)], 0.17);
    EXPECT_DOUBLE_EQ(t.node("n3")->wafer_usd, 20000);
    EXPECT_DOUBLE_EQ(t.node("n2")->d0_per_cm2, 0.12);
    EXPECT_DOUBLE_EQ(t.params.area_reticle_mm2, 858);
    EXPECT_DOUBLE_EQ(t.params.hbm_pj_per_bit[static_cast<size_t>(DramType::hbm2)], 3.9);
    // Micron's memory comparison: GDDR6 7.5 pJ/bit average device power.
    EXPECT_DOUBLE_EQ(t.params.hbm_pj_per_bit[static_cast<size_t>(DramType::gddr6)], 7.5);
    EXPECT_DOUBLE_EQ(t.params.shoreline_mm(DramType::gddr7), 5.0);
    EXPECT_DOUBLE_EQ(t.params.shoreline_mm(DramType::hbm3e), t.params.hbm_shoreline_mm_per_stack);
    EXPECT_DOUBLE_EQ(t.params.cost_test_fraction, 0.04);
}

TEST(Tech, EveryAssumptionHasUnitAndBasis) {
    const auto rows = physical_param_table(test::tech());
    // 85 global parameters (54; 5 for each of GDDR6, GDDR7 and LPDDR5X: pJ/bit, PHY, controller, USD/GB, die edge;
    // a site's most bandwidth and capacity for each of the 8 memory types) + 5 nodes x 15 values (3 densities, 4 MAC
    // areas, 4 MAC energies, 4 more); the owner's-cost assumptions are chip parameters (econ.*), not technology data.
    EXPECT_EQ(rows.size(), 85u + 5u * 15u);
    for (const auto& r : rows) {
        EXPECT_FALSE(r.basis.empty()) << r.key;
        EXPECT_FALSE(r.key.empty());
    }
}

namespace {
std::string nodes_json() {
    return std::string(*embedded_file("tech/nodes.json"));
}
void replace(std::string& s, const std::string& from, const std::string& to) {
    const auto pos = s.find(from);
    ASSERT_NE(pos, std::string::npos) << from;
    s.replace(pos, from.size(), to);
}
}  // namespace

TEST(Tech, NegativePriceRefusedWithKey) {
    std::string text = nodes_json();
    replace(text, R"("cost.cowos_s_usd": {"value": 750)", R"("cost.cowos_s_usd": {"value": -750)");
    auto t = tech_from_json(text, "nodes.json");
    ASSERT_FALSE(t.ok());
    EXPECT_NE(t.error().message.find("cost.cowos_s_usd"), std::string::npos) << t.error().message;

    TechLibrary lib = test::tech();
    auto st = set_physical_param(lib, "cost.yield_alpha", 0.01);  // below its range (0.1-100)
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("cost.yield_alpha"), std::string::npos);
    EXPECT_FALSE(set_physical_param(lib, "cost.no_such_thing", 1).ok());
    ASSERT_TRUE(set_physical_param(lib, "cost.yield_alpha", 5).ok());
    EXPECT_DOUBLE_EQ(lib.params.cost_yield_alpha, 5);
}

// A fitted parameter states its measured spread: the power model's busy floor 0.181 W/(mm2 GHz) with
// 0.157-0.275 (nodes.json). A range that does not hold the value, or is not two numbers, is refused
// with the key named.
TEST(Tech, FittedParameterRangeIsReadAndChecked) {
    const TechLibrary& lib = test::tech();
    int ranged = 0;
    for (const PhysParamInfo& p : lib.global_info) {
        if (!p.ranged) continue;
        ++ranged;
        EXPECT_LE(p.low, p.value) << p.key;
        EXPECT_GE(p.high, p.value) << p.key;
        if (p.key == "power.static_w_per_mm2_ghz") {
            EXPECT_DOUBLE_EQ(p.value, 0.181);
            EXPECT_DOUBLE_EQ(p.low, 0.157);
            EXPECT_DOUBLE_EQ(p.high, 0.275);
        }
        // Idle power over the TDP: H200's measured 79.9 W of 700, carried to other chips x0.5-2.
        if (p.key == "power.idle_tdp_fraction") {
            EXPECT_DOUBLE_EQ(p.value, 0.114);
            EXPECT_DOUBLE_EQ(p.low, 0.057);
            EXPECT_DOUBLE_EQ(p.high, 0.228);
        }
        // GDDR7's estimated energy per bit: GDDR6's 7.5 over the > 50 % better efficiency Micron gives it, 4.5-6.
        if (p.key == "hbm.pj_per_bit.gddr7") {
            EXPECT_DOUBLE_EQ(p.value, 5.0);
            EXPECT_DOUBLE_EQ(p.low, 4.5);
            EXPECT_DOUBLE_EQ(p.high, 6.0);
        }
    }
    // The power floor, the idle share, GDDR6's, GDDR7's and LPDDR5X's pJ/bit, PHY, controller and USD/GB, and the
    // HBM estimates: HBM3's, HBM3E's and HBM4's pJ/bit, PHY and controller, and every generation's USD/GB.
    EXPECT_EQ(ranged, 2 + 3 * 4 + 3 * 3 + 5);
    const std::string good = R"j("power.static_w_per_mm2_ghz": {"value": 0.181, "unit": "W/(mm2 GHz)", "range": [0.157, 0.275])j";
    for (const char* bad : {R"([0.19, 0.275])", R"([0.157])", R"("wide")", R"([0.157, 20])"}) {
        std::string text = nodes_json();
        replace(text, good,
                std::string(R"j("power.static_w_per_mm2_ghz": {"value": 0.181, "unit": "W/(mm2 GHz)", "range": )j") + bad);
        auto t = tech_from_json(text, "nodes.json");
        ASSERT_FALSE(t.ok()) << bad;
        EXPECT_NE(t.error().message.find("power.static_w_per_mm2_ghz"), std::string::npos) << t.error().message;
    }
}

TEST(Tech, NodeValuesAreChecked) {
    std::string text = nodes_json();
    replace(text, R"("wafer_usd": 18000)", R"("wafer_usd": -1)");
    auto t = tech_from_json(text, "nodes.json");
    ASSERT_FALSE(t.ok());
    EXPECT_NE(t.error().message.find("node.n4.wafer_usd"), std::string::npos) << t.error().message;
}

TEST(Tech, MissingParameterNamed) {
    std::string text = nodes_json();
    replace(text, R"("cost.yield_alpha")", R"("cost.yield_alpha_typo")");
    auto t = tech_from_json(text, "nodes.json");
    ASSERT_FALSE(t.ok());
    EXPECT_NE(t.error().message.find("cost.yield_alpha_typo"), std::string::npos) << t.error().message;
    EXPECT_FALSE(tech_from_json("{not json", "x").ok());
}
