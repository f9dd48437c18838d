// Area model against the GA100 / GH100 die sizes and the GA100 die-shot breakdown
// (area-anchors.csv, LLMCompass), plus the reticle and HBM-shoreline warnings.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "core/physical/area.hpp"
#include "support/physical.hpp"

using namespace scoville;

namespace {
double item(const AreaBreakdown& a, const std::string& name) {
    for (const auto& b : a.items())
        if (b.name == name) return b.value;
    ADD_FAILURE() << "no area item " << name;
    return 0;
}
bool has_warning(const std::vector<Message>& w, const std::string& prefix) {
    for (const auto& m : w)
        if (m.text().rfind(prefix, 0) == 0) return true;
    return false;
}
}  // namespace

TEST(Area, A100MatchesGa100) {
    const ChipSpec a100 = test::embedded_chip("a100-sxm");
    auto a = estimate_area(a100, test::tech());
    ASSERT_TRUE(a.ok()) << a.error().message;
    // Matrix units: (108 + 20 spare) SMs x 4 x 16 x 16 = 131,072 MACs x 900 um2 (N7 bf16) = 117.96 mm2
    EXPECT_NEAR(a->matrix_mm2, 117.96, 0.01);
    // L2: 48 MB at 2.2 MB/mm2 x 0.18 (GPU caches) = 0.396 MB/mm2 -> 121.2 mm2
    EXPECT_NEAR(a->sram_mm2, 121.21, 0.01);
    // 6 HBM2e sites x 10.5 mm2 PHY; 6 x 5.7 mm2 controller
    EXPECT_NEAR(a->hbm_phy_mm2, 63.0, 1e-9);
    EXPECT_NEAR(a->hbm_ctrl_mm2, 34.2, 1e-9);
    // NVLink3: 600 GB/s x 8 / (2 x 50 Gb/s) = 48 lanes x 0.48 mm2
    EXPECT_NEAR(a->serdes_lanes, 48.0, 1e-9);
    // GA100: 826 mm2 (data sheet), within +-15%
    EXPECT_NEAR(a->die_mm2, 826.0, 0.15 * 826.0);
    // Die-shot shares (area-anchors.csv a100-ga100), each within 2 percentage points.
    const double total = a->die_mm2;
    EXPECT_NEAR(a->compute_mm2() / total, 0.579, 0.02);
    EXPECT_NEAR(item(*a, "NoC") / total, 0.093, 0.02);
    EXPECT_NEAR(item(*a, "SRAM") / total, 0.145, 0.02);
    EXPECT_NEAR(item(*a, "memory PHY") / total, 0.070, 0.02);
    EXPECT_NEAR(item(*a, "memory controller") / total, 0.039, 0.02);
    EXPECT_NEAR(item(*a, "link SerDes") / total, 0.025, 0.02);
    EXPECT_NEAR(item(*a, "other") / total, 0.049, 0.02);
    EXPECT_FALSE(has_warning(area_warnings(a100, *a, test::tech()), "reticle:"));
    EXPECT_FALSE(has_warning(area_warnings(a100, *a, test::tech()), "hbm:"));
}

TEST(Area, H100MatchesGh100) {
    ChipSpec h100 = test::embedded_chip("h100-sxm");
    // GH100 silicon behind the H100 SXM data sheet (Hopper whitepaper): 144 SMs (132 enabled),
    // 60 MB L2 (50 enabled), 6 HBM3 sites (5 stacks), 256 KB registers + 256 KB L1 per SM, NVLink4 lanes at
    // 100 Gb/s.
    for (const char* kv : {"compute.spare_cores=12", "compute.local_sram_kb_per_core=512", "sram.style=gpu",
                           "sram.spare_mb=10", "hbm.spare_phys=1", "link.lane_gbps=100"})
        ASSERT_TRUE(apply_assignment(h100, kv).ok()) << kv;
    auto a = estimate_area(h100, test::tech());
    ASSERT_TRUE(a.ok()) << a.error().message;
    // 144 x 4 x 16 x 32 = 294,912 MACs x 540 um2 (N4 bf16) = 159.25 mm2
    EXPECT_NEAR(a->matrix_mm2, 159.25, 0.01);
    // 900 GB/s x 8 / (2 x 100 Gb/s) = 36 lanes (18 links x 2)
    EXPECT_NEAR(a->serdes_lanes, 36.0, 1e-9);
    // GH100: 814 mm2, within +-15%, and under the reticle like the real die
    EXPECT_NEAR(a->die_mm2, 814.0, 0.15 * 814.0);
    EXPECT_LT(a->die_mm2, 858.0);
    EXPECT_FALSE(has_warning(area_warnings(h100, *a, test::tech()), "reticle:"));
}

