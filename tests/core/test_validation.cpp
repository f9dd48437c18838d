// The model against measured results (tests/data/validation-public.csv and validation-extra.csv).
// Rules in core/perf/validation.hpp, the same for every row; rows that set an efficiency are marked
// "fit" and stay out of the headline figures. Bands are centred on zero: they hold the model to its
// present accuracy in both directions, and tighten as it improves.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "core/library/library.hpp"
#include "core/perf/accuracy.hpp"
#include "core/perf/evaluate.hpp"
#include "core/perf/kernel.hpp"
#include "core/perf/validation.hpp"

using namespace scoville;

namespace {
std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
const std::string kPath = std::string(SCOVILLE_SOURCE_DIR) + "/tests/data/validation-public.csv";

// The median of a set of fits' errors (the mean of the middle two for an even count, as the fits are set).
// The silicon a row ran on: GB200 is B200 silicon, and the two share their fitted efficiencies.
std::string silicon_of(const ValidationCase& c) { return c.chip == "gb200" ? "b200" : c.chip; }

double median_of(std::vector<double> errors) {
    std::sort(errors.begin(), errors.end());
    const size_t n = errors.size();
    return n % 2 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;
}

// The signed and the absolute median error of a set of rows.
std::pair<double, double> medians(const std::vector<ValidationResult>& rs) {
    std::vector<double> e, a;
    for (const auto& r : rs) {
        e.push_back(r.error);
        a.push_back(std::fabs(r.error));
    }
    return {median_of(e), median_of(a)};
}

std::vector<ValidationResult> run_all(const std::string& path, size_t expected_rows) {
    auto cases = parse_validation_csv(read(path), path);
    EXPECT_TRUE(cases.ok()) << cases.error().message;
    if (!cases.ok()) return {};
    EXPECT_EQ(cases->size(), expected_rows);
    // The tests of one file share its results (each row is evaluated, and printed, once per run).
    static std::map<std::string, std::vector<ValidationResult>> done;
    if (const auto it = done.find(path); it != done.end()) return it->second;
    std::vector<ValidationResult>& out = done[path];
    for (const auto& c : *cases) {
        auto r = run_validation_case(c);
        EXPECT_TRUE(r.ok()) << r.error().message;
        if (!r.ok()) continue;
        EXPECT_TRUE(std::isfinite(r->predicted) && r->predicted > 0) << c.id;
        std::printf("%-40s %-5s measured %10.4g predicted %10.4g error %+7.1f %%  (%s)\n", c.id.c_str(),
                    c.fit ? "fit" : "check", c.measured, r->predicted, r->error * 100, r->detail.c_str());
        out.push_back(std::move(*r));
    }
    return out;
}

// The data file's columns without a role, and one row under them parsed as a case.
const std::string kHeader = "case,kind,chip,chips,model,precision,scenario,input_len,output_len,shape,metric,value,per_chip,source\n";
ValidationCase one_case(const std::string& row) {
    auto cases = parse_validation_csv(kHeader + row, "x.csv");
    EXPECT_TRUE(cases.ok()) << (cases.ok() ? "" : cases.error().message);
    return cases.ok() && !cases->empty() ? cases->front() : ValidationCase{};
}


// One replica of a validation row's run at `in_flight` requests per GPU, its latency limits kept (its clients
// stream): the deployment the row leaves open taken as 1 (TP 1 where a run published no config, as the model
// chooses for it and as the others set), on the row's chip under its conditions.
Result<Evaluation> evaluate_in_flight(const ValidationCase& c, Scenario s, int in_flight) {
    for (int* degree : {&s.tp, &s.pp, &s.ep, &s.attention_dp})
        if (*degree == 0) *degree = 1;
    s.chips = s.tp * s.pp;
    s.batch = in_flight;
    ChipSpec chip = *load_chip(c.chip);
    if (auto st = apply_validation_conditions(c, chip); !st) return st.error();
    return evaluate(chip, *load_model(c.model), s);
}
}  // namespace

TEST(Validation, BuiltInCopyMatchesTheDataFile) {
    EXPECT_EQ(builtin_validation_csv(), read(kPath));
    EXPECT_EQ(builtin_validation_extra_csv(), read(std::string(SCOVILLE_SOURCE_DIR) + "/tests/data/validation-extra.csv"));
}

TEST(Validation, SummaryCountsTheRowsWithinEachBand) {
    // Serving errors 10 %, -20 %, 30 %, -40 % and a fit at 90 % (left out): median of |e| over the four
    // = (20 + 30) / 2 = 25 %; within 25 %: 2; within 35 %: 3 (fraction 0.75); max 40 %.
    std::vector<ValidationResult> rs;
    for (double e : {0.10, -0.20, 0.30, -0.40, 0.90}) {
        ValidationResult r;
        r.c.kind = "serving";
        r.c.fit = e > 0.8;
        r.error = e;
        rs.push_back(r);
    }
    const ValidationSummary s = summarise(rs, true);
    EXPECT_EQ(s.rows, 4);
    EXPECT_EQ(s.fits, 1);
    EXPECT_DOUBLE_EQ(s.median_abs_error, 0.25);
    EXPECT_EQ(s.rows_within_25, 2);
    EXPECT_EQ(s.rows_within_35, 3);
    EXPECT_DOUBLE_EQ(s.within_35, 0.75);
    EXPECT_DOUBLE_EQ(s.max_abs_error, 0.40);
    EXPECT_EQ(summarise(rs, false).rows, 0);  // no kernel rows
}

// A row's publication is its source's leading words: through a version, or up to the first word that
// names a file, a system or a note.
TEST(Validation, SourceFamilies) {
    EXPECT_EQ(source_family("MLPerf Inference v5.1 closed Nebius H200-SXM-141GBx8_TRT (results/x)"), "MLPerf Inference v5.1");
    EXPECT_EQ(source_family("MLPerf Inference v4.1 closed NVIDIA DGX-H100 x8 TensorRT"), "MLPerf Inference v4.1");
    EXPECT_EQ(source_family("Azure AI-benchmarking-guide Azure_Results/ND_H100_v5_results.md@bf209ab"),
              "Azure AI-benchmarking-guide");
    EXPECT_EQ(source_family("TensorRT-LLM perf-overview (trtllm-bench max throughput; Llama-3.3-70B)"),
              "TensorRT-LLM perf-overview");
    EXPECT_EQ(source_family("aiconfigurator h100_sxm trtllm 1.3.0rc20 moe_perf: 261.5 us"), "aiconfigurator");
    EXPECT_EQ(source_family("aiconfigurator gb200 trtllm 1.3.0rc20 moe_perf: 44.2 us"), "aiconfigurator");
    EXPECT_EQ(source_family("ml-engineering MAMF table (best achievable bf16 matmul)"), "ml-engineering MAMF table");
    EXPECT_EQ(source_family(""), "");
    // The public set's serving rows come from three publications, in file order, every row in one of them.
    const auto results = run_all(kPath, 21481);
    const auto families = source_families(results, true);
    ASSERT_EQ(families.size(), 3u);
    EXPECT_EQ(families[0], "MLPerf Inference v4.1");
    EXPECT_EQ(families[1], "MLPerf Inference v5.1");
    EXPECT_EQ(families[2], "TensorRT-LLM perf-overview");
    int rows = 0;
    for (const auto& f : families) rows += summarise_source(results, true, f).rows;
    EXPECT_EQ(rows, summarise(results, true).rows);
    EXPECT_EQ(summarise_source(results, true, "MLPerf Inference v4.1").rows, 84);
    // (v5.1: 118 rows, of which NVIDIA's own B200 and GB200 interactive runs and AMD's own MI300X and MI325X ones
    // set their harnesses' host time per step.)
    EXPECT_EQ(summarise_source(results, true, "MLPerf Inference v5.1").rows, 114);
    EXPECT_EQ(summarise_source(results, true, "MLPerf Inference v5.1").fits, 4);
    // aiconfigurator: 3192 fused MoE layers, 391 all-reduces, 5723 Linear layers, 7290 decode-attention calls and 3680
    // prompt-attention calls.
    EXPECT_EQ(summarise_source(results, false, "aiconfigurator").rows + summarise_source(results, false, "aiconfigurator").fits,
              20276);
}

// A request's tokens split between prompt and output: a prompt share in / (in + out) below 0.2 is
// output-heavy, above 0.8 prompt-heavy; the bounds themselves are mixed.
TEST(MeasuredAccuracy, LengthMixByPromptShare) {
    EXPECT_EQ(length_mix(128, 2048), LengthMix::output_heavy);  // 128 / 2176 = 0.059
    EXPECT_EQ(length_mix(500, 2000), LengthMix::mixed);         // 500 / 2500 = 0.2, the bound
    EXPECT_EQ(length_mix(1000, 1000), LengthMix::mixed);
    EXPECT_EQ(length_mix(1024, 256), LengthMix::mixed);         // 1024 / 1280 = 0.8, the bound
    EXPECT_EQ(length_mix(5000, 500), LengthMix::prompt_heavy);  // 0.909
    EXPECT_EQ(length_mix(2048, 128), LengthMix::prompt_heavy);  // 0.941
    const auto moe = load_model("mixtral-8x7b");
    const auto dense = load_model("llama-3.1-70b");
    ASSERT_TRUE(moe.ok() && dense.ok());
    Scenario s;
    s.input_len = 2048;
    s.output_len = 128;
    EXPECT_EQ(workload_class(*moe, s), (WorkloadClass{true, LengthMix::prompt_heavy}));
    EXPECT_EQ(workload_class(*dense, s), (WorkloadClass{false, LengthMix::prompt_heavy}));
    EXPECT_EQ(describe(workload_class(*dense, s)), "dense models, prompt-heavy requests");
}

TEST(MeasuredAccuracy, QuantilesAreLinearBetweenRanks) {
    const std::vector<double> e = {-0.2, -0.1, 0.0, 0.1, 0.4};
    EXPECT_DOUBLE_EQ(quantile_sorted(e, 0.5), 0.0);
    EXPECT_NEAR(quantile_sorted(e, 0.1), -0.16, 1e-12);  // rank 0.1 x 4 = 0.4: -0.2 + 0.4 x 0.1
    EXPECT_NEAR(quantile_sorted(e, 0.9), 0.28, 1e-12);   // rank 3.6: 0.1 + 0.6 x 0.3
    EXPECT_DOUBLE_EQ(quantile_sorted(e, 0.0), -0.2);
    EXPECT_DOUBLE_EQ(quantile_sorted(e, 1.0), 0.4);
    EXPECT_DOUBLE_EQ(quantile_sorted({0.3}, 0.9), 0.3);
}

TEST(MeasuredAccuracy, ServingCheckRowsByClass) {
    // Llama-3.1-70B at 1000/1000: +10 %, -30 %, +40 %, -20 %; a fit at +90 % and a GEMM row at +80 %, left
    // out; Mixtral at 2048/128: +50 %.
    std::vector<ValidationResult> rs;
    auto add = [&](const char* kind, const char* model, int in, int out, double e, bool fit) {
        ValidationResult r;
        r.c.id = std::string(model) + std::to_string(rs.size());
        r.c.kind = kind;
        r.c.model = model;
        r.c.input_len = in;
        r.c.output_len = out;
        r.c.fit = fit;
        r.error = e;
        rs.push_back(r);
    };
    for (double e : {0.10, -0.30, 0.40, -0.20}) add("serving", "llama-3.1-70b", 1000, 1000, e, false);
    add("serving", "llama-3.1-70b", 1000, 1000, 0.90, true);
    add("gemm", "", 0, 0, 0.80, false);
    add("serving", "mixtral-8x7b", 2048, 128, 0.50, false);
    const auto table = measured_accuracy(rs);
    ASSERT_TRUE(table.ok()) << table.error().message;
    ASSERT_EQ(table->size(), 2u);  // dense before MoE
    const MeasuredAccuracy& dense = (*table)[0];
    EXPECT_EQ(dense.workload, (WorkloadClass{false, LengthMix::mixed}));
    EXPECT_EQ(dense.rows, 4);
    // Sorted -0.3, -0.2, 0.1, 0.4: median (-0.2 + 0.1) / 2 = -0.05; 10th percentile at rank 0.3:
    // -0.3 + 0.3 x 0.1 = -0.27; 90th at rank 2.7: 0.1 + 0.7 x 0.3 = 0.31. |e| 0.1, 0.2, 0.3, 0.4: median
    // 0.25; within 25 %: 2; within 35 %: 3.
    EXPECT_NEAR(dense.median_error, -0.05, 1e-12);
    EXPECT_NEAR(dense.p10_error, -0.27, 1e-12);
    EXPECT_NEAR(dense.p90_error, 0.31, 1e-12);
    EXPECT_NEAR(dense.median_abs_error, 0.25, 1e-12);
    EXPECT_EQ(dense.within_25, 2);
    EXPECT_EQ(dense.within_35, 3);
    const MeasuredAccuracy& moe = (*table)[1];
    EXPECT_EQ(moe.workload, (WorkloadClass{true, LengthMix::prompt_heavy}));
    EXPECT_EQ(moe.rows, 1);
    EXPECT_DOUBLE_EQ(moe.median_error, 0.5);
    EXPECT_EQ(moe.within_35, 0);
    EXPECT_EQ(find_accuracy(*table, {true, LengthMix::prompt_heavy}), &moe);
    EXPECT_EQ(find_accuracy(*table, {true, LengthMix::mixed}), nullptr);
    // A row whose model is neither built in nor a file is refused, naming the row.
    add("serving", "no-such-model", 100, 100, 0.0, false);
    const auto bad = measured_accuracy(rs);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("case 'no-such-model7'"), std::string::npos) << bad.error().message;
}

// The table the build linked is this model's on the built-in rows: every serving check row of both sets
// (199 public + 405 extra) in one of the six classes.
TEST(MeasuredAccuracy, TheBuiltInTableIsThisModelsOnTheBuiltInRows) {
    const auto fresh = compute_builtin_measured_accuracy();
    ASSERT_TRUE(fresh.ok()) << fresh.error().message;
    const auto built = builtin_measured_accuracy();
    ASSERT_EQ(built.size(), 6u);
    ASSERT_EQ(fresh->size(), built.size());
    int rows = 0;
    for (size_t i = 0; i < built.size(); ++i) {
        const MeasuredAccuracy& a = built[i];
        const MeasuredAccuracy& b = (*fresh)[i];
        EXPECT_EQ(a.workload, b.workload) << i;
        EXPECT_EQ(a.rows, b.rows) << i;
        EXPECT_DOUBLE_EQ(a.median_error, b.median_error) << i;
        EXPECT_DOUBLE_EQ(a.p10_error, b.p10_error) << i;
        EXPECT_DOUBLE_EQ(a.p90_error, b.p90_error) << i;
        EXPECT_DOUBLE_EQ(a.median_abs_error, b.median_abs_error) << i;
        EXPECT_EQ(a.within_25, b.within_25) << i;
        EXPECT_EQ(a.within_35, b.within_35) << i;
        EXPECT_LE(a.p10_error, a.median_error);
        EXPECT_LE(a.median_error, a.p90_error);
        rows += a.rows;
    }
    EXPECT_EQ(rows, 199 + 405);
}

