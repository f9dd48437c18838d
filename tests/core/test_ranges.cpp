// Uncertainty: parameter ranges in the chip JSON, and the ranges of the headline results.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "core/physical/design.hpp"
#include "core/physical/tech.hpp"
#include "core/sweep/ranges.hpp"
#include "core/workload/scenario_keys.hpp"

using namespace scoville;

namespace {

const KeyRange* range_of(const ChipSpec& c, std::string_view key) {
    for (const KeyRange& r : c.ranges)
        if (r.key == key) return &r;
    return nullptr;
}

DesignPoint decode_design(ChipSpec chip) {
    DesignPoint d;
    d.chip = std::move(chip);
    d.model = *load_model("llama-3.1-8b");
    d.scenario.batch = 1;
    d.scenario.input_len = 1024;
    d.scenario.output_len = 256;
    return d;
}

double throughput(const DesignPoint& d, const ChipSpec& chip) {
    auto ev = evaluate_design(chip, d.model, d.scenario);
    EXPECT_TRUE(ev.ok()) << ev.error().message;
    return ev ? ev->serving.throughput_tokens_per_s : 0.0;
}

}  // namespace

TEST(Ranges, ReadAsFactorsOfTheValueAndWrittenBack) {
    auto h100 = load_chip("h100-sxm");
    ASSERT_TRUE(h100.ok());
    // h100-sxm.json: "efficiency.compute_fp8": [0.627, 0.693] around 0.66 = 0.95x and 1.05x.
    const KeyRange* r = range_of(*h100, "efficiency.compute_fp8");
    ASSERT_NE(r, nullptr);
    EXPECT_NEAR(r->low, 0.627 / 0.66, 1e-12);
    EXPECT_NEAR(r->high, 0.693 / 0.66, 1e-12);
    // The band moves with the value: at 0.5 it is [0.475, 0.525].
    ChipSpec edited = *h100;
    ASSERT_TRUE(set_param(edited, "efficiency.compute_fp8", 0.5).ok());
    auto back = chip_from_json(chip_to_json(edited), "edited");
    ASSERT_TRUE(back.ok()) << back.error().message;
    const KeyRange* moved = range_of(*back, "efficiency.compute_fp8");
    ASSERT_NE(moved, nullptr);
    EXPECT_NEAR(moved->low * 0.5, 0.475, 1e-12);
    EXPECT_NEAR(moved->high * 0.5, 0.525, 1e-12);
    EXPECT_EQ(back->ranges.size(), h100->ranges.size());
    // Near a limit the written range is clipped to the valid range, so the file still reads back:
    // 0.99 x 1.05 would pass the efficiency's maximum of 1.
    ASSERT_TRUE(set_param(edited, "efficiency.compute_fp8", 0.99).ok());
    auto clipped = chip_from_json(chip_to_json(edited), "edited");
    ASSERT_TRUE(clipped.ok()) << clipped.error().message;
}

TEST(Ranges, BadRangesAreRefusedNamingTheKey) {
    const std::string base = chip_to_json(*load_chip("h100-sxm"));
    auto with = [&](const std::string& ranges) {
        std::string text = base;
        const auto at = text.find("\"ranges\"");
        const auto end = text.find('}', at);
        text.replace(at, end - at + 1, "\"ranges\": " + ranges);
        return chip_from_json(text, "bad.json");
    };
    struct Case {
        std::string ranges, message;
    } cases[] = {
        {R"({"efficiency.memory": [0.9, 0.95]})", "bad.json: ranges.efficiency.memory: [0.9, 0.95] does not hold the value 0.866"},
        {R"({"efficiency.memry": [0.8, 0.9]})", "bad.json: ranges.efficiency.memry: unknown parameter key"},
        {R"({"hbm.generation": [1, 2]})", "bad.json: ranges.hbm.generation: a choice has no numeric range"},
        {R"({"efficiency.memory": 0.9})", "bad.json: ranges.efficiency.memory: expected [low, high]"},
        {R"({"efficiency.memory": [0.5, 1.2]})", "leaves the valid range"},
        {R"({"compute.rate_fp4": [0, 1]})", "the value is 0; a range needs a positive value"},
    };
    for (const Case& c : cases) {
        auto r = with(c.ranges);
        ASSERT_FALSE(r.ok()) << c.ranges;
        EXPECT_NE(r.error().message.find(c.message), std::string::npos) << r.error().message;
    }
}

