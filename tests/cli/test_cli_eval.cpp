// `scoville eval|kernel|models|validate`: output formats and every kind of bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/perf/accuracy.hpp"
#include "support/cli_run.hpp"

namespace {

using scoville::test::CliRun;
CliRun run(std::vector<std::string> args) { return scoville::test::run_cli(std::move(args)); }

const std::vector<std::string> kBase = {"eval", "--chip", "h100-sxm", "--model", "llama-2-70b",
                                        "--chips", "8", "--tp", "8", "--batch", "64"};

std::vector<std::string> base_with(std::initializer_list<std::string> extra) {
    auto v = kBase;
    v.insert(v.end(), extra);
    return v;
}

// Every number in the document is finite (JSON cannot even hold NaN/inf; nlohmann writes null).
void expect_no_nulls(const nlohmann::json& j, const std::string& path = "") {
    if (j.is_null()) {
        ADD_FAILURE() << "null at " << path;
    } else if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            if ((it.key() == "ttft_slo_s" || it.key() == "tpot_slo_s")) continue;  // absent limits are null
            expect_no_nulls(it.value(), path + "." + it.key());
        }
    } else if (j.is_array()) {
        for (size_t i = 0; i < j.size(); ++i) expect_no_nulls(j[i], path + "[" + std::to_string(i) + "]");
    }
}

void expect_error(const CliRun& r, int code, const std::string& fragment) {
    EXPECT_EQ(r.code, code) << r.err;
    EXPECT_TRUE(r.out.empty()) << "stdout must stay empty on error: " << r.out.substr(0, 200);
    EXPECT_NE(r.err.find(fragment), std::string::npos) << "stderr: " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n') >= 1, true);
}

}  // namespace

TEST(CliEval, JsonHasTheContractKeys) {
    const CliRun r = run(base_with({"--format", "json"}));
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    for (const char* key : {"throughput_tokens_per_s", "throughput_tokens_per_s_per_chip", "ttft_s", "tpot_s", "batch",
                            "power_w_per_chip", "tokens_per_joule", "die_area_mm2", "cost_per_million_tokens_usd",
                            "peak_tflops", "memory_tb_s", "area_mm2", "power_w", "phases", "warnings"})
        EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_EQ(j["batch"], 64);
    EXPECT_EQ(j["scenario"]["input_len_cv"], 0.0);  // uniform lengths unless asked
    EXPECT_EQ(j["scenario"]["output_len_cv"], 0.0);
    EXPECT_EQ(j["scenario"]["admission"], "best");
    // A spread of output lengths: long requests hold their slot longer, so the mean decode context
    // grows from input + output / 2 to input + output (1 + cv^2) / 2 and throughput falls.
    const CliRun spread = run(base_with({"--format", "json", "--output-len-cv", "0.8"}));
    ASSERT_EQ(spread.code, 0) << spread.err;
    const auto js = nlohmann::json::parse(spread.out);
    EXPECT_EQ(js["scenario"]["output_len_cv"], 0.8);
    EXPECT_LT(js["throughput_tokens_per_s"].get<double>(), j["throughput_tokens_per_s"].get<double>());
    EXPECT_NEAR(j["peak_tflops"]["bf16"].get<double>(), 989.4, 0.1);
    EXPECT_NEAR(j["peak_tflops"]["fp8"].get<double>(), 1978.9, 0.1);
    EXPECT_NEAR(j["memory_tb_s"].get<double>(), 3.35, 1e-9);
    for (const char* phase : {"prefill", "decode"}) {
        const auto& layers = j["phases"][phase]["layers"];
        ASSERT_EQ(layers.size(), 81u);  // 80 decoder layers + lm_head, every one listed
        EXPECT_EQ(layers[0]["index"], 0);
        EXPECT_EQ(layers[0]["kind"], "dense");
        EXPECT_EQ(layers[80]["kind"], "lm_head");
        for (const auto& op : layers[0]["ops"])
            for (const char* key : {"name", "flops", "bytes", "network_bytes", "time_s", "bound", "compute_s",
                                    "memory_s", "network_s", "utilisation"})
                EXPECT_TRUE(op.contains(key)) << key;
    }
    EXPECT_GT(j["throughput_tokens_per_s"].get<double>(), 0);
    EXPECT_NEAR(j["throughput_tokens_per_s_per_chip"].get<double>() * 8, j["throughput_tokens_per_s"].get<double>(), 1e-6);
    expect_no_nulls(j);
}

TEST(CliEval, TableAndCsv) {
    const CliRun t = run(base_with({"--format", "table"}));
    ASSERT_EQ(t.code, 0) << t.err;
    EXPECT_NE(t.out.find("throughput"), std::string::npos);
    EXPECT_NE(t.out.find("qkv_proj"), std::string::npos);
    const CliRun c = run(base_with({"--format", "csv"}));
    ASSERT_EQ(c.code, 0) << c.err;
    // header + prefill (80 layers x 12 ops + lm_head 2 ops) + decode (80 x 15 + 2) rows; a tp-8 dense
    // layer: attn_norm qkv_proj attn_score softmax attn_value o_proj attn_allreduce ffn_norm ffn_gate_up
    // ffn_act ffn_down ffn_allreduce; the decode step adds the prompt chunks' chunk_attn_score,
    // chunk_softmax and chunk_attn_value; lm_head: final_norm lm_head
    EXPECT_EQ(std::count(c.out.begin(), c.out.end(), '\n'), 1 + (80 * 12 + 2) + (80 * 15 + 2));
    EXPECT_EQ(c.out.find("nan"), std::string::npos);
    EXPECT_EQ(c.out.find("inf"), std::string::npos);
}

// Over pipeline stages the table says what the slowest stage adds: Llama-2-70B's 80 layers over two H100s, the last
// stage 40 layers and the LM head; one stage says nothing of it.
TEST(CliEval, TheTableSaysWhatTheSlowestPipelineStageAdds) {
    const CliRun two = run({"eval", "--chip", "h100-sxm", "--model", "llama-2-70b", "--precision", "fp8", "--chips", "2",
                            "--tp", "1", "--pp", "2", "--batch", "64", "--format", "table"});
    ASSERT_EQ(two.code, 0) << two.err;
    EXPECT_NE(two.out.find("  pipeline          the slowest stage (40 layers) sets the pace: each micro-batch waits "
                           "its turn there, +"),
              std::string::npos)
        << two.out.substr(0, 2000);
    const CliRun one = run(base_with({"--format", "table"}));
    ASSERT_EQ(one.code, 0) << one.err;
    EXPECT_EQ(one.out.find("  pipeline  "), std::string::npos);
}

// The table says what the engine's loop adds to a step: over 2 stages, 64 requests a micro-batch at 9 us each, every
// rank runs 2 iterations a step, each walking the 128 requests it holds for 0.59 of that time:
// 2 x 64 x 9 x (1 + 0.59) = 1831.68 us. A server's streamed tokens are said apart: 8 chips at TP 8, 64 requests,
// 1 + 15 us each = 1.024 ms, 0.96 of it streaming.
TEST(CliEval, TheTableSaysWhatTheEnginesLoopAdds) {
    // Llama-2-70B in FP8 over 2 H100 stages, 64 requests a micro-batch, 9 us each.
    const auto pipeline = [](std::vector<std::string> extra) {
        std::vector<std::string> args{"eval", "--chip", "h100-sxm", "--model", "llama-2-70b", "--precision", "fp8",
                                      "--chips", "2", "--tp", "1", "--pp", "2", "--batch", "64",
                                      "--host-us-per-request", "9", "--format", "table"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run(args);
    };
    const CliRun two = pipeline({});
    ASSERT_EQ(two.code, 0) << two.err;
    EXPECT_NE(two.out.find("  host              1.832 ms a step the chips wait for: 2 loop iterations, one per "
                           "micro-batch, each walking the 128 requests a rank holds\n"),
              std::string::npos)
        << two.out.substr(0, 2000);
    // A loop that walks only the micro-batch it steps: 2 x 64 x 9 = 1152 us, and no walk is named.
    const CliRun own = pipeline({"--host-active-share", "0"});
    ASSERT_EQ(own.code, 0) << own.err;
    EXPECT_NE(own.out.find("  host              1.152 ms a step the chips wait for: 2 loop iterations, one per "
                           "micro-batch\n"),
              std::string::npos)
        << own.out.substr(0, 2000);
    const CliRun server = run({"eval", "--chip", "h100-sxm", "--model", "llama-2-70b", "--chips", "8", "--tp", "8",
                               "--batch", "64", "--stream-us-per-token", "15", "--tpot-slo", "0.2", "--format", "table"});
    ASSERT_EQ(server.code, 0) << server.err;
    EXPECT_NE(server.out.find("  host              1.024 ms a step the chips wait for; 0.96 ms of it streaming tokens "
                              "to the clients\n"),
              std::string::npos)
        << server.out.substr(0, 2000);
    expect_error(run(base_with({"--host-active-share", "1.5"})), 2, "host_active_share");
}

// Beside a result, how the model's throughput matched measured runs of its workload's class: a dense
// model at 1024/256 (prompt share 0.8, mixed), Mixtral at 2048/128 (prompt-heavy).
TEST(CliEval, MeasuredAccuracyOfTheWorkloadsClass) {
    using scoville::LengthMix;
    const CliRun r = run(base_with({"--format", "json", "--input-len", "1024", "--output-len", "256"}));
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out)["measured_accuracy"];
    const scoville::MeasuredAccuracy* dense =
        scoville::find_accuracy(scoville::builtin_measured_accuracy(), {false, LengthMix::mixed});
    ASSERT_NE(dense, nullptr);
    EXPECT_EQ(j["models"], "dense");
    EXPECT_EQ(j["lengths"], "mixed");
    EXPECT_EQ(j["rows"], dense->rows);
    EXPECT_DOUBLE_EQ(j["median_error_pct"].get<double>(), dense->median_error * 100);
    EXPECT_DOUBLE_EQ(j["p10_error_pct"].get<double>(), dense->p10_error * 100);
    EXPECT_DOUBLE_EQ(j["p90_error_pct"].get<double>(), dense->p90_error * 100);
    EXPECT_DOUBLE_EQ(j["median_abs_error_pct"].get<double>(), dense->median_abs_error * 100);
    EXPECT_EQ(j["rows_with_error_within_25_pct"], dense->within_25);
    EXPECT_EQ(j["rows_with_error_within_35_pct"], dense->within_35);
    const CliRun t = run({"eval", "--chip", "h200-sxm", "--model", "mixtral-8x7b", "--chips", "8", "--input-len",
                          "2048", "--output-len", "128", "--format", "table"});
    ASSERT_EQ(t.code, 0) << t.err;
    const scoville::MeasuredAccuracy* moe =
        scoville::find_accuracy(scoville::builtin_measured_accuracy(), {true, LengthMix::prompt_heavy});
    ASSERT_NE(moe, nullptr);
    char line[300];
    std::snprintf(line, sizeof line,
                  "  accuracy          tokens/s against %d measured runs of MoE models, prompt-heavy requests: median "
                  "%+.1f %%, 10th to 90th percentile %+.1f to %+.1f %% (positive: the model faster than measured), %d "
                  "within +-35 %%\n",
                  moe->rows, moe->median_error * 100, moe->p10_error * 100, moe->p90_error * 100, moe->within_35);
    EXPECT_NE(t.out.find(line), std::string::npos) << line << t.out.substr(0, 3000);
}