TEST(Area, B200DiesAreReticleSized) {
    // Blackwell's SM holds 768 KB: 256 KB registers, 256 KB L1/shared and 256 KB tensor memory
    // (128 lanes x 512 columns x 4 B; PTX ISA). Per die: 80 SMs x 768 KB = 60 MB at 2.9 x 0.18 MB/mm2 -> 115 mm2.
    const ChipSpec b200 = test::embedded_chip("b200");
    ASSERT_EQ(b200.compute.local_sram_kb_per_core, 768.0);
    auto a = estimate_area(b200, test::tech());
    ASSERT_TRUE(a.ok()) << a.error().message;
    EXPECT_NEAR(a->local_sram_mm2 / a->dies, 80 * 768.0 / 1024.0 / (2.9 * 0.18), 0.01);
    // NVIDIA: two reticle-limited dies (104 B transistors each); about 800 mm2 per die in press estimates,
    // within +-15%, and under the 858 mm2 reticle.
    EXPECT_NEAR(a->die_mm2, 800.0, 0.15 * 800.0);
    EXPECT_LT(a->die_mm2, 858.0);
    // GB200 is the same silicon: the same dies.
    auto g = estimate_area(test::embedded_chip("gb200"), test::tech());
    ASSERT_TRUE(g.ok());
    EXPECT_DOUBLE_EQ(g->die_mm2, a->die_mm2);
}

TEST(Area, Mi300xComputeDiesSitOnIoDies) {
    const ChipSpec mi300x = test::embedded_chip("mi300x");
    ASSERT_EQ(mi300x.package.io_dies, 4);
    auto a = estimate_area(mi300x, test::tech());
    ASSERT_TRUE(a.ok()) << a.error().message;
    const double finished = 1.0 / (1.0 - 0.093 - 0.049);  // NoC and other shares of each die
    // Compute dies hold the CUs only: (304 + 16) CUs' matrix, vector, local SRAM and control over 8 XCDs.
    EXPECT_NEAR(a->die_mm2, a->compute_mm2() * finished / 8, 1e-9);
    // Infinity Cache on the I/O dies at N7 GPU-cache density: 256 MB / (2.2 x 0.18) MB/mm2 = 646.5 mm2.
    EXPECT_NEAR(a->sram_mm2, 256.0 / (2.2 * 0.18), 0.01);
    // Under the XCDs: each I/O die is at least its two XCDs plus its edge PHYs (HBM PHY, SerDes).
    EXPECT_NEAR(a->io_die_mm2 * 4, a->die_mm2 * 8 + a->hbm_phy_mm2 + a->serdes_mm2, 1e-6);
    EXPECT_GT(a->io_base_mm2, 0);
    // AMD (ISSCC 2024 coverage): XCDs ~115 mm2 on N5, I/O dies ~370 mm2 on N6; the whole package
    // (8 XCDs + 4 I/O dies) ~2,400 mm2. The CU model is sized on GA100 and GH100 SMs: XCDs within
    // +-25 %, the I/O dies and the package within +-20 %.
    EXPECT_NEAR(a->die_mm2, 115.0, 0.25 * 115.0);
    EXPECT_NEAR(a->io_die_mm2, 370.0, 0.20 * 370.0);
    EXPECT_NEAR(a->package_mm2, 8 * 115.0 + 4 * 370.0, 0.20 * 2400.0);
    // Each die kind's items add up to that die.
    double die = 0, io = 0;
    for (const auto& b : a->die_items(false)) die += b.value;
    for (const auto& b : a->die_items(true)) io += b.value;
    EXPECT_NEAR(die, a->die_mm2, 1e-9);
    EXPECT_NEAR(io, a->io_die_mm2, 1e-9);
    EXPECT_NEAR(8 * die + 4 * io, a->package_mm2, 1e-6);
    // Eight HBM3 stacks on four I/O dies' edges: no shoreline warning, and no reticle warning.
    EXPECT_TRUE(area_warnings(mi300x, *a, test::tech()).empty());
}

