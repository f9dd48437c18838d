// `scoville chips`, `scoville roadmap` and `scoville tech`: formats, contents and bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/cli_run.hpp"

namespace {

using scoville::test::CliRun;
CliRun run(std::vector<std::string> args) { return scoville::test::run_cli(std::move(args)); }

}  // namespace

TEST(CliChips, JsonListsEveryChipWithDerivedPeaks) {
    const CliRun r = run({"chips", "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_TRUE(j.is_array());
    EXPECT_GE(j.size(), 23u);  // 22 data-sheet chips + jalapeno-est
    bool saw_h100 = false, saw_jalapeno = false;
    for (const auto& c : j) {
        for (const char* key : {"id", "name", "vendor", "year", "confidence", "source", "estimated",
                                "peak_tflops", "memory_tb_s", "memory_gb", "power"})
            EXPECT_TRUE(c.contains(key)) << key;
        if (c["id"] == "h100-sxm") {
            saw_h100 = true;
            // 132 x 2048 MAC/clk x 2 x 1.83 GHz = 989.4 TF bf16; fp8 twice; 5 x 0.67 = 3.35 TB/s; 700 W
            EXPECT_NEAR(c["peak_tflops"]["bf16"].get<double>(), 989.4, 0.1);
            EXPECT_NEAR(c["peak_tflops"]["fp8"].get<double>(), 1978.9, 0.1);
            EXPECT_TRUE(c["peak_tflops"]["fp4"].is_null());  // not native on Hopper
            EXPECT_NEAR(c["memory_tb_s"].get<double>(), 3.35, 1e-9);
            EXPECT_EQ(c["power"]["tdp_w"].get<double>(), 700);
            EXPECT_NEAR(c["model_die_area_mm2"].get<double>(), 814, 0.15 * 814);
        }
        if (c["id"] == "jalapeno-est") {
            saw_jalapeno = true;
            EXPECT_EQ(c["confidence"], "estimate");
            EXPECT_FALSE(c["estimated"].empty());
        }
    }
    EXPECT_TRUE(saw_h100);
    EXPECT_TRUE(saw_jalapeno);
}

TEST(CliChips, TableShowsSourcesAndEstimates) {
    const CliRun r = run({"chips"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("a100-sxm"), std::string::npos);
    EXPECT_NE(r.out.find("tpu-v7"), std::string::npos);
    EXPECT_NE(r.out.find("source: NVIDIA A100 datasheet"), std::string::npos);
    EXPECT_NE(r.out.find("estimated: "), std::string::npos);
    // A100 row: 108 x 1024 x 2 x 1.41 GHz = 312 TF bf16, 624 TOPS int8, 80 GB, 2.04 TB/s, 400 W
    const auto row = r.out.substr(r.out.find("a100-sxm"), 140);
    EXPECT_NE(row.find(" 312 "), std::string::npos) << row;
    EXPECT_NE(row.find(" 624 "), std::string::npos) << row;
    EXPECT_NE(row.find("2.04"), std::string::npos) << row;
    EXPECT_NE(row.find(" hbm2e "), std::string::npos) << row;
    // The table names each chip's memory: GDDR7 on the RTX PRO 6000 (96 GB, 1.79 TB/s), none on Groq's LPU.
    const auto rtx = r.out.substr(r.out.find("rtx-pro-6000"), 140);
    EXPECT_NE(rtx.find(" gddr7 "), std::string::npos) << rtx;
    EXPECT_NE(rtx.find(" 96 "), std::string::npos) << rtx;
    EXPECT_NE(rtx.find("1.79"), std::string::npos) << rtx;
    const auto groq = r.out.substr(r.out.find("groq-lpu"), 140);
    EXPECT_NE(groq.find(" - "), std::string::npos) << groq;
}

TEST(CliRoadmap, JsonAndTable) {
    const CliRun j = run({"roadmap", "--format", "json"});
    ASSERT_EQ(j.code, 0) << j.err;
    const auto arr = nlohmann::json::parse(j.out);
    ASSERT_EQ(arr.size(), 23u);
    EXPECT_EQ(arr[0]["name"], "A100");
    EXPECT_EQ(arr[0]["chips"][0], "a100-sxm");
    EXPECT_TRUE(arr[0]["announced"].empty());
    // MI400: "40 PF FP4; 432 GB HBM4 19.6 TB/s" as result keys.
    bool mi400 = false;
    for (const auto& e : arr) {
        if (e["name"] != "MI400 (MI455X)") continue;
        mi400 = true;
        EXPECT_EQ(e["announced"]["memory_gb"], 432);
        EXPECT_EQ(e["announced"]["peak_fp4_tflops"], 40000);
        EXPECT_EQ(e["announced"]["memory_tb_s"], 19.6);
    }
    EXPECT_TRUE(mi400);
    const CliRun t = run({"roadmap"});
    ASSERT_EQ(t.code, 0);
    EXPECT_NE(t.out.find("Ironwood"), std::string::npos);
    EXPECT_NE(t.out.find("jalapeno-est"), std::string::npos);
}

TEST(CliTech, ListsAssumptionsWithBasis) {
    const CliRun r = run({"tech", "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto arr = nlohmann::json::parse(r.out);
    bool saw_reticle = false;
    for (const auto& row : arr) {
        EXPECT_FALSE(row["basis"].get<std::string>().empty()) << row["key"];
        if (row["key"] == "area.reticle_mm2") {
            saw_reticle = true;
            EXPECT_EQ(row["value"].get<double>(), 858);
        }
    }
    EXPECT_TRUE(saw_reticle);
}

TEST(CliLibrary, BadFormatNamed) {
    for (const char* cmd : {"chips", "roadmap", "tech"}) {
        const CliRun r = run({cmd, "--format", "xml"});
        EXPECT_EQ(r.code, 2) << cmd;
        EXPECT_NE(r.err.find("--format"), std::string::npos) << r.err;
        EXPECT_TRUE(r.out.empty());
    }
}