// Beside the class, every measured run on the chip, where it is a reference chip as the library holds it: TPU7x's
// eight (Google's recipes, tests/data/validation-extra.csv); none for a chip changed by --set, nor for one no run
// measured.
TEST(CliEval, MeasuredAccuracyOnTheChip) {
    const scoville::MeasuredAccuracy* tpu = scoville::find_chip_accuracy(scoville::builtin_chip_accuracy(), "tpu-v7");
    ASSERT_NE(tpu, nullptr);
    EXPECT_EQ(tpu->rows, 8);
    const std::vector<std::string> args = {"eval", "--chip", "tpu-v7", "--model", "qwen3-32b", "--input-len", "1000",
                                           "--output-len", "1000"};
    auto with = [&](std::vector<std::string> more) {
        std::vector<std::string> a = args;
        a.insert(a.end(), more.begin(), more.end());
        return run(a);
    };
    const CliRun j = with({"--format", "json"});
    ASSERT_EQ(j.code, 0) << j.err;
    const auto chip = nlohmann::json::parse(j.out)["measured_accuracy_chip"];
    EXPECT_EQ(chip["chip"], "tpu-v7");
    EXPECT_EQ(chip["rows"], 8);
    EXPECT_FALSE(chip.contains("models"));
    EXPECT_DOUBLE_EQ(chip["median_error_pct"].get<double>(), tpu->median_error * 100);
    EXPECT_DOUBLE_EQ(chip["median_abs_error_pct"].get<double>(), tpu->median_abs_error * 100);
    EXPECT_EQ(chip["rows_with_error_within_35_pct"], tpu->within_35);
    const CliRun t = with({"--format", "table"});
    ASSERT_EQ(t.code, 0) << t.err;
    char line[300];
    std::snprintf(line, sizeof line,
                  "  on this chip      tokens/s against the 8 measured runs on tpu-v7 (every workload): median %+.1f "
                  "%%, 10th to 90th percentile %+.1f to %+.1f %%, median |error| %.1f %%, %d within +-35 %%\n",
                  tpu->median_error * 100, tpu->p10_error * 100, tpu->p90_error * 100, tpu->median_abs_error * 100,
                  tpu->within_35);
    EXPECT_NE(t.out.find(line), std::string::npos) << line << t.out.substr(0, 3000);
    const CliRun changed = with({"--format", "json", "--set", "compute.clock_ghz=2.0"});
    ASSERT_EQ(changed.code, 0) << changed.err;
    EXPECT_FALSE(nlohmann::json::parse(changed.out).contains("measured_accuracy_chip"));
    const CliRun none = run({"eval", "--chip", "jalapeno-est", "--model", "qwen3-32b", "--format", "json"});
    ASSERT_EQ(none.code, 0) << none.err;
    EXPECT_FALSE(nlohmann::json::parse(none.out).contains("measured_accuracy_chip"));
}

TEST(CliEval, SetChangesTheChipAndAutoBatch) {
    const CliRun a = run(base_with({"--format", "json"}));
    const CliRun b = run(base_with({"--format", "json", "--set", "compute.clock_ghz=0.915", "--set", "hbm.stacks=6"}));
    ASSERT_EQ(b.code, 0) << b.err;
    const auto ja = nlohmann::json::parse(a.out), jb = nlohmann::json::parse(b.out);
    EXPECT_NEAR(jb["peak_tflops"]["bf16"].get<double>(), 989.4 / 2, 0.1);  // half the clock
    EXPECT_NEAR(jb["memory_tb_s"].get<double>(), 6 * 0.67, 1e-9);
    const CliRun automatic = run({"eval", "--chip", "h100-sxm", "--model", "llama-2-70b", "--chips", "8", "--tp", "8",
                               "--batch", "auto", "--tpot-slo", "0.05", "--format", "json"});
    ASSERT_EQ(automatic.code, 0) << automatic.err;
    EXPECT_LE(nlohmann::json::parse(automatic.out)["tpot_s"].get<double>(), 0.05);
}

TEST(CliEval, BadInputs) {
    expect_error(run({"eval", "--chip", "h900", "--model", "llama-2-70b"}), 1, "unknown chip 'h900'");
    expect_error(run({"eval", "--chip", "h100-sxm", "--model", "llama-9"}), 1, "unknown model 'llama-9'");
    const std::string bad = testing::TempDir() + "/scoville_bad_chip.json";
    std::ofstream(bad) << "{\"compute\": {\"cores\": 4";
    expect_error(run({"eval", "--chip", bad, "--model", "llama-2-7b"}), 1, "malformed JSON");
    std::remove(bad.c_str());
    expect_error(run(base_with({"--set", "compute.warp_drive=1"})), 2, "unknown parameter 'compute.warp_drive'");
    expect_error(run(base_with({"--set", "compute.cores=0"})), 2, "compute.cores");
    expect_error(run(base_with({"--set", "hbm.tb_s_per_stack=-1"})), 2, "hbm.tb_s_per_stack");
    // HBM that holds data it cannot read, or reads data it cannot hold, is refused (once taken for a chip
    // without HBM: 'does not fit ... 0.1 GB available' of a chip whose 80 GB were still there).
    expect_error(run(base_with({"--set", "hbm.tb_s_per_stack=0"})), 2,
                 "chip 'h100-sxm': its 5 memory sites hold 16 GB each but have no bandwidth (hbm.tb_s_per_stack = 0)");
    expect_error(run(base_with({"--set", "hbm.gb_per_stack=0"})), 2,
                 "chip 'h100-sxm': its 5 memory sites have 0.67 TB/s each but hold nothing (hbm.gb_per_stack = 0)");
    expect_error(run(base_with({"--set", "compute.clock_ghz=nan"})), 2, "compute.clock_ghz");
    expect_error(run(base_with({"--set", "noequals"})), 2, "expected key=value");
    expect_error(run(base_with({"--precision", "fp7"})), 2, "--precision");
    expect_error(run(base_with({"--format", "xml"})), 2, "--format");
    expect_error(run({"eval", "--chip", "h100-sxm", "--model", "llama-2-70b", "--batch", "lots"}), 2, "--batch");
    expect_error(run(base_with({"--output-len-cv", "-1"})), 2, "output_len_cv");
    expect_error(run(base_with({"--input-len-cv", "nan"})), 2, "input_len_cv");
    expect_error(run({"eval", "--chip", "h100-sxm", "--model", "llama-2-70b", "--chips", "8", "--tp", "3"}), 2,
                 "multiple of tp x attention_dp x pp");
    expect_error(run({"eval", "--chip", "h100-sxm", "--model", "llama-3.1-405b"}), 1,
                 "'llama-3.1-405b' does not fit on chip 'h100-sxm'");
    expect_error(run({"eval", "--chip", "h100-sxm", "--model", "llama-3.1-405b"}), 1,
                 "need at least 12 chips of this one (--chips");
    expect_error(run({"eval", "--chip", "h100-sxm", "--model", "llama-2-70b", "--chips", "3", "--tp", "3"}), 2,
                 "tp = 3 does not split the 64 attention heads");
    expect_error(run({"eval", "--chip", "h100-sxm", "--model", "llama-2-7b", "--batch", "100000"}), 1,
                 "batch 100000 does not fit");
    const CliRun missing = run({"eval", "--chip", "h100-sxm"});
    EXPECT_EQ(missing.code, 2);
    EXPECT_TRUE(missing.out.empty());
}

// The owner's cost: bought and built chips, the breakdown, the comparison with a baseline.
TEST(CliEval, EconomicsKeysAndTheBaseline) {
    const CliRun h = run({"eval", "--chip", "h100-sxm", "--model", "llama-3.1-70b", "--chips", "8", "--precision",
                          "fp8", "--format", "json"});
    ASSERT_EQ(h.code, 0) << h.err;
    const auto hj = nlohmann::json::parse(h.out);
    EXPECT_EQ(hj["econ_mode"], "buy");
    EXPECT_EQ(hj["chip_usd"].get<double>(), 25000);  // h100-sxm.json econ.chip_price_usd
    double sum = 0;
    for (const auto& [name, v] : hj["cost_breakdown_usd_per_chip_hour"].items()) sum += v.get<double>();
    EXPECT_NEAR(sum, hj["tco_usd_per_chip_hour"].get<double>(), 1e-9);
    // cost per M tokens = TCO per chip-hour / (tokens/s per chip x 0.7 utilisation x 3600) x 1e6
    EXPECT_NEAR(hj["cost_per_million_tokens_usd"].get<double>(),
                hj["tco_usd_per_chip_hour"].get<double>() /
                    (hj["throughput_tokens_per_s_per_chip"].get<double>() * 0.7 * 3600) * 1e6,
                1e-9);
    EXPECT_FALSE(hj.contains("against_baseline"));

    // A built chip against a bought one: the cost ratio is the ratio of the two runs, and the units at
    // which it breaks even are given.
    const CliRun b = run({"eval", "--chip", "b200", "--model", "llama-3.1-70b", "--chips", "8", "--precision", "fp8",
                          "--format", "json"});
    ASSERT_EQ(b.code, 0) << b.err;
    const double b200 = nlohmann::json::parse(b.out)["cost_per_million_tokens_usd"].get<double>();
    const CliRun j = run({"eval", "--chip", "jalapeno-est", "--model", "llama-3.1-70b", "--chips", "8", "--precision",
                          "fp8", "--baseline", "b200", "--format", "json"});
    ASSERT_EQ(j.code, 0) << j.err;
    const auto jj = nlohmann::json::parse(j.out);
    EXPECT_EQ(jj["econ_mode"], "build");
    const auto& a = jj["against_baseline"];
    EXPECT_EQ(a["chip"], "b200");
    EXPECT_NEAR(a["cost_per_million_tokens_usd"].get<double>(), b200, 1e-12);
    EXPECT_NEAR(a["cost_ratio"].get<double>(), jj["cost_per_million_tokens_usd"].get<double>() / b200, 1e-12);
    EXPECT_NEAR(a["cost_ratio"].get<double>(),
                a["tco_ratio"].get<double>() / a["tokens_per_chip_hour_ratio"].get<double>(), 1e-12);
    EXPECT_TRUE(a["break_even_units"].is_number());
    // A bought chip has no break-even volume.
    const CliRun hb = run({"eval", "--chip", "h100-sxm", "--model", "llama-3.1-70b", "--chips", "8", "--precision",
                           "fp8", "--baseline", "b200", "--format", "json"});
    ASSERT_EQ(hb.code, 0) << hb.err;
    EXPECT_TRUE(nlohmann::json::parse(hb.out)["against_baseline"]["break_even_units"].is_null());
    // Bad economics are refused naming the key.
    expect_error(run(base_with({"--set", "econ.utilisation=0"})), 2, "econ.utilisation");
    expect_error(run(base_with({"--set", "econ.utilisation=1.5"})), 2, "econ.utilisation");
    expect_error(run(base_with({"--set", "econ.chip_price_usd=-1"})), 2, "econ.chip_price_usd");
    expect_error(run(base_with({"--set", "econ.years=0"})), 2, "econ.years");
    expect_error(run(base_with({"--set", "econ.mode=lease"})), 2, "econ.mode");
    expect_error(run(base_with({"--baseline", "h900"})), 1, "--baseline: unknown chip 'h900'");
}