// Every estimate of every reference chip carries a range, except the structure a data sheet fixes
// through a product (the MAC array's split into rows and columns, the precisions' rates, stacks,
// dies, the torus and the domain) and values of 0.
TEST(Ranges, EveryEstimatedValueHasARange) {
    const std::set<std::string> structural = {"compute.mac_rows",  "compute.mac_cols",  "compute.rate_bf16",
                                              "compute.rate_fp8",  "compute.rate_fp4",  "compute.rate_int8",
                                              "hbm.stacks",        "link.torus_dims",   "link.domain",
                                              "package.dies"};
    for (const std::string& id : reference_chip_ids()) {
        auto chip = load_chip(id);
        ASSERT_TRUE(chip.ok()) << id;
        for (const std::string& key : chip->estimated) {
            const ParamInfo* info = find_param(key);
            ASSERT_NE(info, nullptr) << id << " " << key;
            if (info->kind == ParamKind::choice || structural.contains(key) || info->get(*chip) == 0) continue;
            const KeyRange* r = range_of(*chip, key);
            ASSERT_NE(r, nullptr) << id << ": estimated " << key << " has no range";
            // A band on at least one side (a value at its limit, such as an overlap of 1, has one side).
            EXPECT_TRUE(r->low < 1.0 || r->high > 1.0) << id << " " << key;
        }
    }
}

// A chip without ranges or power readings of its own: only the power model's ranged parameters move anything,
// the busy floor (power.static_w_per_mm2_ghz 0.181, range 0.157-0.275 in nodes.json) and the idle power
// (power.idle_tdp_fraction, which moves only the energy of the idle hours in the cost). Throughput and area
// stay exact; the power per chip moves by the floor's own watts at each end (batch-1 decode on H100 stays
// far below the 700 W TDP, so the clock and the work do not change): +(0.275 / 0.181 - 1) = +51.9 % and
// -(1 - 0.157 / 0.181) = -13.3 % of the floor; tokens per joule moves the other way. A chip's own floor
// (H100's power.floor_w_per_mm2_ghz) takes the library's place, and its range with it.
TEST(Ranges, AChipWithoutRangesHasOnlyThePowerModelsRanges) {
    // (With HBM2, whose PHY and controller areas come from a die shot and its 3.9 pJ/bit from tech-nodes.csv: of its
    // memory's assumptions only the price per GB is an estimate with a range, which moves the cost alone.)
    ChipSpec chip = *load_chip("h100-sxm");
    chip.ranges.clear();
    chip.power.floor_w_per_mm2_ghz = 0;
    chip.power.operand_overhead = 0;
    chip.hbm.generation = DramType::hbm2;
    const DesignPoint d = decode_design(chip);
    auto r = result_ranges(d);
    ASSERT_TRUE(r.ok()) << r.error().message;
    // The design, the floor at its two ends, the idle share at its two and HBM2's USD/GB at its two.
    EXPECT_EQ(r->evaluations, 7);
    EXPECT_TRUE(r->failed.empty());
    ASSERT_EQ(r->results.size(), ranged_result_keys().size());
    for (const char* exact : {"throughput_tokens_per_s", "throughput_tokens_per_s_per_chip", "die_area_mm2"}) {
        const ResultRange* x = r->find(exact);
        ASSERT_NE(x, nullptr) << exact;
        EXPECT_EQ(x->low, x->value) << exact;
        EXPECT_EQ(x->high, x->value) << exact;
        EXPECT_TRUE(x->widest.empty()) << exact;
    }
    auto ev = evaluate_design(chip, d.model, d.scenario);
    ASSERT_TRUE(ev.ok());
    ASSERT_FALSE(ev->physical.power_w_breakdown.empty());
    const double floor_w = ev->physical.power_w_breakdown.back().value;  // the last item: static
    ASSERT_GT(floor_w, 200);  // 0.181 x 814 mm2 x 1.83 GHz ~ 270 W
    ASSERT_LT(ev->physical.power_w + floor_w, 700);  // the TDP never binds at either end
    const ResultRange* w = r->find("power_w_per_chip");
    ASSERT_NE(w, nullptr);
    EXPECT_NEAR(w->value, ev->physical.power_w, 1e-9 * w->value);
    EXPECT_NEAR(w->high - w->value, floor_w * (0.275 / 0.181 - 1), 1e-6 * w->value);
    EXPECT_NEAR(w->value - w->low, floor_w * (1 - 0.157 / 0.181), 1e-6 * w->value);
    EXPECT_EQ(w->widest, "power.static_w_per_mm2_ghz");
    const ResultRange* tpj = r->find("tokens_per_joule");
    ASSERT_NE(tpj, nullptr);
    // Tokens per joule = tokens/s per chip / watts: its ends are the power's ends.
    EXPECT_NEAR(tpj->low, tpj->value * w->value / w->high, 1e-6 * tpj->value);
    EXPECT_NEAR(tpj->high, tpj->value * w->value / w->low, 1e-6 * tpj->value);
}