// By chip: the serving checks measured on each reference chip, whatever the workload; the built table is this
// model's on those rows. Nine chips (A100's rows time kernels only): 604 checks in all, TPU7x's eight and TPU v6e's
// two among them.
TEST(MeasuredAccuracy, TheBuiltInChipTableIsThisModelsOnTheBuiltInRows) {
    const auto fresh = compute_builtin_chip_accuracy();
    ASSERT_TRUE(fresh.ok()) << fresh.error().message;
    const auto built = builtin_chip_accuracy();
    ASSERT_EQ(fresh->size(), built.size());
    EXPECT_EQ(built.size(), 9u);
    int rows = 0;
    for (size_t i = 0; i < built.size(); ++i) {
        EXPECT_EQ(built[i].chip, (*fresh)[i].chip);
        EXPECT_EQ(built[i].accuracy.rows, (*fresh)[i].accuracy.rows) << built[i].chip;
        EXPECT_DOUBLE_EQ(built[i].accuracy.median_error, (*fresh)[i].accuracy.median_error) << built[i].chip;
        EXPECT_DOUBLE_EQ(built[i].accuracy.median_abs_error, (*fresh)[i].accuracy.median_abs_error) << built[i].chip;
        EXPECT_EQ(built[i].accuracy.within_35, (*fresh)[i].accuracy.within_35) << built[i].chip;
        rows += built[i].accuracy.rows;
    }
    EXPECT_EQ(rows, 199 + 405);
    const MeasuredAccuracy* tpu7 = find_chip_accuracy(built, "tpu-v7");
    const MeasuredAccuracy* tpu6 = find_chip_accuracy(built, "tpu-v6e");
    ASSERT_TRUE(tpu7 && tpu6);
    EXPECT_EQ(tpu7->rows, 8);
    EXPECT_EQ(tpu6->rows, 2);
    EXPECT_EQ(find_chip_accuracy(built, "jalapeno-est"), nullptr);
    // Only a reference chip as the library holds it: one value changed is another chip.
    ChipSpec chip = *load_chip("tpu-v7");
    EXPECT_EQ(find_reference_chip_accuracy(built, chip), tpu7);
    chip.compute.clock_ghz = 2.0;
    EXPECT_EQ(find_reference_chip_accuracy(built, chip), nullptr);
}

TEST(Validation, PublicCases) {
    const auto results = run_all(kPath, 21481);
    // Fits by what they set (chip, kind, precision): one row is reproduced; several set the value by
    // their median, which is reproduced, each within the spread of the set.
    // What each fit sets, as the file's header says: an all-reduce's 1 KiB row the library latency, its
    // 32 MiB row the library window and GB200's 8 GiB row the network efficiency; MI300X's 1024x2145x1024
    // GEMM its per-op overhead; the rest an efficiency.
    auto sets = [](const ValidationCase& c) -> std::string {
        if (c.kind == "allreduce")
            return c.shape.rfind("bytes=1024 ", 0) == 0         ? "library latency"
                   : c.shape.rfind("bytes=33554432 ", 0) == 0 ? "library window"
                                                                : "network efficiency";
        if (c.kind == "gemm" && c.shape == "1024x2145x1024") return "per-op overhead";
        if (source_family(c.source) == "Scoville GPU microbenchmark") return "GEMM ridge sharpness";
        return "efficiency";
    };
    // (aiconfigurator's fused MoE layers, engine all-reduces and Linear layers have tests of their own below, and so
    // have LLMServingSim's TPU v6e projections: TpuV6eProjectionsByRows.)
    auto timed_elsewhere = [](const ValidationResult& r) {
        return source_family(r.c.source) == "aiconfigurator" || source_family(r.c.source) == "LLMServingSim TPU v6e";
    };
    std::map<std::string, std::vector<double>> fit_sets;
    // (The two serving fits set the engine's host time per step from their logs' steps: EngineHostTimePerStep.)
    for (const auto& r : results)
        if (r.c.fit && !timed_elsewhere(r) && r.c.kind != "serving")
            fit_sets[r.c.chip + " " + r.c.kind + " " + r.c.precision + " " + sets(r.c)].push_back(r.error);
    // 2 H100 GEMMs, 3 memory, MI300X's FP8 GEMM efficiency and per-op overhead, GB200's FP8 GEMM and network
    // efficiencies, 5 library latencies and windows, and H200's GEMM ridge sharpness (Scoville's own bf16 bursts of
    // 128 to 1024 rows: efficiency.gemm_ridge_exponent 3)
    EXPECT_EQ(fit_sets.size(), 20u);
    for (auto& [what, errors] : fit_sets) {
        std::sort(errors.begin(), errors.end());
        EXPECT_LE(std::fabs(errors[errors.size() / 2]), 0.02) << what;
        for (double e : errors) EXPECT_LE(std::fabs(e), errors.size() == 1 ? 0.02 : 0.08) << what;
    }
    for (const auto& r : results) {
        if (r.c.fit || timed_elsewhere(r)) {
            continue;
        } else if (r.c.kind == "serving") {
            // MLPerf v4.1 (2024 engines): the model is up to 29 % above those runs (its efficiencies come from
            // 2025-2026 kernel timings; NVIDIA's H200 Mixtral offline at 700 W, the most): held within +-55 %. v5.1's interactive runs are within -17..+28 % (MI300X on Dell's system, vLLM V0 running whole
            // prompts in steps of their own between blocks of 8 decode steps under a 40 ms TPOT limit, +28 %: +37 %
            // before the generated lengths' measured quantiles set its TPOT tail, MultiStepTpotTailAsMeasured).
            const bool interactive = r.c.scenario == "interactive";
            EXPECT_LE(std::fabs(r.error), interactive ? 0.35 : 0.55)
                << r.c.id << ": predicted " << r.predicted << " vs " << r.c.measured;
        } else {
            // Kernels: some small GEMMs are far off (A100's 1024^3 bf16 +69 %, GB200's FP4 ones +57..+63 %,
            // where the per-op overhead measured on H100 and B200 is too small for those runs) and so are
            // all-reduces of 2-4 MiB on GB200 (+35 %); held within 3x either way so a broken row shows, the
            // medians below say how far the rest is.
            EXPECT_LE(std::fabs(r.error), 3.0) << r.c.id << ": predicted " << r.predicted << " vs " << r.c.measured;
        }
    }
    const ValidationSummary serving = summarise(results, true);
    // Every MLPerf v4.1 (Llama-2-70B, Mixtral) and v5.1 (Llama-2-70B offline, server and interactive, Mixtral)
    // closed-division row of systems whose chips are in the library, and one TensorRT-LLM row; four of them fits.
    EXPECT_EQ(serving.rows, 199);
    EXPECT_EQ(serving.fits, 4);
    EXPECT_LE(serving.median_abs_error, 0.10);  // 7.9 %
    // Every row within +-35 %: NVIDIA's H200 MaxQ Mixtral offline run of v4.1 (held to 500 W per GPU) reads +27.1 %
    // (+37.6 % while the model's MAC energy came from Azure's FP8 run held at 700 W; the card's own GEMMs at the top
    // clock draw 957-1001 W, Power.GemmsAtTheTopClockDrawTheCardsPower, so the limit holds a busy step's clock too).
    EXPECT_EQ(serving.rows_within_35, 199);
    // MaxQ against MaxP: NVIDIA's H200 x8 of v4.1 held to 500 W per GPU kept 0.79-0.83 of what the same
    // system served at its 700 W (Llama-2-70B offline 0.807, server 0.791; Mixtral 0.830, 0.796). The model
    // keeps 0.84-0.87 of its own (+4.6, +7.2, +2.4 and +8.9 %; +4.6..+13.6 % while its MAC energy came from Azure's
    // held FP8 run): still a little too little throttling, and less than with the library's power defaults in place
    // of H200's own fits (+7.5..+17.8 %, median +10.9 %).
    auto predicted_over_measured = [&](const std::string& id) {
        for (const auto& r : results)
            if (r.c.id == id) return r.predicted / r.c.measured;
        ADD_FAILURE() << id;
        return 0.0;
    };
    std::vector<double> keep_errors;
    for (const char* run : {"l70-off", "l70-srv", "mixtral-off", "mixtral-srv"})
        keep_errors.push_back(predicted_over_measured("mlperf41-nvidia-h200-sxm-141gbx8-trt-maxq-" + std::string(run)) /
                                  predicted_over_measured("mlperf41-h200-" + std::string(run)) -
                              1);
    std::sort(keep_errors.begin(), keep_errors.end());
    EXPECT_LE(std::fabs((keep_errors[1] + keep_errors[2]) / 2), 0.10);
    // The newest round, Llama-2-70B offline and server (78 rows, 2025 engines): the model's own software generation.
    // Its H200 rows read -7.7 % in the median (-1.1 % while the model's MAC energy came from Azure's FP8 run held at
    // 700 W): a busy step now holds the 700 W limit below the rated clock, as v4.1's H200 runs of the same
    // workload on the same card, 11-13 % slower, ask (+10.9 % to +3.0 %).
    std::vector<ValidationResult> v51, interactive;
    for (const auto& r : results) {
        if (r.c.id.rfind("mlperf51", 0) != 0 || r.c.model != "llama-2-70b") continue;
        (r.c.scenario == "interactive" ? interactive : v51).push_back(r);
    }
    const ValidationSummary newest = summarise(v51, true);
    EXPECT_EQ(newest.rows, 78);
    EXPECT_LE(newest.median_abs_error, 0.075);  // 6.8 %
    EXPECT_EQ(newest.rows_within_35, 78);
    // Its interactive runs (p99 TTFT <= 450 ms, TPOT <= 40 ms; 20 rows, 4 fits): 3.3 % over the 16, from -11 %
    // (Nebius's H200) to +28 % (MI300X on Dell's system, whole prompts between blocks of decodes).
    const ValidationSummary tight = summarise(interactive, true);
    EXPECT_EQ(tight.rows, 16);
    EXPECT_EQ(tight.fits, 4);
    EXPECT_LE(tight.median_abs_error, 0.06);  // 3.3 %
    // Kernels of one operation each (GEMM, STREAM, all-reduce) timed with the vendors' benchmarks, apart from
    // aiconfigurator's engine timings (FusedMoeLayers, EngineAllReduces, EngineLinearLayers and
    // DecodeAttentionLayers below), Scoville's own GPU microbenchmark (OwnH200Microbenchmark below) and
    // LLMServingSim's TPU v6e profile (TpuV6eProjectionsByRows below); all kernels together: 18124 rows and 3154 fits.
    std::vector<ValidationResult> single;
    for (const auto& r : results)
        if (!timed_elsewhere(r) && source_family(r.c.source) != "Scoville GPU microbenchmark") single.push_back(r);
    const ValidationSummary kernels = summarise(single, false);
    EXPECT_EQ(kernels.rows, 165);
    EXPECT_EQ(kernels.fits, 27);
    EXPECT_LE(kernels.median_abs_error, 0.05);
    EXPECT_EQ(summarise(results, false).rows, 18124);
    EXPECT_EQ(summarise(results, false).fits, 3154);
    // By kind (Azure AI-benchmarking-guide): 39 GEMMs (MI300X's and GB200's five large FP8 ones set their FP8
    // efficiencies, MI300X's 1024x2145x1024 one its per-op overhead), 17 STREAM operations, 109 all-reduce
    // sizes (the 1 KiB and 32 MiB ones of each of the five systems set its library latency and window,
    // GB200's 8 GiB one its network efficiency).
    const ValidationSummary gemm = summarise_kind(single, "gemm"), copy = summarise_kind(single, "copy"),
                            allreduce = summarise_kind(single, "allreduce");
    EXPECT_EQ(gemm.rows, 39);
    EXPECT_EQ(copy.rows, 17);
    EXPECT_EQ(allreduce.rows, 109);
    EXPECT_LE(gemm.median_abs_error, 0.12);
    EXPECT_LE(copy.median_abs_error, 0.06);
    EXPECT_LE(allreduce.median_abs_error, 0.06);
    for (const auto& r : single) {
        // Where a kernel is pure throughput the model's efficiencies hold: GEMMs of 4096 and more in every
        // dimension at fp8 or bf16, and all-reduces of 256 MiB and more (the network's bandwidth).
        if (r.c.kind == "gemm" && r.c.precision != "fp4" && r.c.shape.rfind("1024x", 0) != 0 &&
            r.c.shape.rfind("2048x", 0) != 0 && r.c.shape.rfind("802816x", 0) != 0) {
            EXPECT_LE(std::fabs(r.error), 0.25) << r.c.id << ": predicted " << r.predicted;
        }
        const auto bytes_at = r.c.shape.find("bytes=");
        if (r.c.kind == "allreduce" && bytes_at != std::string::npos &&
            std::stod(r.c.shape.substr(bytes_at + 6)) >= 268435456.0) {
            EXPECT_LE(std::fabs(r.error), 0.25) << r.c.id << ": predicted " << r.predicted;
        }
        // From 8 MiB up the library's pipeline window carries the ramp to full bandwidth (one 32 MiB row per
        // system sets it): every size from 8 MiB to 8 GiB on all five systems within +-10 % (-8.5 to +8.9 %).
        if (r.c.kind == "allreduce" && !r.c.fit && bytes_at != std::string::npos &&
            std::stod(r.c.shape.substr(bytes_at + 6)) >= 8388608.0) {
            EXPECT_LE(std::fabs(r.error), 0.10) << r.c.id << ": predicted " << r.predicted;
        }
    }
}