TEST(CliEval, ServingKeysAndTheChosenParallelism) {
    // No --tp: the parallelism is chosen (8 x H100 Llama-2-70B fp8: at least tp 2) and said so.
    const CliRun r = run({"eval", "--chip", "h100-sxm", "--model", "llama-2-70b", "--chips", "8", "--precision", "fp8",
                          "--ttft-slo", "2", "--tpot-slo", "0.2", "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    for (const char* key : {"ttft_p50_s", "ttft_p99_s", "tpot_p50_s", "tpot_p99_s", "parallelism", "requests_per_s",
                            "step_s", "mode"})
        EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_EQ(j["mode"], "server");
    EXPECT_EQ(j["parallelism"]["chosen"], "auto");
    EXPECT_GE(j["parallelism"]["tp"].get<int>(), 2);
    for (const char* key : {"tp", "pp", "ep", "attention_dp"}) EXPECT_TRUE(j["parallelism"].contains(key)) << key;
    EXPECT_EQ(j["scenario"]["tp"], "auto");
    EXPECT_LE(j["ttft_p99_s"].get<double>(), 2.0);
    EXPECT_LE(j["tpot_p99_s"].get<double>(), 0.2);
    EXPECT_LE(j["tpot_p50_s"].get<double>(), j["tpot_p99_s"].get<double>());
    EXPECT_FALSE(j.contains("disaggregated"));
    expect_no_nulls(j);

    const CliRun d = run({"eval", "--chip", "h200-sxm", "--model", "llama-3.1-70b", "--chips", "8", "--precision", "fp8",
                          "--prefill-chips", "2", "--decode-chips", "6", "--format", "json"});
    ASSERT_EQ(d.code, 0) << d.err;
    const auto jd = nlohmann::json::parse(d.out);
    ASSERT_TRUE(jd.contains("disaggregated"));
    EXPECT_EQ(jd["disaggregated"]["prefill"]["chips"], 2);
    EXPECT_EQ(jd["disaggregated"]["decode"]["chips"], 6);
    EXPECT_GT(jd["disaggregated"]["kv_transfer_gb_per_request"].get<double>(), 0);
    // The prefill pool at its own tensor-parallel degree: TP 2 over its 2 chips, the decode pool's left to auto.
    const CliRun own = run({"eval", "--chip", "h200-sxm", "--model", "llama-3.1-70b", "--chips", "8", "--precision", "fp8",
                            "--prefill-chips", "2", "--decode-chips", "6", "--prefill-tp", "2", "--format", "json"});
    ASSERT_EQ(own.code, 0) << own.err;
    const auto jo = nlohmann::json::parse(own.out);
    EXPECT_EQ(jo["scenario"]["prefill_tp"], 2);
    EXPECT_EQ(jo["disaggregated"]["prefill"]["parallelism"]["tp"], 2);
    EXPECT_EQ(jd["disaggregated"]["prefill"]["parallelism"]["tp"], 1);  // shared: auto chose TP 1 there
    EXPECT_FALSE(jd["scenario"].contains("prefill_tp"));
    const CliRun best = run({"eval", "--chip", "h200-sxm", "--model", "llama-3.1-8b", "--chips", "4", "--disaggregate",
                             "--format", "table"});
    ASSERT_EQ(best.code, 0) << best.err;
    EXPECT_NE(best.out.find("prefill pool"), std::string::npos);
    const CliRun spec = run({"eval", "--chip", "h200-sxm", "--model", "llama-3.1-70b", "--chips", "2", "--tp", "2",
                             "--precision", "fp8", "--spec-tokens", "3", "--spec-accept", "0.8", "--draft-model",
                             "llama-3.1-8b", "--batch", "16", "--format", "json"});
    ASSERT_EQ(spec.code, 0) << spec.err;
    EXPECT_NEAR(nlohmann::json::parse(spec.out)["tokens_per_step_per_request"].get<double>(), 2.952, 1e-9);

    // Streamed tokens cost a server 15 us per request and step: at 64 requests 64 x (1 + 15) us = 1.024 ms of
    // host time a step; offline, the 1 us of bookkeeping alone, 0.064 ms.
    auto host_ms = [&](bool server) {
        std::vector<std::string> a = {"eval", "--chip", "h100-sxm", "--model", "llama-2-70b", "--chips", "8", "--tp", "8",
                                      "--batch", "64", "--stream-us-per-token", "15", "--format", "json"};
        if (server) a.insert(a.end(), {"--tpot-slo", "0.2"});
        const CliRun sr = run(a);
        EXPECT_EQ(sr.code, 0) << sr.err;
        const auto js = nlohmann::json::parse(sr.out);
        EXPECT_EQ(js["scenario"]["stream_us_per_token"].get<double>(), 15.0);
        return js["host_s_per_step"].get<double>() * 1e3;
    };
    EXPECT_NEAR(host_ms(true), 1.024, 1e-9);
    EXPECT_NEAR(host_ms(false), 0.064, 1e-9);

    // Measured output quantiles stand for the output lengths: the table is read and echoed; every request at
    // the mean (101 tokens) gives the step and throughput of equal lengths (the requests' mean context in
    // flight is the same) and a narrower TPOT tail than the lognormal of cv 0.79; a table with 1 % at 5
    // tokens a wider one.
    auto tpot = [&](std::initializer_list<std::string> extra) {
        std::vector<std::string> a = {"eval", "--chip", "h100-sxm", "--model", "llama-2-70b", "--chips", "8", "--tp", "8",
                                      "--batch", "64", "--output-len", "101", "--admit-every-steps", "4",
                                      "--tpot-slo", "0.2", "--format", "json"};
        a.insert(a.end(), extra);
        const CliRun res = run(a);
        EXPECT_EQ(res.code, 0) << res.err;
        return nlohmann::json::parse(res.out);
    };
    const auto equal = tpot({"--output-len-cv", "0"});
    const auto lognormal = tpot({"--output-len-cv", "0.79"});
    const auto fixed = tpot({"--output-len-cv", "0.79", "--output-len-quantiles", "0.25:101 0.75:101"});
    const auto short_tail = tpot({"--output-len-quantiles", "0.01:5,0.5:90,0.99:300"});
    EXPECT_EQ(fixed["scenario"]["output_len_quantiles"].get<std::string>(), "0.25:101 0.75:101");
    EXPECT_EQ(short_tail["scenario"]["output_len_quantiles"].get<std::string>(), "0.01:5 0.5:90 0.99:300");
    EXPECT_EQ(lognormal["scenario"]["output_len_quantiles"].get<std::string>(), "");
    EXPECT_EQ(fixed["throughput_tokens_per_s"].get<double>(), equal["throughput_tokens_per_s"].get<double>());
    EXPECT_EQ(fixed["step_s"].get<double>(), equal["step_s"].get<double>());
    EXPECT_LT(fixed["tpot_p99_s"].get<double>(), lognormal["tpot_p99_s"].get<double>());
    EXPECT_GT(short_tail["tpot_p99_s"].get<double>(), lognormal["tpot_p99_s"].get<double>());
}

TEST(CliEval, AServerWhoseReplicaHoldsOneRequestQueuesWithoutBound) {
    // Llama-3.1-70B bf16 on B200 with 81,921-token prompts: at TP 1 a chip holds 172.8 GB (0.9 x 192) -
    // 141.1 GB of weights = 31.7 GB for KV, and a request's KV is 80 layers x 8 KV heads x 128 x 2 (K, V)
    // x 2 B x 82,433 tokens = 27.0 GB: one request per replica. A server whose requests keep that one slot
    // busy queues without bound, so TTFT is unbounded: said so, never printed as a number.
    const std::vector<std::string> base = {"eval", "--chip", "b200", "--model", "llama-3.1-70b", "--chips", "6",
                                           "--input-len", "81921", "--output-len", "512", "--ttft-slo", "2",
                                           "--tpot-slo", "0.05"};
    auto with = [&](std::initializer_list<std::string> extra) {
        auto v = base;
        v.insert(v.end(), extra);
        return v;
    };
    const CliRun one = run(with({"--tp", "1", "--format", "json"}));
    ASSERT_EQ(one.code, 0) << one.err;
    const auto j = nlohmann::json::parse(one.out);
    EXPECT_EQ(j["max_batch"], 1);
    for (const char* key : {"ttft_s", "ttft_p50_s", "ttft_p99_s"}) EXPECT_TRUE(j[key].is_null()) << key;
    EXPECT_GT(j["tpot_p99_s"].get<double>(), 0.0);
    bool said = false;
    for (const auto& w : j["warnings"])
        said = said || w.get<std::string>().find("fill all 1 slots of a replica") != std::string::npos;
    EXPECT_TRUE(said) << j["warnings"].dump();
    const CliRun table = run(with({"--tp", "1", "--format", "table"}));
    ASSERT_EQ(table.code, 0) << table.err;
    EXPECT_NE(table.out.find("TTFT              unbounded"), std::string::npos) << table.out;
    EXPECT_EQ(table.out.find("TTFT              mean 0 s"), std::string::npos) << table.out;

    // Left to choose, the search prefers a deployment whose queue settles: TP 2 holds 7 requests a replica
    // ((172.8 - 70.6) / 13.5 GB). No rate meets a 2 s TTFT there either (one prompt alone is several
    // seconds of prefill), so the limits are said to be missed, with a finite TTFT.
    const CliRun best = run(with({"--format", "json"}));
    ASSERT_EQ(best.code, 0) << best.err;
    const auto b = nlohmann::json::parse(best.out);
    EXPECT_GE(b["parallelism"]["tp"].get<int>(), 2);
    EXPECT_GT(b["ttft_p99_s"].get<double>(), 2.0);
    bool missed = false;
    for (const auto& w : b["warnings"])
        missed = missed || w.get<std::string>().find("missed even at batch 1") != std::string::npos;
    EXPECT_TRUE(missed) << b["warnings"].dump();
    expect_no_nulls(b);
}

