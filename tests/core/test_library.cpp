// Reference chips and models: derived peaks against the data sheets (../shared/data/chips.csv),
// parameter counts against published totals, JSON round trips and refusals.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "core/physical/roadmap.hpp"
#include "core/physical/tech.hpp"
#include "core/workload/model_keys.hpp"

using namespace scoville;

namespace {

struct SheetRow {
    const char* id;
    double bf16_tflops, fp8_tflops, fp4_tflops, memory_tb_s, memory_gb;
};

// Data-sheet facts copied from ../shared/data/chips.csv (dense peaks; fp4 0 = not native).
const SheetRow kSheet[] = {
    {"h100-sxm", 989, 1979, 0, 3.35, 80},
    {"h200-sxm", 989, 1979, 0, 4.8, 141},
    {"b200", 2250, 4500, 9000, 8.0, 192},
    {"mi300x", 1307, 2615, 0, 5.3, 192},
};

}  // namespace

TEST(Library, ValidationChipsMatchDataSheetsWithinOnePercent) {
    for (const auto& row : kSheet) {
        SCOPED_TRACE(row.id);
        auto chip = load_chip(row.id);
        ASSERT_TRUE(chip.ok()) << chip.error().message;
        EXPECT_NEAR(chip->peak_tflops(Precision::bf16), row.bf16_tflops, 0.01 * row.bf16_tflops);
        EXPECT_NEAR(chip->peak_tflops(Precision::fp8), row.fp8_tflops, 0.01 * row.fp8_tflops);
        if (row.fp4_tflops > 0) {
            EXPECT_NEAR(chip->peak_tflops(Precision::fp4), row.fp4_tflops, 0.01 * row.fp4_tflops);
        } else {
            EXPECT_EQ(chip->rate(Precision::fp4), 0.0);  // not native: falls back to fp8
            EXPECT_EQ(chip->executed_precision(Precision::fp4), Precision::fp8);
        }
        EXPECT_NEAR(chip->memory_tb_s(), row.memory_tb_s, 0.01 * row.memory_tb_s);
        EXPECT_NEAR(chip->memory_gb(), row.memory_gb, 0.01 * row.memory_gb);
        EXPECT_FALSE(chip->source.empty());
        EXPECT_FALSE(chip->confidence.empty());
        EXPECT_FALSE(chip->estimated.empty());
    }
}

TEST(Library, H100IsBuiltFromItsSms) {
    auto c = load_chip("h100-sxm");
    ASSERT_TRUE(c.ok());
    // 132 SMs x 4 arrays x 16 x 32 MACs x 2 FLOP x 1.83 GHz = 989.4 TFLOP/s
    EXPECT_NEAR(c->peak_tflops(Precision::bf16), 132 * 4 * 16 * 32 * 2 * 1.83 / 1000, 1e-9);
    EXPECT_DOUBLE_EQ(c->link_gb_s(), 900.0);  // 18 NVLink4 x 50 GB/s
    EXPECT_NEAR(c->efficiency.compute, 792.0 / 989.0, 0.005);
    // 1290 of 1979 TFLOP/s (Azure cuBLASLt 8192^3) with the 4 us per-op overhead: 0.66
    EXPECT_NEAR(c->efficiency.compute_fp8, 1290.0 / 1979.0, 0.01);
    EXPECT_NEAR(c->efficiency.memory, 2.90 / 3.35, 0.005);
}

TEST(Library, EveryReferenceChipAndModelLoads) {
    const auto chip_ids = reference_chip_ids();
    EXPECT_EQ(reference_chips().size(), chip_ids.size());
    for (const auto& id : chip_ids) EXPECT_TRUE(load_chip(id).ok()) << id << ": " << load_chip(id).error().message;
    const auto model_ids = reference_model_ids();
    EXPECT_EQ(model_ids.size(), 18u);
    EXPECT_EQ(reference_models().size(), model_ids.size());
    for (const auto& m : reference_models()) EXPECT_FALSE(m.source.empty()) << m.id;
}

// Chips built from the same silicon with the same software share every efficiency: only what
// their data sheets say differs (clock, memory, power, scale-up domain) may differ. GB200 is B200
// silicon; MI325X is MI300X silicon with HBM3e. (H200 is H100 silicon, but its decode attention and
// per-op overhead were measured on H200 itself, so it is not listed.)
TEST(Library, SharedSiliconSharesItsEfficiencies) {
    const std::pair<const char*, const char*> pairs[] = {{"b200", "gb200"}, {"mi300x", "mi325x"}};
    for (auto [a, b] : pairs) {
        const ChipSpec x = load_chip(a).value(), y = load_chip(b).value();
        for (const auto& info : chip_params()) {
            if (!std::string_view(info.key).starts_with("efficiency.")) continue;
            EXPECT_EQ(info.get(x), info.get(y)) << a << " and " << b << ": " << info.key;
        }
    }
}

TEST(Library, UnknownIdListsTheValidOnes) {
    auto c = load_chip("h900");
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().message.find("unknown chip 'h900'"), std::string::npos);
    EXPECT_NE(c.error().message.find("h100-sxm"), std::string::npos);
    auto m = load_model("llama-9");
    ASSERT_FALSE(m.ok());
    EXPECT_NE(m.error().message.find("unknown model 'llama-9'"), std::string::npos);
    EXPECT_NE(m.error().message.find("deepseek-v3"), std::string::npos);
}