// All-reduces as a serving engine runs them, against TensorRT-LLM's AllReduce op (NVIDIA aiconfigurator
// custom_allreduce_perf: its automatic strategy, bf16, CUDA graphs): 391 rows, 128 to 2^29 elements on 2, 4
// and 8 GPUs of H100, H200, B200, B300 and A100 and 2 and 4 of GB200. Each chip's 256 B rows set its
// link.latency_us and link.peer_latency_us (half the intercept and the slope per peer of a least-squares line
// over the GPU count), its one-shot rows between two GPUs at 256 KiB - 1 MiB its efficiency.engine_network
// (B200 and GB200 together), B200's and B300's 1 GiB rows on 4 and 8 GPUs their link.switch_reduction_gain:
// the library runs the ring on 4 and reduces in the switch on 8, and the gain is the one with which the model
// reproduces the ratio of the two (B200 728 / 620 GB/s = 1.174, B300 727 / 639 = 1.138). The model runs the
// engine's one-shot kernel or the library, whichever is faster.
TEST(Validation, EngineAllReduces) {
    const auto results = run_all(kPath, 21481);
    std::map<std::string, std::vector<double>> fits;
    std::map<std::string, std::map<int, ValidationResult>> gain_fits;  // chip -> chips -> its 1 GiB row
    std::vector<ValidationResult> checks;
    for (const auto& r : results) {
        if (r.c.kind != "allreduce" || r.c.shape.find("lib=engine") == std::string::npos) continue;
        EXPECT_EQ(source_family(r.c.source), "aiconfigurator") << r.c.id;
        if (!r.c.fit) {
            checks.push_back(r);
            // Held within +160 % / -60 % so that a broken row shows: A100's own kernels run slower than
            // its links allow at 8-32 KiB (+44..+81 %), and TensorRT-LLM 1.0 hands A100's 2 MiB between two
            // GPUs to NCCL where the one-shot kernel would be faster (+152 %); the medians below say how
            // far the rest is.
            EXPECT_LE(r.error, 1.6) << r.c.id << ": predicted " << r.predicted;
            EXPECT_GE(r.error, -0.6) << r.c.id << ": predicted " << r.predicted;
            continue;
        }
        if (r.c.shape.rfind("bytes=1073741824 ", 0) == 0) {
            gain_fits[r.c.chip][r.c.chips] = r;
            continue;
        }
        const bool latency = r.c.shape.rfind("bytes=256 ", 0) == 0;
        if (!latency) {
            EXPECT_EQ(r.c.chips, 2) << r.c.id;
        }
        const std::string silicon = silicon_of(r.c);
        fits[(latency ? r.c.chip : silicon) + (latency ? " step latency" : " engine efficiency")].push_back(r.error);
    }
    // 6 chips' step latencies and 5 silicons' kernel efficiencies, each set by the median of its rows.
    EXPECT_EQ(fits.size(), 11u);
    for (const auto& [what, errors] : fits) {
        EXPECT_LE(std::fabs(median_of(errors)), 0.02) << what;
        for (double e : errors) EXPECT_LE(std::fabs(e), 0.16) << what;
    }
    // Each gain reproduces its chip's ratio of 8 to 4 GPUs within 1 %; the rows themselves sit where the
    // library's efficiency puts them (within 10 %).
    ASSERT_EQ(gain_fits.size(), 2u);
    for (auto& [chip, by_chips] : gain_fits) {
        ASSERT_EQ(by_chips.size(), 2u) << chip;
        const ValidationResult &four = by_chips.at(4), &eight = by_chips.at(8);
        EXPECT_NEAR(eight.predicted / four.predicted, eight.c.measured / four.c.measured, 0.01 * eight.c.measured / four.c.measured)
            << chip;
        EXPECT_LE(std::fabs(four.error), 0.10) << chip;
        EXPECT_LE(std::fabs(eight.error), 0.10) << chip;
    }
    const ValidationSummary all = summarise_kind(checks, "allreduce");
    EXPECT_EQ(all.rows, 352);
    EXPECT_LE(all.median_abs_error, 0.10);  // 7.4 % (8.4 % while 4 chips reduced in the switch)
    std::vector<double> signed_errors;
    for (const auto& r : checks) signed_errors.push_back(r.error);
    std::sort(signed_errors.begin(), signed_errors.end());
    EXPECT_LE(std::fabs(signed_errors[signed_errors.size() / 2]), 0.08);  // +3.4 % (+4.4 %)
    // Small messages are the steps' latency: up to 64 KiB on the Hopper and Blackwell chips within +-25 %
    // (B300 and GB200 between two GPUs the farthest, +17..+20 % at 16-64 KiB; 8 GPUs reached +28 % before each
    // peer's share of the latency).
    for (const auto& r : checks) {
        const double bytes = std::stod(r.c.shape.substr(r.c.shape.find("bytes=") + 6));
        if (bytes <= 65536 && r.c.chip != "a100-sxm") {
            EXPECT_LE(std::fabs(r.error), 0.25) << r.c.id << ": predicted " << r.predicted;
        }
    }
}

// One layer's fused MoE op against TensorRT-LLM's (NVIDIA aiconfigurator moe_perf, 1.3.0rc20): 3192 rows
// of six expert shapes, bf16/fp8/fp4, every expert-parallel size, 1 to 16384 tokens, on H100, H200, B200,
// GB200 and B300. The 1-token bf16 and fp8 rows set each chip's efficiency.moe_overhead_us by their median
// (B200 and GB200 together: one silicon), B200's and GB200's 1-token fp4 rows the launches NVFP4 adds to a
// call; Qwen3-235B at EP 8 and 16384 tokens sets moe_pair_bytes at fp8 (the median of three chips) and fp4.
TEST(Validation, FusedMoeLayers) {
    const auto results = run_all(kPath, 21481);
    std::map<std::string, std::vector<double>> overhead_fits;
    std::vector<ValidationResult> moe, by_precision[3], share_fits;
    // A timing slower than the same layer's with four times the tokens is erratic (B300 DeepSeek-V3 fp4 at
    // EP 32: 540 us at 64 tokens, 73 us at 256): measured time by layer and token count, to find them.
    std::map<std::string, std::map<double, double>> times;
    auto layer_of = [](const ValidationCase& c) { return c.chip + " " + c.model + " " + c.precision + " " + std::to_string(c.chips); };
    auto tokens_of = [](const ValidationCase& c) { return std::stod(c.shape.substr(c.shape.find("tokens=") + 7)); };
    for (const auto& r : results)
        if (r.c.kind == "moe") times[layer_of(r.c)][tokens_of(r.c)] = tokens_of(r.c) / r.c.measured;
    for (const auto& r : results) {
        if (r.c.kind != "moe") continue;
        moe.push_back(r);
        if (r.c.fit) {
            if (r.c.shape.rfind("tokens=1 ", 0) == 0) {
                overhead_fits[silicon_of(r.c) + (r.c.precision == "fp4" ? " fp4" : "")]
                    .push_back(r.error);
            } else if (r.c.model == "qwen3-30b-a3b") {  // efficiency.activation_sram_share (below)
                EXPECT_EQ(r.c.shape, "tokens=4096 ep=8 routing=balanced") << r.c.id;
                share_fits.push_back(r);
            } else {  // moe_pair_bytes: fp8 by the median of three chips, each within +-8 %; fp4 reproduced
                EXPECT_EQ(r.c.shape, "tokens=16384 ep=8 routing=balanced") << r.c.id;
                EXPECT_LE(std::fabs(r.error), r.c.precision == "fp4" ? 0.02 : 0.08) << r.c.id;
            }
            continue;
        }
        const int p = r.c.precision == "bf16" ? 0 : r.c.precision == "fp8" ? 1 : 2;
        by_precision[p].push_back(r);
        // Llama 4's top-1 routing runs far slower than its bytes in many of these timings (Scout at EP 1
        // and 16 tokens on H200: 10x the model, while EP 2 runs close to it), and so do the erratic timings
        // above: those rows are held within 12x so that a broken row still shows; every other row lies
        // between -36 % and +183 % (Qwen3-30B at EP 128 and 16384 tokens, where each rank routes and
        // finalises every token).
        const auto& layer = times[layer_of(r.c)];
        const auto later = layer.find(4 * tokens_of(r.c));
        const bool erratic = later != layer.end() && tokens_of(r.c) / r.c.measured > later->second;
        const bool top1 = r.c.model.rfind("llama-4", 0) == 0;
        EXPECT_LE(std::fabs(r.error), top1 || erratic ? 11.0 : 1.9) << r.c.id << ": predicted " << r.predicted;
    }
    ASSERT_EQ(overhead_fits.size(), 5u);
    for (auto& [chip, errors] : overhead_fits) {
        std::sort(errors.begin(), errors.end());
        EXPECT_EQ(errors.size(), chip == "b200" ? 132u : chip == "b200 fp4" ? 84u : 66u) << chip;
        EXPECT_LE(std::fabs(errors[errors.size() / 2]), 0.02) << chip << ": the median 1-token row is reproduced";
    }
    // The share of the L2 that keeps one kernel's activations for the next (efficiency.activation_sram_share): set
    // on each silicon by Qwen3-30B-A3B at 4096 tokens and EP 8, every format, whose permuted activations (39 MB)
    // fit H100's 50 MB L2 and Blackwell's 126 MB. Each row comes closer with none of the L2 (0, each chip's value)
    // than with all of it (H100 bf16: +8 % against +39 %).
    ASSERT_EQ(share_fits.size(), 13u);
    for (const ValidationResult& r : share_fits) {
        ChipSpec kept = *load_chip(r.c.chip);
        EXPECT_DOUBLE_EQ(kept.efficiency.activation_sram_share, 0) << r.c.id;
        kept.efficiency.activation_sram_share = 1;
        const auto with_l2 = moe_kernel(kept, *load_model(r.c.model), 4096, 8, *parse_precision(r.c.precision), 1.0,
                                        MoeRouting::balanced);
        ASSERT_TRUE(with_l2.ok()) << r.c.id << ": " << with_l2.error().message;
        const double error_with_l2 = 4096 / with_l2->op.time_s / r.c.measured - 1;
        EXPECT_LT(std::fabs(r.error), std::fabs(error_with_l2)) << r.c.id;
    }
    const ValidationSummary all = summarise_kind(moe, "moe");
    EXPECT_EQ(all.rows, 2761);
    EXPECT_EQ(all.fits, 431);
    // 8.5 % (11.1 % while the L2 kept each kernel's activations for the next; random routing would read fewer
    // experts: BalancedRoutingTouchesMoreExperts)
    EXPECT_LE(all.median_abs_error, 0.09);
    // By precision: bf16 within a few per cent in the median (signed -1.8 %); fp8 (+3.3 %) and fp4 (+4.3 %)
    // faster than measured, most at 1024 tokens and more.
    auto signed_median = [](const std::vector<ValidationResult>& rs) {
        std::vector<double> e;
        for (const auto& r : rs) e.push_back(r.error);
        std::sort(e.begin(), e.end());
        return e[e.size() / 2];
    };
    EXPECT_EQ(by_precision[0].size(), 985u);
    EXPECT_EQ(by_precision[1].size(), 982u);
    EXPECT_EQ(by_precision[2].size(), 794u);
    EXPECT_LE(std::fabs(signed_median(by_precision[0])), 0.05);
    EXPECT_LE(std::fabs(signed_median(by_precision[1])), 0.06);
    EXPECT_LE(std::fabs(signed_median(by_precision[2])), 0.10);
    EXPECT_LE(summarise_kind(by_precision[0], "moe").median_abs_error, 0.09);

    // The timed rank's work falls as EP grows (fewer experts, tokens x top_k / EP slots): a check timed more than
    // 10 % slower than the same chip, layer, format and token count at a smaller EP, where it still receives at
    // least one slot, contradicts its own source (B200 NVFP4 Maverick at 256 tokens: 382 us at EP 4, 413 us at
    // EP 8). 219 of the 2761 checks do; no model whose time grows with a rank's work follows them, and they stay
    // in every figure. The other 2542 read 7.3 % in the median (README, Validation).
    std::map<std::string, std::map<int, double>> by_ep;  // chip layer format tokens -> EP -> measured us
    auto group_of = [&](const ValidationCase& c) {
        return c.chip + " " + c.model + " " + c.precision + " " + std::to_string(tokens_of(c));
    };
    std::map<std::string, double> top_k;  // model -> routed experts a token
    for (const auto& r : results)
        if (r.c.kind == "moe") {
            by_ep[group_of(r.c)][r.c.chips] = tokens_of(r.c) / r.c.measured;
            if (!top_k.count(r.c.model)) top_k[r.c.model] = load_model(r.c.model)->moe.top_k;
        }
    std::vector<double> contradicting, consistent;
    for (const auto& r : moe) {
        if (r.c.fit) continue;
        const double time = tokens_of(r.c) / r.c.measured;
        bool slower = false;
        if (tokens_of(r.c) * top_k[r.c.model] / r.c.chips >= 1)
            for (const auto& [ep, t] : by_ep[group_of(r.c)])
                if (ep < r.c.chips && time > 1.10 * t) slower = true;
        (slower ? contradicting : consistent).push_back(std::fabs(r.error));
    }
    EXPECT_EQ(contradicting.size(), 219u);
    EXPECT_EQ(consistent.size(), 2542u);
    EXPECT_LE(median_of(consistent), 0.08);  // 7.3 %
}