TEST(CliEval, BadServingInputs) {
    const std::vector<std::string> base = {"eval", "--chip", "h100-sxm", "--model", "mixtral-8x7b", "--chips", "8"};
    auto with = [&](std::initializer_list<std::string> extra) {
        auto v = base;
        v.insert(v.end(), extra);
        return v;
    };
    expect_error(run(with({"--prefill-chips", "3", "--decode-chips", "4"})), 2,
                 "prefill_chips + decode_chips (3 + 4) must equal chips (8)");
    expect_error(run(with({"--prefill-chips", "3"})), 2, "must both be at least 1");
    expect_error(run(with({"--disaggregate", "--prefill-chips", "2", "--decode-chips", "6"})), 2, "--disaggregate");
    expect_error(run(with({"--ep", "16", "--tp", "1", "--attention-dp", "8"})), 2, "ep = 16 exceeds chips (8)");
    expect_error(run(with({"--spec-tokens", "2", "--spec-accept", "1.2"})), 2, "spec_accept = 1.2");
    expect_error(run(with({"--spec-tokens", "2", "--spec-accept", "0.8", "--draft-model", "llama-2-70b"})), 1,
                 "is not smaller than the target");
    expect_error(run(with({"--tp", "two"})), 2, "--tp: 'two'");
    expect_error(run(with({"--kv-allocation", "lazy"})), 2, "--kv-allocation");
    expect_error(run(with({"--admission", "greedy"})), 2, "--admission: 'greedy' is not one of best, fill");
    expect_error(run(with({"--prefill-steps", "chunked"})), 2,
                 "--prefill-steps: 'chunked' is not one of mixed, separate");
    expect_error(run(with({"--attention-dp-balance", "yes"})), 2, "--attention-dp-balance: 'yes' is not one of off, on");
    expect_error(run(with({"--chunked-decode", "window"})), 2, "--chunked-decode: 'window' is not one of chunk, full");
    expect_error(run(with({"--chunked-kv", "window"})), 2, "--chunked-kv: 'window' is not one of chunk, whole");
    expect_error(run(with({"--lm-head", "fp4"})), 2, "--lm-head: 'fp4' is not one of bf16, weights");
    expect_error(run(with({"--state-precision", "fp16"})), 2, "--state-precision: 'fp16' is not one of model, bf16, fp32");
    expect_error(run(with({"--linear-chunk-tokens", "-1"})), 2, "linear_chunk_tokens = -1 is out of range [0, 1024]");
    expect_error(run(with({"--stream-us-per-token", "-1"})), 2, "stream_us_per_token = -1");
    expect_error(run(with({"--output-len-quantiles", "0.5:100 0.4:50"})), 2,
                 "--output-len-quantiles: workload 'output_len_quantiles': '0.4:50' must follow a lower probability");
    expect_error(run({"eval", "--chip", "h100-sxm", "--model", "llama-2-7b", "--chips", "64", "--tp", "64"}), 2,
                 "tp = 64 exceeds the 32 attention heads of 'llama-2-7b'");
    expect_error(run({"eval", "--chip", "h100-sxm", "--model", "llama-2-7b", "--input-len", "8192", "--output-len", "128"}),
                 2, "input_len + output_len (8192 + 128) exceeds the 4096-token context of 'llama-2-7b'");
    // A --chips that is given is held to at least one chip, never taken for "not given".
    expect_error(run({"eval", "--chip", "h100-sxm", "--model", "llama-2-7b", "--chips", "0"}), 2,
                 "scenario: chips = 0 is out of range [1, 1000000]");
    expect_error(run({"eval", "--chip", "h100-sxm", "--model", "llama-2-7b", "--chips", "-8"}), 2,
                 "scenario: chips = -8 is out of range [1, 1000000]");
    expect_error(run({"eval", "--chip", "h100-sxm", "--model", "llama-2-7b", "--expert-imbalance", "2"}), 2,
                 "expert_imbalance = 2 needs a mixture-of-experts model ('llama-2-7b' is dense");
    expect_error(run(with({"--prefill-chips", "2", "--decode-chips", "6", "--prefill-chip", "h900"})), 1,
                 "--prefill-chip: ");
    // The prefill pool's own degrees: disaggregated alone, held to the model's heads, and its pool's chips a
    // multiple of them.
    expect_error(run(with({"--prefill-tp", "2"})), 2,
                 "prefill_tp, prefill_pp, prefill_ep and prefill_attention_dp need prefill_chips and decode_chips");
    expect_error(run(with({"--prefill-chips", "4", "--decode-chips", "4", "--prefill-tp", "3"})), 2,
                 "the prefill pool's tp = 3 does not split the 32 attention heads");
    expect_error(run(with({"--prefill-chips", "2", "--decode-chips", "6", "--prefill-tp", "4"})), 1,
                 "prefill_chips (2) must be a multiple of the prefill pool's tp x attention_dp x pp (4)");
}

TEST(CliKernel, GemmAndCopy) {
    const CliRun g = run({"kernel", "--chip", "h100-sxm", "gemm", "8192x8192x8192", "--precision", "bf16"});
    ASSERT_EQ(g.code, 0) << g.err;
    double tflops = 0;
    ASSERT_EQ(std::sscanf(g.out.substr(g.out.find("achieved_tflops:")).c_str(), "achieved_tflops: %lf", &tflops), 1);
    EXPECT_NEAR(tflops, 792, 8);  // ml-engineering MAMF
    const CliRun c = run({"kernel", "--chip", "h100-sxm", "--format", "json", "copy", "4000000000"});
    ASSERT_EQ(c.code, 0) << c.err;
    EXPECT_NEAR(nlohmann::json::parse(c.out)["achieved_tb_s"].get<double>(), 2.90, 0.01);  // Azure copy
    expect_error(run({"kernel", "--chip", "h100-sxm", "gemm", "8192x8192"}), 2, "MxNxK");
    expect_error(run({"kernel", "--chip", "h100-sxm", "copy", "-5"}), 2, "BYTES");
    // A Linear layer as an engine benchmark times it: weights from HBM, the dynamic FP8 scale found first
    // (a max-reduction and a quantising pass, 4 us each at one token with their 40 KB at 2.958 TB/s, and the
    // scale's 0.95 us): 27.14 + 8.964 us (Roofline tests).
    const CliRun l = run({"kernel", "--chip", "h100-sxm", "--format", "json", "gemm", "1x8192x8192", "--precision", "fp8",
                          "--cold-weights", "--act-quant", "dynamic"});
    ASSERT_EQ(l.code, 0) << l.err;
    const auto lj = nlohmann::json::parse(l.out);
    EXPECT_NEAR(lj["act_quant_s"].get<double>(), 8.964e-6, 0.001e-6);
    EXPECT_NEAR(lj["time_s"].get<double>(), 36.10e-6, 0.05e-6);
    // aiconfigurator's rotation: 5 copies of a 2048 x 2048 bf16 layer (8.39 MB each) stay in H100's 50 MB L2, so
    // its weights stream at 10.39 TB/s, not HBM's 2.9 (Roofline.LinearLayerBenchmarkKeepsSmallWeightsInTheCache).
    auto gemm_time = [&](const char* flag, const char* value) {
        std::vector<std::string> args{"kernel", "--chip", "h100-sxm", "--format", "json", "gemm", "1x2048x2048", flag};
        if (value) args.emplace_back(value);
        const CliRun gr = run(args);
        EXPECT_EQ(gr.code, 0) << gr.err;
        if (gr.code != 0) return 0.0;
        const auto gj = nlohmann::json::parse(gr.out);
        EXPECT_EQ(gj["weight_level"], value ? "sram" : "hbm") << flag;  // the L2 holds the five copies
        return gj["time_s"].get<double>();
    };
    const double rotated = gemm_time("--weight-copies", "5"), streamed = gemm_time("--cold-weights", nullptr);
    EXPECT_NEAR(streamed - rotated, (2048.0 * 2048 * 2) * (1 / (3.35e12 * 0.866) - 1 / (12e12 * 0.866)), 0.3e-6);
    expect_error(run({"kernel", "--chip", "h100-sxm", "gemm", "1x8x8", "--weight-copies", "-1"}), 2, "--weight-copies");
    expect_error(run({"kernel", "--chip", "h100-sxm", "gemm", "1x8x8", "--act-quant", "per-token"}), 2,
                 "--act-quant: 'per-token' is not one of none, static, dynamic");
    // How the arrays hold a GEMM, with its tile use: TPU v6e's 1793 rows stream 8 at a time through its MXUs' weight
    // tiles, as 1800: 1793 / 1800 = 0.9961; H100's tensor cores pad them to 16-row output tiles, 1808: 0.9917.
    const CliRun tpu = run({"kernel", "--chip", "tpu-v6e", "gemm", "1793x14336x4096", "--cold-weights"});
    ASSERT_EQ(tpu.code, 0) << tpu.err;
    EXPECT_NE(tpu.out.find("utilisation: 0.9961 (weight_stationary: M streams 8 rows at a time through 256 x 256 tiles of "
                           "K x N weights)"),
              std::string::npos)
        << tpu.out;
    const CliRun gpu = run({"kernel", "--chip", "h100-sxm", "--format", "json", "gemm", "1793x14336x4096"});
    ASSERT_EQ(gpu.code, 0) << gpu.err;
    const auto gj = nlohmann::json::parse(gpu.out);
    EXPECT_EQ(gj["dataflow"], "output_stationary");
    EXPECT_NEAR(gj["utilisation"].get<double>(), 1793.0 / 1808, 1e-12);
}