TEST(Library, LoadsFromAPathAndNamesAMalformedFile) {
    const std::string good = testing::TempDir() + "/scoville_model_ok.json";
    const std::string bad = testing::TempDir() + "/scoville_model_bad.json";
    auto ref = load_model("llama-2-7b");
    ASSERT_TRUE(ref.ok());
    std::ofstream(good) << model_to_json(*ref);
    std::ofstream(bad) << "{\"layers\": 32,";
    auto m = load_model(good);
    ASSERT_TRUE(m.ok()) << m.error().message;
    EXPECT_EQ(*m, *ref);
    auto e = load_model(bad);
    ASSERT_FALSE(e.ok());
    EXPECT_NE(e.error().message.find(bad), std::string::npos);
    EXPECT_NE(e.error().message.find("malformed JSON"), std::string::npos);
    EXPECT_FALSE(load_chip("/nonexistent/chip.json").ok());
    std::remove(good.c_str());
    std::remove(bad.c_str());
}

TEST(Workload, ParameterCountsMatchPublishedTotals) {
    auto count = [](const char* id) { return load_model(id)->parameters(); };
    // Llama-2-70B: 80 x (151.0M attention + 704.6M SwiGLU) + 2 x 32000 x 8192 embeddings = 68.98e9
    EXPECT_NEAR(count("llama-2-70b"), 68.98e9, 0.01e9);
    EXPECT_NEAR(count("llama-2-7b"), 6.74e9, 0.01e9);        // HF: 6,738,415,616
    EXPECT_NEAR(count("llama-3.1-8b"), 8.03e9, 0.01e9);      // HF: 8,030,261,248
    EXPECT_NEAR(count("llama-3.1-70b"), 70.55e9, 0.01e9);    // HF: 70,553,706,496
    EXPECT_NEAR(count("llama-3.1-405b"), 405.85e9, 0.1e9);   // HF: 405,853,388,800
    EXPECT_NEAR(count("mixtral-8x7b"), 46.70e9, 0.01e9);     // Mistral: 46.7B
    EXPECT_NEAR(count("deepseek-v3"), 671e9, 1e9);           // DeepSeek: 671B main model
    EXPECT_NEAR(count("gpt-oss-120b"), 117e9, 1e9);          // OpenAI: 116.8B
    // Qwen3-235B-A22B: 94 x (71.3M attention + 128 x 3 x 4096 x 1536 experts + router)
    // + 2 x 151936 x 4096 untied embeddings = 235.1e9 (Qwen: 235B)
    EXPECT_NEAR(count("qwen3-235b-a22b"), 235.1e9, 0.5e9);
}

TEST(Workload, ActiveParameters) {
    // Active = per-token compute weights: routed experts not chosen and the embedding table left out.
    // Mixtral: 46.70e9 - 32 x 6 x (3 x 4096 x 14336) - 32000 x 4096 = 12.75e9
    // (Mistral quotes 12.9B, counting the embedding table).
    EXPECT_NEAR(load_model("mixtral-8x7b")->active_parameters(), 12.75e9, 0.01e9);
    EXPECT_NEAR(load_model("deepseek-v3")->active_parameters(), 37e9, 1.0e9);     // DeepSeek: 37B
    EXPECT_NEAR(load_model("gpt-oss-120b")->active_parameters(), 5.13e9, 0.05e9); // OpenAI: 5.13B
    // Qwen3: 94 x (71.3M + 8 x 3 x 4096 x 1536 + 0.5M router) + 151936 x 4096 head = 21.5e9 (Qwen: 22B
    // counting the embedding table too).
    EXPECT_NEAR(load_model("qwen3-235b-a22b")->active_parameters(), 21.5e9, 0.2e9);
    auto dense = load_model("llama-2-70b");
    // Dense: everything but the 32000 x 8192 embedding table.
    EXPECT_DOUBLE_EQ(dense->parameters() - dense->active_parameters(), 32000.0 * 8192.0);
}

