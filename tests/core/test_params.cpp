// Chip vocabulary: the parameter registry, derived peaks and design-file round trips.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <tuple>

#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "core/physical/tech.hpp"
#include "core/workload/scenario_keys.hpp"

using namespace scoville;

namespace {
ChipSpec h100_like() {
    ChipSpec c;
    c.id = "test-h100";
    c.compute.cores = 132;
    c.compute.arrays_per_core = 4;
    c.compute.mac_rows = 16;
    c.compute.mac_cols = 32;
    c.compute.clock_ghz = 1.83;
    c.compute.rate_bf16 = 1;
    c.compute.rate_fp8 = 2;
    c.compute.rate_fp4 = 0;
    c.hbm.stacks = 5;
    c.hbm.gb_per_stack = 16;
    c.hbm.tb_s_per_stack = 0.67;
    return c;
}
}  // namespace

TEST(ChipParams, DerivedPeaks) {
    const ChipSpec c = h100_like();
    // 132 cores x 4 arrays x 16 x 32 = 270,336 MACs/cycle; x 2 FLOP x 1.83 GHz = 989.4 TFLOP/s
    EXPECT_NEAR(c.peak_tflops(Precision::bf16), 989.43, 0.01);
    EXPECT_NEAR(c.peak_tflops(Precision::fp8), 1978.86, 0.01);
    // No native fp4: runs at the fp8 rate.
    EXPECT_EQ(c.executed_precision(Precision::fp4), Precision::fp8);
    EXPECT_NEAR(c.peak_tflops(Precision::fp4), 1978.86, 0.01);
    // 5 stacks x 0.67 TB/s = 3.35 TB/s; 5 x 16 GB = 80 GB
    EXPECT_NEAR(c.memory_tb_s(), 3.35, 1e-12);
    EXPECT_NEAR(c.memory_gb(), 80.0, 1e-12);
}

TEST(ChipParams, EveryKeyRoundTripsThroughText) {
    ChipSpec c = h100_like();
    for (const auto& info : chip_params()) {
        auto text = get_param_text(c, info.key);
        ASSERT_TRUE(text.ok()) << info.key;
        ASSERT_TRUE(set_param_text(c, info.key, *text).ok()) << info.key;
        EXPECT_EQ(*get_param(c, info.key), *get_param(h100_like(), info.key)) << info.key;
    }
}

TEST(ChipParams, RequiredKeysExist) {
    for (const char* key : {"compute.cores", "compute.arrays_per_core", "compute.mac_rows", "compute.mac_cols",
                            "compute.clock_ghz", "sram.mb", "sram.tb_s", "hbm.generation", "hbm.stacks",
                            "hbm.gb_per_stack", "hbm.tb_s_per_stack", "link.count", "link.gb_s",
                            "link.topology", "tech.node", "package.dies", "power.tdp_w",
                            "efficiency.compute", "efficiency.memory", "efficiency.network"}) {
        EXPECT_NE(find_param(key), nullptr) << key;
    }
}

TEST(ChipParams, ProcessNodesComeFromTheTechData) {
    // tech.node offers exactly the nodes of resources/tech/nodes.json, in file order.
    const auto& tech = default_tech();
    ASSERT_TRUE(tech.ok());
    const ParamInfo& node = *find_param("tech.node");
    ASSERT_EQ(node.choices.size(), tech->nodes.size());
    for (size_t i = 0; i < node.choices.size(); ++i) EXPECT_EQ(node.choices[i], tech->nodes[i].id);
    EXPECT_EQ(node.max, static_cast<double>(tech->nodes.size() - 1));
    ChipSpec c;
    for (const auto& n : tech->nodes) {
        ASSERT_TRUE(set_param_text(c, "tech.node", n.id).ok()) << n.id;
        EXPECT_EQ(c.tech.node, n.id);
        EXPECT_EQ(*get_param_text(c, "tech.node"), n.id);
    }
    const auto bad = set_param_text(c, "tech.node", "n6");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("n7, n5, n4, n3, n2"), std::string::npos) << bad.error().message;
}