// TensorRT-LLM's Linear layer as an engine runs it (NVIDIA aiconfigurator gemm_perf): bf16 activations in, CUDA
// graphs, weights rotated out of L2 so each call reads its own from HBM; fp8 finds its scale by a
// max-reduction and quantises the activations first, nvfp4 quantises them with its block scales. 5723 rows:
// the dense projections of the library's models at TP 1-8 (59 shapes), 1 to 16384 tokens, bf16/fp8/fp4, on
// A100, H100, H200, B200, GB200 and B300. The bf16 rows at M = 64, N = K = 4096 set each chip's per-op
// overhead (A100: also N = 7168, K = 2048, at M = 1-64; and its M = 1 rows of 8-300 MB its memory
// efficiency); those with M >= 2048 and N, K >= 4096 set the compute efficiencies of B200 (bf16, fp4), B300
// (bf16, fp8, fp4) and A100 (bf16), each by the median over every measured shape of that size, of which
// these rows are a selection; B200's and B300's fp4 rows at 16384 x 4096 x K (K = 512 to 12288) set
// efficiency.fp4_output_ps, those with K < 4096 fits of their own (the rest are compute fits too); the one-token
// fp4 rows of B200 and B300 set efficiency.fp4_k_step_ns, and the one-token fp8 rows of H100, H200, B200 with
// GB200 and B300 efficiency.fp8_dynamic_scale_us.
TEST(Validation, EngineLinearLayers) {
    const auto results = run_all(kPath, 21481);
    std::map<std::string, std::vector<double>> fits;
    std::vector<ValidationResult> checks;
    std::map<std::string, std::vector<ValidationResult>> by_silicon;  // "h100-sxm fp8", ...
    for (const auto& r : results) {
        if (r.c.kind != "gemm" || source_family(r.c.source) != "aiconfigurator") continue;
        double m = 0, n = 0, k = 0;
        ASSERT_EQ(std::sscanf(r.c.shape.c_str(), "%lfx%lfx%lf", &m, &n, &k), 3) << r.c.id;
        EXPECT_NE(r.c.shape.find(" copies=5"), std::string::npos) << r.c.id;  // the collector's rotation
        const char* quant = r.c.precision == "fp8" ? " quant=dynamic" : r.c.precision == "fp4" ? " quant=static" : nullptr;
        EXPECT_EQ(r.c.shape.find(" quant=") != std::string::npos, quant != nullptr) << r.c.id;
        if (quant) {
            EXPECT_NE(r.c.shape.find(quant), std::string::npos) << r.c.id;
        }
        if (r.c.fit) {
            const bool overhead_shape = (n == 4096 && k == 4096) || (n == 7168 && k == 2048);
            // The quantising kernels' rate: the fp8 rows at 16384 tokens of the chips with a bare-GEMM fp8
            // efficiency, B200 and GB200 together (one silicon).
            if (r.c.precision == "fp8" && m == 16384 && r.c.chip != "b300") {
                fits[silicon_of(r.c) + " quant"].push_back(r.error);
                continue;
            }
            const std::string what = m >= 2048 && k < 4096                               ? " epilogue"
                                     : m >= 2048                                           ? " compute"
                                     : r.c.precision == "fp4"                              ? " k step"
                                     : r.c.precision == "fp8"                              ? " dynamic scale"
                                     : r.c.chip == "a100-sxm" && m == 1 && !overhead_shape ? " memory"
                                                                                          : " overhead";
            fits[r.c.chip + " " + r.c.precision + what].push_back(r.error);
            continue;
        }
        checks.push_back(r);
        by_silicon[silicon_of(r.c) + " " + r.c.precision].push_back(r);
        // Held within +100 % / -55 % so a broken row shows: the farthest are the Blackwell silicon's one-token
        // bf16 layers of 4096 x 3072 (+85..+95 %; B300's NVFP4 layers with a short K at 4096-16384 tokens were
        // +98..+125 % before their epilogue was timed).
        EXPECT_LE(r.error, 1.0) << r.c.id << ": predicted " << r.predicted;
        EXPECT_GE(r.error, -0.55) << r.c.id << ": predicted " << r.predicted;
    }
    // 21 sets: A100's compute, memory and overhead; B200 bf16 compute and overhead, fp4 compute, epilogue and
    // K step; B300 bf16 compute and overhead, fp8 and fp4 compute, fp4 epilogue and K step; H100's and H200's overhead; the fp8
    // dynamic scale of H100, H200, B200, GB200 (one value with B200: +3.2 and -1.9 %) and B300. Each
    // median within 5 % (the compute rows are a selection of the shapes that set the value), each row within
    // 45 %, but for the K steps' largest matrix, 1 x 16384 x 16384 (B200 +85 %, B300 +59 %: twice the others'
    // time per element of K).
    // And 3 sets of the quantising kernels' rate (efficiency.quant_memory: H100 0.883, H200 0.738, the B200
    // silicon 0.666), each median within 0.5 %. Each row within 50 %: the farthest, B200's 4096 x 7168 x
    // 16384 bf16 (+46 %), ran at 1048 TFLOP/s where GB200, the same silicon, ran that shape at 1811 and
    // B200 ran it at 16384 tokens at 1602.
    EXPECT_EQ(fits.size(), 24u);
    for (const auto& [what, errors] : fits) {
        EXPECT_LE(std::fabs(median_of(errors)), what.ends_with("quant") ? 0.005 : 0.05) << what;
        for (double e : errors) EXPECT_LE(std::fabs(e), what.ends_with("k step") ? 0.9 : 0.5) << what;
    }
    EXPECT_EQ(fits["h100-sxm quant"].size(), 59u);
    EXPECT_EQ(fits["b200 quant"].size(), 118u);
    const ValidationSummary all = summarise_kind(checks, "gemm");
    EXPECT_EQ(all.rows, 4706);
    // With the 13 GEMM fits of the Azure guide and the ML Engineering MAMF table, the 6 of Scoville's own H200 and the
    // 6 of LLMServingSim's TPU v6e.
    EXPECT_EQ(summarise_kind(results, "gemm").fits, 1017 + 13 + 6 + 6);
    // 6.3 % (7.2 % when the quantising kernels ran at the cache's rate where it held the activations; over the
    // same rows, those now fits left out, 7.3 % against 6.3 %).
    EXPECT_LE(all.median_abs_error, 0.07);
    // Hopper from bare-GEMM efficiencies and the quantising kernels: bf16 and fp8 within 6.5 % in the median
    // (signed -1.8..-0.1 %; fp8 3.6-3.7 %).
    for (const char* hopper : {"h100-sxm bf16", "h100-sxm fp8", "h200-sxm bf16", "h200-sxm fp8"}) {
        const auto [signed_median, abs_median] = medians(by_silicon[hopper]);
        EXPECT_LE(abs_median, 0.065) << hopper;
        EXPECT_LE(std::fabs(signed_median), 0.05) << hopper;
    }
    // Blackwell: bf16 within 12.5 % (signed -6 %); fp8, with its dynamic scale's 3.05 / 2.7 us per call and
    // its quantising kernels at 0.666 of the HBM rate, within 8 % (4.4-4.5 %, signed +0.5..+1.4 %); fp4, with its
    // time per element of K and its epilogue's per output, within 10 % on B200 and GB200 (5.9 %, signed 0.0 %;
    // 7.4 % and +1.4 % without the epilogue) and within 12 % on B300 (9.3 %, signed +8.0 %; 14.1 % and +13.8 %).
    for (const char* blackwell : {"b200 bf16", "b300 bf16"}) EXPECT_LE(medians(by_silicon[blackwell]).second, 0.125) << blackwell;
    for (const char* narrow : {"b200 fp8", "b300 fp8"}) {
        EXPECT_LE(medians(by_silicon[narrow]).second, 0.08) << narrow;
        EXPECT_LE(std::fabs(medians(by_silicon[narrow]).first), 0.07) << narrow;
    }
    EXPECT_LE(medians(by_silicon["b200 fp4"]).second, 0.10);
    EXPECT_LE(std::fabs(medians(by_silicon["b200 fp4"]).first), 0.05);
    EXPECT_LE(medians(by_silicon["b300 fp4"]).second, 0.12);
    EXPECT_LE(std::fabs(medians(by_silicon["b300 fp4"]).first), 0.10);
    EXPECT_LE(medians(by_silicon["a100-sxm bf16"]).second, 0.08);
}

// MLPerf server runs hold p99 TTFT <= 2 s and TPOT <= 200 ms: each system's server throughput is at
// most what it sustains offline in a steady stream (the queue needs slack). The offline rows carry
// their run length (requests=N), so they are evaluated again without it: a finite run's drain is not
// the steady state the server is held against, and at the batch with the best throughput (admission=best). Systems whose two runs used different parallelism
// (Cisco's H100s: offline tp 1 pp 2, server tp 2) or that published no server run are not pairs.
// (Measured server / offline-run: H100 0.88 in v4.1 and 0.98 in v5.1, H200 0.93 in v4.1 and 0.94-0.98
// in v5.1, B200 0.97-1.00 (Google's 1.26 beside its low offline run), GB200 0.88-0.99, MI300X 0.88-0.91,
// MI325X 0.88-0.96.)
TEST(Validation, EngineHostTimePerStep) {
    // NVIDIA's MLPerf harness runs TensorRT-LLM with use_graphs False, and its rows carry host_ms=5.35: the C++
    // executor's loop the GPU waits for each step. AMD's runs vLLM with enforce_eager True, and its rows carry
    // host_ms=4.43. Both stream each request's tokens to LoadGen in every scenario but Offline (NVIDIA:
    // main_llm.cc in v4.1, `streaming &= scenario != Offline` in v5.1's llmlib/config.py), a response per
    // request and step, and their server and interactive rows carry stream_us=15 on top of the 1 us per request
    // every row has. Each v5.1 Interactive Llama-2-70B run's log gives the step, TPOT p50, at the requests in
    // flight per GPU (result_completed_samples_per_sec x result_mean_latency_ns / GPUs, Little's law). The
    // model's step at that batch with the row's settings, its kernels plus the host time, against it. NVIDIA's
    // own B200 and GB200 runs set the NVIDIA step: kernels 24.69 ms at 255 requests and 21.97 ms at 228 (their
    // activations from HBM, efficiency.activation_sram_share 0) leave 9.78 and 8.65 ms; with 16 us per request
    // (15 streamed, an estimate from the submitters' server runs, and 1 of bookkeeping) 9.78 - 255 x 16 us =
    // 5.70 ms and 8.65 - 228 x 16 us = 5.00 ms a step: 5.35 ms; they hold within 3 % (B200 +1.1 %, GB200 -2.3 %).
    // (The two runs' slope, (9.78 - 8.65) / (255 - 228) = 42 us per request, moves by 8 us when one run's kernels
    // move by 1 %: too close in batch to set the per-request share.)
    // AMD's own MI300X and MI325X runs set 4.43 ms with the streamed 15 us carried from NVIDIA's: MI300X's vLLM
    // V0 runs its prompts in steps of their own (prefill=separate), and its mean step, 25.96 ms of kernels at 36
    // requests a GPU, waits for the host 1.022 times a step: (31.92 - 25.96 - 36 x 16 us) / 1.022 = 5.27 ms;
    // MI325X's vLLM V1 mixes them: 35.30 - 30.40 - 82 x 16 us = 3.59 ms; the mean 4.43 ms. They hold within 3 %;
    // the other submitters' sixteen runs check them.
    struct Log {
        const char* id;
        int in_flight;  // per GPU
        double tpot_p50_ms;
        bool fit;
        double host_ms = 5.35;
    };
    const Log logs[] = {
        {"mlperf51-nvidia-b200-sxm-180gbx8-l70-int", 255, 34.47, true},  // 218.82 x 9.336 s / 8
        {"mlperf51-nvidia-gb200-nvl72-gb200-186gb-aarch64x4-l70-int", 228, 30.62, true},  // 109.3 x 8.35 / 4
        {"mlperf51-amd-8xmi300x-2xepyc-9575f-l70-int", 36, 31.92, true, 4.43},    // 29.42 x 9.72 / 8
        {"mlperf51-amd-8xmi325x-2xepyc-9575f-2-l70-int", 82, 35.30, true, 4.43},  // 61.2 x 10.67 / 8
        {"mlperf51-dell-xe9680-mi300x-192gbx8-l70-int", 34, 32.1, false, 4.43},
        {"mlperf51-asustek-esc-a8a-mi325x-256gbx8-l70-int", 69, 34.9, false, 4.43},
        {"mlperf51-gigacomputing-8xmi325x-2xepyc-9575f-l70-int", 83, 34.9, false, 4.43},
        {"mlperf51-mitac-8xmi325x-2xepyc-9755-l70-int", 81, 34.3, false, 4.43},
        {"mlperf51-quanta-cloud-technology-d75t-7u-8xmi325x-l70-int", 78, 35.1, false, 4.43},
        {"mlperf51-vultr-8xmi325x-2xepyc-9554-l70-int", 77, 34.7, false, 4.43},
        {"mlperf51-dell-xe9680l-b200-sxm-180gbx8-l70-int", 244, 32.09, false},
        {"mlperf51-gigacomputing-g894-sd1-b200-sxm-180gbx8-l70-int", 250, 31.62, false},
        {"mlperf51-google-b200-sxm-180gbx8-l70-int", 230, 35.24, false},
        {"mlperf51-nebius-b200-sxm-180gbx8-l70-int", 266, 35.79, false},
        {"mlperf51-supermicro-sys-422gs-nbrt-lcc-b200-sxm-180gbx8-l70-int", 243, 32.07, false},
        {"mlperf51-cisco-c885-h200x8-l70-int", 86, 34.84, false},
        {"mlperf51-dell-xe9680-h200-sxm-141gbx8-l70-int", 103, 37.21, false},
        {"mlperf51-google-h200-sxm-141gbx8-l70-int", 84, 33.96, false},
        {"mlperf51-hpe-hpe-cray-xd670-h200-sxm-141gbx8-l70-int", 90, 35.23, false},
        {"mlperf51-nebius-h200-sxm-141gbx8-l70-int", 108, 37.12, false},
    };
    auto cases = parse_validation_csv(read(kPath), kPath);
    ASSERT_TRUE(cases.ok()) << cases.error().message;
    std::vector<double> checks;
    for (const Log& log : logs) {
        const auto c = std::find_if(cases->begin(), cases->end(), [&](const ValidationCase& v) { return v.id == log.id; });
        ASSERT_NE(c, cases->end()) << log.id;
        EXPECT_EQ(c->fit, log.fit) << log.id;
        auto s = validation_scenario(*c);
        ASSERT_TRUE(s.ok()) << s.error().message;
        EXPECT_EQ(s->host_ms_per_step, log.host_ms) << log.id;
        EXPECT_EQ(s->stream_us_per_token, 15.0) << log.id;
        // One replica at the run's batch (GB200's run published no config: TP 1).
        auto ev = evaluate_in_flight(*c, *s, log.in_flight);
        ASSERT_TRUE(ev.ok()) << log.id << ": " << ev.error().message;
        const double error = ev->serving.step_s * 1e3 / log.tpot_p50_ms - 1;
        EXPECT_LE(std::fabs(error), log.fit ? 0.03 : 0.12)
            << log.id << ": step " << ev->serving.step_s * 1e3 << " ms";
        if (!log.fit) checks.push_back(error);
    }
    // The sixteen checks: B200 -9..+7 %, H200 +3..+7 %, MI300X -3 %, MI325X -8..+2 %: median +2.6 %. (With the
    // whole host time per step, 9.5 ms, and no streamed tokens, H200's runs at 84-108 requests came out +8..+11 %:
    // the per-request share is what set them apart from B200's at 230-266.)
    EXPECT_LE(std::fabs(median_of(checks)), 0.05);
}