TEST(Workload, JsonRoundTripAndRefusals) {
    for (const auto& m : reference_models()) {
        auto back = model_from_json(model_to_json(m), "roundtrip");
        ASSERT_TRUE(back.ok()) << back.error().message;
        EXPECT_EQ(*back, m);
    }
    EXPECT_NE(model_from_json(R"({"layers": 2, "colour": 1})", "f.json").error().message.find("unknown key 'colour'"),
              std::string::npos);
    // Found by fuzz_model_json: a number too large for a double is refused, not thrown.
    EXPECT_NE(model_from_json(R"({"layers": 3333E33333333})", "f.json").error().message.find("malformed JSON"),
              std::string::npos);
    EXPECT_NE(model_from_json(R"({"layers": 2.5})", "f.json").error().message.find("'layers' must be a whole number"),
              std::string::npos);
    const char* gqa_bad = R"({"layers": 2, "hidden": 64, "heads": 4, "kv_heads": 3, "head_dim": 16, "ffn": 128, "vocab": 10})";
    EXPECT_NE(model_from_json(gqa_bad, "f.json").error().message.find("multiple of 'kv_heads'"), std::string::npos);
    const char* zero = R"({"layers": 0, "hidden": 64, "heads": 4, "kv_heads": 4, "head_dim": 16, "ffn": 128, "vocab": 10})";
    EXPECT_NE(model_from_json(zero, "f.json").error().message.find("'layers' = 0"), std::string::npos);
    const char* topk = R"({"layers": 2, "hidden": 64, "heads": 4, "kv_heads": 4, "head_dim": 16, "ffn": 128, "vocab": 10,
                           "moe": {"experts": 4, "top_k": 5, "expert_ffn": 32}})";
    EXPECT_NE(model_from_json(topk, "f.json").error().message.find("moe.top_k"), std::string::npos);
    // The routing skew is a power-law exponent in [0, 3], a number.
    const char* skew = R"({"layers": 2, "hidden": 64, "heads": 4, "kv_heads": 4, "head_dim": 16, "ffn": 128, "vocab": 10,
                           "moe": {"experts": 4, "top_k": 2, "expert_ffn": 32, "routing_alpha": 3.5}})";
    EXPECT_NE(model_from_json(skew, "f.json").error().message.find("'moe.routing_alpha' = 3.5 is out of range [0, 3]"),
              std::string::npos);
    const char* text = R"({"layers": 2, "hidden": 64, "heads": 4, "kv_heads": 4, "head_dim": 16, "ffn": 128, "vocab": 10,
                           "moe": {"experts": 4, "top_k": 2, "expert_ffn": 32, "routing_alpha": "high"}})";
    EXPECT_NE(model_from_json(text, "f.json").error().message.find("'moe.routing_alpha' must be a number"),
              std::string::npos);
    // An estimated skew's range holds its value: Maverick's 1.01 within [1.01, 1.2], read and written back; one
    // that does not hold it, or is not two numbers, is refused naming the key.
    const auto maverick = load_model("llama-4-maverick");
    ASSERT_TRUE(maverick.ok());
    EXPECT_EQ(maverick->moe.routing_alpha_low, 1.01);
    EXPECT_EQ(maverick->moe.routing_alpha_high, 1.2);
    EXPECT_NE(model_to_json(*maverick).find("\"routing_alpha_range\": [\n"), std::string::npos);
    const char* outside = R"({"layers": 2, "hidden": 64, "heads": 4, "kv_heads": 4, "head_dim": 16, "ffn": 128, "vocab": 10,
                           "moe": {"experts": 4, "top_k": 2, "expert_ffn": 32, "routing_alpha": 1.5, "routing_alpha_range": [1.01, 1.2]}})";
    EXPECT_NE(model_from_json(outside, "f.json").error().message.find("'moe.routing_alpha_range' [1.01, 1.2] must hold"),
              std::string::npos);
    const char* one = R"({"layers": 2, "hidden": 64, "heads": 4, "kv_heads": 4, "head_dim": 16, "ffn": 128, "vocab": 10,
                           "moe": {"experts": 4, "top_k": 2, "expert_ffn": 32, "routing_alpha": 1.1, "routing_alpha_range": [1.01]}})";
    EXPECT_NE(model_from_json(one, "f.json").error().message.find("'moe.routing_alpha_range' must be [low, high]"),
              std::string::npos);
    // The RoPE: "standard" (the default) or "yarn", by name; it round-trips through the model's JSON.
    const char* yarn = R"({"layers": 2, "hidden": 64, "heads": 4, "kv_heads": 2, "head_dim": 16, "ffn": 128, "vocab": 10,
                           "rope": "yarn"})";
    ASSERT_TRUE(model_from_json(yarn, "f.json").ok());
    EXPECT_EQ(model_from_json(yarn, "f.json")->rope, RopeKind::yarn);
    EXPECT_EQ(model_from_json(model_to_json(*model_from_json(yarn, "f.json")), "g.json")->rope, RopeKind::yarn);
    const char* odd = R"({"layers": 2, "hidden": 64, "heads": 4, "kv_heads": 2, "head_dim": 16, "ffn": 128, "vocab": 10,
                          "rope": "ntk"})";
    EXPECT_NE(model_from_json(odd, "f.json").error().message.find("'rope' must be \"standard\" or \"yarn\""),
              std::string::npos);
}

TEST(Workload, ScenarioChecks) {
    auto m = *load_model("llama-2-70b");
    Scenario s;
    s.chips = 8;
    s.tp = 3;
    EXPECT_NE(validate_scenario(s, m).error().message.find("multiple of tp x attention_dp x pp"), std::string::npos);
    s.tp = 8;
    s.ep = 2;
    EXPECT_NE(validate_scenario(s, m).error().message.find("mixture-of-experts"), std::string::npos);
    s.ep = 1;
    s.input_len = 0;
    EXPECT_NE(validate_scenario(s, m).error().message.find("input_len"), std::string::npos);
    s.input_len = 10;
    s.ttft_slo_s = -1;
    EXPECT_NE(validate_scenario(s, m).error().message.find("ttft_slo"), std::string::npos);
    s.ttft_slo_s.reset();
    EXPECT_TRUE(validate_scenario(s, m).ok());
    // Llama-2-70B's context is 4096 tokens (config.json max_position_embeddings): 4000 + 96 fits, 4000 + 97 not.
    EXPECT_EQ(m.max_context, 4096);
    s.input_len = 4000;
    s.output_len = 96;
    EXPECT_TRUE(validate_scenario(s, m).ok());
    s.output_len = 97;
    EXPECT_NE(validate_scenario(s, m).error().message.find(
                  "input_len + output_len (4000 + 97) exceeds the 4096-token context of 'llama-2-70b'"),
              std::string::npos);
    // A model that gives no context is not held to one.
    ModelSpec open = m;
    open.max_context = 0;
    EXPECT_TRUE(validate_scenario(s, open).ok());
    s.output_len = 10;
    // The busiest expert rank's load means nothing for a dense model: refused, not silently ignored.
    s.expert_imbalance = 1.5;
    EXPECT_NE(validate_scenario(s, m).error().message.find(
                  "expert_imbalance = 1.5 needs a mixture-of-experts model ('llama-2-70b' is dense"),
              std::string::npos);
    s.expert_imbalance = 0;
    EXPECT_TRUE(validate_scenario(s, m).ok());
}