TEST(ChipParams, BadValuesAreRefusedWithTheKeyNamed) {
    ChipSpec c = h100_like();
    auto st = set_param_text(c, "compute.cores", "0");
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("compute.cores"), std::string::npos);
    st = set_param(c, "sram.tb_s", -1.0);
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("sram.tb_s"), std::string::npos);
    st = set_param(c, "compute.clock_ghz", std::numeric_limits<double>::quiet_NaN());
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("finite"), std::string::npos);
    st = set_param_text(c, "compute.mac_rows", "12.5");
    ASSERT_FALSE(st.ok());
    st = set_param_text(c, "link.topology", "ring");
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("switch, torus, mesh"), std::string::npos);
    st = apply_assignment(c, "compute.warp_size=32");
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("compute.warp_size"), std::string::npos);
    st = apply_assignment(c, "compute.clock_ghz");
    ASSERT_FALSE(st.ok());
    // Nothing changed by refused edits.
    EXPECT_EQ(c, h100_like());
}

TEST(ChipJson, RoundTripIsLossless) {
    ChipSpec c = h100_like();
    c.name = "H100-like";
    c.estimated = {"compute.mac_rows"};
    c.link.topology = Topology::torus;
    c.tech.node = "n3";
    auto back = chip_from_json(chip_to_json(c), "round-trip");
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, c);
}

TEST(ChipJson, BoardMemoryTypesReadAndWrite) {
    // GDDR and LPDDR are memory types of the same vocabulary: written by name, read back, the others kept.
    for (const auto& [text, type, name] : {std::tuple{"gddr6", DramType::gddr6, "GDDR"},
                                           std::tuple{"gddr7", DramType::gddr7, "GDDR"},
                                           std::tuple{"lpddr5x", DramType::lpddr5x, "LPDDR"},
                                           std::tuple{"hbm3e", DramType::hbm3e, "HBM"}}) {
        ChipSpec c = h100_like();
        ASSERT_TRUE(set_param_text(c, "hbm.generation", text).ok()) << text;
        EXPECT_EQ(c.hbm.generation, type);
        EXPECT_EQ(*get_param_text(c, "hbm.generation"), text);
        EXPECT_EQ(memory_name(type), std::string_view(name));
        EXPECT_EQ(is_hbm(type), type == DramType::hbm3e) << text;
        EXPECT_NE(chip_to_json(c).find(std::string("\"generation\": \"") + text + "\""), std::string::npos) << text;
        auto back = chip_from_json(chip_to_json(c), "round-trip");
        ASSERT_TRUE(back.ok()) << back.error().message;
        EXPECT_EQ(*back, c);
    }
    ChipSpec c = h100_like();
    const Status st = set_param_text(c, "hbm.generation", "ddr5");
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("hbm.generation"), std::string::npos) << st.error().message;
}

TEST(ChipJson, RefusesBadFiles) {
    EXPECT_NE(chip_from_json("{\"compute\": {\"cores\": ", "a.json").error().message.find("a.json: malformed JSON"),
              std::string::npos);
    EXPECT_NE(chip_from_json("{\"compute\": {\"corez\": 4}}", "b.json").error().message.find("compute.corez"),
              std::string::npos);
    EXPECT_NE(chip_from_json("{\"compute\": {\"cores\": \"many\"}}", "c.json").error().message.find("must be a number"),
              std::string::npos);
    EXPECT_NE(chip_from_json("{\"hbm\": {\"stacks\": -2}}", "d.json").error().message.find("hbm.stacks"),
              std::string::npos);
    EXPECT_FALSE(chip_from_json("[1,2]", "e.json").ok());
}