// --sustained: seconds of calls, as a benchmark loop or an engine runs them. H200's bf16 8192^3 GEMM draws 953 W at its
// nominal 1.83 GHz in the model (the card alone at its top clock: 957 W, tests/data/measured-h200-duty.csv), above its
// 700 W limit: the clock falls until the power fits, and a compute-bound GEMM's rate with it (its HBM time, 0.1 ms of 1.4,
// does not follow the clock): 1.55 GHz and 669 TFLOP/s, where the limit held the card's at 667 TFLOP/s
// (tests/data/measured-h200-kernels.csv; its clock read 1.46 GHz, its rate not following the clock above about 1.8).
// A memory-bound one (one row: 543 W) keeps the nominal clock.
TEST(CliKernel, SustainedUnderThePowerLimit) {
    auto json = [&](std::vector<std::string> args) {
        const CliRun r = run(args);
        EXPECT_EQ(r.code, 0) << r.err;
        return r.code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json{};
    };
    const auto nominal = json({"kernel", "--chip", "h200-sxm", "--format", "json", "gemm", "8192x8192x8192"});
    const auto held = json({"kernel", "--chip", "h200-sxm", "--format", "json", "--sustained", "gemm", "8192x8192x8192"});
    ASSERT_FALSE(nominal.empty() || held.empty());
    EXPECT_DOUBLE_EQ(nominal["clock_ghz"].get<double>(), 1.83);
    EXPECT_FALSE(nominal.contains("sustained"));
    EXPECT_NEAR(nominal["power_w"].get<double>(), 957, 0.05 * 957);  // the card alone at its top clock
    EXPECT_TRUE(held["sustained"].get<bool>());
    EXPECT_TRUE(held["power_limited"].get<bool>());
    const double clock = held["clock_ghz"].get<double>();
    EXPECT_NEAR(clock, 1.55, 0.01);
    EXPECT_NEAR(held["achieved_tflops"].get<double>(), 667, 0.03 * 667);  // the card's sustained rate
    EXPECT_NEAR(held["power_w"].get<double>(), 700, 7);
    // Compute-bound: the rate follows the clock within 1 %.
    EXPECT_NEAR(held["achieved_tflops"].get<double>() / nominal["achieved_tflops"].get<double>(), clock / 1.83, 0.01);
    const auto gemv = json({"kernel", "--chip", "h200-sxm", "--format", "json", "--sustained", "gemm", "1x8192x8192"});
    ASSERT_FALSE(gemv.empty());
    EXPECT_FALSE(gemv["power_limited"].get<bool>());
    EXPECT_DOUBLE_EQ(gemv["clock_ghz"].get<double>(), 1.83);
    const CliRun t = run({"kernel", "--chip", "h200-sxm", "--sustained", "gemm", "8192x8192x8192"});
    ASSERT_EQ(t.code, 0) << t.err;
    EXPECT_NE(t.out.find("(sustained: lowered until the power fits the TDP)"), std::string::npos) << t.out;
    const CliRun n = run({"kernel", "--chip", "h200-sxm", "gemm", "8192x8192x8192"});
    EXPECT_NE(n.out.find("clock_ghz: 1.83 (nominal)"), std::string::npos) << n.out;
}

TEST(CliKernel, StreamAndAllReduce) {
    // H200 triad over BabelStream's 1 GiB arrays: 4.8 TB/s x 0.871 = 4.18 TB/s (Azure ND_H200_v5 BabelStream).
    const CliRun t = run({"kernel", "--chip", "h200-sxm", "--format", "json", "stream", "1073741824", "--op", "triad"});
    ASSERT_EQ(t.code, 0) << t.err;
    const auto tj = nlohmann::json::parse(t.out);
    EXPECT_EQ(tj["op"], "triad");
    EXPECT_NEAR(tj["achieved_tb_s"].get<double>(), 4.18, 0.01);
    // 8 x H100, 1 GiB: the engine hands it to the library, where the switch reduces in flight; bus bandwidth
    // 2 x 7/8 x B / t with t = 1.75 B / (360 GB/s x 1.3) = 4.015 ms through the 20.5 MB window (x 1.0187)
    // + 25.6 us per call = 4.116 ms -> 456.5 GB/s (nccl-tests NVLS: ~480; TensorRT-LLM measures 469).
    auto allreduce_on_h100 = [](const char* bytes) {
        const CliRun r = run({"kernel", "--chip", "h100-sxm", "--format", "json", "allreduce", bytes});
        EXPECT_EQ(r.code, 0) << r.err;
        return nlohmann::json::parse(r.code == 0 ? r.out : std::string("{}"));
    };
    const auto aj = allreduce_on_h100("1073741824");
    EXPECT_EQ(aj["algorithm"], "in-switch");
    EXPECT_EQ(aj["runner"], "library");
    EXPECT_EQ(aj["chips"], 8);
    EXPECT_NEAR(aj["busbw_gb_s"].get<double>(), 456.5, 0.5);
    // 16 KiB: the engine's one-shot kernel, 7 x 16384 / 279 GB/s + 2 x 1.27 us + 7 peers x 0.097 us = 3.63 us
    // (TensorRT-LLM: 3.6 us).
    const auto sj = allreduce_on_h100("16384");
    EXPECT_EQ(sj["algorithm"], "one-shot");
    EXPECT_EQ(sj["runner"], "engine");
    EXPECT_NEAR(sj["time_s"].get<double>(), 7 * 16384 / 279e9 + 2.54e-6 + 7 * 0.097e-6, 1e-9);
    expect_error(run({"kernel", "--chip", "h100-sxm", "stream", "1000", "--op", "scale"}), 2, "--op: 'scale'");
    expect_error(run({"kernel", "--chip", "h100-sxm", "allreduce", "1000", "--algorithm", "nvls"}), 2,
                 "--algorithm: 'nvls'");
    expect_error(run({"kernel", "--chip", "h100-sxm", "allreduce", "1000", "--chips", "1"}), 2, "--chips: 1");
    expect_error(run({"kernel", "--chip", "h100-sxm", "allreduce", "1e9", "--chips", "16", "--algorithm", "in-switch"}),
                 1, "scale-up domain (8 chips");
}

// One layer's fused MoE op: Mixtral on H200 at 1 token, EP 1, bf16 = its 2 experts' 704.6 MB at
// 4.18 TB/s (168.5 us) + the two GEMMs' 4 us + the call's 21.4 us = 198 us (aiconfigurator: 190.75 us).
TEST(CliKernel, FusedMoeLayer) {
    const CliRun m = run({"kernel", "--chip", "h200-sxm", "--format", "json", "moe", "1", "--model", "mixtral-8x7b"});
    ASSERT_EQ(m.code, 0) << m.err;
    const auto j = nlohmann::json::parse(m.out);
    EXPECT_EQ(j["kernel"], "moe");
    EXPECT_EQ(j["ep"], 1);
    EXPECT_NEAR(j["time_s"].get<double>() * 1e6, 198.6, 1.0);
    EXPECT_NEAR(j["tokens_per_s"].get<double>(), 1.0 / j["time_s"].get<double>(), 1e-6);
    EXPECT_EQ(j["bound"], "memory");
    const CliRun t = run({"kernel", "--chip", "b200", "moe", "16384", "--model", "qwen3-235b-a22b", "--ep", "8",
                          "--precision", "fp8"});
    ASSERT_EQ(t.code, 0) << t.err;
    EXPECT_NE(t.out.find("tokens_per_s: "), std::string::npos) << t.out;
    expect_error(run({"kernel", "--chip", "h200-sxm", "moe", "16", "--model", "llama-2-7b"}), 1, "no routed experts");
    expect_error(run({"kernel", "--chip", "h200-sxm", "moe", "16", "--model", "mixtral-8x7b", "--ep", "3"}), 1,
                 "ep 3 does not divide the 8 experts");
    expect_error(run({"kernel", "--chip", "h200-sxm", "moe", "16", "--model", "mixtral-8x7b", "--precision", "fp6"}), 2,
                 "--precision: 'fp6'");
    // Routed as kernel benchmarks route: 16 tokens of Qwen3-30B spread over all 128 experts (Lowering tests).
    const CliRun b = run({"kernel", "--chip", "h200-sxm", "--format", "json", "moe", "16", "--model", "qwen3-30b-a3b",
                          "--routing", "balanced"});
    ASSERT_EQ(b.code, 0) << b.err;
    EXPECT_EQ(nlohmann::json::parse(b.out)["routing"], "balanced");
    expect_error(run({"kernel", "--chip", "h200-sxm", "moe", "16", "--model", "mixtral-8x7b", "--routing", "skewed"}), 2,
                 "--routing: 'skewed' is not one of random, balanced");
}

// A linear-attention layer's own kernels: Qwen3-Next on one of 4 H100s, 64 requests decoding, each reading and writing
// its 8 heads' 128 x 128 bf16 state (262,144 B) and its convolution's 2,048 x 3 x 2 B (12,288 B): 35.1 MB.
TEST(CliKernel, LinearAttentionLayer) {
    const CliRun d = run({"kernel", "--chip", "h100-sxm", "--format", "json", "linear", "64", "--model",
                          "qwen3-next-80b-a3b", "--tp", "4"});
    ASSERT_EQ(d.code, 0) << d.err;
    const auto j = nlohmann::json::parse(d.out);
    EXPECT_EQ(j["kernel"], "linear");
    EXPECT_EQ(j["phase"], "decode");
    EXPECT_EQ(j["state_bytes"].get<double>(), 64 * 2 * (262144.0 + 12288));
    EXPECT_EQ(j["bound"], "memory");
    EXPECT_NEAR(j["tokens_per_s"].get<double>(), 64 / j["time_s"].get<double>(), 1e-3);
    const CliRun p = run({"kernel", "--chip", "h100-sxm", "linear", "1", "--model", "qwen3-next-80b-a3b", "--tp", "4",
                          "--prefill", "--context", "8192", "--precision", "fp32"});
    ASSERT_EQ(p.code, 0) << p.err;
    EXPECT_NE(p.out.find("achieved_tb_s: "), std::string::npos) << p.out;
    expect_error(run({"kernel", "--chip", "h100-sxm", "linear", "1", "--model", "llama-2-7b"}), 1,
                 "model 'llama-2-7b' has no linear-attention layers");
    expect_error(run({"kernel", "--chip", "h100-sxm", "linear", "1", "--model", "qwen3-next-80b-a3b", "--precision", "fp8"}),
                 2, "--precision: 'fp8' is not one of bf16, fp32, model (the state's)");
    // A Mamba-2 layer of Nemotron 3 Nano, one request on one chip, its state at the model's 32 bits: 64 heads x 128 x
    // 64 x 4 B (2,097,152 B) and the convolution's 6,144 x 3 x 2 B (36,864 B), read and written; bf16 asked, half
    // the first.
    const CliRun n = run({"kernel", "--chip", "h100-sxm", "--format", "json", "linear", "1", "--model",
                          "nemotron-3-nano-30b-a3b", "--precision", "model"});
    ASSERT_EQ(n.code, 0) << n.err;
    EXPECT_EQ(nlohmann::json::parse(n.out)["state_bytes"].get<double>(), 2 * (2097152.0 + 36864));
    const CliRun h = run({"kernel", "--chip", "h100-sxm", "--format", "json", "linear", "1", "--model",
                          "nemotron-3-nano-30b-a3b"});
    ASSERT_EQ(h.code, 0) << h.err;
    EXPECT_EQ(nlohmann::json::parse(h.out)["state_bytes"].get<double>(), 2 * (1048576.0 + 36864));
}