TEST(Workload, ReferenceModelsGiveTheirContext) {
    // config.json max_position_embeddings of each reference model.
    const std::pair<const char*, int> contexts[] = {
        {"llama-2-7b", 4096},         {"llama-2-70b", 4096},         {"llama-3.1-8b", 131072},
        {"llama-3.1-70b", 131072},    {"llama-3.1-405b", 131072},    {"mixtral-8x7b", 32768},
        {"qwen3-30b-a3b", 40960},     {"qwen3-235b-a22b", 40960},    {"llama-4-scout", 10485760},
        {"llama-4-maverick", 1048576}, {"deepseek-v3", 163840},      {"gpt-oss-120b", 131072},
        {"qwen3-next-80b-a3b", 262144}, {"nemotron-3-nano-30b-a3b", 262144}, {"nemotron-3-super-120b-a12b", 262144},
        {"qwen3-32b", 40960},         {"qwen3-coder-480b-a35b", 262144}, {"qwen3.5-397b-a17b", 262144}};
    for (const auto& [id, context] : contexts) {
        auto m = load_model(id);
        ASSERT_TRUE(m) << id;
        EXPECT_EQ(m->max_context, context) << id;
        // The key survives the JSON a session stores a custom model in.
        auto back = model_from_json(model_to_json(*m), "round trip");
        ASSERT_TRUE(back) << id;
        EXPECT_EQ(back->max_context, context) << id;
    }
    EXPECT_EQ(reference_models().size(), std::size(contexts));
}

TEST(Library, NumbersTooLargeForADoubleAreRefusedNotThrown) {
    // Found by fuzz_chip_json: 1e816 overflows a double and the JSON parser throws out_of_range,
    // not parse_error; every loader names its input and refuses it.
    const std::string chip = R"({"id": "x", "compute": {"clock_ghz": 1e816}})";
    auto c = chip_from_json(chip, "big.json");
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().message.find("big.json: malformed JSON"), std::string::npos) << c.error().message;
    auto t = tech_from_json(R"({"nodes": [1e816]})", "nodes.json");
    ASSERT_FALSE(t.ok());
    EXPECT_NE(t.error().message.find("nodes.json: malformed JSON"), std::string::npos) << t.error().message;
    auto r = roadmap_from_json(R"({"entries": [{"year": 1e816}]})", "roadmap.json");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("roadmap.json: malformed JSON"), std::string::npos) << r.error().message;
}