// The workload vocabulary: every scenario key reads back as written, bad text names the key.
TEST(WorkloadKeys, EveryKeyRoundTripsAsText) {
    Scenario s;
    s.batch = 0;
    s.tp = 0;
    s.attention_dp = 4;
    s.input_len_cv = 0.77;
    s.kv_precision = Precision::fp8;
    s.kv_allocation = KvAllocation::on_demand;
    s.admission = Admission::fill;
    s.spec_tokens = 3;
    s.spec_accept = 0.8;
    s.draft_model = "llama-3.1-8b";
    s.prefill_chips = s.decode_chips = -1;
    s.prefill_chip = "b200";
    s.ttft_slo_s = 2.0;
    s.host_us_per_request = 9;
    s.host_active_share = 0.3;
    s.host_ms_per_step = 9;
    s.stream_us_per_token = 15;
    s.admit_every_steps = 9;
    s.prefill_steps = PrefillSteps::separate;
    s.attention_dp_balance = true;
    s.chunked_decode_full = true;
    s.chunked_kv_whole = true;
    s.lm_head_as_weights = true;
    s.custom_allreduce_mb = 16;
    s.moe_pair_bytes = 12.5;
    s.moe_tile_tokens = 64;
    s.prefill_tp = 8;
    s.prefill_attention_dp = 2;
    s.moe_dispatch = MoeDispatch::alltoall;
    s.weights_16bit_share = 0.094;
    s.output_len_quantiles = {{0.01, 23}, {0.5, 251}, {0.99, 922}};
    Scenario copy;
    for (const auto& k : workload_keys()) {
        const std::string text = *get_workload_text(s, k.key);
        ASSERT_TRUE(set_workload_text(copy, k.key, text).ok()) << k.key << " = '" << text << "'";
    }
    EXPECT_TRUE(copy == s);
    // A key that says where it applies says cheaply whether a scenario holds a value of its own for it, as its
    // text does: none on the defaults, one on this scenario. An expert-parallel degree of its own is more than
    // one: auto (0, here) and none (1, the default) choose none.
    for (const auto& k : workload_keys()) {
        EXPECT_EQ(k.applies != nullptr, k.holds_value != nullptr) << k.key;
        EXPECT_FALSE(workload_key_holds_value(k, Scenario{})) << k.key;
        if (k.key == "ep") continue;
        EXPECT_EQ(workload_key_holds_value(k, s), *get_workload_text(s, k.key) != *get_workload_text(Scenario{}, k.key))
            << k.key;
    }
    const WorkloadKey& ep = *find_workload_key("ep");
    for (int degree : {0, 1, 2, 8}) {
        Scenario t;
        t.ep = degree;
        EXPECT_EQ(workload_key_holds_value(ep, t), degree > 1) << degree;
    }
    EXPECT_TRUE(workload_key_holds_value(*find_workload_key("prefill_ep"), [] {
        Scenario t;
        t.prefill_ep = 4;
        return t;
    }()));
    EXPECT_EQ(*get_workload_text(s, "tpot_slo_s"), "");  // no limit
    EXPECT_EQ(*get_workload_text(s, "kv_allocation"), "on_demand");
    EXPECT_EQ(*get_workload_text(s, "input_len_cv"), "0.77");
    EXPECT_EQ(*get_workload_text(s, "moe_pair_bytes"), "12.5");
    EXPECT_EQ(*get_workload_text(s, "moe_tile_tokens"), "64");
    EXPECT_EQ(*get_workload_text(Scenario{}, "moe_tile_tokens"), "128");
    EXPECT_EQ(*get_workload_text(s, "prefill_tp"), "8");
    EXPECT_EQ(*get_workload_text(s, "prefill_attention_dp"), "2");
    EXPECT_EQ(*get_workload_text(Scenario{}, "prefill_ep"), "0");  // shared
    EXPECT_EQ(*get_workload_text(s, "admit_every_steps"), "9");
    EXPECT_EQ(*get_workload_text(s, "host_ms_per_step"), "9");
    EXPECT_EQ(*get_workload_text(Scenario{}, "host_ms_per_step"), "0");
    EXPECT_EQ(*get_workload_text(s, "stream_us_per_token"), "15");
    EXPECT_EQ(*get_workload_text(s, "host_active_share"), "0.3");
    EXPECT_EQ(*get_workload_text(Scenario{}, "host_active_share"), "0.59");
    EXPECT_EQ(*get_workload_text(Scenario{}, "stream_us_per_token"), "0");
    EXPECT_EQ(*get_workload_text(s, "custom_allreduce_mb"), "16");
    EXPECT_EQ(*get_workload_text(s, "moe_dispatch"), "alltoall");
    EXPECT_EQ(*get_workload_text(Scenario{}, "moe_dispatch"), "auto");
    EXPECT_EQ(*get_workload_text(s, "weights_16bit_share"), "0.094");
    EXPECT_EQ(*get_workload_text(s, "admission"), "fill");
    EXPECT_EQ(*get_workload_text(Scenario{}, "admission"), "best");
    EXPECT_EQ(*get_workload_text(s, "prefill_steps"), "separate");
    EXPECT_EQ(*get_workload_text(Scenario{}, "prefill_steps"), "mixed");
    EXPECT_EQ(*get_workload_text(s, "output_len_quantiles"), "0.01:23 0.5:251 0.99:922");
    EXPECT_EQ(*get_workload_text(Scenario{}, "output_len_quantiles"), "");
    EXPECT_EQ(*get_workload_text(s, "attention_dp_balance"), "on");
    EXPECT_EQ(*get_workload_text(Scenario{}, "attention_dp_balance"), "off");
    EXPECT_EQ(*get_workload_text(s, "chunked_decode"), "full");
    EXPECT_EQ(*get_workload_text(Scenario{}, "chunked_decode"), "chunk");
    EXPECT_EQ(*get_workload_text(s, "chunked_kv"), "whole");
    EXPECT_EQ(*get_workload_text(Scenario{}, "chunked_kv"), "chunk");
    EXPECT_EQ(*get_workload_text(s, "lm_head_format"), "weights");
    EXPECT_EQ(*get_workload_text(Scenario{}, "lm_head_format"), "bf16");
    EXPECT_EQ(*get_workload_text(Scenario{}, "state_precision"), "model");
    EXPECT_EQ(*get_workload_text(Scenario{}, "linear_chunk_tokens"), "0");  // the model's
    EXPECT_EQ(workload_keys().size(), 50u);
}