// Over pipeline stages a rank's loop (TensorRT-LLM's PyTorch executor) steps one micro-batch an iteration but walks
// every request it holds, pp micro-batches' worth, in its scheduler and response handling: host_active_share of the
// 9 us a request. One row sets it, Llama 3.3 70B FP4 over 8 RTX PRO 6000 stages at 128/2048 (1,816 requests held,
// 227 stepped an iteration): 0.59 reproduces it within 2 %. The other pipelined rows check it: 70 of them, 2 to 8
// stages, Llama 3.x 70B and 405B, Llama 4 Scout and Maverick, Qwen3-235B on the RTX PRO 6000 and MLPerf's Cisco
// H100 at 2 stages; their median within +-6 % and each within +-35 % (-24..+28 %; with the loop walking only its
// micro-batch, the 8-stage rows read -16..+47 % and the median +7.5 %; with the host work counted once a step,
// -16..+65 %).
TEST(Validation, PipelineHostWalksEveryHeldRequest) {
    std::vector<ValidationResult> piped;
    const ValidationResult* fit = nullptr;
    auto extra = run_all(std::string(SCOVILLE_SOURCE_DIR) + "/tests/data/validation-extra.csv", 406);
    auto pub = run_all(kPath, 21481);
    for (auto* set : {&extra, &pub})
        for (const ValidationResult& r : *set) {
            if (r.c.kind != "serving" || r.detail.find(" pp ") == std::string::npos) continue;
            if (r.c.fit) fit = &r;
            else piped.push_back(r);
        }
    ASSERT_NE(fit, nullptr);
    EXPECT_EQ(fit->c.id, "trtllm-rtx-l70-tp1pp8-128-2048");
    EXPECT_LE(std::fabs(fit->error), 0.02) << fit->predicted;
    ASSERT_EQ(piped.size(), 70u);
    std::vector<double> errors;
    for (const ValidationResult& r : piped) {
        errors.push_back(r.error);
        EXPECT_LE(std::fabs(r.error), 0.35) << r.c.id << ": predicted " << r.predicted << " vs " << r.c.measured;
    }
    EXPECT_LE(std::fabs(median_of(errors)), 0.06) << median_of(errors);
}

TEST(Validation, MultiStepTpotTailAsMeasured) {
    // vLLM's multi-step scheduling (AMD's harness: num_scheduler_steps 7-10, the rows' admit_steps) hands a
    // block's tokens back at its end, so a request finishing mid-block waits up to k - 1 steps more, which
    // weighs on short outputs' TPOT: the logs' TPOT p99 is 1.13-1.32 times their p50. Every v5.1 server and
    // interactive run with such blocks, at its requests in flight per GPU (result_completed_samples_per_sec x
    // result_mean_latency_ns / GPUs): the model's p99 / p50 against the log's. The rows carry the generated
    // lengths' measured quantiles (out_q, from the TEST06 logs: 1 % of Llama-2-70B's outputs at 23 tokens or
    // fewer); with the lognormal of spread 0.79 they carried before (out_cv), the model's ratio is 1.14 for
    // Llama-2-70B and the median error -7.1 %.
    struct Log {
        const char* id;
        int in_flight;  // per GPU
        double tpot_p50_ms, tpot_p99_ms;
    };
    const Log logs[] = {
        {"mlperf51-mi300x-l70-srv", 445, 151.04, 193.38},                         // 81.68 x 43.580 s / 8; k = 9
        {"mlperf51-amd-8xmi325x-2xepyc-9575f-1-l70-srv", 597, 161.65, 198.31},    // 106.28 x 44.905 s / 8; k = 9
        {"mlperf51-asustek-esc-a8a-mi325x-256gbx8-l70-srv", 573, 158.03, 194.27}, // 103.75 x 44.180 s / 8; k = 9
        {"mlperf51-dell-xe9680-mi300x-192gbx8-l70-srv", 452, 146.73, 189.90},     // 82.24 x 43.984 s / 8; k = 9
        {"mlperf51-gigacomputing-8xmi325x-2xepyc-9575f-l70-srv", 582, 157.19, 193.68},  // 106.97 x 43.529 s / 8; k = 9
        {"mlperf51-mitac-8xmi325x-2xepyc-9755-l70-srv", 592, 158.42, 194.82},     // 105.47 x 44.920 s / 8; k = 9
        {"mlperf51-quanta-cloud-technology-d75t-7u-8xmi325x-l70-srv", 568, 156.43, 191.70},  // 104.43 x 43.529 s / 8
        {"mlperf51-vultr-8xmi325x-2xepyc-9554-l70-srv", 437, 120.00, 135.71},     // 101.00 x 34.642 s / 8; k = 9
        {"mlperf51-amd-8xmi300x-2xepyc-9575f-l70-int", 36, 31.89, 39.51},         // 29.41 x 9.717 s / 8; k = 8
        {"mlperf51-dell-xe9680-mi300x-192gbx8-l70-int", 34, 32.15, 39.07},        // 28.13 x 9.788 s / 8; k = 8
        {"mlperf51-amd-8xmi300x-2xepyc-9575f-mixtral-srv", 765, 125.41, 151.78},  // 333.12 x 18.381 s / 8; k = 8
        {"mlperf51-amd-8xmi325x-2xepyc-9575f-1-mixtral-srv", 1136, 150.16, 194.61},    // 415.76 x 21.856 s / 8; k = 10
        {"mlperf51-asustek-esc-a8a-mi325x-256gbx8-mixtral-srv", 899, 128.51, 159.71},  // 387.96 x 18.529 s / 8; k = 10
        {"mlperf51-dell-xe9680-mi300x-192gbx8-mixtral-srv", 860, 141.40, 170.22},      // 332.90 x 20.662 s / 8; k = 8
        {"mlperf51-gigacomputing-8xmi325x-2xepyc-9575f-mixtral-srv", 1090, 145.68, 192.69},  // 401.48 x 21.713 s / 8
        {"mlperf51-mitac-8xmi325x-2xepyc-9755-mixtral-srv", 860, 118.14, 147.86},      // 397.31 x 17.306 s / 8; k = 10
        {"mlperf51-quanta-cloud-technology-d75t-7u-8xmi325x-mixtral-srv", 1127, 150.42, 195.10},  // 410.95 x 21.934 s / 8
        {"mlperf51-vultr-8xmi325x-2xepyc-9575f-mixtral-srv", 911, 127.20, 145.89},     // 390.85 x 18.638 s / 8; k = 7
    };
    auto cases = parse_validation_csv(read(kPath), kPath);
    ASSERT_TRUE(cases.ok()) << cases.error().message;
    int blocked = 0;
    for (const auto& c : *cases)
        if (c.id.rfind("mlperf51", 0) == 0 && c.kind == "serving" && c.scenario != "offline" &&
            c.shape.find("admit_steps=") != std::string::npos && c.shape.find("admit_steps=1 ") == std::string::npos)
            ++blocked;
    EXPECT_EQ(blocked, static_cast<int>(std::size(logs)));  // every such run of the set is here
    std::vector<double> errors;
    for (const Log& log : logs) {
        const auto c = std::find_if(cases->begin(), cases->end(), [&](const ValidationCase& v) { return v.id == log.id; });
        ASSERT_NE(c, cases->end()) << log.id;
        auto s = validation_scenario(*c);
        ASSERT_TRUE(s.ok()) << s.error().message;
        EXPECT_GE(s->admit_every_steps, 7) << log.id;
        EXPECT_FALSE(s->output_len_quantiles.empty()) << log.id;
        auto ev = evaluate_in_flight(*c, *s, log.in_flight);
        ASSERT_TRUE(ev.ok()) << log.id << ": " << ev.error().message;
        const double ratio = ev->serving.tpot_p99_s / ev->serving.tpot_p50_s;
        const double error = ratio / (log.tpot_p99_ms / log.tpot_p50_ms) - 1;
        // From -8.7 % to +7.6 % (Vultr's Llama-2-70B run, 1.13 measured).
        EXPECT_LE(std::fabs(error), 0.10) << log.id << ": p99 / p50 " << ratio << " vs " << log.tpot_p99_ms / log.tpot_p50_ms;
        errors.push_back(error);
    }
    EXPECT_LE(std::fabs(median_of(errors)), 0.04);  // -2.3 %
}

TEST(Validation, ServerNeverBeatsSteadyOffline) {
    const auto results = run_all(kPath, 21481);
    struct Pair {
        double offline = 0, server = 0;
        std::string offline_par, server_par;
    };
    std::map<std::string, Pair> pairs;  // system -> steady offline and server predictions
    auto parallelism = [](const std::string& shape) {
        std::string out;
        for (const char* key : {"tp=", "pp="}) {
            const auto at = shape.find(key);
            out += at == std::string::npos ? std::string(key) + "?" : shape.substr(at, shape.find(' ', at) - at);
            out += ' ';
        }
        return out;
    };
    for (const auto& r : results) {
        if (r.c.kind != "serving" || r.c.id.rfind("mlperf", 0) != 0 || r.c.scenario == "interactive") continue;
        const std::string system = r.c.id.substr(0, r.c.id.rfind('-'));
        if (r.c.scenario == "server") {
            pairs[system].server = r.predicted;
            pairs[system].server_par = parallelism(r.c.shape);
            continue;
        }
        ValidationCase steady = r.c;
        const auto at = (" " + steady.shape).find(" requests=");
        ASSERT_NE(at, std::string::npos) << r.c.id << ": an offline MLPerf row gives its run length";
        steady.shape.erase(at, steady.shape.find(' ', at) - at + 1);
        // The best steady state: an engine filling its batch may run past a throughput peak that a
        // server's arrival rate can hold it at.
        steady.shape += " admission=best";
        auto s = run_validation_case(steady);
        ASSERT_TRUE(s.ok()) << s.error().message;
        EXPECT_GT(s->predicted, r.predicted) << r.c.id << ": the run's drain costs throughput";
        pairs[system].offline = s->predicted;
        pairs[system].offline_par = parallelism(r.c.shape);
    }
    int compared = 0;
    for (const auto& [system, p] : pairs) {
        ASSERT_GT(p.offline, 0) << system << ": a server run without its offline run";
        if (p.server == 0 || p.server_par != p.offline_par) continue;
        ++compared;
        EXPECT_LE(p.server, p.offline * 1.01) << system;
        EXPECT_GE(p.server, p.offline * 0.5) << system;
    }
    // 92 systems: 2 without a server run, 2 (Cisco H100 x16 and x32) with different parallelism.
    EXPECT_EQ(pairs.size(), 92u);
    EXPECT_EQ(compared, 88);
}

// A server streams each request's tokens to its client and an offline run does not (NVIDIA's harness:
// main_llm.cc in v4.1, llmlib/config.py in v5.1; the rows' stream_us=15), so a server's steps are longer at the
// same requests in flight. The rows' own ratios, server / offline as published: NVIDIA's v4.1 DGX-H100
// Llama-2-70B ran 21,606 / 24,525 = 0.881 of its offline run; the model's, within 8 % of that. Over the 90
// systems with both rows, the median of the model's ratio over the measured one is within 5 % of 1 (0.98;
// before the streamed tokens were counted, 1.05: the server rows were 5.5 points more optimistic than their
// offline twins).
TEST(Validation, ServerShareOfOfflineAsMeasured) {
    const auto results = run_all(kPath, 21481);
    std::map<std::string, std::pair<const ValidationResult*, const ValidationResult*>> pairs;  // offline, server
    for (const auto& r : results) {
        if (r.c.kind != "serving" || r.c.id.rfind("mlperf", 0) != 0) continue;
        const std::string system = r.c.id.substr(0, r.c.id.rfind('-'));
        if (r.c.scenario == "offline") pairs[system].first = &r;
        else if (r.c.scenario == "server") pairs[system].second = &r;
    }
    std::vector<double> ratios;
    for (const auto& [system, p] : pairs) {
        if (!p.first || !p.second) continue;
        const double predicted = p.second->predicted / p.first->predicted;
        const double measured = p.second->c.measured / p.first->c.measured;
        ratios.push_back(predicted / measured);
        if (system == "mlperf41-h100-l70") {
            EXPECT_NEAR(measured, 0.881, 0.001);
            EXPECT_NEAR(predicted / measured, 1.0, 0.08) << "predicted server / offline " << predicted;
        }
    }
    EXPECT_EQ(ratios.size(), 90u);
    EXPECT_NEAR(median_of(ratios), 1.0, 0.05);
}