// A memory type's estimated assumptions move the design that uses it, and only that one. The H100 of the test
// above with its 80 GB as 16 GDDR7 channels of 5 GB: its die area ranges over the PHY's 3.5-7 and the
// controller's 1-3 mm2 a channel (16 x 1.5 and 16 x 0.7 mm2 down, 16 x 2 and 16 x 1.3 up, before the NoC and other
// shares), its power over 4.5-6 pJ/bit, its cost over 3-8 USD/GB: eight more evaluations, HBM3's four ranged
// assumptions (pJ/bit, PHY, controller, USD/GB) none; with its HBM3 the reverse.
TEST(Ranges, AMemoryTypesEstimatesMoveOnlyItsDesigns) {
    ChipSpec chip = *load_chip("h100-sxm");
    chip.ranges.clear();
    chip.power.floor_w_per_mm2_ghz = 0;
    chip.power.operand_overhead = 0;
    ChipSpec gddr = chip;
    gddr.hbm.generation = DramType::gddr7;
    gddr.hbm.stacks = 16;
    gddr.hbm.gb_per_stack = 5;
    gddr.hbm.tb_s_per_stack = 0.128;
    gddr.hbm.spare_phys = 0;
    auto h = result_ranges(decode_design(chip));
    auto g = result_ranges(decode_design(gddr));
    ASSERT_TRUE(h.ok() && g.ok());
    EXPECT_EQ(h->evaluations, 5 + 8);
    EXPECT_EQ(g->evaluations, 5 + 8);
    EXPECT_TRUE(g->failed.empty());
    const ResultRange* area = g->find("die_area_mm2");
    ASSERT_NE(area, nullptr);
    // The die's sites: 16 x (5.0 + 1.7) = 107.2 mm2 listed; at the ends 16 x (3.5 + 1.7) and 16 x (7 + 1.7), and
    // 16 x (5 + 1) and 16 x (5 + 3), each scaled by the die's NoC and other shares (1 / (1 - noc - other)).
    const TechLibrary& tech = *default_tech();
    const double finished = 1 / (1 - tech.params.area_noc_fraction - tech.params.area_other_fraction);
    const double down = std::hypot(16 * 1.5, 16 * 0.7) * finished, up = std::hypot(16 * 2.0, 16 * 1.3) * finished;
    EXPECT_NEAR(area->value - area->low, down, 1e-6 * area->value);
    EXPECT_NEAR(area->high - area->value, up, 1e-6 * area->value);
    EXPECT_EQ(area->widest, "hbm.phy_mm2.gddr7");
    const ResultRange* hbm_area = h->find("die_area_mm2");
    ASSERT_NE(hbm_area, nullptr);
    EXPECT_EQ(hbm_area->widest, "hbm.phy_mm2.hbm3");
    // HBM3's 5 stacks + 1 spare site: the PHY's 6.7-10 mm2 about its 8.5, the controller's 3.3-5 about its 4.
}