TEST(WorkloadKeys, BadTextIsRefusedWithTheKeyNamed) {
    Scenario s;
    EXPECT_NE(set_workload_text(s, "max_batch", "0").error().message.find("workload 'max_batch': 0 is out of range"),
              std::string::npos);
    EXPECT_NE(set_workload_text(s, "tp", "2.5").error().message.find("must be a whole number"), std::string::npos);
    EXPECT_NE(set_workload_text(s, "admit_every_steps", "0").error().message.find("workload 'admit_every_steps': 0 is out of range"),
              std::string::npos);
    EXPECT_NE(set_workload_text(s, "custom_allreduce_mb", "-1").error().message.find("workload 'custom_allreduce_mb': -1 is out of range"),
              std::string::npos);
    EXPECT_NE(set_workload_text(s, "moe_tile_tokens", "2048").error().message.find(
                  "workload 'moe_tile_tokens': 2048 is out of range"),
              std::string::npos);
    EXPECT_NE(set_workload_text(s, "prefill_tp", "-2").error().message.find("workload 'prefill_tp': -2 is out of range"),
              std::string::npos);
    EXPECT_TRUE(set_workload_text(s, "prefill_pp", "shared").ok());
    EXPECT_EQ(s.prefill_pp, 0);
    EXPECT_NE(set_workload_text(s, "kv_allocation", "lazy").error().message.find("not one of reserve, on_demand"),
              std::string::npos);
    EXPECT_NE(set_workload_text(s, "weights_16bit_share", "1.5").error().message.find(
                  "workload 'weights_16bit_share': 1.5 is out of range"),
              std::string::npos);
    EXPECT_NE(set_workload_text(s, "moe_dispatch", "deepep").error().message.find(
                  "workload 'moe_dispatch': 'deepep' is not one of auto, allgather, alltoall"),
              std::string::npos);
    EXPECT_NE(set_workload_text(s, "spec_accept", "x").error().message.find("'x' is not a number"), std::string::npos);
    EXPECT_NE(set_workload_text(s, "warp", "1").error().message.find("unknown workload key 'warp'"), std::string::npos);
    EXPECT_TRUE(set_workload_text(s, "tp", "auto").ok());
    EXPECT_EQ(s.tp, 0);
    EXPECT_TRUE(set_workload_text(s, "ttft_slo_s", "").ok());
    EXPECT_FALSE(s.ttft_slo_s.has_value());
    EXPECT_FALSE(set_workload_text(s, "ttft_slo_s", "-1").ok());
    // Measured length quantiles: probability:tokens, rising, separated by spaces, commas or semicolons.
    const auto refused = [&](std::string_view text) {
        const Scenario before = s;
        const auto st = set_workload_text(s, "output_len_quantiles", text);
        EXPECT_TRUE(s == before) << text;  // a refused text changes nothing
        return st.ok() ? std::string() : st.error().message;
    };
    EXPECT_EQ(refused("0.5"), "workload 'output_len_quantiles': '0.5' is not probability:tokens");
    EXPECT_EQ(refused("0.5:100 1:300"), "workload 'output_len_quantiles': '1:300' needs a probability strictly between 0 and 1");
    EXPECT_EQ(refused("0.5:100 0.4:300"), "workload 'output_len_quantiles': '0.4:300' must follow a lower probability");
    EXPECT_EQ(refused("0.5:100 0.9:50"), "workload 'output_len_quantiles': '0.9:50' is shorter than the quantile before it");
    EXPECT_EQ(refused("0.5:0.5 0.9:50"), "workload 'output_len_quantiles': '0.5:0.5' needs a length of 1 to 1e7 tokens");
    EXPECT_EQ(refused("0.5:100"), "workload 'output_len_quantiles': '0.5:100' needs at least two quantiles");
    EXPECT_EQ(refused("0.1:x 0.9:50"), "workload 'output_len_quantiles': '0.1:x' is not probability:tokens");
    EXPECT_TRUE(set_workload_text(s, "output_len_quantiles", "0.1:20, 0.5:100;0.9:400").ok());
    ASSERT_EQ(s.output_len_quantiles.size(), 3u);
    EXPECT_EQ(s.output_len_quantiles[1].p, 0.5);
    EXPECT_EQ(s.output_len_quantiles[2].tokens, 400);
    EXPECT_TRUE(set_workload_text(s, "output_len_quantiles", "").ok());  // back to the lognormal
    EXPECT_TRUE(s.output_len_quantiles.empty());
}