// Further measurements (tests/data/validation-extra.csv): every B200, GB200, H100, H200 and RTX PRO 6000 row of
// the TensorRT-LLM perf-overview tables (dense Llama 3.x 8B/70B/405B; Llama 4 Scout and Maverick, Qwen3 MoE
// with attention data parallelism), the Azure guide's serving tables, MLPerf v5.0 Mixtral on H200 and Google's TPU
// recipes (TpuServingRecipes below). Dense models within +-50 %; the MoE rows within +-60 % (Scout at 2048/128 on four H100s reads +54 %; see the
// README), so any further drift shows. The RTX PRO 6000's Llama 3.x 70B and 405B over eight pipeline stages (PCIe)
// read -21..+6 % now that every stage's loop walks the requests of all eight micro-batches (host_active_share; one of
// those rows, 70B at 128/2048, is the fit that sets it); -16..+65 % before (PipelineHostWalksEveryHeldRequest).
TEST(Validation, ExtraMeasurements) {
    const std::string path = std::string(SCOVILLE_SOURCE_DIR) + "/tests/data/validation-extra.csv";
    const auto results = run_all(path, 406);
    for (const auto& r : results) {
        const ModelSpec m = *load_model(r.c.model);
        // The Azure guide's MI300X rows (vLLM V0 on ROCm, November 2024, eager at their batch, detokenizing every
        // token) read -0.2..+36 % (below); its H100, H200 and GB200 rows, with the C++ executor's host time per step
        // (host_ms=5.35), -23..+28 %.
        const double band = m.is_moe() && r.c.id.rfind("trtllm", 0) == 0 ? 0.6 : 0.50;
        EXPECT_LE(std::fabs(r.error), band) << r.c.id << ": predicted " << r.predicted << " vs " << r.c.measured;
        if (r.c.shape.rfind("tp=", 0) == 0) {  // measured at a given parallelism: only that one is run
            EXPECT_EQ(r.detail.rfind("tp " + r.c.shape.substr(3, r.c.shape.find(' ') - 3), 0), 0u)
                << r.c.id << ": " << r.detail;
        }
    }
    const ValidationSummary serving = summarise(results, true);
    EXPECT_EQ(serving.rows, 405);
    EXPECT_EQ(serving.fits, 1);
    EXPECT_LE(serving.median_abs_error, 0.095);  // 8.6 %
    EXPECT_GE(serving.rows_within_35, 392);      // 394
    // The rows with attention data parallelism (Qwen3-235B, Llama 4 on H100/H200/B200: 70; with the RTX PRO 6000's
    // Qwen3 and Llama 4 rows over PCIe, 132): the engine
    // gathers every token of the group on each rank and returns the sums by a reduce-scatter (8-GPU nodes);
    // with only the routed rows travelling (and without the fused MoE call's fixed cost) their median was
    // 51 %; 30 % with a step's ranks taking their prompt chunks together; 15.7 % now that a step waits for
    // its slowest rank (Serving.AttentionRanksWaitForTheirSlowestChunk).
    std::vector<ValidationResult> dp;
    for (const auto& r : results) {
        const auto at = (" " + r.c.shape).find(" dp=");
        if (at != std::string::npos && std::stoi(r.c.shape.substr(at + 3)) > 1) dp.push_back(r);
    }
    EXPECT_EQ(dp.size(), 132u);
    EXPECT_LE(summarise(dp, true).median_abs_error, 0.18);  // 11.7 %
    for (const auto& r : dp) EXPECT_NE(r.detail.find(" dp "), std::string::npos) << r.c.id << ": " << r.detail;
    // The Azure guide's H100 and H200 rows (TensorRT-LLM v0.15's C++ executor without CUDA graphs: host_ms=5.35,
    // the MLPerf harness's host time per step): 36 rows, -9..+30 % (35 within +-25 %; Llama-3.1-8B at 128/128 on
    // H200 the farthest), each held within +-35 %.
    std::vector<ValidationResult> azure, gb200;
    for (const auto& r : results) {
        if (r.c.id.rfind("azure-h100", 0) == 0 || r.c.id.rfind("azure-h200", 0) == 0) azure.push_back(r);
        if (r.c.id.rfind("azure-gb200-l31", 0) == 0) gb200.push_back(r);
    }
    ASSERT_EQ(azure.size(), 36u);
    for (const auto& r : azure) {
        EXPECT_NE(r.c.shape.find("host_ms=5.35"), std::string::npos) << r.c.id;
        EXPECT_LE(std::fabs(r.error), 0.35) << r.c.id << ": predicted " << r.predicted << " vs " << r.c.measured;
    }
    EXPECT_LE(summarise(azure, true).median_abs_error, 0.09);
    // Its GB200 rows are the same script's output (its caption and columns), so the same engine without CUDA
    // graphs, with the x86 hosts' 5.35 ms carried to the Grace host. Without it they read +13..+50 % (median
    // +31 %, 4 of 12 beyond +-35 %); with it a median of 11.2 %, -23..+27 %.
    ASSERT_EQ(gb200.size(), 12u);
    for (const auto& r : gb200) {
        EXPECT_NE(r.c.shape.find("host_ms=5.35"), std::string::npos) << r.c.id;
        EXPECT_LE(std::fabs(r.error), 0.35) << r.c.id << ": predicted " << r.predicted << " vs " << r.c.measured;
    }
    EXPECT_LE(summarise(gb200, true).median_abs_error, 0.13);
    // Its MI300X rows decode 1000 requests together, beyond the 256 requests vLLM V0 captures graphs for: every
    // step eager, each carrying AMD's eager vLLM host time for Llama-2-70B's 80 layers (4.43 ms) in proportion to
    // its model's layers. Without it they read +25..+75 % (2 of 18 within +-35 %); with it +24..+64 % (7).
    // benchmark_throughput detokenizes every new token on V0's Python thread, 17.6-18.1 us a sequence and step
    // (vLLM issue 5206): host_us=18. Without it +22..+60 % (median 36 %, 7 of 18 within +-35 %); with it
    // -0.2..+48 % (median 17.0 %, 17 of 18); -0.2..+36 % (median 14.8 %, 17 of 18) now that the 1000 requests
    // of one length, issued at once, hold their whole context together at a wave's end
    // (Lowering.RequestsIssuedTogetherReachTheirWholeContextTogether; Llama-3.1-405B at 2048/2048 +48 to +36 %).
    std::vector<ValidationResult> mi300x;
    for (const auto& r : results)
        if (r.c.id.rfind("azure-mi300x-l31", 0) == 0) mi300x.push_back(r);
    ASSERT_EQ(mi300x.size(), 18u);
    for (const auto& r : mi300x) {
        const ModelSpec m = *load_model(r.c.model);
        char expected[32];
        std::snprintf(expected, sizeof expected, "host_ms=%.3g", 4.43 * m.layers / 80.0);  // 32, 80, 126 layers
        EXPECT_NE(r.c.shape.find(expected), std::string::npos) << r.c.id << ": " << expected;
        EXPECT_NE(r.c.shape.find("host_us=18 "), std::string::npos) << r.c.id;
    }
    const ValidationSummary on_vllm_v0 = summarise(mi300x, true);
    EXPECT_LE(on_vllm_v0.median_abs_error, 0.16);
    EXPECT_GE(on_vllm_v0.rows_within_35, 17);
    // GB200's perf-overview rows ran trtllm-bench's PyTorch backend on the Grace CPU, whose PyTorch host code takes
    // 37.08 / 13.48 = 2.75x as long as a DGX H100's Xeon 8480C (TransformerEngine issue 2053): host_us = 9 x 2.75 =
    // 24.8 us per request and step. With the x86 hosts' 9 us they read a median of +11.4 % and Qwen3-30B and Scout
    // at 128/128, 1000/1000 and 500/2000 +27..+94 % (measured 21-39 % below B200's, whose dense rows GB200's beat
    // by 3-18 %); with it 8.2 % (7.0 % while the L2 kept activations between kernels), 39 of 40 within +-35 %.
    std::vector<ValidationResult> grace;
    for (const auto& r : results)
        if (r.c.id.rfind("trtllm-gb200", 0) == 0) grace.push_back(r);
    ASSERT_EQ(grace.size(), 40u);
    for (const auto& r : grace) EXPECT_NE(r.c.shape.find("host_us=24.8"), std::string::npos) << r.c.id;
    const ValidationSummary on_grace = summarise(grace, true);
    EXPECT_LE(on_grace.median_abs_error, 0.09);
    EXPECT_GE(on_grace.rows_within_35, 39);
}

// The first serving runs of TPUs: Google's vLLM recipes for Ironwood (TPU7x: Qwen3-32B on one chip, Qwen3-Coder-480B
// and Qwen3.5-397B on four) and Trillium (TPU v6e: Llama 3.3 70B on eight, at 64 and 128 clients), every recipe of a
// library model that prints its numbers. No row sets anything: the TPUs' efficiencies are estimates, but for TPU v6e's
// dense GEMM ridge (efficiency.gemm_ridge_exponent, LLMServingSim's profile), which Ironwood carries.
// Errors: Qwen3-32B +12.5, +3.5 and +18.6 % (1k/1k, 1k/8k, 8k/1k), the Coder -5.1, -9.7, +21.9 %, Qwen3.5 -40.9 and
// -19.9 % (1k/8k, 8k/1k), Llama 3.3 70B +4.8 and +3.9 %: the prompt-heavy runs optimistic, Qwen3.5's decodes
// pessimistic (its 64 requests' steps take 12.4 ms, about the time its touched experts' weights need from HBM; the
// model's 20.6 ms add the fused MoE call's and the collectives' fixed costs, carried from H100, and its grouped
// GEMMs' softer ridge).
TEST(Validation, TpuServingRecipes) {
    const auto results = run_all(std::string(SCOVILLE_SOURCE_DIR) + "/tests/data/validation-extra.csv", 406);
    std::vector<ValidationResult> tpu;
    for (const auto& r : results)
        if (source_family(r.c.source) == "Google tpu-recipes") tpu.push_back(r);
    ASSERT_EQ(tpu.size(), 10u);
    int ironwood = 0;
    std::vector<double> errors;
    for (const auto& r : tpu) {
        EXPECT_FALSE(r.c.fit) << r.c.id;
        EXPECT_EQ(r.c.kind, "serving") << r.c.id;
        ironwood += r.c.chip == "tpu-v7";
        errors.push_back(r.error);
        // Each within +-45 % (Qwen3.5-397B at 1k/8k the farthest); the dense models' within +-25 %.
        const bool dense = !load_model(r.c.model)->is_moe();
        EXPECT_LE(std::fabs(r.error), dense ? 0.25 : 0.45) << r.c.id << ": predicted " << r.predicted << " vs "
                                                             << r.c.measured;
    }
    EXPECT_EQ(ironwood, 8);
    const ValidationSummary s = summarise(tpu, true);
    EXPECT_EQ(s.rows, 10);
    EXPECT_LE(s.median_abs_error, 0.13);    // 11.1 %
    EXPECT_LE(std::fabs(median_of(errors)), 0.06);  // +3.7 %
    EXPECT_GE(s.rows_within_25, 8);  // 9
}

// TensorRT-LLM's attention op in a decode step (NVIDIA aiconfigurator generation_attention_perf): a paged KV
// cache in bf16 or fp8, the heads per chip of every library model with standard attention at TP 1-8 (32
// layouts, full and sliding layers), 1-1024 requests with 15-65535 tokens cached, on H100, H200, B200, GB200
// and B300: 7290 rows. Each chip's fp8 rows (B200 and GB200 together) set four keys, each by the median of
// its set: one request at 15 tokens efficiency.attention_overhead_us, 1024 and 64 requests at 15 tokens
// efficiency.attention_pair_ns and efficiency.attention_wave_blocks (fitted together), the long full-attention
// rows efficiency.attention; and its rows of one request
// of 65535 tokens with one KV head per chip, both formats, the time of a pair alone (Hopper
// efficiency.attention_pair_1k_us, Blackwell efficiency.attention_pair_token_ps). On Hopper a 16-bit cache runs
// in kernels of their own: its bf16 rows set their keys the same way (the long full-attention rows of every
// layout efficiency.attention_16bit, the KV share of the bandwidth of both).
TEST(Validation, DecodeAttentionLayers) {
    const auto results = run_all(kPath, 21481);
    std::map<std::string, std::vector<double>> fits;                 // "h100-sxm pair", ...
    std::map<std::string, std::vector<double>> width_fits;           // "h100-sxm", "h100-sxm 16-bit", ...
    std::map<std::string, std::vector<ValidationResult>> by_family;  // "hopper fp8", "blackwell bf16", ...
    std::vector<ValidationResult> checks;
    for (const auto& r : results) {
        if (r.c.kind != "attention" || r.c.shape.find("phase=prefill") != std::string::npos) continue;
        int tp = 0;
        double requests = 0, context = 0;
        ASSERT_EQ(std::sscanf(r.c.shape.c_str(), "tp=%d requests=%lf context=%lf", &tp, &requests, &context), 3) << r.c.id;
        EXPECT_EQ(r.c.shape.find("layer=sliding") != std::string::npos, r.c.id.find("-swa-") != std::string::npos) << r.c.id;
        const bool hopper = r.c.chip == "h100-sxm" || r.c.chip == "h200-sxm";
        if (r.c.fit) {
            // fp8 rows set the four keys; on Hopper, bf16 rows of grouped-query layouts the 16-bit kernel's three,
            // and the long bf16 rows of every layout the 16-bit kernels' KV share of the bandwidth; one request of
            // 65535 tokens in either format a pair's time alone; on Hopper one request of 127 and of 1023 tokens in
            // the fallback kernel (MMHA) its time per token and its merge.
            // On Hopper a layout whose query heads each have a KV head (Llama-2-7B) runs in a kernel of its own,
            // whose four keys its fp8 rows set.
            const ModelSpec layout = *load_model(r.c.model);
            const bool per_head = hopper && layout.heads == layout.kv_heads;
            const bool alone = requests == 1 && context == 65535;
            // One request of 1023 tokens with one KV head per chip in the FP8 grouped-query kernel: its split's merge.
            const bool merge = hopper && requests == 1 && context == 1023 && r.c.precision == "fp8" && !per_head;
            const bool fallback = hopper && requests == 1 && (context == 127 || context == 1023) && !merge;
            const bool long16 = hopper && r.c.precision == "bf16" && context >= 8191 && requests * context >= 64 * 8191;
            EXPECT_TRUE(r.c.precision == "fp8" || (hopper && context == 15) || alone || fallback || long16) << r.c.id;
            if (fallback || merge) {
                fits[silicon_of(r.c) + (merge ? " split merge" : context == 127 ? " fallback token" : " fallback merge")]
                    .push_back(r.error);
                continue;
            }
            const std::string what = alone           ? " alone"
                                     : context > 15    ? " kv"
                                     : requests == 1   ? " overhead"
                                     : requests == 64 ? " wave"
                                                       : " pair";
            fits[silicon_of(r.c) + what + (r.c.precision == "bf16" && !alone ? " 16-bit" : per_head ? " multi-head" : "")]
                .push_back(r.error);
            // gpt-oss-120b's 64-wide heads among the 1024-request rows set the share of a block's pair time that
            // grows with the width (efficiency.attention_pair_width_share, the 16-bit kernel's its own).
            if (what == " pair" && r.c.model == "gpt-oss-120b")
                width_fits[silicon_of(r.c) + (r.c.precision == "bf16" ? " 16-bit" : "")].push_back(r.error);
            continue;
        }
        checks.push_back(r);
        by_family[std::string(hopper ? "hopper " : "blackwell ") + r.c.precision].push_back(r);
        // Held within bands wide enough that only a broken row leaves them: Hopper's 16-bit-KV kernels run up
        // to 3.6x the model's time (sliding-window layers of gpt-oss at few requests, whose bf16 kernel's
        // split follows the whole context on Hopper), Hopper's fp8 ones up to 2.7x (one
        // to four requests with long contexts, whose KV streams well below the rate of many), Blackwell's
        // within 2.3x.
        EXPECT_LE(r.error, !hopper ? 1.3 : r.c.precision == "bf16" ? 3.0 : 1.8) << r.c.id << ": predicted " << r.predicted;
        EXPECT_GE(r.error, -0.45) << r.c.id << ": predicted " << r.predicted;
    }
    // 42 sets: 5 keys on each of H100, H200, the B200 silicon and B300, the 16-bit kernels' 4, the multi-head
    // kernel's 4, the fallback kernel's 2 and the FP8 kernel's split merge on H100 and H200; a pair alone: 5
    // layouts with one KV head per chip x 2 formats (B200 and GB200: 20); each median reproduced. Hopper's
    // grouped-query fp8 sets hold 28 rows (7 layouts x 4 TP sizes; the long ones 27), its multi-head ones
    // Llama-2-7B's 4 (the long one 5), its fallback ones 12 at 127 tokens (Llama-3.1-8B's bf16 and Llama-2-7B's
    // bf16 and fp8 at 4 TP sizes) and 11 at 1023 (Llama-3.1-8B at TP 1 has 8 pairs: XQA), its split merge 5 (one
    // request of 1023 tokens, fp8, the 5 grouped-query layouts with one KV head per chip), its long 16-bit ones 32
    // (every layout), the rest 32 (B200 and GB200: 64).
    EXPECT_EQ(fits.size(), 42u);
    for (const auto& [what, errors] : fits) {
        const size_t silicon = what.starts_with("b200") ? 2 : 1;
        const bool hopper = what.starts_with("h100") || what.starts_with("h200");
        const size_t rows = what.ends_with("fallback token") ? 12u
                            : what.ends_with("fallback merge") ? 11u
                            : what.ends_with("split merge")    ? 5u
                            : what.ends_with(" kv 16-bit")    ? 32u
                            : what.ends_with("16-bit")        ? 28u
                            : what.ends_with("alone")       ? 10 * silicon
                            : what.ends_with("multi-head")  ? (what.find(" kv ") != std::string::npos ? 5u : 4u)
                            : hopper                        ? (what.ends_with(" kv") ? 27u : 28u)
                                                            : 32 * silicon;
        EXPECT_EQ(errors.size(), rows) << what;
        EXPECT_LE(std::fabs(median_of(errors)), 0.01) << what;
    }
    // The width shares: gpt-oss's 8 rows (4 TP sizes, full and sliding layers) a silicon and kernel (B200 and GB200:
    // 16), each median reproduced. Before the share, a pair's time was the same whatever the width, and gpt-oss's
    // rows were -10 to -15 % on Hopper (its blocks cost 2.1 ns less with an FP8 cache on H100, 28.9 ns x 1024 / 8192
    // = 3.5 ns less with bf16) while the 128-wide layouts' were +5 % (H100 fp8).
    EXPECT_EQ(width_fits.size(), 6u);
    for (const auto& [what, errors] : width_fits) {
        EXPECT_EQ(errors.size(), what.starts_with("b200") ? 16u : 8u) << what;
        EXPECT_LE(std::fabs(median_of(errors)), 0.01) << what;
    }
    const ValidationSummary all = summarise_kind(checks, "attention");
    EXPECT_EQ(all.rows, 6312);
    EXPECT_EQ(summarise_kind(results, "attention").fits, 866 + 112 + 650);  // with the prompt-attention fits below
    // 4.6 % (5.4 % before a query head's block time scaled with its width, 5.2 % before the fallback kernel)
    EXPECT_LE(all.median_abs_error, 0.05);
    // Blackwell within 4 % in the median with either KV format (3.9 and 3.3 %, signed -1..+1 %).
    for (const char* f : {"blackwell bf16", "blackwell fp8"}) {
        EXPECT_LE(medians(by_family[f]).second, 0.04) << f;
        EXPECT_LE(std::fabs(medians(by_family[f]).first), 0.03) << f;
    }
    // Hopper with an fp8 KV cache: 13.2 % (18.3 % before a pair's time alone and its split over thread blocks:
    // one to four requests with long contexts were up to 62 % fast, 16-256 requests of 1023 tokens 10-40 %;
    // 13.9 % before the first wave of blocks ran within the call's fixed time, when 16-64 requests of short
    // contexts ran 10-25 % faster than the model; 13.2 % before each query head of a block's group cost its own
    // time, when Llama-3.1-8B's 4 query heads a KV head ran 15 % faster than the model and Llama-3.1-405B's 16 up
    // to 38 % slower: 10.5 %; 8.5 % since Llama-2-7B, whose query heads each have a KV head, runs in the multi-head
    // kernel's keys: its rows were +61 % in the median, +36 % with bf16, and 9.0 % and 9.1 % now, the farthest one
    // to four requests of 1023-65535 tokens, up to +76 %, which that kernel spreads over fewer blocks); 7.9 % since
    // a query head's time in a block scales with its width (gpt-oss's 64-wide heads: its 256- and 1024-request rows
    // were -19..-32 % on H100, -4..-15 % now; its one to 64 requests, whose call takes 2 us more than the other
    // layouts' on Hopper with fp8, still +24..+33 %, gpt-oss's fp8 rows +28 % in the median); with bf16,
    // its own kernel's keys set, 9.8 % (10.7 % before the multi-head kernel, 12.3 % before the first wave)
    // (it was 43.8 % with the fp8 kernel's:
    // three times the time per request and KV head), gpt-oss's sliding layers the worst, whose whole context
    // that kernel's split follows (11.4 % to 10.4 % since the model follows it too; 7.2 % over the bf16 rows).
    // gpt-oss's YaRN RoPE, which Hopper's FP8 kernel leaves to a pass of its own: fp8 6.3 %.
    // Since the engine's fallback kernel (MMHA) is modelled where TensorRT-LLM sends a call to it: fp8 7.5 %
    // (Llama-2-7B's one to 16 requests of 127 tokens were +5.5 % in the median, now 0..2 %), bf16 7.4 % (one to 16
    // requests of grouped-query layouts at 127 tokens were +20 % in the median, one to four pairs at 1023 tokens
    // +53 %; now +3..+5 % and +4 %). Since a 16-bit cache streams at its kernels' own share of the bandwidth
    // (efficiency.attention_16bit, its long rows' fit; it was efficiency.attention's, where those rows were -6 % on
    // H100 and -9 % on H200 in the median): bf16 7.2 % (7.2 %, with those rows among the checks), +2.5 % signed
    // (+0.8 %); over the same 1186 checks 7.2 % either way, +1.4 % to +2.5 % signed, 432 to 464 within 5 %: the
    // shorter streams run below the long ones' rate.
    EXPECT_LE(medians(by_family["hopper fp8"]).second, 0.08);
    EXPECT_LE(medians(by_family["hopper bf16"]).second, 0.08);
    EXPECT_EQ(by_family["hopper fp8"].size() + by_family["hopper bf16"].size() + by_family["blackwell fp8"].size() +
                  by_family["blackwell bf16"].size(),
              6312u);
    // A malformed row is refused naming the item.
    auto run = [](const std::string& shape) {
        return run_validation_case(
            one_case("a,attention,h200-sxm,1,llama-3.1-8b,fp8,,,," + shape + ",tokens_per_s,1.1e7,1.1e7,src\n"));
    };
    auto good = run("tp=1 requests=1024 context=15");
    ASSERT_TRUE(good.ok()) << good.error().message;
    EXPECT_NEAR(good->predicted, 1024 / 88.01e-6, 1024 / 88.01e-6 * 0.005);  // the Roofline test's 88.0 us
    for (const char* bad : {"tp=1 requests=0 context=15", "tp=1 requests=4 context=x", "tp=1 requests=4 context=15 layer=half",
                            "tp=1 requests=4 context=15 speed=2"}) {
        auto r = run(bad);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_NE(r.error().message.find("attention: tp = chips sharing the heads"), std::string::npos) << r.error().message;
    }
    auto swa = run("tp=1 requests=4 context=15 layer=sliding");  // Llama-3.1-8B has no sliding window
    ASSERT_FALSE(swa.ok());
    EXPECT_NE(swa.error().message.find("no sliding-window"), std::string::npos) << swa.error().message;
}