// The bytes per routed copy (workload key moe_pair_bytes) can be set where the fused-MoE op is timed.
// Qwen3-30B on B200 at fp4, EP 1, 16384 tokens routed evenly: 16384 x 8 = 131072 copies of 2048 elements.
// From the fp4 default 16.3 B to 29.8 B, the permute and finalise (memory-bound) move 13.5 x 131072 x 2048 =
// 3.624 GB more at 8 TB/s x 0.83 = 6.64 TB/s: +545.8 us (aiconfigurator measured 1816.8 us there, the model
// 1269.5 us with the default).
TEST(CliKernel, FusedMoeLayerTakesTheBytesPerRoutedCopy) {
    auto layer = [](const char* pair_bytes) {
        const CliRun r = run({"kernel", "--chip", "b200", "--format", "json", "moe", "16384", "--model", "qwen3-30b-a3b",
                              "--precision", "fp4", "--routing", "balanced", "--moe-pair-bytes", pair_bytes});
        EXPECT_EQ(r.code, 0) << r.err;
        return nlohmann::json::parse(r.out);
    };
    const auto by_precision = layer("0"), given = layer("29.8");
    EXPECT_DOUBLE_EQ(by_precision["moe_pair_bytes"].get<double>(), 16.3);
    EXPECT_DOUBLE_EQ(given["moe_pair_bytes"].get<double>(), 29.8);
    EXPECT_NEAR((given["bytes"].get<double>() - by_precision["bytes"].get<double>()) / 1e9, 3.624, 0.001);
    EXPECT_NEAR((given["time_s"].get<double>() - by_precision["time_s"].get<double>()) * 1e6, 545.8, 1.0);
    // Out of range: refused as eval refuses the workload key.
    expect_error(run({"kernel", "--chip", "b200", "moe", "16", "--model", "qwen3-30b-a3b", "--moe-pair-bytes", "300"}), 2,
                 "moe_pair_bytes = 300 is out of range [0, 256]");
}

// The grouped GEMMs' token tile (workload key moe_tile_tokens) too: Qwen3-30B on H100 at fp8, EP 1, 4096 tokens
// routed at random, 256 rows per expert: 2 tiles fill 2.5 at 128 tokens a tile, 2 at 0 (full tiles): the expert
// GEMMs' compute x 1.25 (the layer's compute_s also holds its vector work, within the 5 %).
TEST(CliKernel, FusedMoeLayerTakesTheExpertTokenTile) {
    auto layer = [](const char* tile) {
        const CliRun r = run({"kernel", "--chip", "h100-sxm", "--format", "json", "moe", "4096", "--model",
                              "qwen3-30b-a3b", "--precision", "fp8", "--moe-tile-tokens", tile});
        EXPECT_EQ(r.code, 0) << r.err;
        return nlohmann::json::parse(r.out);
    };
    const auto tiled = layer("128"), full = layer("0");
    EXPECT_DOUBLE_EQ(tiled["moe_tile_tokens"].get<double>(), 128.0);
    EXPECT_DOUBLE_EQ(full["moe_tile_tokens"].get<double>(), 0.0);
    EXPECT_DOUBLE_EQ(tiled["flops"].get<double>(), full["flops"].get<double>());
    EXPECT_NEAR(tiled["compute_s"].get<double>() / full["compute_s"].get<double>(), 1.25, 0.05);
    expect_error(run({"kernel", "--chip", "h100-sxm", "moe", "16", "--model", "qwen3-30b-a3b", "--moe-tile-tokens", "-1"}),
                 2, "moe_tile_tokens = -1 is out of range [0, 1024]");
}