TEST(ChipParams, ZeroShowsTheValueItStandsFor) {
    const auto& tech = default_tech();
    ASSERT_TRUE(tech.ok());
    const PhysicalParams& pp = tech->params;
    ChipSpec c = h100_like();
    c.sram.style = SramStyle::gpu;
    // Set keys stand for themselves: H100's own busy floor, 0.27 W/(mm2 GHz).
    c.power.floor_w_per_mm2_ghz = 0.27;
    EXPECT_FALSE(value_behind_zero(c, pp, "power.floor_w_per_mm2_ghz"));
    EXPECT_DOUBLE_EQ(busy_floor_in_use(c, pp), 0.27);
    // Left 0, the tech library's: nodes.json power.static_w_per_mm2_ghz 0.181, and for a GPU's SRAM style the
    // operand overhead 2.83 and the SRAM density 0.18 (caches with crossbars).
    c.power.floor_w_per_mm2_ghz = 0;
    auto floor = value_behind_zero(c, pp, "power.floor_w_per_mm2_ghz");
    ASSERT_TRUE(floor);
    EXPECT_DOUBLE_EQ(floor->value, 0.181);
    EXPECT_EQ(floor->from, "power.static_w_per_mm2_ghz");
    auto operand = value_behind_zero(c, pp, "power.operand_overhead");
    ASSERT_TRUE(operand);
    EXPECT_DOUBLE_EQ(operand->value, 2.83);
    EXPECT_EQ(operand->from, "power.operand_overhead_gpu");
    auto density = value_behind_zero(c, pp, "sram.density_factor");
    ASSERT_TRUE(density);
    EXPECT_DOUBLE_EQ(density->value, 0.18);
    EXPECT_EQ(density->from, "sram.gpu_density_factor");
    // A scratchpad's dense macros: 1, from the style itself; its operands 0.3.
    c.sram.style = SramStyle::scratchpad;
    EXPECT_DOUBLE_EQ(value_behind_zero(c, pp, "sram.density_factor")->value, 1.0);
    EXPECT_EQ(value_behind_zero(c, pp, "sram.density_factor")->from, "sram.style");
    EXPECT_DOUBLE_EQ(value_behind_zero(c, pp, "power.operand_overhead")->value, 0.3);
    // A key that follows another (ParamInfo::zero_as) takes that key's value: the prompt-attention call's
    // overhead left 0 is the decode call's 1.04 us; the calibration clock left 0 is the chip's 1.83 GHz.
    c.efficiency.attention_overhead_us = 1.04;
    c.efficiency.prefill_overhead_us = 0;
    auto prefill = value_behind_zero(c, pp, "efficiency.prefill_overhead_us");
    ASSERT_TRUE(prefill);
    EXPECT_DOUBLE_EQ(prefill->value, 1.04);
    EXPECT_EQ(prefill->from, "efficiency.attention_overhead_us");
    EXPECT_DOUBLE_EQ(value_behind_zero(c, pp, "calibration.clock_ghz")->value, 1.83);
    EXPECT_EQ(value_behind_zero(c, pp, "calibration.cores")->value, 132);
    // ... and where that key is 0 too, and 0 is its own value, that 0.
    c.efficiency.attention_overhead_us = 0;
    EXPECT_DOUBLE_EQ(value_behind_zero(c, pp, "efficiency.prefill_overhead_us")->value, 0.0);
    // Keys whose 0 is a value of its own: no FP8 rate (runs at BF16), compute and memory adding (overlap 0).
    c.compute.rate_fp8 = 0;
    c.efficiency.overlap = 0;
    EXPECT_FALSE(value_behind_zero(c, pp, "compute.rate_fp8"));
    EXPECT_FALSE(value_behind_zero(c, pp, "efficiency.overlap"));
    EXPECT_FALSE(value_behind_zero(c, pp, "no.such_key"));
}