// TensorRT-LLM's attention op in a prefill step (aiconfigurator context_attention_perf): B prompts of S tokens, each
// token attending the ones before it, the same 32 layouts, bf16 or fp8 attention and KV, 1-16 prompts of 128-8192
// tokens, on H100, H200, B200, GB200 and B300: 3680 rows. Each chip's full-attention rows of one prompt of 128 tokens
// set efficiency.prefill_overhead_us (B200 and GB200 together) by their median, its rows of 16 prompts of 512 tokens
// efficiency.prefill_token_ns, and its rows of 16 prompts of 8192 tokens efficiency.prefill_softmax_ps (the three
// fitted together).
TEST(Validation, PromptAttentionLayers) {
    const auto results = run_all(kPath, 21481);
    std::map<std::string, std::vector<double>> fits;
    std::map<std::string, std::vector<ValidationResult>> by_family;  // "hopper fp8", "blackwell bf16", ...
    std::vector<ValidationResult> checks;
    for (const auto& r : results) {
        if (r.c.kind != "attention" || r.c.shape.find("phase=prefill") == std::string::npos) continue;
        int tp = 0;
        double prompts = 0, length = 0;
        ASSERT_EQ(std::sscanf(r.c.shape.c_str(), "tp=%d requests=%lf context=%lf", &tp, &prompts, &length), 3) << r.c.id;
        const bool hopper = r.c.chip == "h100-sxm" || r.c.chip == "h200-sxm";
        if (r.c.fit) {
            EXPECT_TRUE((prompts == 16 && (length == 512 || length == 8192)) || (prompts == 1 && length == 128)) << r.c.id;
            fits[silicon_of(r.c) +
                 (length == 128 ? " overhead" : length == 512 ? " token" : " softmax")].push_back(r.error);
            continue;
        }
        checks.push_back(r);
        by_family[std::string(hopper ? "hopper " : "blackwell ") + r.c.precision].push_back(r);
        // Held within +-90 % so that a broken row shows: the farthest are gpt-oss's sliding-window layers with an
        // fp8 cache on Hopper at TP 4-8 (+62..+81 %), then B300's one long bf16 prompt at TP 8 (-23..-32 %). One
        // prompt of 512-2048 tokens over the 4-8 query heads a chip holds at TP 8 was up to +63 % on Hopper (-10..+10 %
        // now) before the kernel's thread blocks were counted (efficiency.prefill_tile_tokens: too few to fill the cores).
        EXPECT_LE(std::fabs(r.error), 0.9) << r.c.id << ": predicted " << r.predicted;
    }
    // Each set reproduced within 2 % in the median (fitted together, each with the other's final value).
    ASSERT_EQ(fits.size(), 12u);
    for (const auto& [what, errors] : fits) {
        const bool b200 = what.starts_with("b200"), softmax = what.ends_with("softmax");
        EXPECT_EQ(errors.size(), (softmax ? 38u : 46u) * (b200 ? 2 : 1)) << what;
        EXPECT_LE(std::fabs(median_of(errors)), 0.02) << what;
    }
    const ValidationSummary all = summarise_kind(checks, "attention");
    EXPECT_EQ(all.rows, 3030);
    EXPECT_LE(all.median_abs_error, 0.05);  // 4.8 % (7.6 % before the thread blocks' idle cores were counted)
    // Blackwell within 6 % in the median (4.0 % fp8, 5.8 % bf16; 8.9 % and 7.5 % before the blocks); Hopper within
    // 5.5 % (4.6 % fp8, 5.2 % bf16; 7.6 % and 6.4 % before; 14.1 % and 10.5 % when a prompt call paid a decode
    // call's fixed cost, a third of its own on Hopper).
    for (const char* f : {"blackwell bf16", "blackwell fp8"}) EXPECT_LE(medians(by_family[f]).second, 0.06) << f;
    for (const char* f : {"hopper bf16", "hopper fp8"}) EXPECT_LE(medians(by_family[f]).second, 0.055) << f;
    // Without the key the prompts' attention ran at its FLOPs alone: the model was 2-3x too fast at 512 tokens.
    ChipSpec h200 = *load_chip("h200-sxm");
    const ModelSpec llama = *load_model("llama-2-70b");
    const double with = attention_kernel(h200, llama, 1, 16, 512, Precision::bf16, false, Phase::prefill)->op.time_s;
    h200.efficiency.prefill_token_ns = 0;
    const double without = attention_kernel(h200, llama, 1, 16, 512, Precision::bf16, false, Phase::prefill)->op.time_s;
    EXPECT_GT(with / without, 2.0);
}

// A GEMM row says how its benchmark ran: weights from HBM on every call or rotated through copies, the
// activations quantised first.
TEST(Validation, GemmRowsSayHowTheyWereTimed) {
    auto run = [](const std::string& shape) {
        return run_validation_case(one_case("g,gemm,h100-sxm,1,,fp8,,,,1x8192x8192" + shape + ",tflops,3.6,3.6,src\n"));
    };
    auto bare = run(""), cold = run(" weights=hbm"), dynamic = run(" weights=hbm quant=dynamic");
    ASSERT_TRUE(bare.ok() && cold.ok() && dynamic.ok());
    // 2 x 8192^2 FLOP in 27.14 us from HBM (where the 67 MB would be anyway, being more than the 50 MB of
    // L2; the few KB of activations then stay on chip), 36.10 us with the max-reduction, the quantising
    // pass and the dynamic scale's 0.95 us (the Roofline tests' arithmetic).
    EXPECT_NEAR(cold->predicted, bare->predicted, bare->predicted * 0.005);
    EXPECT_NEAR(cold->predicted, 2.0 * 8192 * 8192 / 27.14e-6 / 1e12, 0.01);
    EXPECT_NEAR(dynamic->predicted, 2.0 * 8192 * 8192 / 36.10e-6 / 1e12, 0.01);
    EXPECT_NE(dynamic->detail.find("quant=dynamic"), std::string::npos) << dynamic->detail;
    // The collector's 5 copies of a 2048 x 2048 bf16 layer fit H100's L2 (Roofline tests): faster than from HBM.
    auto cycled = run_validation_case(one_case("g,gemm,h100-sxm,1,,bf16,,,,1x2048x2048 copies=5,tflops,1.26,1.26,src\n"));
    auto streamed = run_validation_case(one_case("g,gemm,h100-sxm,1,,bf16,,,,1x2048x2048 weights=hbm,tflops,1.26,1.26,src\n"));
    ASSERT_TRUE(cycled.ok() && streamed.ok());
    EXPECT_GT(cycled->predicted, streamed->predicted * 1.2);
    // clock=sustained: H200's bf16 8192^3 GEMM at the clock its 700 W limit allows (CliKernel.SustainedUnderThePowerLimit):
    // below the nominal clock's 789 TFLOP/s by the clock's fall, to the card's 667 held by the limit.
    auto burst = run_validation_case(one_case("g,gemm,h200-sxm,1,,bf16,,,,8192x8192x8192,tflops,787,787,src\n"));
    auto held = run_validation_case(one_case("g,gemm,h200-sxm,1,,bf16,,,,8192x8192x8192 clock=sustained,tflops,667,667,src\n"));
    ASSERT_TRUE(burst.ok() && held.ok());
    EXPECT_NEAR(burst->predicted, 789.2, 0.5);
    EXPECT_NEAR(held->predicted, 667, 0.03 * 667);
    EXPECT_NE(held->detail.find("clock=sustained at 1.55 GHz, 699 W"), std::string::npos) << held->detail;
    for (const char* bad : {" weights=sram", " quant=per-token", " speed=2", " copies=0", " copies=2.5", " clock=boost"}) {
        auto r = run(bad);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_NE(r.error().message.find("bad '" + std::string(bad + 1) + "'"), std::string::npos) << r.error().message;
    }
}