TEST(Area, IoDiesBesideHoldOnlyTheirContents) {
    // The same chip with its I/O dies beside the compute dies (2.5D): no base silicon, the I/O dies are
    // their contents, and the compute dies are unchanged.
    ChipSpec beside = test::embedded_chip("mi300x");
    ASSERT_TRUE(apply_assignment(beside, "package.io_placement=beside").ok());
    auto a = estimate_area(beside, test::tech());
    auto u = estimate_area(test::embedded_chip("mi300x"), test::tech());
    ASSERT_TRUE(a.ok() && u.ok());
    EXPECT_DOUBLE_EQ(a->io_base_mm2, 0);
    EXPECT_DOUBLE_EQ(a->die_mm2, u->die_mm2);
    const double finished = 1.0 / (1.0 - 0.093 - 0.049);
    EXPECT_NEAR(a->io_die_mm2 * 4,
                (a->sram_mm2 + a->hbm_phy_mm2 + a->hbm_ctrl_mm2 + a->serdes_mm2 + a->d2d_mm2) * finished, 1e-6);
    // An unknown I/O node is refused by name.
    ChipSpec bad = test::embedded_chip("mi300x");
    bad.tech.io_node = "n9";
    auto e = estimate_area(bad, test::tech());
    ASSERT_FALSE(e.ok());
    EXPECT_NE(e.error().message.find("tech.io_node"), std::string::npos);
}

TEST(Area, Maia100ScratchpadAnchor) {
    // The scratchpad control overhead (1.1) is fitted to this chip: TSMC N5, 820 mm2, 500 MB SRAM
    // (chips.csv, press). Its core structure is an estimate, so this guards the fit, not the physics.
    const ChipSpec maia = test::embedded_chip("maia-100");
    auto a = estimate_area(maia, test::tech());
    ASSERT_TRUE(a.ok()) << a.error().message;
    // SRAM: 500 MB / 2.9 MB/mm2 (N5 scratchpad) = 172.4 mm2
    EXPECT_NEAR(a->sram_mm2, 172.41, 0.01);
    EXPECT_NEAR(a->die_mm2, 820.0, 0.15 * 820.0);
}

TEST(Area, ReticleWarningSuggestsMoreDies) {
    ChipSpec big = test::embedded_chip("a100-sxm");
    big.compute.cores = 216;  // twice the SMs: the die grows well past 858 mm2
    auto a = estimate_area(big, test::tech());
    ASSERT_TRUE(a.ok());
    EXPECT_GT(a->die_mm2, 858.0);
    const auto w = area_warnings(big, *a, test::tech());
    ASSERT_TRUE(has_warning(w, "reticle:"));
    for (const auto& m : w)
        if (const std::string s = m.text(); s.rfind("reticle:", 0) == 0) {
            EXPECT_NE(s.find("package.dies=2"), std::string::npos) << s;
        }
    // Still computed, never clamped: the area is the model's, not 858.
    EXPECT_GT(a->package_mm2, 1000.0);

    big.package.dies = 2;
    auto two = estimate_area(big, test::tech());
    ASSERT_TRUE(two.ok());
    EXPECT_NEAR(two->die_mm2, two->package_mm2 / 2, 1e-9);
    EXPECT_FALSE(has_warning(area_warnings(big, *two, test::tech()), "reticle:"));
}

TEST(Area, HbmShorelineWarning) {
    ChipSpec c = test::embedded_chip("a100-sxm");
    c.hbm.stacks = 12;  // 13 sites x 10.5 mm = 137 mm of edge; a ~900 mm2 die has 2 x ~34 mm long edges
    auto a = estimate_area(c, test::tech());
    ASSERT_TRUE(a.ok());
    EXPECT_LT(a->max_hbm_stacks, 13);
    EXPECT_TRUE(has_warning(area_warnings(c, *a, test::tech()), "hbm:"));
}