// One layer's decode-attention call: 1024 requests of Llama-3.1-8B with 15 tokens cached on one H200, fp8 KV:
// 8192 (request, KV head) blocks, the 8092 beyond the first wave of 100 x 10.11 ns, meet 35.7 MB of KV (and the
// queries and outputs, from HBM) at the ridge, + 5.376 us per call = 88.37 us (the Roofline test's arithmetic;
// TensorRT-LLM 92.1 us).
TEST(CliKernel, DecodeAttention) {
    const CliRun r = run({"kernel", "--chip", "h200-sxm", "--format", "json", "attention", "1024", "--model", "llama-3.1-8b",
                          "--context", "15", "--precision", "fp8"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["kernel"], "attention");
    EXPECT_EQ(j["requests"], 1024);
    EXPECT_EQ(j["context"], 15);
    EXPECT_DOUBLE_EQ(j["attention_pairs"].get<double>(), 8192);
    EXPECT_NEAR(j["time_s"].get<double>(), 88.37e-6, 0.1e-6);
    EXPECT_NEAR(j["tokens_per_s"].get<double>(), 1024 / 88.37e-6, 1024 / 88.37e-6 * 0.002);
    EXPECT_EQ(j["bound"], "compute");
    // A sliding layer of gpt-oss at TP 8 reads its 128-token window whatever the context.
    const CliRun w = run({"kernel", "--chip", "h200-sxm", "attention", "16", "--model", "gpt-oss-120b", "--tp", "8",
                          "--context", "65535", "--sliding"});
    ASSERT_EQ(w.code, 0) << w.err;
    EXPECT_NE(w.out.find("achieved_tb_s: "), std::string::npos) << w.out;
    expect_error(run({"kernel", "--chip", "h200-sxm", "attention", "16", "--model", "llama-3.1-8b", "--tp", "3"}), 1,
                 "tp 3 does not split the 32 heads");
    expect_error(run({"kernel", "--chip", "h200-sxm", "attention", "16", "--model", "llama-3.1-8b", "--sliding"}), 1,
                 "has no sliding-window layers");
    expect_error(run({"kernel", "--chip", "h200-sxm", "attention", "16", "--model", "llama-3.1-8b", "--precision", "fp4"}), 2,
                 "--precision: 'fp4' is not one of bf16, fp8, int8 (the KV cache's)");
    expect_error(run({"kernel", "--chip", "h200-sxm", "attention", "0", "--model", "llama-3.1-8b"}), 1,
                 "attention: requests must be a whole number");
    expect_error(run({"kernel", "--chip", "h200-sxm", "attention", "16"}), 2, "--model");
    // A prefill step's attention: 16 prompts of 512 tokens on B200 (TensorRT-LLM: 269.4 us); the JSON counts the
    // prompt tokens through the layer.
    const CliRun p = run({"kernel", "--chip", "b200", "--format", "json", "attention", "16", "--model", "llama-2-70b",
                          "--context", "512", "--precision", "bf16", "--prefill"});
    ASSERT_EQ(p.code, 0) << p.err;
    const auto pj = nlohmann::json::parse(p.out);
    EXPECT_EQ(pj["phase"], "prefill");
    EXPECT_DOUBLE_EQ(pj["prompt_token_heads"].get<double>(), 16.0 * 512 * 64);
    EXPECT_DOUBLE_EQ(pj["attention_pairs"].get<double>(), 0);
    EXPECT_NEAR(pj["time_s"].get<double>(), 269.4e-6, 0.15 * 269.4e-6);
    EXPECT_NEAR(pj["tokens_per_s"].get<double>(), 16 * 512 / pj["time_s"].get<double>(), 1);
}

// MoE over attention ranks: on an 8-GPU switch the engines gather every token of the group (auto), which
// costs more than sending only the routed rows; the JSON says which exchange ran.
TEST(CliEval, MoeTokenExchange) {
    auto with = [](std::vector<std::string> extra) {
        std::vector<std::string> a = {"eval", "--chip", "h200-sxm", "--model", "qwen3-235b-a22b", "--chips", "8", "--tp", "1",
                                      "--attention-dp", "8", "--ep", "8", "--precision", "fp8", "--batch", "256",
                                      "--format", "json"};
        a.insert(a.end(), extra.begin(), extra.end());
        return a;
    };
    const CliRun gather = run(with({}));
    ASSERT_EQ(gather.code, 0) << gather.err;
    const auto g = nlohmann::json::parse(gather.out);
    EXPECT_EQ(g["scenario"]["moe_dispatch"], "auto");
    EXPECT_EQ(g["parallelism"]["token_exchange"], "all-gather");
    const CliRun a2a = run(with({"--moe-dispatch", "alltoall"}));
    ASSERT_EQ(a2a.code, 0) << a2a.err;
    const auto a = nlohmann::json::parse(a2a.out);
    EXPECT_EQ(a["parallelism"]["token_exchange"], "all-to-all");
    EXPECT_LT(g["throughput_tokens_per_s"].get<double>(), a["throughput_tokens_per_s"].get<double>());
    expect_error(run(with({"--moe-dispatch", "deepep"})), 2, "--moe-dispatch: 'deepep' is not one of auto, allgather, alltoall");
}

// Without --chips, an expert-parallel degree brings its chips: the experts span the tensor-parallel x
// attention-data-parallel group, so that group is raised to a multiple of --ep, times the pipeline stages.
TEST(CliEval, ExpertParallelismWithoutChipsBringsItsChips) {
    auto chips_of = [](std::vector<std::string> degrees) {
        std::vector<std::string> a = {"eval", "--chip", "h100-sxm", "--model", "mixtral-8x7b", "--precision", "fp8",
                                      "--batch", "64", "--format", "json"};
        a.insert(a.end(), degrees.begin(), degrees.end());
        const CliRun r = run(a);
        EXPECT_EQ(r.code, 0) << r.err;
        if (r.code != 0) return nlohmann::json();
        return nlohmann::json::parse(r.out);
    };
    // --ep 8 alone: 8 chips (it read 1 chip before, and refused ep 8 as more than that chip).
    auto j = chips_of({"--ep", "8"});
    ASSERT_FALSE(j.is_null());
    EXPECT_EQ(j["scenario"]["chips"], 8);
    EXPECT_EQ(j["parallelism"]["ep"], 8);
    EXPECT_EQ(j["parallelism"]["chips_per_replica"], 8);
    // tp 2 with ep 8: lcm(2, 8) = 8 chips, the other 4 as attention ranks.
    j = chips_of({"--ep", "8", "--tp", "2"});
    ASSERT_FALSE(j.is_null());
    EXPECT_EQ(j["scenario"]["chips"], 8);
    EXPECT_EQ(j["parallelism"]["tp"].get<int>() * j["parallelism"]["attention_dp"].get<int>(), 8);
    // tp 8 already holds ep 4: lcm(8, 4) = 8 chips.
    j = chips_of({"--ep", "4", "--tp", "8"});
    ASSERT_FALSE(j.is_null());
    EXPECT_EQ(j["scenario"]["chips"], 8);
    // Two pipeline stages of an 8-chip expert group: 2 x lcm(1, 8) = 16 chips.
    j = chips_of({"--ep", "8", "--pp", "2"});
    ASSERT_FALSE(j.is_null());
    EXPECT_EQ(j["scenario"]["chips"], 16);
    EXPECT_EQ(j["parallelism"]["pp"], 2);
    // A given --chips stays what it is: ep 8 on 4 chips is refused, naming the key.
    expect_error(run({"eval", "--chip", "h100-sxm", "--model", "mixtral-8x7b", "--chips", "4", "--ep", "8"}), 2,
                 "ep = 8 exceeds chips (4): a degree of parallelism needs that many chips");
}

// A workload setting that cannot change the result says so (WorkloadKey::applies): an engine setting for chunked
// local attention on a model without chunked layers, the acceptance without draft tokens, an MoE setting on a
// dense model; on Llama 4 Scout, whose local layers are chunked, the chunked one is no warning, nor is the
// acceptance with draft tokens.
TEST(CliEval, ChunkedSettingsOnAModelWithoutChunksAreSaid) {
    const auto warnings_of = [](const std::string& model, const std::string& key, const std::string& value) {
        const CliRun r = run({"eval", "--chip", "h200-sxm", "--model", model, "--chips", "4", "--precision", "fp8",
                              key, value, "--format", "json"});
        EXPECT_EQ(r.code, 0) << r.err;
        const auto j = nlohmann::json::parse(r.out);
        std::string all;
        for (const auto& w : j["warnings"]) all += w.get<std::string>() + "\n";
        return all;
    };
    EXPECT_NE(warnings_of("llama-3.1-8b", "--chunked-kv", "whole")
                  .find("workload: chunked_kv whole changes nothing for model 'llama-3.1-8b' in this workload: it applies "
                        "on a model with chunked local attention (Llama 4)"),
              std::string::npos);
    EXPECT_NE(warnings_of("llama-3.1-8b", "--chunked-decode", "full").find("chunked_decode full changes nothing"),
              std::string::npos);
    EXPECT_EQ(warnings_of("llama-4-scout", "--chunked-kv", "whole").find("changes nothing"), std::string::npos);
    EXPECT_NE(warnings_of("llama-3.1-8b", "--spec-accept", "0.6")
                  .find("workload: spec_accept 0.6 changes nothing for model 'llama-3.1-8b' in this workload: it applies "
                        "with draft tokens"),
              std::string::npos);
    EXPECT_NE(warnings_of("llama-3.1-8b", "--moe-tile-tokens", "64").find("moe_tile_tokens 64 changes nothing"),
              std::string::npos);
    // A dense model's expert-parallel degree of 1, what its evaluation gives it, is none: no warning.
    EXPECT_EQ(warnings_of("llama-3.1-8b", "--ep", "1").find("changes nothing"), std::string::npos);
    EXPECT_NE(warnings_of("llama-3.1-8b", "--state-precision", "fp32")
                  .find("workload: state_precision fp32 changes nothing for model 'llama-3.1-8b' in this workload: it "
                        "applies on a model with linear-attention or Mamba-2 layers (Qwen3-Next, Nemotron 3)"),
              std::string::npos);
    EXPECT_EQ(warnings_of("qwen3-next-80b-a3b", "--state-precision", "fp32").find("changes nothing"), std::string::npos);
}

// The state a linear-attention layer keeps per request, in the JSON's KV memory: Qwen3-Next on 4 H100s at fp8 and
// tp 4, 1024 + 256 tokens. Its 12 full layers keep 1280 tokens x 2 x 256 B (one KV head of 256 a chip, fp8), 7.86
// MB; its 36 linear layers 8 heads x 128 x 128 x 2 B and 2048 channels x 3 x 2 B, 9.89 MB at bf16; 19.33 MB at fp32.
TEST(CliEval, TheStatePrecisionSetsALinearLayersMemory) {
    const auto kv_of = [](const std::string& precision) {
        const CliRun r = run({"eval", "--chip", "h100-sxm", "--model", "qwen3-next-80b-a3b", "--chips", "4", "--tp",
                              "4", "--precision", "fp8", "--batch", "8", "--state-precision", precision, "--format",
                              "json"});
        EXPECT_EQ(r.code, 0) << r.err;
        return nlohmann::json::parse(r.out)["kv_gb_per_request_per_chip"].get<double>();
    };
    const double full = 12 * 1280.0 * 512;
    EXPECT_NEAR(kv_of("bf16"), (full + 36 * (8.0 * 128 * 128 * 2 + 2048 * 3 * 2)) / 1e9, 1e-9);
    EXPECT_NEAR(kv_of("fp32"), (full + 36 * (8.0 * 128 * 128 * 4 + 2048 * 3 * 2)) / 1e9, 1e-9);
}

// A mixed-precision checkpoint: Mixtral at fp8 with 9.4 % of its weights at 16 bits. Its token embedding, LM
// head and routers stay at 16 bits anyway (2 x 32000 x 4096 + 32 x 8 x 4096 = 0.2632 G weights); the other
// 46.70 - 0.2632 = 46.44 G take 1.094 B each: 46.44 x 1.094 + 0.2632 x 2 = 51.33 GB per chip. A share outside
// 0-1 is refused, naming the key.
TEST(CliEval, WeightsKeptAt16Bits) {
    const CliRun r = run({"eval", "--chip", "h200-sxm", "--model", "mixtral-8x7b", "--precision", "fp8",
                          "--weights-16bit-share", "0.094", "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_DOUBLE_EQ(j["scenario"]["weights_16bit_share"].get<double>(), 0.094);
    EXPECT_NEAR(j["weights_gb_per_chip"].get<double>(), (46.70 - 0.2632) * 1.094 + 0.2632 * 2, 0.02);
    expect_error(run({"eval", "--chip", "h200-sxm", "--model", "mixtral-8x7b", "--precision", "fp8",
                      "--weights-16bit-share", "1.5"}),
                 2, "weights_16bit_share = 1.5 is out of range [0, 1]");
}

TEST(CliModels, ListsEveryPreset) {
    const CliRun j = run({"models", "--format", "json"});
    ASSERT_EQ(j.code, 0) << j.err;
    const auto arr = nlohmann::json::parse(j.out);
    ASSERT_EQ(arr.size(), 18u);
    bool found = false;
    for (const auto& m : arr)
        if (m["id"] == "llama-2-70b") {
            found = true;
            EXPECT_NEAR(m["parameters"].get<double>(), 68.98e9, 0.01e9);
            EXPECT_EQ(m["mtp_parameters"].get<double>(), 0.0);
        }
    EXPECT_TRUE(found);
    const CliRun t = run({"models"});
    EXPECT_NE(t.out.find("deepseek-v3"), std::string::npos);
    // The table's columns line up however long an id is: every row's parameter count ends where the header's
    // "params (B)" does.
    std::istringstream lines(t.out);
    std::string header, row;
    std::getline(lines, header);
    const size_t end = header.find("params (B)") + std::string("params (B)").size();
    int rows = 0;
    while (std::getline(lines, row)) {
        ++rows;
        ASSERT_GT(row.size(), end) << row;
        EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(row[end - 1])) && row[end] == ' ') << row;
        // Beside the counts, its multi-token-prediction module: DeepSeek-V3's one MoE layer and projection, 11.61 B
        // (tests/core/test_serving.cpp, Speculative.MtpModulesAreTheCheckpointsOwn); none for Llama.
        const size_t mtp_end = header.find("mtp (B)") + std::string("mtp (B)").size();
        if (row.rfind("deepseek-v3 ", 0) == 0) EXPECT_EQ(row.substr(mtp_end - 5, 5), "11.61") << row;
        if (row.rfind("llama-3.1-70b ", 0) == 0) EXPECT_EQ(row[mtp_end - 1], '-') << row;
    }
    EXPECT_EQ(rows, 18);
}

TEST(CliModels, TakesAModelRepositorysConfig) {
    // Mixtral-8x7B-v0.1's published config.json (mistralai/Mixtral-8x7B-v0.1), trimmed to its architecture keys.
    const std::string dir = testing::TempDir() + "/scoville-cli-hf/Mixtral-8x7B-v0.1";
    std::filesystem::create_directories(dir);
    const std::string config = dir + "/config.json";
    {
        std::ofstream out(config);
        out << R"({"architectures": ["MixtralForCausalLM"], "model_type": "mixtral", "hidden_size": 4096,
            "intermediate_size": 14336, "num_attention_heads": 32, "num_hidden_layers": 32, "num_key_value_heads": 8,
            "num_local_experts": 8, "num_experts_per_tok": 2, "sliding_window": null, "vocab_size": 32000,
            "max_position_embeddings": 32768})";
    }
    // As --model it evaluates as the library's Mixtral does (the same architecture).
    const std::vector<std::string> common = {"--chip", "h200-sxm", "--chips", "2", "--tp", "2", "--batch", "64",
                                             "--format", "json"};
    auto with = [&](const std::string& model) {
        std::vector<std::string> a = {"eval", "--model", model};
        a.insert(a.end(), common.begin(), common.end());
        return run(a);
    };
    const CliRun file = with(config), library = with("mixtral-8x7b");
    ASSERT_EQ(file.code, 0) << file.err;
    ASSERT_EQ(library.code, 0) << library.err;
    const auto jf = nlohmann::json::parse(file.out), jl = nlohmann::json::parse(library.out);
    EXPECT_EQ(jf["model"], "mixtral-8x7b-v0.1");
    EXPECT_DOUBLE_EQ(jf["throughput_tokens_per_s"].get<double>(), jl["throughput_tokens_per_s"].get<double>());
    EXPECT_DOUBLE_EQ(jf["weights_gb_per_chip"].get<double>(), jl["weights_gb_per_chip"].get<double>());
    // `models import` prints it as a model file of the library, which --model reads back.
    const CliRun imported = run({"models", "import", config, "--id", "my-mixtral", "--name", "My Mixtral"});
    ASSERT_EQ(imported.code, 0) << imported.err;
    const auto m = nlohmann::json::parse(imported.out);
    EXPECT_EQ(m["id"], "my-mixtral");
    EXPECT_EQ(m["name"], "My Mixtral");
    EXPECT_EQ(m["moe"]["experts"], 8);
    EXPECT_EQ(imported.out.find("id               name"), std::string::npos);  // not the library's list too
    const std::string kept = dir + "/my-mixtral.json";
    {
        std::ofstream out(kept);
        out << imported.out;
    }
    const CliRun again = with(kept);
    ASSERT_EQ(again.code, 0) << again.err;
    EXPECT_DOUBLE_EQ(nlohmann::json::parse(again.out)["throughput_tokens_per_s"].get<double>(),
                     jl["throughput_tokens_per_s"].get<double>());
    // Bad input: a file that is not there, a library model file, an architecture the model does not read.
    expect_error(run({"models", "import", dir + "/none.json"}), 1, "config: cannot read");
    expect_error(run({"models", "import", kept}), 1, "is not a transformers config.json (no 'model_type')");
    {
        std::ofstream out(config);
        out << R"({"model_type": "t5", "d_model": 512})";
    }
    expect_error(run({"models", "import", config}), 1, "'model_type' \"t5\" is not one this model reads");
    expect_error(with(config), 1, "'model_type' \"t5\" is not one this model reads");
    std::filesystem::remove_all(testing::TempDir() + "/scoville-cli-hf");
}