// Each efficiency says where it comes from: measured on the chip, carried over from the chip that
// measured the same value, or an estimate of its own.
TEST(Library, EfficienciesSayWhereTheyComeFrom) {
    auto basis = [](const char* chip, const char* key) {
        for (const EfficiencyBasis& b : efficiency_basis(*load_chip(chip)))
            if (b.key == key) return b;
        return EfficiencyBasis{};
    };
    // The chips whose engine kernels NVIDIA's aiconfigurator times (TensorRT-LLM 1.3): keys set from those
    // timings are measured on each of them.
    auto measured_where_timed = [&](const char* key) {
        for (const char* c : {"h100-sxm", "h200-sxm", "b200", "gb200", "b300"})
            EXPECT_EQ(basis(c, key).basis, "measured") << c << " " << key;
    };
    EXPECT_EQ(basis("h100-sxm", "efficiency.compute_fp8").basis, "measured");  // cuBLASLt 8192^3 on H100
    EXPECT_EQ(basis("b300", "efficiency.compute_fp4").basis, "measured");      // TensorRT-LLM Linear on B300
    // H200's bf16 GEMMs, measured on the card itself (Scoville's microbenchmark); its FP8 rate is H100's.
    EXPECT_EQ(basis("h200-sxm", "efficiency.compute").basis, "measured");
    const auto h200 = basis("h200-sxm", "efficiency.compute_fp8");  // same compute silicon as H100
    EXPECT_EQ(h200.basis, "carried");
    EXPECT_EQ(h200.from, "h100-sxm");
    EXPECT_EQ(basis("b300", "efficiency.attention").basis, "measured");         // B300's own decode attention
    EXPECT_EQ(basis("a100-sxm", "efficiency.compute").basis, "measured");       // TensorRT-LLM Linear on A100
    const auto a100 = basis("a100-sxm", "efficiency.attention");                // A100's timings exceed its HBM
    EXPECT_EQ(a100.basis, "carried");
    EXPECT_EQ(a100.from, "h100-sxm");
    EXPECT_EQ(basis("jalapeno-est", "efficiency.network").basis, "estimate");   // no chip measured 0.8 of its links
    // The fused MoE call's fixed cost: measured on H100, H200, the B200 silicon and B300 (aiconfigurator),
    // carried to the rest.
    EXPECT_EQ(basis("h200-sxm", "efficiency.moe_overhead_us").basis, "measured");
    EXPECT_EQ(basis("gb200", "efficiency.moe_overhead_us").basis, "measured");
    EXPECT_EQ(basis("b300", "efficiency.moe_overhead_us").basis, "measured");
    EXPECT_EQ(basis("a100-sxm", "efficiency.moe_overhead_us").from, "h100-sxm");
    EXPECT_EQ(basis("mi325x", "efficiency.moe_overhead_us").from, "h100-sxm");
    // The engine's own all-reduce kernels: measured on the NVIDIA chips aiconfigurator times (TensorRT-LLM's
    // custom all-reduce), carried from H100 to the rest.
    for (const char* c : {"a100-sxm", "h100-sxm", "h200-sxm", "b200", "gb200", "b300"})
        EXPECT_EQ(basis(c, "efficiency.engine_network").basis, "measured") << c;
    EXPECT_EQ(basis("mi300x", "efficiency.engine_network").from, "h100-sxm");
    // An NVFP4 GEMM's time per element of K: measured on the B200 silicon and on B300 (TensorRT-LLM's Linear
    // layer at one token), carried to Rubin, an estimate (none) elsewhere.
    EXPECT_EQ(basis("gb200", "efficiency.fp4_k_step_ns").basis, "measured");
    EXPECT_EQ(basis("b300", "efficiency.fp4_k_step_ns").basis, "measured");
    EXPECT_EQ(basis("vera-rubin", "efficiency.fp4_k_step_ns").from, "b200");
    EXPECT_EQ(basis("mi355x", "efficiency.fp4_k_step_ns").basis, "estimate");
    // And its epilogue's time per output element: measured on the B200 silicon and on B300 (TensorRT-LLM's Linear
    // layer at 16384 tokens over K), carried to Rubin, an estimate (none) elsewhere.
    for (const char* c : {"b200", "gb200", "b300"}) EXPECT_EQ(basis(c, "efficiency.fp4_output_ps").basis, "measured") << c;
    EXPECT_EQ(basis("vera-rubin", "efficiency.fp4_output_ps").from, "b200");
    EXPECT_EQ(basis("mi355x", "efficiency.fp4_output_ps").basis, "estimate");
    // Decode attention's time per (request, KV head): measured on H100, H200, the B200 silicon and B300
    // (TensorRT-LLM's generation attention), carried from H100 to the rest.
    measured_where_timed("efficiency.attention_pair_ns");
    EXPECT_EQ(basis("a100-sxm", "efficiency.attention_pair_ns").from, "h100-sxm");
    EXPECT_EQ(basis("mi300x", "efficiency.attention_pair_ns").from, "h100-sxm");
    // A pair's time alone: Hopper's square-root law measured on H100 and H200, carried from H100 wherever
    // the decode-attention keys are; Blackwell's per-token law measured on the B200 silicon and B300, none
    // elsewhere. Each chip's other law is an estimate (0: not seen on it).
    for (const char* c : {"h100-sxm", "h200-sxm"}) {
        EXPECT_EQ(basis(c, "efficiency.attention_pair_1k_us").basis, "measured") << c;
        EXPECT_EQ(basis(c, "efficiency.attention_pair_token_ps").basis, "estimate") << c;
    }
    for (const char* c : {"b200", "gb200", "b300"}) {
        EXPECT_EQ(basis(c, "efficiency.attention_pair_token_ps").basis, "measured") << c;
        EXPECT_EQ(basis(c, "efficiency.attention_pair_1k_us").basis, "estimate") << c;
    }
    EXPECT_EQ(basis("mi300x", "efficiency.attention_pair_1k_us").from, "h100-sxm");
    EXPECT_EQ(basis("vera-rubin", "efficiency.attention_pair_1k_us").from, "h100-sxm");
    EXPECT_EQ(basis("mi300x", "efficiency.attention_pair_token_ps").basis, "estimate");
    // Hopper's 16-bit kernel's own keys: measured on H100 and H200 themselves, not followed from the 8-bit ones.
    const auto measured_on_hopper_itself = [&](const char* key) {
        for (const char* c : {"h100-sxm", "h200-sxm"}) {
            EXPECT_EQ(basis(c, key).basis, "measured") << c << " " << key;
            EXPECT_EQ(basis(c, key).as, "") << c << " " << key;
        }
    };
    // Its chain (it follows the KV stream); elsewhere as efficiency.attention_pair_1k_us, with that key's basis.
    measured_on_hopper_itself("efficiency.attention_16bit_pair_1k_us");
    EXPECT_EQ(basis("mi300x", "efficiency.attention_16bit_pair_1k_us").as, "efficiency.attention_pair_1k_us");
    EXPECT_EQ(basis("mi300x", "efficiency.attention_16bit_pair_1k_us").from, "h100-sxm");
    EXPECT_EQ(basis("b200", "efficiency.attention_16bit_pair_1k_us").basis, "estimate");
    // The split of a pair over thread blocks: TensorRT-LLM's XQA rule on Hopper (the engine's, not the silicon's:
    // not carried), not set elsewhere.
    for (const char* c : {"h100-sxm", "h200-sxm"}) EXPECT_EQ(basis(c, "efficiency.attention_split_tokens").basis, "measured") << c;
    EXPECT_EQ(basis("mi300x", "efficiency.attention_split_tokens").basis, "estimate");
    EXPECT_EQ(basis("b200", "efficiency.attention_split_tokens").basis, "estimate");
    // The share of the SRAM that keeps one kernel's activations for the next: measured on H100, H200, the B200
    // silicon and B300 (TensorRT-LLM's fused MoE op: none), carried from them to the other GPUs' caches, an
    // estimate (all of it) where a compiler manages the memory.
    for (const char* c : {"h100-sxm", "h200-sxm", "b200", "gb200", "b300"})
        EXPECT_EQ(basis(c, "efficiency.activation_sram_share").basis, "measured") << c;
    for (const char* c : {"a100-sxm", "mi300x", "vera-rubin"})
        EXPECT_EQ(basis(c, "efficiency.activation_sram_share").basis, "carried") << c;
    for (const char* c : {"tpu-v7", "trainium2", "jalapeno-est"}) {
        EXPECT_EQ(basis(c, "efficiency.activation_sram_share").basis, "estimate") << c;
        EXPECT_DOUBLE_EQ(load_chip(c)->efficiency.activation_sram_share, 1) << c;
    }
    EXPECT_DOUBLE_EQ(load_chip("h100-sxm")->efficiency.activation_sram_share, 0);
    // A dense GEMM's ridge sharpness: measured on H200 (Scoville's own cuBLAS bf16 GEMMs of 128 to 1024 rows), carried
    // to H100 (the same silicon and library); measured on TPU v6e (LLMServingSim's profile of its GEMMs at the ridge, 528
    // rows: 8), carried to the other TPUs (the same MXU fed by DMA); every other chip's GEMMs follow its
    // efficiency.ridge_exponent.
    EXPECT_EQ(basis("h200-sxm", "efficiency.gemm_ridge_exponent").basis, "measured");
    EXPECT_EQ(basis("h100-sxm", "efficiency.gemm_ridge_exponent").basis, "carried");
    EXPECT_EQ(basis("h100-sxm", "efficiency.gemm_ridge_exponent").from, "h200-sxm");
    EXPECT_DOUBLE_EQ(load_chip("h200-sxm")->efficiency.gemm_ridge_exponent, 3);
    EXPECT_EQ(basis("tpu-v6e", "efficiency.gemm_ridge_exponent").basis, "measured");
    EXPECT_DOUBLE_EQ(load_chip("tpu-v6e")->efficiency.gemm_ridge_exponent, 8);
    for (const char* c : {"tpu-v4", "tpu-v5e", "tpu-v5p", "tpu-v7"}) {
        EXPECT_EQ(basis(c, "efficiency.gemm_ridge_exponent").basis, "carried") << c;
        EXPECT_EQ(basis(c, "efficiency.gemm_ridge_exponent").from, "tpu-v6e") << c;
    }
    for (const char* c : {"b200", "mi300x", "trainium2"}) {
        EXPECT_EQ(basis(c, "efficiency.gemm_ridge_exponent").as, "efficiency.ridge_exponent") << c;
        EXPECT_DOUBLE_EQ(load_chip(c)->efficiency.gemm_ridge_exponent, 0) << c;
    }
    // And the FP8 kernel's merge of a split pair: measured on H100 and H200 (one request of 1023 tokens), none
    // (an estimate: 0) where the pair is not split.
    for (const char* c : {"h100-sxm", "h200-sxm"}) EXPECT_EQ(basis(c, "efficiency.attention_split_merge_us").basis, "measured") << c;
    for (const char* c : {"b200", "mi300x", "a100-sxm"}) EXPECT_EQ(basis(c, "efficiency.attention_split_merge_us").basis, "estimate") << c;
    // And prompt attention's time per token and query head, the same way.
    measured_where_timed("efficiency.prefill_token_ns");
    EXPECT_EQ(basis("tpu-v7", "efficiency.prefill_token_ns").from, "h100-sxm");
    // and the softmax per score that its matmuls do not hide.
    measured_where_timed("efficiency.prefill_softmax_ps");
    // and the query tokens each of its thread blocks takes (128 on Hopper, 256 on the B200 silicon and B300).
    measured_where_timed("efficiency.prefill_tile_tokens");
    EXPECT_EQ(basis("tpu-v7", "efficiency.prefill_tile_tokens").from, "h100-sxm");
    EXPECT_EQ(basis("mi300x", "efficiency.prefill_tile_tokens").basis, "carried");
    EXPECT_EQ(basis("tpu-v7", "efficiency.prefill_softmax_ps").basis, "estimate");  // 0: its vector lanes
    // Decode attention over a 16-bit KV cache with grouped-query heads: a kernel of its own on Hopper,
    // measured there; elsewhere the keys are 0 and follow the 8-bit ones, with their basis.
    measured_on_hopper_itself("efficiency.attention_16bit_pair_ns");
    for (const char* c : {"h100-sxm", "h200-sxm"})
        EXPECT_EQ(basis(c, "efficiency.attention_16bit_overhead_us").basis, "measured") << c;
    // Their KV share of the bandwidth too: measured on Hopper, the 8-bit kernel's (efficiency.attention) elsewhere.
    measured_on_hopper_itself("efficiency.attention_16bit");
    EXPECT_EQ(basis("b200", "efficiency.attention_16bit").as, "efficiency.attention");
    EXPECT_EQ(basis("b200", "efficiency.attention_16bit").basis, "measured");
    EXPECT_EQ(basis("tpu-v7", "efficiency.attention_16bit").as, "efficiency.attention");
    EXPECT_EQ(basis("b200", "efficiency.attention_16bit_pair_ns").as, "efficiency.attention_pair_ns");
    EXPECT_EQ(basis("b200", "efficiency.attention_16bit_pair_ns").basis, "measured");
    EXPECT_EQ(basis("mi300x", "efficiency.attention_16bit_overhead_us").as, "efficiency.attention_overhead_us");
    EXPECT_EQ(basis("mi300x", "efficiency.attention_16bit_overhead_us").from, "h100-sxm");
    // The blocks a decode-attention call runs within its fixed time: measured on the five chips with
    // TensorRT-LLM timings (their 64-request rows at 15 tokens), H100's carried elsewhere; Hopper's 16-bit kernel
    // has its own, other chips follow the main key.
    for (const char* c : {"h100-sxm", "h200-sxm", "b200", "gb200", "b300"})
        EXPECT_EQ(basis(c, "efficiency.attention_wave_blocks").basis, "measured") << c;
    EXPECT_EQ(basis("mi300x", "efficiency.attention_wave_blocks").basis, "carried");
    EXPECT_EQ(basis("mi300x", "efficiency.attention_wave_blocks").from, "h100-sxm");
    EXPECT_EQ(basis("h200-sxm", "efficiency.attention_16bit_wave_blocks").as, "");
    EXPECT_EQ(basis("b300", "efficiency.attention_16bit_wave_blocks").as, "efficiency.attention_wave_blocks");
    // The query heads of a block's group and a prompt call's own fixed cost: measured on the same five chips,
    // H100's carried elsewhere.
    for (const char* key : {"efficiency.attention_head_ns", "efficiency.attention_head_overhead_ns", "efficiency.prefill_overhead_us"}) {
        for (const char* c : {"h100-sxm", "h200-sxm", "b200", "gb200", "b300"}) EXPECT_EQ(basis(c, key).basis, "measured") << c << key;
        EXPECT_EQ(basis("tpu-v7", key).from, "h100-sxm") << key;
    }
    // An FP8 layer's dynamic-scale overhead: measured on Hopper, the B200 silicon and B300 (TensorRT-LLM's FP8
    // Linear layer at one token), carried to Rubin, an estimate (none) elsewhere.
    measured_where_timed("efficiency.fp8_dynamic_scale_us");
    EXPECT_EQ(basis("vera-rubin", "efficiency.fp8_dynamic_scale_us").from, "b200");
    EXPECT_EQ(basis("mi300x", "efficiency.fp8_dynamic_scale_us").basis, "estimate");
    // The rate of the kernels that quantise a layer's activations: measured on Hopper and the B200 silicon
    // against their bare-GEMM efficiencies, carried from B200 to B300 (no bare GEMM of its own to separate
    // the two); elsewhere the chip's copy efficiency.
    for (const char* c : {"h100-sxm", "h200-sxm", "b200", "gb200"})
        EXPECT_EQ(basis(c, "efficiency.quant_memory").basis, "measured") << c;
    EXPECT_EQ(basis("b300", "efficiency.quant_memory").basis, "carried");
    EXPECT_EQ(basis("b300", "efficiency.quant_memory").from, "b200");
    EXPECT_EQ(basis("mi300x", "efficiency.quant_memory").as, "efficiency.memory");
    // Multi-head decode attention: a kernel of its own on Hopper (TensorRT-LLM's masked multi-head attention,
    // Llama-2-7B's rows), measured there; elsewhere the four keys are 0 and follow the grouped-query kernel's.
    for (const char* c : {"h100-sxm", "h200-sxm"})
        for (const char* key : {"efficiency.attention_mha", "efficiency.attention_mha_overhead_us",
                                "efficiency.attention_mha_pair_ns", "efficiency.attention_mha_wave_blocks"}) {
            EXPECT_EQ(basis(c, key).basis, "measured") << c << " " << key;
            EXPECT_EQ(basis(c, key).as, "") << c << " " << key;
        }
    EXPECT_EQ(basis("b200", "efficiency.attention_mha").as, "efficiency.attention");
    EXPECT_EQ(basis("b200", "efficiency.attention_mha_pair_ns").basis, "measured");
    EXPECT_EQ(basis("mi300x", "efficiency.attention_mha_overhead_us").as, "efficiency.attention_overhead_us");
    EXPECT_EQ(basis("mi300x", "efficiency.attention_mha_overhead_us").from, "h100-sxm");
    // The engine's fallback decode-attention kernel (TensorRT-LLM's MMHA on Hopper): measured on H100 and H200;
    // elsewhere 0, an estimate (no fallback seen: the B200 silicon's and B300's one to four pairs at 1023 tokens
    // take what more pairs do).
    for (const char* c : {"h100-sxm", "h200-sxm"})
        for (const char* key : {"efficiency.attention_fallback_token_ns", "efficiency.attention_fallback_merge_us"})
            EXPECT_EQ(basis(c, key).basis, "measured") << c << " " << key;
    for (const char* c : {"b200", "b300", "mi300x", "tpu-v7"})
        EXPECT_EQ(basis(c, "efficiency.attention_fallback_token_ns").basis, "estimate") << c;
    // A decode call's RoPE pass of its own (YaRN on Hopper's FP8 kernel): measured on Hopper, measured 0 on the
    // B200 silicon and B300, carried from B200 elsewhere.
    for (const char* c : {"h100-sxm", "h200-sxm", "b200", "gb200", "b300"})
        EXPECT_EQ(basis(c, "efficiency.attention_rope_pass_us").basis, "measured") << c;
    for (const char* c : {"a100-sxm", "mi300x", "tpu-v7", "jalapeno-est"}) {
        EXPECT_EQ(basis(c, "efficiency.attention_rope_pass_us").basis, "carried") << c;
        EXPECT_EQ(basis(c, "efficiency.attention_rope_pass_us").from, "b200") << c;
    }
    // The share of a decode block's pair time that grows with the KV heads' width: measured on the chips
    // aiconfigurator times (gpt-oss-120b's 64-wide heads against the 128-wide layouts), Hopper's 16-bit kernel
    // its own; carried from H100 with the rest of its decode-attention keys; Blackwell's 16-bit cache runs the
    // FP8 kernel and takes its share.
    measured_where_timed("efficiency.attention_pair_width_share");
    for (const char* c : {"h100-sxm", "h200-sxm"}) {
        EXPECT_EQ(basis(c, "efficiency.attention_16bit_pair_width_share").basis, "measured") << c;
        EXPECT_EQ(basis(c, "efficiency.attention_16bit_pair_width_share").as, "") << c;
    }
    EXPECT_EQ(basis("b200", "efficiency.attention_16bit_pair_width_share").as, "efficiency.attention_pair_width_share");
    for (const char* c : {"a100-sxm", "mi300x", "tpu-v7", "vera-rubin"})
        EXPECT_EQ(basis(c, "efficiency.attention_pair_width_share").from, "h100-sxm") << c;
    // Every efficiency of every chip has a basis, and a carried value equals its source's.
    for (const ChipSpec& c : reference_chips()) {
        const auto all = efficiency_basis(c);
        EXPECT_EQ(all.size(), 44u) << c.id;
        for (const EfficiencyBasis& b : all) {
            if (b.basis != "carried") continue;
            const std::string& key = b.as.empty() ? b.key : b.as;
            EXPECT_EQ(*get_param(c, key), *get_param(*load_chip(b.from), key)) << c.id << " " << b.key;
        }
    }
}