// A caller whose design moved on stops the ranges: `stop` is asked before each end, and the first true ends
// them with an error; where it never answers true, the ranges are those computed without it.
TEST(Ranges, AStopAbandonsTheRangesBeforeTheNextEnd) {
    ChipSpec chip = *load_chip("h100-sxm");
    chip.ranges = {{"efficiency.memory", 0.9, 1.05}, {"compute.clock_ghz", 0.9, 1.1}};
    const DesignPoint d = decode_design(chip);
    auto whole = result_ranges(d);
    ASSERT_TRUE(whole.ok()) << whole.error().message;
    // The design, two keys' ends, the idle share's two and HBM3's four ranged assumptions' eight (as below).
    EXPECT_EQ(whole->evaluations, 15);
    int asked = 0;
    auto never = result_ranges(d, {}, [&] { return ++asked < 0; });
    ASSERT_TRUE(never.ok());
    EXPECT_EQ(asked, 14);  // once before each of the fourteen ends
    EXPECT_EQ(never->find("throughput_tokens_per_s")->low, whole->find("throughput_tokens_per_s")->low);
    EXPECT_EQ(never->find("power_w_per_chip")->high, whole->find("power_w_per_chip")->high);
    asked = 0;
    auto stopped = result_ranges(d, {}, [&] { return ++asked == 3; });  // true before the third end
    ASSERT_FALSE(stopped.ok());
    EXPECT_NE(stopped.error().message.find("stopped"), std::string::npos) << stopped.error().message;
    EXPECT_EQ(asked, 3);
}

// One uncertain key: the range is the design evaluated at the key's two ends. Two keys: the shifts
// add as root-sum-square.
TEST(Ranges, EndsAreEvaluatedAndCombinedByRootSumSquare) {
    ChipSpec chip = *load_chip("h100-sxm");
    chip.ranges = {{"efficiency.memory", 0.9, 1.05}};
    const DesignPoint d = decode_design(chip);
    auto one = result_ranges(d);
    ASSERT_TRUE(one.ok()) << one.error().message;
    // The design, the key's two ends, the idle share's two and HBM3's pJ/bit, PHY, controller and USD/GB at
    // theirs (nodes.json); H100's own power floor takes the library's place, whose ends would move nothing.
    EXPECT_EQ(one->evaluations, 13);
    const ResultRange* tps = one->find("throughput_tokens_per_s");
    ASSERT_NE(tps, nullptr);
    ChipSpec lo = chip, hi = chip;
    lo.efficiency.memory = chip.efficiency.memory * 0.9;
    hi.efficiency.memory = chip.efficiency.memory * 1.05;
    const double base = throughput(d, chip), t_lo = throughput(d, lo), t_hi = throughput(d, hi);
    EXPECT_DOUBLE_EQ(tps->value, base);
    EXPECT_NEAR(tps->low, t_lo, 1e-9 * base);  // batch-1 decode is memory-bound: slower memory, fewer tokens
    EXPECT_NEAR(tps->high, t_hi, 1e-9 * base);
    EXPECT_LT(tps->low, base);
    EXPECT_GT(tps->high, base);
    EXPECT_EQ(tps->widest, "efficiency.memory");

    chip.ranges.push_back({"compute.clock_ghz", 0.9, 1.1});
    const DesignPoint d2 = decode_design(chip);
    auto two = result_ranges(d2);
    ASSERT_TRUE(two.ok());
    EXPECT_EQ(two->evaluations, 15);
    ChipSpec c_lo = chip, c_hi = chip;
    c_lo.compute.clock_ghz *= 0.9;
    c_hi.compute.clock_ghz *= 1.1;
    const double dc_lo = throughput(d2, c_lo) - base, dc_hi = throughput(d2, c_hi) - base;
    // Each key's shifts below and above the value, squared and summed per side.
    double down = (t_lo - base) * (t_lo - base), up = (t_hi - base) * (t_hi - base);
    for (double dc : {dc_lo, dc_hi}) (dc < 0 ? down : up) += dc * dc;
    const ResultRange* t2 = two->find("throughput_tokens_per_s");
    ASSERT_NE(t2, nullptr);
    EXPECT_NEAR(t2->low, base - std::sqrt(down), 1e-9 * base);
    EXPECT_NEAR(t2->high, base + std::sqrt(up), 1e-9 * base);
}