TEST(Area, GddrChannelsRingThreeEdges) {
    // A100 with its 5 HBM2e stacks (+1 spare site) swapped for 16 GDDR7 x32 channels, no spare: the memory I/O is
    // 16 x (5.0 PHY + 1.7 controller) = 107.2 mm2 where 6 HBM2e sites took 6 x (10.5 + 5.7) = 97.2 mm2.
    ChipSpec hbm = test::embedded_chip("a100-sxm");
    ChipSpec g = hbm;
    g.hbm.generation = DramType::gddr7;
    g.hbm.stacks = 16;
    g.hbm.gb_per_stack = 6;        // two 24 Gb devices in clamshell
    g.hbm.tb_s_per_stack = 0.128;  // 32 Gb/s over 32 pins
    g.hbm.spare_phys = 0;
    auto ah = estimate_area(hbm, test::tech());
    auto ag = estimate_area(g, test::tech());
    ASSERT_TRUE(ah.ok() && ag.ok());
    EXPECT_EQ(ag->hbm_sites, 16);
    EXPECT_NEAR(ag->hbm_phy_mm2, 16 * 5.0, 1e-9);
    EXPECT_NEAR(ag->hbm_ctrl_mm2, 16 * 1.7, 1e-9);
    EXPECT_NEAR(ah->hbm_phy_mm2 + ah->hbm_ctrl_mm2, 6 * (10.5 + 5.7), 1e-9);
    // Three edges of the die at 5 mm a channel: 2 x long + short of a ~830 mm2 die at aspect 1.269 is about
    // 2 x 32 + 26 = 90 mm, 18 channels; the HBM die's two long edges hold 6 stacks at 10 mm.
    const double die = ag->die_mm2;
    const double long_edge = std::sqrt(die * test::tech().params.area_die_aspect);
    EXPECT_EQ(ag->max_hbm_stacks, static_cast<int>(std::floor((2 * long_edge + die / long_edge) / 5.0)));
    EXPECT_GE(ag->max_hbm_stacks, 16);
    EXPECT_FALSE(has_warning(area_warnings(g, *ag, test::tech()), "hbm:"));
    // 32 channels do not fit: the warning names the memory type and the three edges.
    g.hbm.stacks = 32;
    auto crowded = estimate_area(g, test::tech());
    ASSERT_TRUE(crowded.ok());
    const auto w = area_warnings(g, *crowded, test::tech());
    ASSERT_TRUE(has_warning(w, "hbm:"));
    bool named = false;
    for (const auto& m : w) named = named || (m.text().find("gddr7 channels") != std::string::npos &&
                                              m.text().find("three edges") != std::string::npos);
    EXPECT_TRUE(named);
}

TEST(Area, RtxPro6000FitsItsDieWithItsDenseL2) {
    // GB202 (RTX PRO 6000): its 128 MB L2 at sram.density_factor 0.52, fitted to the published 750 mm2 die; at the
    // tech library's GPU-cache density (0.18) the L2 alone takes 128 / (2.9 x 0.18) = 245 mm2 and the die models
    // near 940 mm2, past the reticle.
    const ChipSpec c = test::embedded_chip("rtx-pro-6000");
    auto a = estimate_area(c, test::tech());
    ASSERT_TRUE(a.ok());
    EXPECT_NEAR(a->die_mm2, 750, 750 * 0.01);
    EXPECT_NEAR(a->sram_mm2, 128 / (2.9 * 0.52), 1e-9);
    EXPECT_FALSE(has_warning(area_warnings(c, *a, test::tech()), "reticle:"));
    EXPECT_FALSE(has_warning(area_warnings(c, *a, test::tech()), "hbm:"));
    ChipSpec cache = c;
    cache.sram.density_factor = 0;  // the style's
    auto b = estimate_area(cache, test::tech());
    ASSERT_TRUE(b.ok());
    EXPECT_NEAR(b->sram_mm2, 128 / (2.9 * 0.18), 1e-9);
    EXPECT_TRUE(has_warning(area_warnings(cache, *b, test::tech()), "reticle:"));
}