// Scenario errors are translatable patterns (Error::of) whose English text is exactly what the
// command line printed before they were: the pattern filled with the key and the numbers.
TEST(Workload, ScenarioErrorsAreTranslatablePatterns) {
    auto m = *load_model("llama-2-70b");
    Scenario s;
    s.chips = 1;
    s.tp = 8;
    const Error e = validate_scenario(s, m).error();
    EXPECT_EQ(e.message, "scenario: tp = 8 exceeds chips (1): a degree of parallelism needs that many chips");
    ASSERT_TRUE(e.text.has_value());
    EXPECT_EQ(e.text->context, "Error");
    EXPECT_EQ(e.text->pattern, "scenario: %1 = %2 exceeds chips (%3): a degree of parallelism needs that many chips");
    EXPECT_EQ(e.text->args, (std::vector<std::string>{"tp", "8", "1"}));
    EXPECT_EQ(e.text->text(), e.message);

    // A meaning in parentheses is a message of its own (translated on its own in the GUI).
    s = Scenario{};
    s.comm_overlap = 1.5;
    const Error overlap = validate_scenario(s, m).error();
    EXPECT_EQ(overlap.message, "scenario: comm_overlap = 1.5 is out of range [0, 1] (fraction of collective time hidden)");
    ASSERT_TRUE(overlap.text.has_value());
    ASSERT_EQ(overlap.text->inner.size(), 1U);
    EXPECT_EQ(overlap.text->inner[0].pattern, "fraction of collective time hidden");
    EXPECT_EQ(overlap.text->text(), overlap.message);
}