// Near its TDP a design's power range stops at the TDP: every end is evaluated with the cap, which
// lowers the clock until the power fits, but the shifts of several keys added as root-sum-square would
// pass it. The Jalapeno estimate (650 W TDP) serving Llama-3.1-70B on 8 chips under the p99 limits
// draws about 600 W; its floor's high end alone would take it to the cap.
TEST(Ranges, PowerStopsAtTheTdp) {
    DesignPoint d;
    d.chip = *load_chip("jalapeno-est");
    d.model = *load_model("llama-3.1-70b");
    d.scenario.chips = 8;
    d.scenario.weight_precision = d.scenario.activation_precision = d.scenario.kv_precision = Precision::fp8;
    d.scenario.input_len = 1024;
    d.scenario.output_len = 256;
    d.scenario.ttft_slo_s = 2.0;
    d.scenario.tpot_slo_s = 0.2;
    auto r = result_ranges(d);
    ASSERT_TRUE(r.ok()) << r.error().message;
    const ResultRange* w = r->find("power_w_per_chip");
    ASSERT_NE(w, nullptr);
    EXPECT_DOUBLE_EQ(d.chip.power.tdp_w, 650);
    EXPECT_LT(w->value, 650);
    EXPECT_GT(w->value, 500);
    EXPECT_DOUBLE_EQ(w->high, 650);  // the root-sum-square reaches past it: held at the TDP
    EXPECT_LT(w->low, w->value);
}

TEST(Ranges, EstimatesWidenTheComparison) {
    // The Jalapeno estimate's throughput range is wider, relative to its value, than the measured H100's.
    auto width = [](const char* id) {
        auto r = result_ranges(decode_design(*load_chip(id)));
        EXPECT_TRUE(r.ok());
        const ResultRange* t = r->find("throughput_tokens_per_s");
        return (t->high - t->low) / t->value;
    };
    EXPECT_GT(width("jalapeno-est"), width("h100-sxm"));
    ResultRange a{nullptr, 10, 8, 12, {}}, b{nullptr, 13, 11.5, 14, {}}, c{nullptr, 13, 12.5, 14, {}};
    EXPECT_TRUE(within_uncertainty(a, b));
    EXPECT_FALSE(within_uncertainty(a, c));
}

// A deployment whose throughput only the engine's estimates move: the chip's own ranges cleared and its TDP lifted
// out of reach (the power model's ranges then move its power alone). The batch is auto.
namespace {
DesignPoint engine_design(const char* chip, const char* model, int chips, int attention_dp, int pp, int ep, int in,
                          int out) {
    DesignPoint d;
    d.chip = *load_chip(chip);
    d.chip.ranges.clear();
    d.chip.power.tdp_w = 5000;
    d.model = *load_model(model);
    Scenario& s = d.scenario;
    s.chips = chips;
    s.tp = 1;
    s.attention_dp = attention_dp;
    s.pp = pp;
    s.ep = ep;
    s.batch = 0;
    s.input_len = in;
    s.output_len = out;
    return d;
}
}  // namespace