TEST(CliValidate, PrintsEveryCase) {
    const CliRun r = run({"validate", "--format", "csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    // header + 451 cases + 754 TPU v6e GEMMs + 3192 MoE layers + 391 all-reduces + 5723 Linear layers + 7290 decode and 3680 prompt attention calls
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 21482);
    EXPECT_NE(r.out.find("mamf-h100-bf16,gemm,fit,tflops,792,"), std::string::npos);
    const CliRun t = run({"validate"});
    ASSERT_EQ(t.code, 0) << t.err;
    // The summary keeps serving and kernels apart and leaves the fits out.
    EXPECT_NE(t.out.find("serving: median |error|"), std::string::npos);
    EXPECT_NE(t.out.find("over 199 rows (4 fits left out); kernels: median |error| "), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("over 18124 rows (3154 fits left out)"), std::string::npos) << t.out;
    // and the kernels by kind: 5543 GEMMs (89 bare, 748 TPU v6e projections, 4706 engine Linear layers), 17 STREAM operations, 461
    // all-reduces (109 nccl-tests, 352 engine timings), 2761 fused MoE layers, 9342 attention calls
    // (fits left out)
    EXPECT_NE(t.out.find("kernels by kind: gemm median |error| "), std::string::npos) << t.out;
    EXPECT_NE(t.out.find(" % over 5543 rows"), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("; copy median |error| "), std::string::npos) << t.out;
    EXPECT_NE(t.out.find(" % over 461 rows"), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("; moe median |error| "), std::string::npos) << t.out;
    EXPECT_NE(t.out.find(" % over 2761 rows"), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("; attention median |error| "), std::string::npos) << t.out;
    EXPECT_NE(t.out.find(" % over 9342 rows"), std::string::npos) << t.out;
    // and serving by publication: MLPerf v4.1 (84 rows), v5.1 (114 and 4 fits) and the TensorRT-LLM perf-overview row
    EXPECT_NE(t.out.find("serving by source: MLPerf Inference v4.1 median |error| "), std::string::npos) << t.out;
    EXPECT_NE(t.out.find(" % over 84 rows ("), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("; MLPerf Inference v5.1 median |error| "), std::string::npos) << t.out;
    EXPECT_NE(t.out.find(" % over 114 rows ("), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("; TensorRT-LLM perf-overview median |error| "), std::string::npos) << t.out;
    EXPECT_NE(t.out.find(" % over 1 row ("), std::string::npos) << t.out;
    expect_error(run({"validate", "--data", "/nonexistent.csv"}), 1, "--data");
}

// `validate --data` names the built-in sets or files, and several are compared together: the public set's 199
// serving checks (4 fits) and the extra set's 405 (1 fit) give one headline over 604 rows, the extra set's sources by
// publication beside the public set's; a case given twice is refused.
TEST(CliValidate, ComparesSeveralSetsTogether) {
    const CliRun extra = run({"validate", "--data", "extra"});
    ASSERT_EQ(extra.code, 0) << extra.err;
    EXPECT_NE(extra.out.find("over 405 rows (1 fits left out); kernels: no rows"), std::string::npos) << extra.out;
    const CliRun both = run({"validate", "--data", "public", "--data", "extra"});
    ASSERT_EQ(both.code, 0) << both.err;
    EXPECT_NE(both.out.find("over 604 rows (5 fits left out); kernels: median |error| "), std::string::npos) << both.out;
    EXPECT_NE(both.out.find("over 18124 rows (3154 fits left out)"), std::string::npos) << both.out;
    EXPECT_NE(both.out.find("; Azure AI-benchmarking-guide median |error| "), std::string::npos) << both.out;
    EXPECT_NE(both.out.find("; Google tpu-recipes median |error| "), std::string::npos) << both.out;
    EXPECT_NE(both.out.find("MLPerf Inference v4.1 median |error| "), std::string::npos) << both.out;
    // and serving by workload class over both sets: the table eval reports from (six classes, 604 rows).
    for (const scoville::MeasuredAccuracy& a : scoville::builtin_measured_accuracy()) {
        char line[400];
        std::snprintf(line, sizeof line,
                      "serving, %s: median %+.1f %%, 10th to 90th percentile %+.1f to %+.1f %%, median |error| %.1f %% "
                      "over %d rows (%d within +-35 %%)\n",
                      scoville::describe(a.workload).c_str(), a.median_error * 100, a.p10_error * 100,
                      a.p90_error * 100, a.median_abs_error * 100, a.rows, a.within_35);
        EXPECT_NE(both.out.find(line), std::string::npos) << line << both.out.substr(both.out.size() - 2000);
    }
    const CliRun twice = run({"validate", "--data", "extra", "--data", "extra"});
    expect_error(twice, 1, "is given twice");
    expect_error(run({"validate", "--data", "extra", "--data", "/nonexistent.csv"}), 1, "cannot read '/nonexistent.csv'");
}

// `eval --session FILE --design NAME`: a stored design evaluates exactly like the same chip given
// by --chip (its exported JSON, or the reference chip with the same --set).
TEST(EvalSession, DesignEvaluatesLikeItsExportAndItsSets) {
    const std::string file = testing::TempDir() + "/scoville_eval_session.scoville";
    const std::string json = testing::TempDir() + "/scoville_eval_session.json";
    std::remove(file.c_str());
    auto saved = run({"session", "save", file, "--name", "fast", "--chip", "h100-sxm", "--set", "compute.clock_ghz=1.5"});
    ASSERT_EQ(saved.code, 0) << saved.err;
    auto exported = run({"session", "export", file, "fast"});
    ASSERT_EQ(exported.code, 0) << exported.err;
    std::ofstream(json) << exported.out;

    const std::vector<std::string> tail = {"--model", "llama-2-70b", "--chips", "8", "--tp", "8", "--batch", "64",
                                           "--format", "json"};
    auto with = [&](std::vector<std::string> head) {
        head.insert(head.end(), tail.begin(), tail.end());
        return run(head);
    };
    const auto fromSession = with({"eval", "--session", file, "--design", "fast"});
    ASSERT_EQ(fromSession.code, 0) << fromSession.err;
    const auto fromJson = with({"eval", "--chip", json});
    const auto fromSets = with({"eval", "--chip", "h100-sxm", "--set", "compute.clock_ghz=1.5"});
    ASSERT_EQ(fromJson.code, 0) << fromJson.err;
    ASSERT_EQ(fromSets.code, 0) << fromSets.err;
    EXPECT_EQ(fromSession.out, fromJson.out);
    EXPECT_EQ(fromSession.out, fromSets.out);
    const auto j = nlohmann::json::parse(fromSession.out);
    expect_no_nulls(j);

    // --set applies on top of the stored design: back to the data-sheet clock is the H100 again.
    const auto reset = with({"eval", "--session", file, "--design", "fast", "--set", "compute.clock_ghz=1.83"});
    const auto h100 = with({"eval", "--chip", "h100-sxm", "--set", "compute.clock_ghz=1.83"});
    ASSERT_EQ(reset.code, 0) << reset.err;
    EXPECT_EQ(reset.out, h100.out);
    std::remove(file.c_str());
    std::remove(json.c_str());
}

TEST(EvalSession, BadSourcesAreNamed) {
    const std::string file = testing::TempDir() + "/scoville_eval_session_bad.scoville";
    std::remove(file.c_str());
    ASSERT_EQ(run({"session", "save", file, "--name", "a", "--chip", "h100-sxm"}).code, 0);
    const std::vector<std::string> model = {"--model", "llama-2-7b"};
    auto with = [&](std::vector<std::string> head) {
        head.insert(head.end(), model.begin(), model.end());
        return run(head);
    };
    expect_error(with({"eval", "--session", file, "--design", "nope"}), 1, "nope");
    const std::string missing = testing::TempDir() + "/scoville_no_such_session.scoville";
    std::remove(missing.c_str());
    expect_error(with({"eval", "--session", missing, "--design", "a"}), 1, missing);
    std::ifstream probe(missing);
    EXPECT_FALSE(probe.good()) << "a missing session file must not be created";
    expect_error(with({"eval", "--chip", "h100-sxm", "--session", file, "--design", "a"}), 2, "not both");
    expect_error(with({"eval", "--design", "a"}), 2, "--design: needs --session");
    expect_error(with({"eval", "--session", file}), 2, "--session: needs --design");
    expect_error(with({"eval"}), 2, "--chip ID|FILE or --session FILE --design NAME is required");
    std::remove(file.c_str());
}