// An error wrapped in another keeps its own pattern: "seek: %1" with the inner one as %1.
TEST(Workload, WrappedErrorsKeepTheirPattern) {
    const Error inner = Error::of({"Error", "scenario: %1 must be a positive number of seconds", {"ttft_slo"}});
    const Error outer = Error::of({"Error", "seek: %1", {}, {inner.as_message()}});
    EXPECT_EQ(outer.message, "seek: scenario: ttft_slo must be a positive number of seconds");
    // An error without a pattern is carried as its text.
    const Error plain{"disk full"};
    EXPECT_EQ(Error::of({"Error", "seek: %1", {}, {plain.as_message()}}).message, "seek: disk full");
}

TEST(ModelKeys, EveryKeyIsTheModelFilesAndReadsBackThroughIt) {
    const ModelSpec base = load_model("deepseek-v3").value();
    const auto file = nlohmann::json::parse(model_to_json(base));
    auto at = [&](std::string_view key) -> const nlohmann::json* {
        const auto dot = key.find('.');
        const nlohmann::json& obj = dot == std::string_view::npos ? file : file.at(std::string(key.substr(0, dot)));
        const std::string leaf(dot == std::string_view::npos ? key : key.substr(dot + 1));
        return obj.contains(leaf) ? &obj.at(leaf) : nullptr;
    };
    std::set<std::string> keys;
    for (const ModelKey& k : model_keys()) {
        SCOPED_TRACE(std::string(k.key));
        keys.insert(std::string(k.key));
        ASSERT_NE(at(k.key), nullptr) << "not a key of the model file";
        EXPECT_FALSE(k.label.empty());
        EXPECT_FALSE(k.description.empty());
        // A value set through the key is the model file's, and reads back through it.
        ModelSpec m = base;
        const double v = k.kind == ModelKeyKind::real ? 1.1 : k.kind == ModelKeyKind::integer ? k.min + 1 : 1;
        k.set(m, v);
        EXPECT_EQ(k.get(m), v);
        const auto back = model_from_json(model_to_json(m), "key");
        if (back) {  // (some values alone make no valid model: moe.experts 1 < top_k)
            EXPECT_EQ(k.get(*back), v);
        }
        EXPECT_EQ(find_model_key(k.key), &k);
    }
    // And every architecture key of the model file is one of them (identity and the skew's range aside).
    for (const auto& [name, value] : file.items()) {
        if (name == "id" || name == "name" || name == "source") continue;
        if (value.is_object()) {
            for (const auto& [leaf, inner] : value.items()) {
                if (name == "moe" && leaf == "routing_alpha_range") continue;
                EXPECT_TRUE(keys.count(name + "." + leaf)) << name << "." << leaf;
            }
        } else {
            EXPECT_TRUE(keys.count(name)) << name;
        }
    }
}