// The engine's estimated defaults (WorkloadKey::estimate_ends) range the results where the workload keeps them and
// they can change its deployment.
TEST(Ranges, TheEnginesEstimatesRangeWhereTheyApply) {
    const auto throughput_at = [](const DesignPoint& d, const char* key, const char* value) {
        Scenario s = d.scenario;
        EXPECT_TRUE(set_workload_text(s, key, value).ok());
        auto ev = evaluate_design(d.chip, d.model, s);
        EXPECT_TRUE(ev.ok()) << ev.error().message;
        return ev ? ev->serving.throughput_tokens_per_s : 0.0;
    };
    // Eight pipeline stages (Llama 3.3 70B in FP4 on RTX PRO 6000 cards, the perf-overview's 128/2048 settings):
    // the host loop's walk over the requests a stage holds, 0.59 of its host time, ranges from 0.4 (faster) to 0.8.
    DesignPoint pipeline = engine_design("rtx-pro-6000", "llama-3.1-70b", 8, 1, 8, 1, 128, 2048);
    Scenario& p = pipeline.scenario;
    p.weight_precision = p.activation_precision = Precision::fp4;
    p.kv_precision = Precision::fp8;
    p.max_batch = 384;
    p.max_tokens_per_step = 2048;
    p.requests = 3000;
    p.admission = Admission::fill;
    p.host_us_per_request = 9;
    auto r = result_ranges(pipeline);
    ASSERT_TRUE(r.ok()) << r.error().message;
    const ResultRange* t = r->find("throughput_tokens_per_s");
    ASSERT_NE(t, nullptr);
    const double slow = throughput_at(pipeline, "host_active_share", "0.8");
    const double fast = throughput_at(pipeline, "host_active_share", "0.4");
    ASSERT_LT(slow, t->value);
    ASSERT_GT(fast, t->value);
    EXPECT_NEAR(t->low, slow, 1e-9 * slow);
    EXPECT_NEAR(t->high, fast, 1e-9 * fast);
    EXPECT_EQ(t->widest, "workload.host_active_share");
    EXPECT_TRUE(r->failed.empty());
    // A share the workload sets itself holds: no range from it.
    p.host_active_share = 0.5;
    r = result_ranges(pipeline);
    ASSERT_TRUE(r.ok()) << r.error().message;
    t = r->find("throughput_tokens_per_s");
    EXPECT_EQ(t->low, t->value);
    EXPECT_EQ(t->high, t->value);

    // Attention data parallelism over 4 H200s (Qwen3-30B-A3B in FP8, 5,000-token prompts, 500 out): each rank takes a
    // whole prompt in a share of the steps, and every step waits for the slowest rank. The default has each rank
    // schedule its own; the ranks taking their chunks together is the other end, faster; the low end is the value.
    DesignPoint adp = engine_design("h200-sxm", "qwen3-30b-a3b", 4, 4, 1, 4, 5000, 500);
    adp.model.moe.routing_alpha_low = adp.model.moe.routing_alpha_high = 0;  // the model's skew held (the next test)
    Scenario& a = adp.scenario;
    a.weight_precision = a.activation_precision = a.kv_precision = Precision::fp8;
    r = result_ranges(adp);
    ASSERT_TRUE(r.ok()) << r.error().message;
    t = r->find("throughput_tokens_per_s");
    const double aligned = throughput_at(adp, "attention_dp_balance", "on");
    ASSERT_GT(aligned, t->value * 1.01);
    EXPECT_EQ(t->low, t->value);
    EXPECT_NEAR(t->high, aligned, 1e-9 * aligned);
    EXPECT_EQ(t->widest, "workload.attention_dp_balance");
    // One rank: nothing to line up, and one stage: no walk over other micro-batches: no engine range.
    a.ep = a.attention_dp = 1;
    a.chips = 1;
    r = result_ranges(adp);
    ASSERT_TRUE(r.ok()) << r.error().message;
    t = r->find("throughput_tokens_per_s");
    EXPECT_EQ(t->low, t->value);
    EXPECT_EQ(t->high, t->value);
}

// The model's estimated routing skew (MoeSpec::routing_alpha_range) ranges an MoE deployment whose expert imbalance
// follows it. Qwen3-30B-A3B's 1.2 (the range's high end) over 4 H200s at TP 4, EP 4: the low end, 1.01, evens the
// experts' loads out, and the busiest rank's load falls: faster. An imbalance the workload sets holds: no range.
TEST(Ranges, TheModelsRoutingSkewRangesItsExperts) {
    DesignPoint d = engine_design("h200-sxm", "qwen3-30b-a3b", 4, 1, 1, 4, 1024, 1024);
    d.scenario.tp = 4;
    d.scenario.weight_precision = d.scenario.activation_precision = d.scenario.kv_precision = Precision::fp8;
    ASSERT_EQ(d.model.moe.routing_alpha, 1.2);
    auto r = result_ranges(d);
    ASSERT_TRUE(r.ok()) << r.error().message;
    const ResultRange* t = r->find("throughput_tokens_per_s");
    ModelSpec even = d.model;
    even.moe.routing_alpha = 1.01;
    auto ev = evaluate_design(d.chip, even, d.scenario);
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    const double faster = ev->serving.throughput_tokens_per_s;
    ASSERT_GT(faster, t->value * 1.001);
    EXPECT_EQ(t->low, t->value);
    EXPECT_NEAR(t->high, faster, 1e-9 * faster);
    EXPECT_EQ(t->widest, kRoutingSkewKey);
    d.scenario.expert_imbalance = 1.3;
    r = result_ranges(d);
    ASSERT_TRUE(r.ok()) << r.error().message;
    t = r->find("throughput_tokens_per_s");
    EXPECT_EQ(t->low, t->value);
    EXPECT_EQ(t->high, t->value);
}