TEST(Area, ASiteBeyondItsMemoryTypeIsSaid) {
    // Every reference chip's sites are within what their memory type's parts give.
    const auto site_warnings = [](const std::vector<Message>& w) {
        int n = 0;
        for (const auto& m : w) n += m.text().find(" a site (hbm.") != std::string::npos;
        return n;
    };
    for (const std::string& id : reference_chip_ids()) {
        const ChipSpec c = test::embedded_chip(id);
        auto a = estimate_area(c, test::tech());
        ASSERT_TRUE(a.ok()) << id;
        EXPECT_EQ(site_warnings(area_warnings(c, *a, test::tech())), 0) << id;
    }
    // B200's eight stacks of 24 GB at 1.0 TB/s turned into GDDR7 channels without changing them: a x32 channel
    // carries 0.192 TB/s at 48 Gb/s and holds 8 GB in clamshell, so both are said, naming the key and the type.
    ChipSpec c = test::embedded_chip("b200");
    c.hbm.generation = DramType::gddr7;
    auto a = estimate_area(c, test::tech());
    ASSERT_TRUE(a.ok());
    std::vector<std::string> texts;
    for (const auto& m : area_warnings(c, *a, test::tech())) texts.push_back(m.text());
    const auto said = [&](const std::string& t) {
        return std::find(texts.begin(), texts.end(), t) != texts.end();
    };
    EXPECT_TRUE(said("hbm: 1 TB/s a site (hbm.tb_s_per_stack) is more than one gddr7 site carries: 0.192 TB/s at the fastest"));
    EXPECT_TRUE(said("hbm: 24 GB a site (hbm.gb_per_stack) is more than one gddr7 site holds: 8 GB at the largest"));
    // At a GDDR7 channel's own figures (112 GB/s, 6 GB) neither is said.
    c.hbm.tb_s_per_stack = 0.112;
    c.hbm.gb_per_stack = 6;
    auto b = estimate_area(c, test::tech());
    ASSERT_TRUE(b.ok());
    for (const auto& m : area_warnings(c, *b, test::tech()))
        EXPECT_EQ(m.text().find("a site"), std::string::npos) << m.text();
}

TEST(Area, ImpossibleChipsRefusedWithKey) {
    ChipSpec c = test::embedded_chip("a100-sxm");
    c.compute.cores = 0;  // no MACs
    auto a = estimate_area(c, test::tech());
    ASSERT_FALSE(a.ok());
    EXPECT_NE(a.error().message.find("compute.cores"), std::string::npos) << a.error().message;

    c = test::embedded_chip("a100-sxm");
    c.compute.mac_rows = 0;
    a = estimate_area(c, test::tech());
    ASSERT_FALSE(a.ok());
    EXPECT_NE(a.error().message.find("compute.mac_rows"), std::string::npos) << a.error().message;

    c = test::embedded_chip("a100-sxm");
    c.tech.node = "n6";
    a = estimate_area(c, test::tech());
    ASSERT_FALSE(a.ok());
    EXPECT_NE(a.error().message.find("tech.node"), std::string::npos) << a.error().message;
}

TEST(Area, WidestNativePrecisionSetsTheCell) {
    const TechNode& n4 = *test::tech().node("n4");
    ChipSpec c;
    c.compute.rate_bf16 = 1;
    c.compute.rate_fp8 = 2;
    c.compute.rate_fp4 = 4;
    c.compute.rate_int8 = 0;
    // max(1 x 540, 2 x 243, 4 x 135) = 540 um2
    EXPECT_DOUBLE_EQ(mac_cell_um2(c, n4), 540);
    c.compute.rate_bf16 = 0;  // an fp8-first cell: max(2 x 243, 4 x 135) = 540 (fp4 at 4x)
    EXPECT_DOUBLE_EQ(mac_cell_um2(c, n4), 540);
    c.compute.rate_fp4 = 2;  // max(2 x 243, 2 x 135) = 486
    EXPECT_DOUBLE_EQ(mac_cell_um2(c, n4), 486);
}

TEST(Area, EveryParameterAtItsRangeEndsStaysFinite) {
    // Bad or extreme input never yields NaN or inf: each registry key at min, max and slider ends.
    const ChipSpec base = test::embedded_chip("h100-sxm");
    int cases = 0;
    for (const auto& info : chip_params()) {
        for (double v : {info.min, info.max, info.slider_min, info.slider_max}) {
            ChipSpec c = base;
            if (!set_param(c, info.key, v).ok()) continue;
            auto a = estimate_area(c, test::tech());
            if (!a) continue;  // refused with a message (e.g. no compute left at any precision)
            ++cases;
            for (const auto& b : a->items()) EXPECT_TRUE(std::isfinite(b.value)) << info.key << "=" << v;
            EXPECT_TRUE(std::isfinite(a->die_mm2)) << info.key << "=" << v;
            EXPECT_GT(a->die_mm2, 0) << info.key << "=" << v;
        }
    }
    EXPECT_GT(cases, 100);
}