// Scoville's own H200 microbenchmark (tests/microbench/gpu_kernels.py; tests/data/measured-h200-kernels.csv): cuBLAS
// GEMMs through PyTorch, bf16 and FP8, 22 of them for seconds at the clock the board's 700 W limit allows (clock=sustained:
// 1.33-1.47 GHz from 128 rows, the card's clock events say the power cap) and 34 in bursts after idle at the top clock
// (1980 MHz), each burst of 250 us a call or more. Its 6 bf16 bursts of 128 to 1024 rows, which turn from memory- to
// compute-bound, set efficiency.gemm_ridge_exponent (3: their median reproduced, each within 3.4 %); the others are
// checks, whose efficiencies come from other benchmarks of this silicon: bf16's large bursts (2048 rows or more) are
// within -3.0..+1.6 % of it, FP8's are 4.5-11.7 % faster than its 0.66 (the rate TensorRT-LLM's FP8 Linear layers
// reach beside their quantising kernels in aiconfigurator's timings, and cuBLASLt's through Azure's guide at 8192^3),
// and the sustained GEMMs of 64 rows or more, whose clock the power model lowers until they draw the 700 W limit (its
// MAC energy set by the same card's duty-cycle rows: Power.GemmsAtTheTopClockDrawTheCardsPower), come within
// -3.5..+3.5 % (bf16) and -6.5..+6.0 % (FP8, at the model's 0.66); they were up to 13.4 % fast (bf16, 8192 rows) while
// the model's MAC energy came from the TDP point of Azure's held FP8 run.
TEST(Validation, OwnH200Microbenchmark) {
    const auto results = run_all(kPath, 21481);
    std::vector<ValidationResult> own, ridge;
    int sustained = 0;
    for (const auto& r : results) {
        if (source_family(r.c.source) != "Scoville GPU microbenchmark") continue;
        EXPECT_EQ(r.c.kind, "gemm") << r.c.id;
        EXPECT_EQ(r.c.chip, "h200-sxm") << r.c.id;
        const double rows = std::stod(r.c.shape);  // M, the shape's first number
        const bool at_ridge = r.c.precision == "bf16" && r.c.shape.find("clock=") == std::string::npos && rows <= 1024;
        EXPECT_EQ(r.c.fit, at_ridge) << r.c.id;
        if (r.c.fit) {
            ridge.push_back(r);
            EXPECT_LE(std::fabs(r.error), 0.035) << r.c.id << ": predicted " << r.predicted;
        }
        own.push_back(r);
        if (r.c.shape.find("clock=sustained") != std::string::npos) ++sustained;
        EXPECT_LE(std::fabs(r.error), 0.15) << r.c.id << ": predicted " << r.predicted;
        const bool burst = r.c.shape.find("clock=") == std::string::npos;
        if (burst && r.c.precision == "bf16" && rows >= 1024) {
            EXPECT_LE(std::fabs(r.error), 0.05) << r.c.id << ": predicted " << r.predicted;
        }
        if (!burst && r.c.precision == "bf16" && rows >= 64) {
            EXPECT_LE(std::fabs(r.error), 0.05) << r.c.id << ": predicted " << r.predicted << " held by the limit";
        }
    }
    EXPECT_EQ(own.size(), 56u);
    EXPECT_EQ(sustained, 22);
    ASSERT_EQ(ridge.size(), 6u);
    std::vector<double> ridge_errors;
    for (const auto& r : ridge) ridge_errors.push_back(r.error);
    EXPECT_LE(std::fabs(median_of(ridge_errors)), 0.005);
    // At every op's p (2) those rows were 1.9-13.1 % slow in the model (the most at 256 rows), at p = 4 up to 7.6 %
    // fast (128 rows).
    const ValidationSummary s = summarise(own, false);
    EXPECT_EQ(s.rows, 50);
    EXPECT_EQ(s.fits, 6);
    EXPECT_LE(s.median_abs_error, 0.05);  // 4.6 % (6.1 % with the MAC energy of Azure's held FP8 run)
    EXPECT_EQ(s.rows_within_25, 50);
}

// LLMServingSim's profile of one TPU v6e (PyTorch/XLA, Hugging Face's Llama-3.1-8B in bf16): its six GEMM layers at
// M = 1 and every multiple of 16 to 2048, 754 rows. The profile's times rise in steps of 8 rows of M, never at the
// MXU's 256: a weight-stationary array (compute.dataflow) pads M to the rows it streams (compute.stream_rows 8).
// Padding M to 256 rows, as an output-stationary array would, made the model's error fall by 9-22 points from each
// whole number of tiles to 16 rows past it. The six rows at M = 528, nearest the ridge (527 rows, where the chip's
// compute and memory times meet), are fits: they set efficiency.gemm_ridge_exponent, 8 (the DMA-fed MXU turns from
// memory- to compute-bound almost as sharply as the roofline's max); the chip's efficiencies stay estimates.
TEST(Validation, TpuV6eProjectionsByRows) {
    const auto results = run_all(kPath, 21481);
    const ValidationSummary tpu = summarise_source(results, false, "LLMServingSim TPU v6e");
    EXPECT_EQ(tpu.rows, 748);
    EXPECT_EQ(tpu.fits, 6);
    std::vector<ValidationResult> rows;
    std::vector<double> fits;
    std::map<std::string, double> error;
    for (const auto& r : results)
        if (source_family(r.c.source) == "LLMServingSim TPU v6e") {
            error[r.c.id] = r.error;
            if (r.c.fit) {
                EXPECT_NE(r.c.id.find("-m528"), std::string::npos) << r.c.id;
                fits.push_back(r.error);
            } else {
                rows.push_back(r);
            }
        }
    // The fits' median, -0.04 % (-22.7 % at every other kernel's p, 2; -8.2 % at 4). Their spread is XLA's: q_proj
    // runs 1.9 times as long as o_proj of the same 4096 x 4096 weights there (+73 %).
    ASSERT_EQ(fits.size(), 6u);
    EXPECT_LE(std::fabs(median_of(fits)), 0.01);
    // The checks: 8.1 % in the median, signed +2.0 %, 627 within +-25 % and 633 within +-35 % (at p = 2: 14.7 %,
    // -10.4 %, 615 and 665). What remains is the library's own choices: XLA runs q_proj 45-117 % slower at whole
    // multiples of 128 rows than 16 rows either side, and slower than o_proj of its shape at 528 to 1000 rows (there
    // +41..+73 % now, +23..+35 % at p = 2), and takes less time than o_proj's weights need from HBM at 16 to 256 rows
    // (it fetches them during the op before).
    EXPECT_LE(tpu.median_abs_error, 0.09);
    EXPECT_LE(std::fabs(medians(rows).first), 0.04);
    EXPECT_GE(tpu.rows_within_25, 620);
    EXPECT_GE(tpu.rows_within_35, 625);
    // From a whole number of tiles (256 k rows, k = 2..7) to 16 rows past it, the error of the three widest layers
    // (gate_proj, up_proj, lm_head) moves by 0.3 points in the median (12.0 with M padded to 256 rows).
    std::vector<double> steps;
    for (const char* layer : {"gate-proj", "up-proj", "lm-head"})
        for (int k = 2; k <= 7; ++k) {
            const std::string at = std::string("llmss-v6e-l8b-") + layer + "-m";
            steps.push_back(std::fabs(error.at(at + std::to_string(256 * k + 16)) - error.at(at + std::to_string(256 * k))));
        }
    EXPECT_LE(median_of(steps), 0.02);
}

TEST(Validation, FixedParallelismIsParsedAndChecked) {
    auto run = [](const std::string& shape) {
        return run_validation_case(
            one_case("a,serving,h100-sxm,8,llama-2-70b,fp8,offline,300,285," + shape + ",tokens_per_s,20000,2500,src\n"));
    };
    auto tp4 = run("tp=4");
    ASSERT_TRUE(tp4.ok()) << tp4.error().message;
    EXPECT_EQ(tp4->detail.rfind("tp 4, batch", 0), 0u) << tp4->detail;
    auto any = run("");
    ASSERT_TRUE(any.ok());
    EXPECT_GE(any->predicted, tp4->predicted * (1 - 1e-9));  // free choice is at least as good as one fixed degree
    // A run held to a board power limit (MLPerf MaxQ): the chip's TDP falls to it and the model lowers
    // the clock until the power fits, so a cap under what the run draws costs throughput.
    auto capped = run("tp=4 power_cap_w=400");
    ASSERT_TRUE(capped.ok()) << capped.error().message;
    EXPECT_LT(capped->predicted, tp4->predicted * 0.97);
    auto loose = run("tp=4 power_cap_w=5000");  // above the 700 W TDP: nothing changes
    ASSERT_TRUE(loose.ok());
    EXPECT_DOUBLE_EQ(loose->predicted, tp4->predicted);
    // A system wired differently from the chip's file says so with chip keys: a four-GPU HGX H100
    // board has no NVSwitch and each GPU's 18 links go 6 to each peer, so a pair of chips has a third
    // of the bandwidth the switch gives it and a TP-2 pair's all-reduces take longer (a TP-4 group's
    // reach all three peers at once, as through the switch, whose reduction the library keeps for 8).
    auto tp2 = run("tp=2");
    auto board = run("tp=2 link.topology=mesh link.domain=4");
    ASSERT_TRUE(tp2.ok() && board.ok()) << board.error().message;
    EXPECT_LT(board->predicted, tp2->predicted);
    auto same = run("tp=4 link.topology=switch");  // what the file already says: nothing changes
    ASSERT_TRUE(same.ok());
    EXPECT_DOUBLE_EQ(same->predicted, tp4->predicted);
    for (const char* bad : {"tp=0", "tp=x", "8", "tp", "in_cv=-1", "out_cv=nan", "speed=2", "kv=paged", "host_us=-1",
                            "power_cap_w=0", "power_cap_w=x", "link.topology=ring", "link.domain=0"}) {
        auto r = run(bad);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_NE(r.error().message.find("bad '" + std::string(bad) + "'"), std::string::npos) << r.error().message;
    }
    // Well formed but not a split of 8 chips: refused by the model, naming the input.
    auto three = run("tp=3");
    ASSERT_FALSE(three.ok());
    EXPECT_NE(three.error().message.find("multiple of tp x attention_dp x pp (3)"), std::string::npos)
        << three.error().message;
    // A spread of lengths costs throughput: longer-lived long requests hold more KV and attend more.
    auto spread = run("tp=4 in_cv=0.77 out_cv=0.79");
    ASSERT_TRUE(spread.ok()) << spread.error().message;
    EXPECT_LT(spread->predicted, tp4->predicted);
    // Paging the KV cache on demand fits more requests than reserving each one's final length.
    // (at tp 1 memory bounds the batch: 72.0 - 69.50 = 2.50 GB of KV room, the weights 68.98 GB at fp8 and
    // 0.52 GB more for the token embedding and LM head kept at 16 bits, 2 x 32000 x 8192 x 1 B; 0.0958 GB per
    // request at its final 585 tokens holds 26; at the mean context of 442 tokens, 0.0724 GB each, 34)
    auto reserved = run("tp=1");
    auto paged = run("tp=1 kv=on_demand");
    ASSERT_TRUE(reserved.ok() && paged.ok());
    EXPECT_NE(reserved->detail.find("batch 26"), std::string::npos) << reserved->detail;
    EXPECT_NE(paged->detail.find("batch 34"), std::string::npos) << paged->detail;
    EXPECT_GT(paged->predicted, reserved->predicted * 1.2);
    // Expert parallelism beyond tensor parallelism: attention data-parallel ranks.
    auto ep = run_validation_case(
        one_case("m,serving,h100-sxm,8,mixtral-8x7b,fp8,offline,427,145,tp=1 dp=8 ep=8,tokens_per_s,50000,6250,src\n"));
    ASSERT_TRUE(ep.ok()) << ep.error().message;
    EXPECT_EQ(ep->detail.rfind("tp 1 dp 8 ep 8, batch", 0), 0u) << ep->detail;
    // A role column marks fits.
    auto fit = parse_validation_csv(
        "case,kind,chip,chips,model,precision,scenario,input_len,output_len,shape,metric,value,per_chip,role,source\n"
        "g,gemm,h100-sxm,1,,bf16,,,,8192x8192x8192,tflops,792,792,fit,MAMF, with a comma\n",
        "x.csv");
    ASSERT_TRUE(fit.ok()) << fit.error().message;
    EXPECT_TRUE(fit->front().fit);
    EXPECT_EQ(fit->front().source, "MAMF, with a comma");
}

// MLPerf v5.1's interactive scenario is a server held to p99 TTFT 450 ms and TPOT 40 ms (its logs'
// requested_server_ttft_latency and _tpot_latency), where the server scenario allows 2 s and 200 ms: the
// same system serves less under it. An unknown scenario is refused, naming it.
TEST(Validation, InteractiveIsAServerHeldToTighterLimits) {
    auto one = [](const std::string& scenario) {
        return one_case("a,serving,h200-sxm,8,llama-2-70b,fp8," + scenario +
                        ",222,291,tp=1 pp=1 kv=on_demand in_cv=0.77 out_cv=0.79,tokens_per_s,20000,2500,src\n");
    };
    auto limits = validation_scenario(one("interactive"));
    ASSERT_TRUE(limits.ok()) << limits.error().message;
    EXPECT_EQ(limits->ttft_slo_s, 0.45);
    EXPECT_EQ(limits->tpot_slo_s, 0.04);
    auto server = run_validation_case(one("server")), interactive = run_validation_case(one("interactive"));
    ASSERT_TRUE(server.ok() && interactive.ok());
    EXPECT_LT(interactive->predicted, server->predicted);
    auto bad = validation_scenario(one("batch"));
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("unknown scenario 'batch' (offline, server or interactive)"), std::string::npos)
        << bad.error().message;
}

TEST(Validation, RefusesMalformedData) {
    EXPECT_FALSE(parse_validation_csv("nonsense\n", "x.csv").ok());
    auto bad = parse_validation_csv(kHeader + "a,serving,h100-sxm,8,llama-2-70b,fp8,offline,300,285,,tokens_per_s,abc,1,src\n",
                                    "x.csv");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("x.csv:2: case 'a': bad value"), std::string::npos);
    // A fused MoE row names what is wrong in its shape, its model or its expert-parallel size.
    auto run_one = [](const std::string& row) { return run_validation_case(one_case(row)); };
    auto ok = run_one("m,moe,h200-sxm,8,mixtral-8x7b,fp8,,,,tokens=16384 ep=8,tokens_per_s,1e7,1e7,src\n");
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_NE(ok->detail.find("moe layer "), std::string::npos) << ok->detail;
    for (const auto& [row, says] : std::vector<std::pair<std::string, std::string>>{
             {"m,moe,h200-sxm,8,mixtral-8x7b,fp8,,,,tokens=0 ep=8,tokens_per_s,1,1,src\n", "bad 'tokens=0'"},
             {"m,moe,h200-sxm,8,mixtral-8x7b,fp8,,,,ep=8,tokens_per_s,1,1,src\n", "moe: tokens = "},
             {"m,moe,h200-sxm,8,mixtral-8x7b,fp8,,,,tokens=16 ep=3,tokens_per_s,1,1,src\n", "ep 3 does not divide"},
             {"m,moe,h200-sxm,8,llama-2-70b,fp8,,,,tokens=16 ep=1,tokens_per_s,1,1,src\n", "no routed experts"}}) {
        auto r = run_one(row);
        ASSERT_FALSE(r.ok()) << row;
        EXPECT_NE(r.error().message.find(says), std::string::npos) << r.error().message;
    }
}
